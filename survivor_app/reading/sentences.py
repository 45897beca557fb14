"""A report cut into sentences, each a span of the text: at a full stop before a new sentence,
at a blank line, and at a line break that does not continue the line before (a table's row, a
list's item, a heading)."""

from __future__ import annotations

import re

#: Words whose full stop does not end a sentence ("approx. 12 mm", "Dr. Smith", "e.g. a cyst").
_ABBREVIATIONS = frozenset(
    [
        "approx",
        "appr",
        "approximately",
        "dr",
        "drs",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "vs",
        "fig",
        "figs",
        "no",
        "nos",
        "cf",
        "eg",
        "ie",
        "e.g",
        "i.e",
        "etc",
        "incl",
        "max",
        "min",
        "seg",
        "segs",
        "ca",
        "pt",
        "pts",
        "ref",
        "resp",
        "ser",
        "img",
        "im",
        "sl",
        "dept",
        "hosp",
        "wk",
        "wks",
        "yr",
        "yrs",
        "mo",
        "mos",
    ]
)
#: Where a sentence may end inside a line: ".", "!" or "?" and then space.
#: Only at a run's start, and possessive: a run of 40,000 dots is read once, not once a dot.
_STOP = re.compile(r"(?<![.!?])[.!?]++(?=\s)")
#: A line that goes on from the line before: it starts in lower case, or with a size.
_CONTINUES = re.compile(r"\s*(?:[a-z(]|\d+(?:[.,]\d+)?\s*(?:mm|cm|x|×)\b)")
#: The word right before a stop (abbreviations are short; a longer run is no abbreviation).
_LONGEST_WORD = 24
_LAST_WORD = re.compile(r"(?<![A-Za-z.])([A-Za-z.]+)$")
_LIST_NUMBER = re.compile(r"\s*+(?:\d{1,2}|[A-Za-z])")
_NEXT = re.compile(r"\s*+(\S)")
_ENDS_LINE = re.compile(r"[.!?:;]\s*$")
#: A heading alone on a line ("IMPRESSION:", "Findings").
_HEADING = re.compile(r"\s*[A-Z][A-Za-z /&-]{1,40}:\s*$")
_IMPRESSION = re.compile(
    r"^[ \t]*(?:impression|impressions|conclusion|conclusions|summary|opinion|comment|"
    r"assessment)\b[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the text's sentences, in order, without their surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        piece_start = start
        for stop in _STOP.finditer(text, start, end):
            if _ends_sentence(text, piece_start, stop.start(), stop.end(), end):
                spans.extend(_trimmed(text, piece_start, stop.end()))
                piece_start = stop.end()
        spans.extend(_trimmed(text, piece_start, end))
    return spans


def impression_start(text: str) -> int | None:
    """Where the report's impression (or conclusion) begins, or None when it has none."""
    found = None
    for match in _IMPRESSION.finditer(text):
        found = match.start()
    return found


def _blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that may hold one sentence across a line break."""
    blocks: list[tuple[int, int]] = []
    start = 0
    position = 0
    previous = ""
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if position > start and _breaks(previous, content):
            blocks.append((start, position))
            start = position
        position += len(line)
        previous = content
    blocks.append((start, len(text)))
    return blocks


def _breaks(previous: str, line: str) -> bool:
    if not previous.strip() or not line.strip():
        return True
    if _ENDS_LINE.search(previous) or _HEADING.match(previous):
        return True
    if "|" in previous or "\t" in previous:
        return True
    return not _CONTINUES.match(line)


def _ends_sentence(text: str, piece_start: int, stop: int, after: int, end: int) -> bool:
    # Each look is bounded: the piece before a stop may be long, and is looked at once a stop.
    word = _LAST_WORD.search(text, max(piece_start, stop - _LONGEST_WORD), stop)
    if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
        return False
    number = _LIST_NUMBER.match(text, piece_start, stop)
    if number and number.end() == stop:
        return False  # a list's number: "1. Liver lesion"
    following = _NEXT.match(text, after, end)
    return following is None or not following.group(1).islower()


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []
