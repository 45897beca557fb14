"""Where a finding is: the words that place it (organ, side, segment, lymph node station) and
what they mean, so that "hepatic" finds the person's "liver" spot and "armpit" an "axillary"
one; and the words that name something a report measures (a lesion, a node, a mass)."""

from __future__ import annotations

import re
import string

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English

#: Each place a spot can be, with the words reports and people use for it.
_PLACES: dict[str, str] = {
    "liver": r"liver|hepatic|hepato\w*|hepar",
    "lung": r"lungs?|pulmonary|lobes?|lingula\w*|rul|rml|rll|lul|lll|perifissural|subpleural",
    "pleura": r"pleura|pleural",
    "bone": r"bones?|osseous|skeletal|skeleton|vertebra\w*|spine|spinal|ribs?|sternum|sternal|"
    r"sacrum|sacral|iliac bone|ilium|femur|femoral|humerus|humeral|scapula|pelvic bones?|"
    r"acetabul\w*|skull|calvari\w*|sclerotic|lytic|blastic|marrow",
    "node": r"lymph|nodes?|nodal|adenopathy|lymphadenopathy|lns?",
    "axilla": r"axilla|axillae|axillary|armpits?|underarm",
    "neck": r"neck|cervical|supraclavicular|infraclavicular|submandibular|jugular",
    "mediastinum": r"mediastin\w*|subcarinal|paratracheal|prevascular|aortopulmonary|"
    r"hilar|hilum|hila",
    "abdomen": r"retroperitone\w*|para-?aortic|aortocaval|portacaval|mesenter\w*|coeliac|celiac",
    "peritoneum": r"peritone\w*|omentum|omental|implants?",
    "adrenal": r"adrenals?",
    "kidney": r"kidneys?|renal",
    "pancreas": r"pancreas|pancreatic",
    "spleen": r"spleen|splenic",
    "brain": r"brain|cerebral|cerebellar|cerebrum|cerebellum|intracranial|frontal|parietal|"
    r"temporal|occipital",
    "breast": r"breasts?|mammary|retroareolar|subareolar",
    "chest wall": r"chest wall",
    "skin": r"skin|subcutaneous|cutaneous|dermal",
    "thyroid": r"thyroid",
    "ovary": r"ovary|ovaries|ovarian|adnexa\w*",
    "uterus": r"uterus|uterine|endometri\w*|cervix",
    "prostate": r"prostate|prostatic",
    "bladder": r"bladder",
    "bowel": r"colon|colonic|rectum|rectal|sigmoid|bowel|caecum|cecum|caecal|cecal",
    "stomach": r"stomach|gastric",
    "oesophagus": r"o?esophag\w*",
    "pelvis": r"pelvis|pelvic",
    "groin": r"inguinal|groin",
    "left": r"left|lt",
    "right": r"right|rt",
    "both": r"bilateral|both",
}
#: One pattern for every place, in lower case; it is tried only where a word starts.
_PLACE = re.compile(
    r"(?:"
    + "|".join(rf"(?P<{name.replace(' ', '_')}>(?:{words}))" for name, words in _PLACES.items())
    + r")\b",
    re.ASCII,
)
_WORD_START = re.compile(r"\b[a-z]", re.ASCII)
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: A numbered part of an organ: "segment 6", "segment VI", "S6", "level II", "station 4R".
_PART = re.compile(
    r"\b(?:(?:segments?|seg\.?|level|station)\s*|s(?=\d))"
    r"(?P<number>\d{1,2}[abrl]?|[ivx]{1,4}[ab]?)\b"
    r"|\b(?P<lobe>(?:right|left)\s+(?:upper|middle|lower)\s+lobe)\b"
    r"|\b(?P<clock>\d{1,2}(?::\d\d)?\s*o'?\s*clock)",
    _I,
)
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}
#: Words for a thing a report measures.
_THING = re.compile(
    r"\b(?:lesions?|masse?s?|nodules?|nodular|nodes?|nodal|lymphadenopathy|adenopathy|LNs?|disease|"
    r"tumou?rs?|metasta\w*|deposits?|foci|focus|opacit(?:y|ies)|implants?|cysts?|densit(?:y|ies)|"
    r"hypodensit(?:y|ies)|hyperdensit(?:y|ies)|hypoattenuat\w*|hypoechoic|hyperechoic|"
    r"abnormalit(?:y|ies)|thickening|soft tissue|targets?|non-?targets?|spots?|cancer|carcinoma|"
    r"recurrence|calcifications?|enhancement|enhancing|avid|hypermetabolic|uptake|collection|"
    r"tl\s*\d+|ntl\s*\d+)",
    _I,
)
#: Nouns for a thing that is not a lymph node.
_OTHER_THING = re.compile(
    r"\b(?:(?<!target )lesions?|mass|masses|nodules?|tumou?rs?|cysts?|deposits?|metasta\w*|"
    r"implants?|opacit(?:y|ies)|hypodensit(?:y|ies)|spots?|focus|foci|cancer|carcinoma)\b",
    _I,
)
_NODE = re.compile(r"\b(?:lymph|nodes?|nodal|adenopathy|lymphadenopathy|LNs?)\b", _I)


def place_words(text: str) -> list[re.Match[str]]:
    """The words of a piece of a sentence that place a finding, in order."""
    found = sorted(
        _places(text) + list(_PART.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )
    # "right lower lobe" is one place, not "right", "right lower lobe" and "lobe".
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _places(text: str) -> list[re.Match[str]]:
    """The place words of a text, read from its ASCII lower case (of the same length)."""
    lowered = text.translate(_LOWER)
    found: list[re.Match[str]] = []
    end = 0
    for start in _WORD_START.finditer(lowered):
        if start.start() < end:
            continue
        match = _PLACE.match(lowered, start.start())
        if match:
            found.append(match)
            end = match.end()
    return found


def concepts(text: str) -> set[str]:
    """What the place words of a text mean: "liver", "left", "segment 6"…"""
    meant: set[str] = set()
    for match in _places(text):
        name = match.lastgroup
        if name is not None:
            meant.add(name.replace("_", " "))
    for match in _PART.finditer(text):
        number = match.group("number")
        if number:
            meant.add(f"part {_part_number(number)}")
        elif match.group("lobe"):
            meant.add(" ".join(match.group("lobe").lower().split()))
    return meant


def names_a_thing(text: str) -> bool:
    """Whether the text names something a report measures (a lesion, a node, a mass…)."""
    return bool(_THING.search(text))


def first_thing(text: str) -> int | None:
    """Where the first word for a thing a report measures stands in a text, or None."""
    match = _THING.search(text)
    return match.start() if match else None


def names_a_node(text: str) -> bool:
    """Whether the text speaks of a lymph node."""
    return bool(_NODE.search(text))


def is_a_node(text: str) -> bool | None:
    """Whether the thing a piece of a sentence measures is a lymph node, from the first word
    that names it ("a 4 mm nodule which may represent a lymph node" is a nodule); None when no
    word names it."""
    node = _NODE.search(text)
    other = _OTHER_THING.search(text)
    if node is None:
        return False if _THING.search(text) else None
    return other is None or other.start() > node.start()


def location_text(text: str) -> str:
    """The place words of a piece of a sentence, in order and lower case: "segment 6 hepatic"."""
    words: list[str] = []
    for match in place_words(text):
        word = " ".join(match.group(0).lower().split())
        if word not in words and not _NODE.fullmatch(word):
            words.append(word)
    return " ".join(words)


def _part_number(number: str) -> str:
    lowered = number.lower()
    roman = re.fullmatch(r"([ivx]+)([ab]?)", lowered)
    if roman and roman.group(1) in _ROMAN:
        return f"{_ROMAN[roman.group(1)]}{roman.group(2)}"
    return lowered
