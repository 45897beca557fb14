"""Sizes as reports write them ("2.1 x 1.8 cm", "21 × 18 mm", "1.2cm", "0.8 cm short axis"), and
the numbers that are never sizes: dates, ages, doses, slice, series and image numbers,
percentages, reference ranges, distances, slice thickness and sums."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from survivor_app.domain import MAX_SIZE_TENTHS, TENTHS_PER_MM

_I = re.IGNORECASE | re.ASCII
_TENTHS = {"mm": TENTHS_PER_MM, "cm": 10 * TENTHS_PER_MM}
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
)
#: Numbers that are something else; they are blanked out before sizes are looked for, so that
#: "3/2024" or "series 3" can never be read as a size, nor as a size without its unit.
_DATES = re.compile(
    "|".join(
        (
            r"\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b",  # 03/02/2024, 2024-03-02
            r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",  # 02.03.2024
            r"\b\d{1,2}/\d{2,4}\b",  # 3/2024
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*(?:\d{{4}})?",  # 3 March 2024
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s*\d{{4}})?",  # March 3, 2024
            r"\b(?:19|20)\d\d\b",  # a year
        )
    ),
    _I,
)
_NOT_SIZES = re.compile(
    "|".join(
        (
            r"\b\d{1,2}:\d{2}\b",  # a time
            r"\b\d+\s*(?:-\s*)?(?:years?|yrs?|y/?o|months?|mos?|weeks?|wks?|days?|hours?|hrs?)\b",
            r"\b(?:aged?|dob)\s*:?\s*\d+",
            r"(?<![\d.,])\d+(?:[.,]\d+)?\s*%",
            r"\b\d+(?:[.,]\d+)?\s*(?:mci|mbq|gbq|mgy|cgy|gy|msv|mg|mcg|ug|ml|cc|units?|iu|u/ml|"
            r"ng/ml|hu|kvp?|mas|mm\s*hg|mmol|ms|sec|s|min|bpm|kg|lbs?|g/dl|ml/min|t)\b",
            r"\b(?:series|ser|se|image|images|img|im|slices?|sl|sections?|frames?|cines?|acc|"
            r"accession|mrn|station|level|bi-?rads|birads|category|grade|stage|segment|seg|suv"
            r"(?:\s*max|\s*peak)?|o'?clock)\s*(?:no\.?|number|#)?\s*[:=]?\s*\d+(?:[.,/]\d+)*",
            r"\b\d+(?:[.,]\d+)?\s*o'?\s*clock\b",
            r"\b[a-z]{1,3}\d+[a-z]?\b",  # T2, L4, S6, 4R stations, IM45
        )
    ),
    _I,
)
_NUMBER = re.compile(
    r"(?<![\d.,/#~_])(?<![A-WYZa-wyz])(?:\d{1,3}(?:[.,]\d{1,3})?|\.\d{1,3})(?![\d#~]|[.,]\d)",
    _I,
)
_UNIT = re.compile(
    r"\s*+(?:-\s*+)?(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)(?![a-z0-9²³/·*^#~]|\s*(?:hg|h2o)\b)",
    _I,
)
_DIGIT = re.compile(r"\d")
#: Spaces that are not ASCII ("2\u00a0cm", "2\u202fcm"), each read as one space, so that
#: positions stay those of the sentence.
_ODD_SPACE = re.compile("[\u00a0\u2002\u2003\u2007\u2009\u202f]")


def plain_spaces(text: str) -> str:
    """The text with each space that is not ASCII made a plain space: the same length."""
    return _ODD_SPACE.sub(" ", text)


_TIMES = re.compile(r"\s*(?:x|×|\*|by)\s*", _I)
_SHORT_AFTER = re.compile(
    r"\s*+(?:\)\s*+)?(?:,\s*+)?(?:in\s+)?(?:the\s+)?(?:short[- ]?axis|\(?sa\b|sad\b)", _I
)
_SHORT_BEFORE = re.compile(
    r"short[- ]?axis(?:\s+(?:diameter|dimension|measurement|size))?\s*"
    r"(?:(?:of|measuring|:|=|is)\s*)?$",
    _I,
)
#: Words just before a number that make it no size of a spot.
_NOT_BEFORE = re.compile(
    r"(?:(?:<|(?<![-=])>|≤|≥|\b(?:less|greater|more|larger|smaller|bigger) than|\bunder|\bover|"
    r"\bexceeding|\bbelow|\babove|\bsub-?)\s*"
    r"|\b(?:slices?|sections?|collimation|intervals?|increments?|reconstructed at|thickness|"
    r"thick|spacing|span|distance|depth|margins?|clearance|within|range|limits?|fov|shift|"
    r"sum|total|sld|diameters)\b\s*(?:of|at|is|was|=|:|measuring|approximately|approx\.?|"
    r"about|up to|\s)*"
    r"|\b(?:normal|upper limit|reference|threshold|cut-?off|sum of|total of)\b[^\d]{0,24}"
    r"|\bcort(?:ex|ical(?: thickness| thickening)?)\b\s*(?:of|measuring|:|=|up to|\s)*"
    r"|\brang\w*\s+(?:from\s+)?(?:[\d.,]+\s*(?:mm|cm)?\s*(?:to|-|–)\s*)?"
    r"|\d(?:-|–)|\d\s+to\s+)$",
    _I,
)
_FROM_RANGE = re.compile(r"from\s+[\d.,]+\s*(?:mm|cm)?\s*(?:to|-|–|→|->)\s*$", _I)
#: Words just after a size that make it a distance or a slice thickness.
_NOT_AFTER = re.compile(
    r"\s*(?:thick\b|thickness|slices?\b|sections?\b|collimation|intervals?\b|increments?\b|"
    r"reconstructions?\b|spacing|cuts\b|images\b|from(?!\s*[\d.])|deep to|away|beneath|beyond|"
    r"inferior to|superior to|lateral to|medial to|anterior to|posterior to|proximal to|"
    r"distal to|fn\b|of (?:the )?(?:nipple|skin|pleura|capsule|margin)|per\b|"
    r"(?:solid |cystic |soft[- ]tissue |enhancing )?component)",
    _I,
)


@dataclass(frozen=True, slots=True)
class SizeMention:
    """A size written in a sentence: its widths in tenths of a mm, where it is, and whether the
    report says it is a short axis. A number without a unit of its own ("from 25 to 21 mm",
    "(prior 25)") is a size in the unit of the size it goes with."""

    start: int
    end: int
    widths: tuple[int, ...]
    short_axis: bool


def blank_non_sizes(sentence: str) -> str:
    """The sentence with every number that is not a size blanked, the same length, so
    positions stay those of the sentence: a date to ``#``, anything else (an age, a dose, an
    image number…) to ``~``."""
    sentence = plain_spaces(sentence)
    if not _DIGIT.search(sentence):
        return sentence
    dated = _DATES.sub(lambda m: "#" * len(m.group(0)), sentence)
    return _NOT_SIZES.sub(lambda m: "~" * len(m.group(0)), dated)


def size_mentions(blanked: str) -> list[SizeMention]:
    """The sizes written in a sentence blanked by ``blank_non_sizes``, in order."""
    numbers = list(_NUMBER.finditer(blanked))
    mentions: list[SizeMention] = []
    index = 0
    while index < len(numbers):
        chain = [numbers[index]]
        units: list[re.Match[str] | None] = [_UNIT.match(blanked, numbers[index].end())]
        while index + 1 < len(numbers) and len(chain) < 3:
            after = units[-1].end() if units[-1] else chain[-1].end()
            times = _TIMES.match(blanked, after)
            if not times or times.end() != numbers[index + 1].start():
                break
            index += 1
            chain.append(numbers[index])
            units.append(_UNIT.match(blanked, numbers[index].end()))
        index += 1
        if _joined(blanked, numbers, index, units[-1] or chain[-1]):
            # More than three widths: no size of a spot, and no tail of one either.
            while _joined(
                blanked,
                numbers,
                index,
                _UNIT.match(blanked, numbers[index].end()) or numbers[index],
            ):
                index += 1
            index += 1
            continue
        mention = _mention(blanked, chain, units)
        if mention is not None:
            mentions.append(mention)
    return _with_bare(blanked, mentions)


def _joined(text: str, numbers: list[re.Match[str]], index: int, last: re.Match[str]) -> bool:
    """Whether the number at ``index`` goes on the chain that ends with ``last`` ("x 1.1")."""
    if index >= len(numbers):
        return False
    times = _TIMES.match(text, last.end())
    return times is not None and times.end() == numbers[index].start()


def _mention(
    text: str, chain: list[re.Match[str]], units: list[re.Match[str] | None]
) -> SizeMention | None:
    last_unit = units[-1]
    if last_unit is None:
        return None
    start, end = chain[0].start(), last_unit.end()
    before = text[max(0, start - 40) : start]
    ranged = re.search(r"\brang\w*\s+from\s+[\d.,]+\s*(?:mm|cm)?\s*(?:to|-|–)\s*$", before, _I)
    if _NOT_BEFORE.search(before) and (ranged or not _FROM_RANGE.search(before)):
        return None
    if _NOT_AFTER.match(text, end):
        return None
    widths = []
    for number, unit in zip(chain, units, strict=True):
        tenths = _tenths(number.group(0), (unit or last_unit).group(1))
        if tenths is None:
            return None
        widths.append(tenths)
    # Read from a bounded tail: the words stand right before the size, and the whole text
    # before each size would make a sentence of many sizes quadratic.
    short_before = _SHORT_BEFORE.search(text, max(0, start - 60), start)
    short = bool(_SHORT_AFTER.match(text, end) or short_before)
    return SizeMention(start, end, tuple(widths), short)


#: A number without a unit that goes with a size: "from 25 to 21 mm", "25 → 21 mm",
#: "(prior 25)", "previously 2.5".
_BARE_BEFORE = re.compile(r"(?<![\w.,/#])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:to|-|–|→|->)\s*$", _I)
_BARE_AFTER = re.compile(
    r"\s*+(?:[(,;]\s*+)?(?:previously|prior|formerly|was|baseline|before|from|vs\.?|versus|compared"
    r"(?:\s+(?:with|to))?)\s*+(?:(?:measuring|of|at|:)\s*+)?(\d{1,3}(?:[.,]\d{1,2})?)(?![\w#~%/.,])",
    _I,
)

_UNIT_AT_END = re.compile(r"(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)$", _I)
_FROM_BEFORE = re.compile(r"(?<!rang)(?<!ranging )from\s*$", _I)


def _with_bare(text: str, mentions: list[SizeMention]) -> list[SizeMention]:
    starts = {mention.start for mention in mentions}
    found: list[SizeMention] = []
    for mention in mentions:
        unit = _UNIT_AT_END.search(text, max(mention.start, mention.end - 16), mention.end)
        unit_name = unit.group(1) if unit else "mm"
        before = _BARE_BEFORE.search(text[max(0, mention.start - 16) : mention.start])
        preceding = (
            text[max(0, mention.start - 40) : mention.start - len(before.group(0))]
            if before
            else ""
        )
        if before and _FROM_BEFORE.search(preceding):
            offset = mention.start - len(before.group(0))
            tenths = _tenths(before.group(1), unit_name)
            if tenths is not None:
                end = offset + len(before.group(1))
                found.append(SizeMention(offset, end, (tenths,), mention.short_axis))
        found.append(mention)
        after = _BARE_AFTER.match(text, mention.end)
        if after and after.start(1) not in starts and not _UNIT.match(text, after.end()):
            tenths = _tenths(after.group(1), unit_name)
            if tenths is not None:
                found.append(
                    SizeMention(after.start(1), after.end(1), (tenths,), mention.short_axis)
                )
    return found


def _tenths(number: str, unit: str) -> int | None:
    try:
        value = Decimal(number.replace(",", "."))
    except InvalidOperation:
        return None
    factor = _TENTHS["cm" if unit.lower().startswith("c") else "mm"]
    tenths = int((value * factor).to_integral_value(ROUND_HALF_UP))
    return tenths if 0 < tenths <= MAX_SIZE_TENTHS else None
