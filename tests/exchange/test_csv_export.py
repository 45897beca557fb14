"""The CSV of scans and measurements: one row per measurement (and per scan without any), read
back by a spreadsheet's rules, with every label, size and dangerous cell as it should be."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import (
    Area,
    Cancer,
    Measurement,
    Person,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Statement,
    Status,
)
from survivor_app.domain.words import status_label
from survivor_app.exchange import read_record
from survivor_app.exchange.csv_export import HEADERS, write_csv
from tests.exchange.documents import TODAY, records
from tests.shared_files import DEMO_RECORD, EXAMPLE_RECORDS, example_params

RECORD_FILES = [DEMO_RECORD, *EXAMPLE_RECORDS]
BOM = b"\xef\xbb\xbf"


def rows_of(data: bytes) -> list[dict[str, str]]:
    """The CSV as a spreadsheet user's rows, keyed by header."""
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def expected_rows(record: Record) -> int:
    return sum(len(scan.measurements) or 1 for scan in record.scans)


def one_cancer(
    *scans: Scan, spots: tuple[Spot, ...] = (), statements: tuple[Statement, ...] = ()
) -> Record:
    return Record(
        person=Person(name="Ana Example", birth_date=dt.date(1961, 4, 9)),
        cancers=(Cancer(id="c1", name="Breast cancer", primary_site="left breast"),),
        spots=spots,
        scans=scans,
        statements=statements,
    )


BREAST = Spot(id="s1", cancer_id="c1", name="Breast tumour", area=Area.PRIMARY, lymph_node=False)
NODE = Spot(id="s2", cancer_id="c1", name="Armpit node", area=Area.REGIONAL_NODE, lymph_node=True)


def scan(
    scan_id: str,
    day: dt.date,
    *measurements: Measurement,
    no_evidence_of_disease: bool = False,
    notes: str = "",
) -> Scan:
    return Scan(
        id=scan_id,
        cancer_id="c1",
        date=day,
        kind=ScanKind.CT,
        measurements=measurements,
        no_evidence_of_disease=no_evidence_of_disease,
        notes=notes,
    )


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_every_record_exports_one_row_per_measurement_with_plain_headers(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    data = write_csv(record)
    rows = rows_of(data)
    assert tuple(rows[0]) == HEADERS
    assert "Size (mm)" in HEADERS
    assert len(rows) == expected_rows(record)
    assert sum(1 for row in rows if row["Spot"]) == sum(len(s.measurements) for s in record.scans)
    assert write_csv(record) == data
    assert data.count(b"\r\n") == len(rows) + 1


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_rows_go_by_cancer_then_date_then_spot(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    cancers = {cancer.name: index for index, cancer in enumerate(record.cancers)}
    spots = {spot.name: index for index, spot in enumerate(record.spots)}
    keys = [
        (cancers[row["Cancer"]], row["Scan date"], spots.get(row["Spot"], -1))
        for row in rows_of(write_csv(record))
    ]
    assert keys == sorted(keys)
    assert all(dt.date.fromisoformat(date) for _, date, _ in keys)


@pytest.mark.parametrize("path", example_params())
def test_every_example_shows_the_labels_the_rules_expect(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    expected = json.loads(path.with_name(path.name.replace(".record.", ".expected.")).read_text())
    scan_dates = {(scan.cancer_id, scan.date.isoformat()) for scan in record.scans}
    labels = {
        (cancer.name, entry["date"]): status_label(
            Status(entry["status"]),
            None if entry["recurrence_type"] is None else RecurrenceType(entry["recurrence_type"]),
            entry["confirmed"],
        )
        for cancer in record.cancers
        for entry in expected["cancers"][cancer.id]
        # The table has a row for each scan; a statement on its own has none.
        if (cancer.id, entry["date"]) in scan_dates
    }
    rows = rows_of(write_csv(record))
    assert {(row["Cancer"], row["Scan date"]): row["Status at this scan"] for row in rows} == labels


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_every_size_is_the_recorded_tenths_with_one_decimal(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    spots = {spot.id: spot.name for spot in record.spots}
    recorded = sorted(
        (s.date.isoformat(), spots[m.spot_id], m.size_tenths)
        for s in record.scans
        for m in s.measurements
    )
    written = sorted(
        (row["Scan date"], row["Spot"], None if row["Size (mm)"] == "" else row["Size (mm)"])
        for row in rows_of(write_csv(record))
        if row["Spot"]
    )
    assert [(d, n, None if t is None else f"{t // 10}.{t % 10}") for d, n, t in recorded] == written


def test_the_demo_reads_as_its_story() -> None:
    rows = rows_of(write_csv(read_record(DEMO_RECORD.read_bytes(), today=TODAY)))
    liver = next(
        row for row in rows if row["Scan date"] == "2025-03-03" and row["Spot"] == "Liver spot"
    )
    assert {header: cell for header, cell in liver.items() if header != "Scan notes"} == {
        "Cancer": "Breast cancer",
        "Scan date": "2025-03-03",
        "Scan kind": "CT",
        "Spot": "Liver spot",
        "Where in the body": "liver, right side",
        "Area": "Elsewhere in the body",
        "Lymph node": "no",
        "Size (mm)": "14.0",
        "State (no size given)": "",
        "Gone": "no",
        "Too small to measure": "no",
        "Uncertain": "no",
        "Status at this scan": "Recurred — distant",
    }
    no_evidence = [row for row in rows if row["Scan date"] in ("2024-01-15", "2024-07-22")]
    assert [(row["Spot"], row["Size (mm)"], row["Status at this scan"]) for row in no_evidence] == [
        ("", "", "Complete remission (no evidence of disease)"),
        ("", "", "Complete remission (no evidence of disease)"),
    ]


def test_sizes_gone_too_small_and_uncertain_are_written_exactly() -> None:
    record = one_cancer(
        scan(
            "sc1",
            dt.date(2024, 1, 1),
            Measurement("s2", 252, uncertain=True),
            Measurement("s1", 1),
        ),
        scan(
            "sc2",
            dt.date(2024, 3, 1),
            Measurement("s1", 0),
            Measurement("s2", None, too_small=True),
        ),
        scan("sc3", dt.date(2024, 5, 1), Measurement("s1", 5000)),
        spots=(BREAST, NODE),
    )
    rows = rows_of(write_csv(record))
    cells = [
        (row["Spot"], row["Size (mm)"], row["Gone"], row["Too small to measure"], row["Uncertain"])
        for row in rows
    ]
    assert cells == [
        ("Breast tumour", "0.1", "no", "no", "no"),
        ("Armpit node", "25.2", "no", "no", "yes"),
        ("Breast tumour", "0.0", "yes", "no", "no"),
        ("Armpit node", "", "no", "yes", "no"),
        ("Breast tumour", "500.0", "no", "no", "no"),
    ]
    assert [row["Lymph node"] for row in rows[:2]] == ["no", "yes"]
    assert [row["Area"] for row in rows[:2]] == ["Where the cancer started", "Nearby lymph nodes"]


BONES = Spot(
    id="s3",
    cancer_id="c1",
    name="Bone spots",
    area=Area.DISTANT,
    lymph_node=False,
    location="spine",
    sized=False,
)


def test_a_spot_without_a_size_gives_its_state_and_no_size() -> None:
    record = one_cancer(
        scan(
            "sc1",
            dt.date(2024, 1, 1),
            Measurement("s3", None, state=SpotState.PRESENT),
            Measurement("s1", 300),
        ),
        scan(
            "sc2",
            dt.date(2024, 3, 1),
            Measurement("s1", 0),
            Measurement("s3", None, uncertain=True, state=SpotState.GROWING),
        ),
        scan(
            "sc3",
            dt.date(2024, 5, 1),
            Measurement("s3", None, state=SpotState.GONE),
            no_evidence_of_disease=True,
        ),
        spots=(BREAST, BONES),
    )
    rows = rows_of(write_csv(record))
    cells = [
        (
            row["Spot"],
            row["Size (mm)"],
            row["State (no size given)"],
            row["Gone"],
            row["Too small to measure"],
            row["Uncertain"],
        )
        for row in rows
    ]
    assert cells == [
        ("Breast tumour", "30.0", "", "no", "no", "no"),
        ("Bone spots", "", "Present", "no", "no", "no"),
        ("Breast tumour", "0.0", "", "yes", "no", "no"),
        ("Bone spots", "", "Clearly growing", "no", "no", "yes"),
        ("Bone spots", "", "Gone", "yes", "no", "no"),
    ]
    assert rows[1]["Where in the body"] == "spine"


def test_a_scan_without_measurements_gets_one_row_and_only_an_assessment_gets_a_label() -> None:
    record = one_cancer(
        scan("sc1", dt.date(2024, 1, 1), no_evidence_of_disease=True, notes="All clear."),
        scan("sc2", dt.date(2024, 6, 1), notes="Report to follow."),
    )
    rows = rows_of(write_csv(record))
    assert [
        (r["Scan date"], r["Spot"], r["Status at this scan"], r["Scan notes"]) for r in rows
    ] == [
        (
            "2024-01-01",
            "",
            "Complete remission (no evidence of disease) (not yet confirmed)",
            "All clear.",
        ),
        ("2024-06-01", "", "", "Report to follow."),
    ]
    spot_headers = HEADERS[HEADERS.index("Spot") : HEADERS.index("Status at this scan")]
    assert all(rows[0][header] == "" for header in spot_headers)


def test_a_doctors_statement_about_a_scan_gives_that_scans_label() -> None:
    stable_by_sizes = one_cancer(
        scan("sc1", dt.date(2024, 1, 1), Measurement("s1", 300)),
        scan("sc2", dt.date(2024, 3, 1), Measurement("s1", 280)),
        spots=(BREAST,),
        statements=(
            Statement(
                id="d1",
                cancer_id="c1",
                date=dt.date(2024, 3, 5),
                text="It is shrinking.",
                status=Status.PARTIAL_REMISSION,
            ),
        ),
    )
    labels = [row["Status at this scan"] for row in rows_of(write_csv(stable_by_sizes))]
    assert labels == ["Starting point", "Partial remission (not yet confirmed)"]


DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
#: The same signs in other forms, and after spaces or characters that take no room.
DISGUISED = (
    "＝",
    "﹦",
    "＋",
    "－",
    "＠",
    "﹢",
    "﹣",
    "﹫",
    "  =",
    "\u200b=",
    "\ufeff+",
    "\u200e@",
    "\u3000－",
)


@pytest.mark.parametrize("start", DANGEROUS + DISGUISED, ids=repr)
def test_a_cell_that_a_spreadsheet_could_run_is_neutralised(start: str) -> None:
    words = {
        "cancer": f'{start}HYPERLINK("http://example.invalid","cancer")',
        "spot": f"{start}1+1 spot",
        "location": f"{start}cmd|' /C calc'!A0",
        "notes": f"{start}SUM(A1:A9) notes",
    }
    record = Record(
        person=Person(name=f"{start}person"),
        cancers=(Cancer(id="c1", name=words["cancer"], primary_site="breast"),),
        spots=(
            Spot(
                id="s1",
                cancer_id="c1",
                name=words["spot"],
                area=Area.PRIMARY,
                lymph_node=False,
                location=words["location"],
            ),
        ),
        scans=(scan("sc1", dt.date(2024, 1, 1), Measurement("s1", 120), notes=words["notes"]),),
    )
    (row,) = rows_of(write_csv(record))
    assert row["Cancer"] == "'" + words["cancer"]
    assert row["Spot"] == "'" + words["spot"]
    assert row["Where in the body"] == "'" + words["location"]
    assert row["Scan notes"] == "'" + words["notes"]
    assert not any(cell.startswith(DANGEROUS + DISGUISED) for cell in row.values())


def spot_name_cell(name: str) -> str:
    """The Spot cell written for a spot of this name."""
    spot = Spot(id="s1", cancer_id="c1", name=name, area=Area.PRIMARY, lymph_node=False)
    record = one_cancer(scan("sc1", dt.date(2024, 1, 1), Measurement("s1", 120)), spots=(spot,))
    (row,) = rows_of(write_csv(record))
    return row["Spot"]


def first_visible(text: str) -> str:
    """The first character a spreadsheet would read, in its plain form ("" for none)."""
    for character in text:
        if not character.isspace() and unicodedata.category(character) != "Cf":
            return unicodedata.normalize("NFKC", character)
    return ""


INVISIBLE = st.sampled_from(
    [
        " ",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u2066",
    ]
)
SIGNS = st.sampled_from(
    ["=", "+", "-", "@", "＝", "﹦", "＋", "－", "＠", "﹢", "﹣", "﹫", "⁼", "₌"]
)


@settings(max_examples=200)
@given(
    prefix=st.lists(INVISIBLE, max_size=4).map("".join),
    sign=st.one_of(SIGNS, st.characters(exclude_categories=["Cc", "Cs"])),
    rest=st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=10),
)
def test_no_cell_starts_a_formula_after_invisible_characters_or_in_another_form(
    prefix: str, sign: str, rest: str
) -> None:
    name = prefix + sign + rest
    cell = spot_name_cell(name)
    assert cell in (name, "'" + name)
    if cell == name:
        assert first_visible(cell)[:1] not in ("=", "+", "-", "@")
    else:
        assert first_visible(name)[:1] in ("=", "+", "-", "@")


def test_harmless_cells_are_left_as_written() -> None:
    notes = 'Size 1+1 = 2, "quoted", and a second line\nhere; Zoë ✓'
    record = one_cancer(
        scan("sc1", dt.date(2024, 1, 1), Measurement("s1", 120), notes=notes),
        spots=(BREAST,),
    )
    data = write_csv(record)
    (row,) = rows_of(data)
    assert row["Scan notes"] == notes
    assert '"Size 1+1 = 2, ""quoted"", and a second line\nhere; Zoë ✓"'.encode() in data


def test_a_record_without_scans_has_only_the_headers() -> None:
    data = write_csv(one_cancer())
    assert data == BOM + ",".join(HEADERS).encode() + b"\r\n"


@settings(max_examples=40)
@given(records())
def test_any_record_exports_and_reads_back_whole(record: Record) -> None:
    data = write_csv(record)
    assert data == write_csv(record)
    rows = rows_of(data)
    assert len(rows) == expected_rows(record)
    for row in rows:
        assert list(row) == list(HEADERS)
        assert not any(cell.startswith(DANGEROUS) for cell in row.values())
