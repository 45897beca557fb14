"""Sizes in a table whose heading names the columns: "Lesion | Baseline (mm) | Current (mm)".
A row's numbers take their meaning, and their unit when the cell has none, from the heading."""

from __future__ import annotations

import re

from survivor_app.reading.numbers import SizeMention, size_mentions

_I = re.IGNORECASE
_MAY_HAVE_CELLS = re.compile(r"[|\t]|\S {2,}\S")
_BETWEEN_CELLS = re.compile(r"\s*\|\s*|\t+\s*|\s{2,}")
_PRIOR = re.compile(r"\b(?:prior|previous|baseline|before|comparison|nadir|old|earlier)\b", _I)
_TODAY = re.compile(r"\b(?:current|today|now|follow-?up|present|latest|this (?:study|scan))\b", _I)
_UNIT = re.compile(r"\b(mm|cm)\b", _I)
_NUMBER = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(mm|cm)?\s*$", _I)


class Column:
    """What one column of a table holds: an earlier size, today's size, or anything else."""

    __slots__ = ("end", "prior", "start", "today", "unit")

    def __init__(self, start: int, end: int, heading: str) -> None:
        self.start, self.end = start, end
        self.prior = bool(_PRIOR.search(heading))
        self.today = not self.prior and bool(_TODAY.search(heading))
        unit = _UNIT.search(heading)
        self.unit = unit.group(1).lower() if unit else "mm"


def heading_columns(line: str) -> list[Column] | None:
    """The columns a heading line names, or None when the line is no such heading."""
    if not _MAY_HAVE_CELLS.search(line):
        return None
    columns = [Column(start, end, line[start:end]) for start, end in _cells(line)]
    if len(columns) < 2 or re.search(r"\d\s*(?:mm|cm)\b", line, _I):
        return None
    if any(c.prior for c in columns) and any(c.today for c in columns):
        return columns
    return None


def row_sizes(row: str, columns: list[Column]) -> list[tuple[SizeMention, bool]] | None:
    """The sizes of a table's row with whether each is an earlier one, or None when the row
    does not have the heading's cells."""
    cells = list(_cells(row))
    if len(cells) != len(columns):
        return None
    found: list[tuple[SizeMention, bool]] = []
    for (start, end), column in zip(cells, columns, strict=True):
        if not (column.prior or column.today):
            continue
        number = _NUMBER.match(row[start:end])
        if number:
            unit = number.group(2) or column.unit
            mentions = size_mentions(f"{number.group(1)} {unit}")
            if mentions:
                widths = mentions[0].widths
                mention = SizeMention(start, end, widths, short_axis=False)
                found.append((mention, column.prior))
    return found


def _cells(line: str) -> list[tuple[int, int]]:
    """The spans of a line's cells, between bars, tabs or runs of spaces."""
    cells: list[tuple[int, int]] = []
    start = 0
    for between in _BETWEEN_CELLS.finditer(line):
        if between.start() > start:
            cells.append((start, between.start()))
        start = between.end()
    if len(line.rstrip()) > start:
        cells.append((start, len(line.rstrip())))
    return cells
