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
        r"no (?:evidence|signs?|trace) of (?:any )?(?:active )?"
        r"(?:disease|cancer|tumou?rs?|malignancy)",
    ),
    (Status.STABLE, r"no (?:real |big |significant )?change"),
)

_CUES: tuple[tuple[Status, str], ...] = (
    (
        # "Come back in three months" and "she returned for her scan" are about visits, so
        # coming back and returning need the cancer (or "it") as the one doing it.
        Status.RECURRED,
        r"(?:has|have|had|it|it's|cancer|tumou?rs?|disease|spots?) (?:c[ao]me|coming) back"
        r"|(?:it|cancer|tumou?rs?|disease) came back"
        r"|(?:has|have|had|it|cancer|tumou?rs?|disease) returned|recurr\w*|relaps\w*",
    ),
    (
        Status.PROGRESSED,
        r"gr[eo]wn|grew|growing|growth|spread\w*|bigger|larger|progress(?:ed|es|ing|ion|ive)|worse\w*"
        r"|increas\w*|new (?:spots?|lesions?|tumou?rs?)",
    ),
    (
        Status.COMPLETE_REMISSION,
        r"all clear|complete (?:remission|response)|cancer[- ]free|disease[- ]free",
    ),
    (
        Status.PARTIAL_REMISSION,
        r"shr[aiu]nk\w*|smaller|respond\w*|partial (?:remission|response)|decreas\w*",
    ),
    (Status.STABLE, r"stable|controlled|under control|unchanged|the same size"),
)

# Which status wins when a statement holds several: the most serious finding first.
_ORDER = (
    Status.RECURRED,
    Status.PROGRESSED,
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
)

# What a denied finding suggests: "no sign of it coming back" is no evidence of disease, and
# "no sign of growth" is stable. Denying any other finding suggests nothing.
_DENIED = {Status.RECURRED: Status.COMPLETE_REMISSION, Status.PROGRESSED: Status.STABLE}

_NEGATION = re.compile(r"\b(?:no|not|never|without|nothing|none|neither|nor|cannot)\b|n't\b")
# A negation reaches this many words ahead: "no sign of any growth".
_NEGATION_REACH = 5
_CLAUSE = re.compile(r"[.;:!?,()\n]|\b(?:but|however|although|though|while)\b")

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

    ``primary_site`` keeps a word naming where the cancer started ("lung" for a lung cancer)
    from suggesting a distant recurrence.
    """
    # "NED" is read before lower-casing, so that the name Ned is not taken for it.
    if re.search(r"\bNED\b", text):
        text = re.sub(r"\bNED\b", " no evidence of disease ", text)
    lowered = text.lower().replace("’", "'")
    found: set[Status] = set()
    denied: set[Status] = set()
    for clause in _CLAUSE.split(lowered):
        _read_clause(clause, found, denied)
    for status in _ORDER:
        if status in found:
            kind = _place(lowered, primary_site) if status is Status.RECURRED else None
            return Suggestion(status, kind)
    for status in _ORDER:
        if status in denied:
            return Suggestion(_DENIED[status])
    return None


def _read_clause(clause: str, found: set[Status], denied: set[Status]) -> None:
    for status, pattern in _PHRASES:
        if re.search(pattern, clause):
            found.add(status)
            clause = re.sub(pattern, " ", clause)
    for status, pattern in _CUES:
        for match in re.finditer(rf"\b(?:{pattern})\b", clause):
            if _negated(clause, match.start()):
                if status in _DENIED:
                    denied.add(status)
            else:
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
