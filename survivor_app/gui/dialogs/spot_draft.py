"""A new spot drafted from what a report said of something that matches none of the person's
spots: a short name from its place words, the place, whether it is a lymph node, and whether the
report gives it a size. The area is never guessed: the person chooses it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from survivor_app.domain import record_rules as rules
from survivor_app.reading import Finding
from survivor_app.reading.places import first_thing

#: Place words kept in a drafted name, so that it stays short enough to read in the grid.
NAME_PLACE_WORDS = 5
#: What a report's word for a thing is called in a name, singular ("nodules" is a "nodule").
_NOUNS = {
    "lesion": "lesion",
    "mass": "mass",
    "nodule": "nodule",
    "tumour": "tumour",
    "tumor": "tumour",
    "metastasis": "metastasis",
    "metastases": "metastasis",
    "deposit": "deposit",
    "implant": "implant",
    "cyst": "cyst",
    "opacity": "opacity",
    "opacities": "opacity",
    "focus": "focus",
    "foci": "focus",
    "spot": "spot",
}
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
#: How far after today's size the word for the thing may stand ("6 mm enhancing nodule").
_AFTER_SIZE = 24


@dataclass(frozen=True, slots=True)
class SpotDraft:
    """What the spot dialog starts with for a finding; the person can change all of it."""

    name: str
    location: str
    lymph_node: bool
    sized: bool


def draft_of(finding: Finding) -> SpotDraft:
    """The spot a finding speaks of, as far as its sentence says: a name such as "Right lower
    lobe nodule", the place, "lymph node" when it says so, and a size or a state."""
    lymph_node = finding.lymph_node is True
    places = finding.location.split()[:NAME_PLACE_WORDS]
    noun = "lymph node" if lymph_node else _noun(finding)
    name = " ".join((*places, noun))
    name = name[:1].upper() + name[1:]
    return SpotDraft(
        name=name[: rules.SPOT_NAME.longest].rstrip(),
        location=finding.location[: rules.SPOT_LOCATION.longest].rstrip(),
        lymph_node=lymph_node,
        sized=finding.size_tenths is not None or finding.state is None,
    )


def _noun(finding: Finding) -> str:
    """The word the sentence uses for the thing measured, nearest today's size; "spot" when it
    uses none a name can hold (such as "uptake")."""
    sentence = finding.sentence
    if finding.size_span is not None:
        after = finding.size_span[1] - finding.start
        at = first_thing(sentence[after:])
        if at is not None and at <= _AFTER_SIZE:
            return _singular(sentence[after + at :])
    at = first_thing(sentence)
    return _singular(sentence[at:]) if at is not None else "spot"


def _singular(text: str) -> str:
    word = _WORD.match(text)
    lowered = word.group(0).lower() if word else ""
    return (
        _NOUNS.get(lowered)
        or _NOUNS.get(lowered.removesuffix("s"))
        or _NOUNS.get(lowered.removesuffix("es"))
        or "spot"
    )
