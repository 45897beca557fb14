"""Which sizes of a sentence are earlier ones: "previously 2.5 cm", "from 25 mm", "compared with
14 mm on 3/2024", "(prior 1.1 cm)", "25 mm at baseline". A size is today's unless the words
right beside it make it an earlier one; "previously seen" or "compared with the prior study"
name no earlier size."""

from __future__ import annotations

import re

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
#: How far before a size its cue is looked for: cues stand right beside their size, and a
#: bounded tail keeps the time linear in the sentence's length.
_TAIL = 80
#: Words that may stand between an earlier-size cue and its size ("previously measuring about").
_FILLER = (
    r"(?:\s|\(|:|=|-|#|~|\b(?:measur(?:ed|ing)|of|at|about|approx(?:imately|\.)?|roughly|up to|"
    r"size|diameter|the|this|it|which|that|they|these|study|exam|examination|scan|"
    r"ct|mri|mr|pet|ultrasound|us|imaging|mammogram|dated|on|in|when|was|were|had|"
    r"short[- ]?axis|long[- ]?axis|lesion|node|nodule|mass)\b)*+"
)
_BEFORE = re.compile(
    r"\b(?:previously|previous(?!ly)|prev|prior|formerly|earlier|initially|originally|baseline|"
    r"nadir|(?<!\bseen )before|from|compared (?:with|to)|versus|vs\.?|was|were|had been|"
    r"having been|then|last)"
    rf"\b\.?{_FILLER}$",
    _I,
)
#: "previously seen", "prior study": an earlier scan, not an earlier size.
_NOT_A_CUE = re.compile(
    r"\b(?:previously|prior|previous)\s+(?:seen|noted|described|identified|demonstrated|"
    r"reported|visuali[sz]ed|mentioned|known|treated|biopsied|ablated|resected|irradiated)",
    _I,
)
#: Words right after a size that make it an earlier one: "25 mm previously", "14 mm on 3/2024".
_AFTER = re.compile(
    r"\s*+(?:,\s*+)?(?:\(\s*+)?(?:previously|before|earlier|formerly|ago|at baseline|last time|"
    r"at (?:the time of )?(?:diagnosis|presentation)|(?:on|in|from|at|of)"
    r"\s+(?:the\s+)?(?:#|prior|previous|last|preceding|earlier|comparison|baseline|old|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)|prior\b(?!\s+to\b)|"
    r"on the (?:scan|study|exam|examination|ct|mri|ultrasound) (?:of|on|from|dated) #)",
    _I,
)
#: A cue right after a size that belongs to the size after it: "8 mm (previously 14 mm)".
_CUE_FOR_NEXT = re.compile(
    r"\s*+(?:,\s*+)?(?:\(\s*+)?(?:previously|prior|before|earlier|formerly)\s*+(?:(?:measuring|of|at|:)\s*+)?"
    r"[\d.]",
    _I,
)
#: An arrow from an earlier size to today's: "2.5 cm -> 2.1 cm", "25 mm → 21 mm".
_ARROW = re.compile(r"\s*+(?:-+>|→|⟶|=>)\s*+[\d.]")
#: Right before a size, words that make it today's whatever came earlier: "now", "to".
_TODAY = re.compile(
    r"\b(?:now|currently|today|presently|at present|(?<!compared )(?<!prior )(?<!up )to|"
    r"this (?:study|exam|scan))\b"
    r"(?:\s|measur\w*|about|approx(?:imately|\.)?|up to|:)*+$",
    _I,
)


def is_prior(blanked: str, start: int, end: int, previous_end: int) -> bool:
    """Whether the size at ``start:end`` of a blanked sentence is an earlier size.

    ``previous_end`` is where the size before it ends (0 for the first): a cue is read only
    between the two sizes, so the cue of one size is never taken for the next one's.
    """
    before = blanked[max(previous_end, start - _TAIL) : start]
    today = _TODAY.search(before)
    cue = _BEFORE.search(before)
    if cue and _NOT_A_CUE.match(before, cue.start()):
        cue = None
    if cue or today:
        return today is None or (cue is not None and cue.start() > today.start())
    if _ARROW.match(blanked, end):
        return True  # "2.5 cm -> 2.1 cm": the size before the arrow is the earlier one
    if _CUE_FOR_NEXT.match(blanked, end):
        return False
    return bool(_AFTER.match(blanked, end))
