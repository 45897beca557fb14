"""What the words of a finding say besides its size: a state for a spot without a size, "new",
the words that leave it open ("possible", "cannot exclude"), a finding denied ("no nodes"), and
"no evidence of disease" for the whole report."""

from __future__ import annotations

import re

from survivor_app.domain import SpotState

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
_GONE = re.compile(
    r"\b(?:resolved|resolution|resolving|no longer (?:seen|visible|visuali[sz]ed|identified|"
    r"evident|present|demonstrated|apparent|detected|appreciated|measurable|an?|any)|disappeared|"
    r"(?:status post|s/p|after|following)\s+(?:\w+\s+)?(?:resection|excision|removal|ablation)|"
    r"has gone|have gone|not (?:seen|visible|identified) (?:on|in) (?:this|the current|today)|"
    r"complete(?:ly)? (?:response|resolution|regression)|no residual|not (?:re-?)?demonstrated|"
    r"(?:can ?not|can't) be seen any ?more|not seen any ?more)\b",
    _I,
)
_GROWING = re.compile(
    r"\b(?:increas\w*|enlarg(?:ing|ed in size|ement)|progress\w*|grow\w*|grew|grown|larger|"
    r"bigger|worse\w*|expand\w*|extension)\b",
    _I,
)
_PRESENT = re.compile(
    r"\b(?:stable|unchanged|persist\w*|again (?:seen|noted|demonstrated|identified)|"
    r"re-?demonstrated|re-?identified|similar|remains?|redemonstrat\w*|no (?:significant |"
    r"interval |appreciable |definite )*change|without (?:significant |interval )*change|"
    r"decreas\w*|smaller|reduc\w*|shr[iau]nk\w*|regress\w*|improv\w*|less prominent|"
    r"present|seen|noted|identified|demonstrated|visuali[sz]ed|there (?:is|are))\b",
    _I,
)
_NEW = re.compile(
    r"\b(?:new|newly)\b|\bnot (?:seen|present|visible|identified) (?:previously|before|on the "
    r"(?:prior|previous|last) (?:study|scan|exam\w*))",
    _I,
)
_NOT_NEW = re.compile(
    r"\b(?:no|not|without|nor|or)\s+(?:\w+\s+){0,2}?(?:new|newly)\b|\bnew\s+baseline\b", _I
)
_NEGATION = re.compile(r"\b(?:no|not|without|negative for|free of|nor)\b", _I)
_NOT_A_NEGATION = re.compile(r"\bno (?:longer|significant change|change|interval change)", _I)
_HEDGE = re.compile(
    r"\b(?:possibl[ey]|probabl[ey]|indeterminate|equivocal|questionabl[ey]|may (?:represent|be|"
    r"reflect|indicate)|might|could (?:represent|be|reflect)|cannot (?:be )?(?:excluded?|ruled? "
    r"out)|can ?not (?:be )?(?:excluded?|ruled? out)|not (?:be )?excluded|uncertain|unclear|"
    r"likely|suspicious|suspected|concerning for|nonspecific|non-specific|"
    r"too small to characteri[sz]e|borderline|query|cannot be characteri[sz]ed|differential)\b|\?",
    _I,
)
#: A feature of a finding, hedged on its own: "a 14 mm lesion with possible capsular extension".
_HEDGED_FEATURE = re.compile(
    r"\bwith (?:a )?(?:possible|probable|questionable|suspected|likely) [\w-]+(?: [\w-]+)?", _I
)
_NED = re.compile(
    r"\bno (?:\w+ ){0,2}?evidence of (?:(?!new\b)\w+ ){0,3}?(?:disease|recurrence|malignancy)\b",
    _I,
)
_NED_SHORT = re.compile(r"\bNE[DR]\b")


def state_of(text: str) -> SpotState | None:
    """The state a piece of a sentence gives a spot, or None when it names none."""
    if _GONE.search(text):
        return SpotState.GONE
    growing = _GROWING.search(text)
    if growing and not _negated(text, growing.start()):
        return SpotState.GROWING
    if _PRESENT.search(text) or growing:
        return SpotState.PRESENT
    return None


def is_new(text: str) -> bool:
    """Whether a piece of a sentence says the finding is new ("no new lesions" is not)."""
    return bool(_NEW.search(text)) and not _NOT_NEW.search(text)


def is_uncertain(text: str) -> bool:
    """Whether the words leave the finding open; "with possible extension" leaves the
    extension open, not the finding."""
    return bool(_HEDGE.search(_HEDGED_FEATURE.sub(" ", text)))


def is_denied(text: str, thing_start: int) -> bool:
    """Whether the thing named at ``thing_start`` is denied: "no enlarged lymph nodes"."""
    return _negated(text, thing_start)


def no_evidence_of_disease(text: str) -> bool:
    """Whether a report says there is no evidence of disease (or of recurrence)."""
    return bool(_NED.search(text) or _NED_SHORT.search(text))


def _negated(text: str, start: int) -> bool:
    """Whether a negation stands a few words before ``start``, with no verb between."""
    words = text[:start].split()[-4:]
    window = " ".join(words)
    if _NOT_A_NEGATION.search(window):
        return False
    negations = list(_NEGATION.finditer(window))
    if not negations:
        return False
    between = window[negations[-1].end() :]
    return not re.search(
        r"\b(?:change|in|since|compared|but|however|has|have|is|are|was|were)\b|[,;]", between, _I
    )
