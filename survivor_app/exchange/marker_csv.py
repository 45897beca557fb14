"""Tumour marker results as a CSV sheet of their own, written beside the scans' CSV: one row per
result, each value exactly as the lab gave it.

The same choices as the scans' sheet (``csv_export``): UTF-8 with a byte order mark, ISO dates,
and no cell a spreadsheet could read as a formula. Rows go by cancer (in the record's order),
then date, then the order the results were entered in. A result the lab gave as below what it
can measure ("<0.1") has its limit in "Result" and "yes" in "Below the lab's limit"."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from survivor_app.domain import MarkerResult, Record
from survivor_app.domain.markers import marker_name
from survivor_app.domain.record_rules import decimal_text
from survivor_app.exchange.csv_export import neutralised

HEADERS = (
    "Cancer",
    "Date",
    "Marker",
    "Result",
    "Below the lab's limit",
    "Unit",
    "Upper limit of normal",
    "Lab",
    "Notes",
)

#: The word of the scans' sheet's name that the marker sheet's name has in its place.
_SCANS_WORD = "scans"
_MARKERS_WORD = "markers"


def marker_sheet_path(scans_sheet: Path) -> Path:
    """Where the marker sheet goes beside the scans' sheet: ``mum markers 2026-11-23.csv``
    beside ``mum scans 2026-11-23.csv`` (the name File ▸ Export suggests), or ``out
    markers.csv`` beside ``out.csv``."""
    words = scans_sheet.stem.split(" ")
    if _SCANS_WORD in words:
        at = len(words) - 1 - words[::-1].index(_SCANS_WORD)
        words[at] = _MARKERS_WORD
    else:
        words.append(_MARKERS_WORD)
    return scans_sheet.with_name(" ".join(words) + scans_sheet.suffix)


def write_marker_csv(record: Record) -> bytes:
    """The record's marker results as CSV bytes: the same record gives the same bytes."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([neutralised(cell) for cell in row] for row in _rows(record))
    return text.getvalue().encode("utf-8-sig")


def _rows(record: Record) -> Iterator[list[str]]:
    for cancer in record.cancers:
        results = record.history(cancer.id).marker_results
        # sorted() keeps entry order between results of one date.
        for result in sorted(results, key=lambda result: result.date):
            yield [cancer.name, result.date.isoformat(), *_result_cells(result)]


def _result_cells(result: MarkerResult) -> list[str]:
    return [
        marker_name(result),
        decimal_text(result.value),
        "yes" if result.below_limit else "no",
        result.unit,
        "" if result.upper_limit is None else decimal_text(result.upper_limit),
        result.lab,
        result.notes,
    ]
