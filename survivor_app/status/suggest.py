"""A status suggested from the words of a doctor's statement (STATUS_RULES.md §6); the person
accepts or changes it, so a suggestion only needs to be right when the words are clear."""

from __future__ import annotations

import re
from dataclasses import dataclass

from survivor_app.domain import RecurrenceType, Status


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A status read from a statement's words, and where the cancer came back when that is clear."""

    status: Status
    recurrence_type: RecurrenceType | None = None


# Whole phrases that hold a "no" of their own; they are read first and blanked out, so that their
# "no" does not negate anything else.
_PHRASES: tuple[tuple[Status, str], ...] = (
    (
        Status.COMPLETE_REMISSION,
        r"no (?:more |further )?(?:evidence|signs?|traces?) of (?:any |the )?(?:active )?"
        r"(?:disease|cancer|tumou?rs?|malignancy|recurrence)"
        r"|no (?:more |active )?(?:cancer|disease|tumou?r)(?: left| remaining)?",
    ),
    (
        Status.STABLE,
        r"no (?:real |big |significant )?change"
        r"|nothing (?:has |had )?changed|(?:has|have|had) not changed|(?:has|have|had)n't changed",
    ),
)

_CUES: tuple[tuple[Status, str], ...] = (
    (
        # "Come back in three months" and "she returned for her scan" are about visits, so
        # coming back and returning need the cancer (or "it") as the one doing it.
        Status.RECURRED,
        r"(?:has|have|had|it|it's|cancer|tumou?rs?|disease|spots?) (?:c[ao]me|coming) back"
        r"|(?:it|cancer|tumou?rs?|disease) came back"
        r"|(?:it|cancer|tumou?rs?|disease|they) (?:is|are|was|were) back|it's back"
        r"|(?:has|have|had|it|cancer|tumou?rs?|disease) returned|recurr\w*|relaps\w*",
    ),
    (
        Status.PROGRESSED,
        r"gr[eo]wn|grew|growing|growth|spread\w*|bigger|larger|progress(?:ed|es|ing|ion|ive)"
        r"|worse\w*|increas\w*|new (?:spots?|lesions?|tumou?rs?)|metastasi[sz]ed",
    ),
    (
        Status.COMPLETE_REMISSION,
        r"all clear|clear scans?|(?:scans?|ct|mri|pet|x-ray|mammogram)s? (?:is|are|was|were|came "
        r"back|looks?|looked) (?:all )?clear|(?:complete|full) (?:remission|response)|in remission"
        r"|cancer[- ]free|disease[- ]free|(?:is|are|has|have) (?:all )?gone(?! down| up)"
        r"|went away|disappeared",
    ),
    (
        Status.PARTIAL_REMISSION,
        r"shr[aiu]nk\w*|smaller|respond\w*|partial (?:remission|response)|decreas\w*|reduc\w*"
        r"|(?:gone|went|come|came) down",
    ),
    (
        Status.STABLE,
        r"stable|controlled|under control|unchanged|the same size|same as before|holding steady"
        r"|steady",
    ),
)

_PHRASE_PATTERNS = tuple((status, re.compile(pattern)) for status, pattern in _PHRASES)
_CUE_PATTERNS = tuple((status, re.compile(rf"\b(?:{pattern})\b")) for status, pattern in _CUES)
#: Any phrase or cue: a clause without one suggests nothing, and is passed over in one search.
_ANY = re.compile("|".join([p for _, p in _PHRASES] + [rf"\b(?:{p})\b" for _, p in _CUES]))

# Which status wins when a statement holds several: the most serious finding first.
_ORDER = (
    Status.RECURRED,
    Status.PROGRESSED,
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
)

_NEGATION = re.compile(r"\b(?:no|not|never|without|nothing|none|neither|nor|cannot)\b|n't\b")
# A negation reaches this many words ahead: "no sign of any growth", "no sign that it has grown".
_NEGATION_REACH = 5
_CLAUSE = re.compile(r"[.;:!?,()\n]|\b(?:but|however|although|though|while)\b")
_SENTENCE = re.compile(r"[.;!\n]")
# Words that leave a finding open: a sentence holding one suggests nothing, whatever else it says.
# "May" the month ("in May", "May 2024") is not one of them.
_HEDGE = re.compile(
    r"\b(?:rule out|ruled out|exclude|not sure|unsure|uncertain|unclear|might|maybe|perhaps"
    r"|possibl\w*|probabl\w*|likely|could|suspicious|suspect\w*|query|concern\w*|worr\w*"
    r"|indeterminate|equivocal|(?<!in )(?<!since )(?<!of )(?<!from )(?<!until )(?<!last )"
    r"(?<!next )(?<!early )(?<!late )may(?! \d))\b|\?"
)
_PLACES: tuple[tuple[RecurrenceType, str], ...] = (
    (
        RecurrenceType.DISTANT,
        r"liver|lungs?|bones?(?! scan)|brain|spine|distant|metasta\w*",
    ),
    (RecurrenceType.REGIONAL, r"lymph nodes?|nodes?|armpit|axilla\w*|regional|nearby"),
    (
        RecurrenceType.LOCAL,
        r"same (?:place|spot|area|site)|where it (?:first )?started|local\w*|(?:the|its) scar",
    ),
)


def suggest_status(text: str, *, primary_site: str = "") -> Suggestion | None:
    """The status a statement's words suggest, or None when they suggest none clearly.

    A negated finding ("it has not grown") suggests nothing of itself, and a finding in a hedged
    sentence ("we can't rule out that it has spread") makes the whole statement suggest nothing:
    no suggestion is better than a wrong one. ``primary_site`` keeps a word naming where the
    cancer started ("lung" for a lung cancer) from suggesting a distant recurrence.
    """
    # "NED" is read before lower-casing, so that the name Ned is not taken for it.
    if re.search(r"\bNED\b", text):
        text = re.sub(r"\bNED\b", " no evidence of disease ", text)
    lowered = text.lower().replace("’", "'")
    if not _ANY.search(lowered):
        return None
    found: set[Status] = set()
    for sentence in _SENTENCE.split(lowered):
        in_sentence: set[Status] = set()
        for clause in _CLAUSE.split(sentence):
            _read_clause(clause, in_sentence)
        if in_sentence and _HEDGE.search(sentence):
            return None
        found |= in_sentence
    for status in _ORDER:
        if status in found:
            kind = _place(lowered, primary_site) if status is Status.RECURRED else None
            return Suggestion(status, kind)
    return None


def _read_clause(clause: str, found: set[Status]) -> None:
    if not _ANY.search(clause):
        return
    for status, pattern in _PHRASE_PATTERNS:
        if pattern.search(clause):
            found.add(status)
            clause = pattern.sub(" ", clause)
    for status, pattern in _CUE_PATTERNS:
        for match in pattern.finditer(clause):
            if not _negated(clause, match.start()):
                found.add(status)


def _negated(clause: str, start: int) -> bool:
    """Whether a negation comes shortly before a word of the clause."""
    words_before = clause[:start].split()[-_NEGATION_REACH:]
    return bool(_NEGATION.search(" ".join(words_before)))


def _place(text: str, primary_site: str) -> RecurrenceType | None:
    """Where the cancer came back, when a place is named and not denied."""
    site = primary_site.lower()
    for kind, pattern in _PLACES:
        for clause in _CLAUSE.split(text):
            for match in re.finditer(rf"\b(?:{pattern})\b", clause):
                named_site = kind is RecurrenceType.DISTANT and match.group(0).rstrip("s") in site
                if not named_site and not _negated(clause, match.start()):
                    return kind
    return None
