"""Sizes in a table whose heading names the columns: "Lesion | Baseline (mm) | Current (mm)",
or dates them: "Lesion | 03/2024 | 09/2024" (the latest date's column is today's, the earlier
ones priors; when the dates cannot be put in order, no size is read). A row's numbers take their
meaning, and their unit when the cell has none, from the heading."""

from __future__ import annotations

import re

from survivor_app.reading.numbers import SizeMention, size_mentions

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
_MAY_HAVE_CELLS = re.compile(r"[|\t]|\S {2,}\S")
_BETWEEN_CELLS = re.compile(r"\s*\|\s*|\t+\s*|\s{2,}")
_PRIOR = re.compile(r"\b(?:prior|previous|baseline|before|comparison|nadir|old|earlier)\b", _I)
_TODAY = re.compile(r"\b(?:current|today|now|follow-?up|present|latest|this (?:study|scan))\b", _I)
_UNIT = re.compile(r"\b(mm|cm)\b", _I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\s*$")
_MONTH_YEAR = re.compile(r"^\s*(?:(\d{1,2})/|([a-z]{3})[a-z]*\.?\s+)(\d{4})\s*$", _I)
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(mm|cm)?\s*$", _I)


class Column:
    """What one column of a table holds: an earlier size, today's size, or anything else."""

    __slots__ = ("dates", "end", "prior", "start", "today", "unit")

    def __init__(self, start: int, end: int, heading: str) -> None:
        self.start, self.end = start, end
        self.prior = bool(_PRIOR.search(heading))
        self.today = not self.prior and bool(_TODAY.search(heading))
        unit = _UNIT.search(heading)
        self.unit = unit.group(1).lower() if unit else "mm"
        self.dates = dates_of(heading)


def heading_columns(line: str) -> list[Column] | None:
    """The columns a heading line names, or None when the line is no such heading."""
    if not _MAY_HAVE_CELLS.search(line):
        return None
    columns = [Column(start, end, line[start:end]) for start, end in _cells(line)]
    if len(columns) < 2 or re.search(r"\d\s*(?:mm|cm)\b", line, _I):
        return None
    if any(c.prior for c in columns) and any(c.today for c in columns):
        return columns
    dated = [c for c in columns if c.dates]
    if len(dated) < 2 or any(c.prior or c.today for c in columns):
        return None
    latest = _latest(dated)
    for column in dated:
        # Dates that cannot be put in order leave every column neither: no size is read.
        column.prior = latest is not None and column is not latest
        column.today = column is latest
    return columns


def dates_of(heading: str) -> tuple[tuple[int, int, int], ...]:
    """The dates a column's heading can mean, as (year, month, day), 0 for a part not written;
    "03/02/2024" can mean two."""
    iso = _ISO.match(heading)
    if iso:
        return ((int(iso[1]), int(iso[2]), int(iso[3])),)
    slashed = _SLASHED.match(heading)
    if slashed:
        year = int(slashed[3]) + (2000 if len(slashed[3]) == 2 else 0)
        first, second = int(slashed[1]), int(slashed[2])
        meanings = {(year, m, d) for m, d in ((first, second), (second, first)) if m <= 12}
        return tuple(sorted(meanings))
    month_year = _MONTH_YEAR.match(heading)
    if month_year:
        name = (month_year[2] or "").lower()
        month = _MONTHS.index(name) + 1 if name in _MONTHS else 0
        if month_year[1]:
            month = int(month_year[1])
        return ((int(month_year[3]), month, 0),) if month else ()
    alone = _YEAR.match(heading)
    return ((int(alone[1]), 0, 0),) if alone else ()


def _latest(columns: list[Column]) -> Column | None:
    """The column whose date is later than every other's in every meaning, or None."""
    for column in columns:
        others = [c for c in columns if c is not column]
        if all(
            surely_later(mine, theirs)
            for c in others
            for mine in column.dates
            for theirs in c.dates
        ):
            return column
    return None


def surely_later(one: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
    """Whether ``one`` is surely later: an unwritten part (0) leaves a tie in the written ones
    undecided."""
    for mine, theirs in zip(one, other, strict=True):
        if mine == 0 or theirs == 0:
            return False
        if mine != theirs:
            return mine > theirs
    return False


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
