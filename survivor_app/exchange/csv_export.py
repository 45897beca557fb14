"""Scans and measurements as a CSV file for spreadsheets: one row per measurement, with the
label the status rules give each scan.

Choices a reader of the file should know:

- UTF-8 with a byte order mark, so that spreadsheet programs read accents correctly; ISO dates;
  sizes in millimetres with one decimal, written from the whole tenths the record keeps.
- A spot without a size (the reports only mention it) has no size: its row leaves "Size (mm)"
  empty and says in "State (no size given)" what the report said (present, gone or clearly
  growing); "Gone" is then yes for gone. The state column is empty on the rows of sized spots.
- Rows go by cancer (in the record's order), then scan date, then spot (in the record's order).
- A scan with no measurement still gets one row, with the spot columns empty: a scan marked "no
  evidence of disease" then shows its label, and a scan that holds notes only shows its notes.
  So the file has one row per measurement plus one per scan without any. A scan's notes repeat on
  each of its rows, so that a sorted or filtered sheet keeps them beside their sizes.
- "Status at this scan" is the label of the scan's assessment, which a doctor's statement about
  that scan may have set; a scan that is not an assessment (notes only) leaves it empty.
- A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  ``'``, so that no spreadsheet reads the person's words as a formula; so does one where such a
  sign comes after spaces or invisible characters (zero-width space, byte order mark, direction
  marks), or is written in another form of it (fullwidth ``＝``, small ``﹦``, ``＋``, ``－``,
  ``＠``), which some spreadsheets read as the sign itself.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator

from survivor_app.domain import TENTHS_PER_MM, Measurement, Record, Spot
from survivor_app.domain.words import (
    AREA_WORDS,
    GONE,
    SPOT_STATE_WORDS,
    TOO_SMALL,
    UNCERTAIN,
    status_label,
)
from survivor_app.status import Assessment, analyse

HEADERS = (
    "Cancer",
    "Scan date",
    "Scan kind",
    "Spot",
    "Where in the body",
    "Area",
    "Lymph node",
    "Size (mm)",
    "State (no size given)",
    GONE,
    TOO_SMALL,
    UNCERTAIN,
    "Status at this scan",
    "Scan notes",
)

# From "Spot" to "Uncertain": what a scan says of one spot.
_SPOT_COLUMNS = HEADERS.index("Status at this scan") - HEADERS.index("Spot")

#: What a spreadsheet may take for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(record: Record) -> bytes:
    """The record's scans and measurements as CSV bytes: the same record gives the same bytes."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([neutralised(cell) for cell in row] for row in _rows(record))
    return text.getvalue().encode("utf-8-sig")


def _size_text(tenths: int) -> str:
    """A size in millimetres with exactly one decimal, e.g. ``23.5`` or ``40.0``."""
    whole, tenth = divmod(tenths, TENTHS_PER_MM)
    return f"{whole}.{tenth}"


def _rows(record: Record) -> Iterator[list[str]]:
    spot_order = {spot.id: index for index, spot in enumerate(record.spots)}
    spots = {spot.id: spot for spot in record.spots}
    for cancer in record.cancers:
        analysis = analyse(record.history(cancer.id))
        labels = {a.scan_id: _label(a) for a in analysis.assessments if a.scan_id is not None}
        # sorted() keeps entry order between scans of one date, so the output never varies.
        scans = sorted((s for s in record.scans if s.cancer_id == cancer.id), key=lambda s: s.date)
        for scan in scans:
            scan_cells = [cancer.name, scan.date.isoformat(), scan.kind.value]
            label = labels.get(scan.id, "")
            if not scan.measurements:
                yield [*scan_cells, *[""] * _SPOT_COLUMNS, label, scan.notes]
            measurements = sorted(scan.measurements, key=lambda m: spot_order[m.spot_id])
            for measurement in measurements:
                spot_cells = _spot_cells(spots[measurement.spot_id], measurement)
                yield [*scan_cells, *spot_cells, label, scan.notes]


def _spot_cells(spot: Spot, measurement: Measurement) -> list[str]:
    size = measurement.size_tenths
    return [
        spot.name,
        spot.location,
        AREA_WORDS[spot.area],
        _yes_no(spot.lymph_node),
        "" if size is None else _size_text(size),
        "" if measurement.state is None else SPOT_STATE_WORDS[measurement.state],
        _yes_no(measurement.gone),
        _yes_no(measurement.too_small),
        _yes_no(measurement.uncertain),
    ]


def _label(assessment: Assessment) -> str:
    return status_label(assessment.status, assessment.recurrence_type, assessment.confirmed)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def neutralised(cell: str) -> str:
    """``cell`` as written to a sheet: with a leading ``'`` when a spreadsheet could read it as
    the start of a formula (the marker sheet writes its cells so too)."""
    return "'" + cell if _could_be_formula(cell) else cell


def _could_be_formula(cell: str) -> bool:
    if cell.startswith(FORMULA_STARTS):
        return True
    for character in cell:
        if character.isspace() or unicodedata.category(character) == "Cf":
            continue
        # NFKC reads a fullwidth or small form as the sign it stands for (＝ and ﹦ as =).
        return unicodedata.normalize("NFKC", character).startswith(FORMULA_STARTS)
    return False
