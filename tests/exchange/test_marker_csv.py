"""The marker sheet: tumour marker results as a CSV file of their own, beside the scans' sheet,
one row per result with each number exactly as the lab gave it; written by the command line's
CSV export when the record has marker results."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from survivor_app.cli import main
from survivor_app.domain import Cancer, MarkerKind, MarkerResult, Person, Record
from survivor_app.domain.record_rules import decimal_text
from survivor_app.exchange import export_files, write_record
from survivor_app.exchange.csv_export import write_csv
from survivor_app.exchange.marker_csv import HEADERS, marker_sheet_path, write_marker_csv
from tests.exchange.documents import records

BOM = b"\xef\xbb\xbf"
BREAST = Cancer("c1", "Breast cancer", "left breast")
OVARY = Cancer("c2", "Ovarian cancer", "ovary")
LATE = MarkerResult(
    "m1",
    "c1",
    dt.date(2024, 6, 1),
    MarkerKind.CA_15_3,
    Decimal("41.50"),
    "U/mL",
    upper_limit=Decimal("30"),
    lab="City Lab",
    notes="=1+1",
)
EARLY = MarkerResult(
    "m2", "c1", dt.date(2024, 1, 2), MarkerKind.CA_15_3, Decimal("5"), "U/mL", below_limit=True
)
OWN = MarkerResult(
    "m3", "c2", dt.date(2023, 5, 2), MarkerKind.OTHER, Decimal("0.10"), "µg/L", name="HE4"
)
RECORD = Record(Person("Ana Example"), (BREAST, OVARY), marker_results=(LATE, EARLY, OWN))


def rows_of(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def test_one_row_per_result_by_cancer_then_date_each_number_as_typed() -> None:
    rows = rows_of(write_marker_csv(RECORD))
    assert list(rows[0]) == list(HEADERS)
    assert [list(row.values()) for row in rows] == [
        ["Breast cancer", "2024-01-02", "CA 15-3", "5", "yes", "U/mL", "", "", ""],
        [
            "Breast cancer",
            "2024-06-01",
            "CA 15-3",
            "41.50",
            "no",
            "U/mL",
            "30",
            "City Lab",
            "'=1+1",
        ],
        ["Ovarian cancer", "2023-05-02", "HE4", "0.10", "no", "µg/L", "", "", ""],
    ]
    assert write_marker_csv(RECORD) == write_marker_csv(RECORD)
    assert write_marker_csv(RECORD).endswith(b"\r\n")


def test_a_markers_own_name_is_written_as_the_app_shows_it() -> None:
    # The name as typed may carry spaces around it; the sheet names it as every view does.
    spaced = replace(OWN, name="  HE4 ")
    (row,) = rows_of(write_marker_csv(replace(RECORD, marker_results=(spaced,))))
    assert row["Marker"] == "HE4"


def test_a_record_without_results_has_only_the_header() -> None:
    assert rows_of(write_marker_csv(replace(RECORD, marker_results=()))) == []


@settings(max_examples=30)
@given(records())
def test_any_record_gives_a_row_per_result_with_its_number(record: Record) -> None:
    rows = rows_of(write_marker_csv(record))
    assert len(rows) == len(record.marker_results)
    assert sorted(row["Result"] for row in rows) == sorted(
        decimal_text(result.value) for result in record.marker_results
    )


@pytest.mark.parametrize(
    ("scans", "markers"),
    [
        ("mum scans 2026-11-23.csv", "mum markers 2026-11-23.csv"),
        ("scans.csv", "markers.csv"),
        ("out.csv", "out markers.csv"),
        ("my scans of scans.csv", "my scans of markers.csv"),
        ("export", "export markers"),
    ],
)
def test_the_marker_sheet_is_named_after_the_scans_sheet(scans: str, markers: str) -> None:
    folder = Path("/some/folder")
    assert marker_sheet_path(folder / scans) == folder / markers


def test_a_csv_export_has_the_marker_sheet_beside_it_when_there_are_results() -> None:
    target = Path("/x/mum scans 2026-11-23.csv")
    assert export_files("csv", RECORD, target) == [
        (target, write_csv(RECORD)),
        (Path("/x/mum markers 2026-11-23.csv"), write_marker_csv(RECORD)),
    ]
    without = replace(RECORD, marker_results=())
    assert export_files("csv", without, target) == [(target, write_csv(without))]
    assert export_files("json", RECORD, target) == [(target, write_record(RECORD))]


def test_the_command_line_writes_both_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_path = tmp_path / "record.survivor"
    source = tmp_path / "record.json"
    source.write_bytes(write_record(RECORD))
    assert main(["import", str(source), "--record", str(record_path)]) == 0
    out = tmp_path / "for the clinic.csv"
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--record", str(record_path), "-o", str(out)]) == 0
    sheet = tmp_path / "for the clinic markers.csv"
    assert out.read_bytes() == write_csv(RECORD)
    assert sheet.read_bytes() == write_marker_csv(RECORD)
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    assert capsys.readouterr().out == f"Wrote the marker results to {sheet}\n"


def test_the_command_line_replaces_a_marker_sheet_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_path = tmp_path / "record.survivor"
    source = tmp_path / "record.json"
    source.write_bytes(write_record(RECORD))
    assert main(["import", str(source), "--record", str(record_path)]) == 0
    out, sheet = tmp_path / "out.csv", tmp_path / "out markers.csv"
    sheet.write_bytes(b"the person's own sheet")
    capsys.readouterr()
    export = ["export", "--format", "csv", "--record", str(record_path), "-o", str(out)]
    with pytest.raises(SystemExit) as refused:
        main(export)
    assert refused.value.code == 2
    printed = capsys.readouterr()
    assert printed.err == (
        f"survivor-app: {sheet}: already exists; add --force to replace it with the marker "
        "results\n"
    )
    # Nothing is written: not the scans' sheet either.
    assert sheet.read_bytes() == b"the person's own sheet"
    assert not out.exists()
    assert main([*export, "--force"]) == 0
    assert out.read_bytes() == write_csv(RECORD)
    assert sheet.read_bytes() == write_marker_csv(RECORD)


def test_on_standard_output_only_the_scans_sheet_goes_and_a_note_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_path = tmp_path / "record.survivor"
    source = tmp_path / "record.json"
    source.write_bytes(write_record(RECORD))
    assert main(["import", str(source), "--record", str(record_path)]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--record", str(record_path), "-o", "-"]) == 0
    printed = capsys.readouterr()
    assert printed.out.encode("utf-8") == write_csv(RECORD)
    assert printed.err == (
        "survivor-app: the marker results go in a sheet of their own; "
        "give -o FILE to write it beside the scans' sheet\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["record.json", "record.survivor"]
