"""Tumour marker results in the record file, format version 3 (FORMAT.md §5): read exactly as
written, written back byte for byte, and every wrong result refused by its JSON path with the
message FORMAT.md shows, leaving the record as it was."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from survivor_app.cli import main
from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.exchange import ExchangeError, read_record, write_record
from survivor_app.storage import RecordStore
from tests.exchange.documents import (
    DROP,
    TODAY,
    Raw,
    base_document,
    base_document_2,
    base_document_3,
    changed,
    dumps,
    records,
)
from tests.shared_files import SCHEMA

FORMAT_MD = SCHEMA.parents[1] / "FORMAT.md"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))


def test_a_version_3_file_gives_its_marker_results_exactly_as_written() -> None:
    record = read_record(dumps(base_document_3()), today=TODAY)
    assert record.marker_results == (
        MarkerResult(
            "m1",
            "c1",
            dt.date(2022, 1, 24),
            MarkerKind.CA_15_3,
            Decimal("41.50"),
            "U/mL",
            upper_limit=Decimal("30"),
            lab="City Lab",
            notes="Before treatment.",
        ),
        MarkerResult(
            "m2", "c1", dt.date(2022, 6, 3), MarkerKind.CA_15_3, Decimal("5"), "U/mL", True
        ),
        MarkerResult(
            "m3", "c2", dt.date(2023, 5, 2), MarkerKind.OTHER, Decimal("0.10"), "µg/L", name="S100B"
        ),
    )
    assert [str(result.value) for result in record.marker_results] == ["41.50", "5", "0.10"]
    assert record.history("c2").marker_results == record.marker_results[2:]
    # Everything else is what the same file in version 2 says.
    version_2 = read_record(dumps(base_document_2()), today=TODAY)
    assert record.spots == version_2.spots
    assert record.scans == version_2.scans


def test_marker_results_are_written_with_every_key_and_read_back_byte_for_byte() -> None:
    record = read_record(dumps(base_document_3()), today=TODAY)
    written = write_record(record)
    document = json.loads(written)
    VALIDATOR.validate(document)
    assert document["version"] == 3
    assert document["marker_results"][1] == {
        "id": "m2",
        "cancer": "c1",
        "date": "2022-06-03",
        "marker": "CA 15-3",
        "value": "5",
        "below_limit": True,
        "unit": "U/mL",
        "upper_limit": None,
        "name": "",
        "lab": "",
        "notes": "",
    }
    assert b'"value": "41.50"' in written
    assert b'"upper_limit": "30"' in written
    assert read_record(written, today=TODAY) == record
    assert write_record(read_record(written, today=TODAY)) == written


def test_a_file_of_an_older_version_is_written_as_version_3_without_marker_results() -> None:
    for document in (base_document(), base_document_2()):
        record = read_record(dumps(document), today=TODAY)
        written = json.loads(write_record(record))
        assert (written["version"], written["marker_results"]) == (3, [])
        VALIDATOR.validate(written)


@settings(max_examples=40)
@given(record=records())
def test_any_record_with_marker_results_goes_round_byte_for_byte(record: object) -> None:
    written = write_record(record)  # type: ignore[arg-type]
    VALIDATOR.validate(json.loads(written))
    again = read_record(written, today=TODAY)
    assert again == record
    assert [str(r.value) for r in again.marker_results] == [
        str(r.value)
        for r in record.marker_results  # type: ignore[attr-defined]
    ]
    assert write_record(again) == written


#: Each wrong result, and the whole message it is refused with, as FORMAT.md §5 shows it.
REFUSED: list[tuple[dict[str, object], int, str]] = [
    ({"marker_results": DROP}, 3, "marker_results: this key is missing"),
    ({"marker_results": []}, 2, "marker_results: unknown key"),
    ({"marker_results[0].unit": DROP}, 3, "marker_results[0].unit: this key is missing"),
    ({"marker_results[0].colour": "red"}, 3, "marker_results[0].colour: unknown key"),
    (
        {"marker_results[1].id": "m1"},
        3,
        "marker_results[1].id: 'm1' is already the id of marker_results[0]",
    ),
    (
        {"marker_results[0].cancer": "c9"},
        3,
        "marker_results[0].cancer: 'c9' is not a cancer in this file",
    ),
    (
        {"marker_results[0].date": "2031-01-01"},
        3,
        "marker_results[0].date: 2031-01-01 is after today",
    ),
    (
        {"marker_results[0].marker": "CA 27-29"},
        3,
        "marker_results[0].marker: 'CA 27-29' is not one of: CA-125, CEA, PSA, CA 19-9, CA 15-3, "
        "AFP, hCG, other",
    ),
    (
        {"marker_results[2].name": ""},
        3,
        "marker_results[2].name: '' is empty, but a marker of the person's own ('other') needs "
        "its name",
    ),
    (
        {"marker_results[0].name": "PSA"},
        3,
        "marker_results[0].name: 'PSA' is given, but only an 'other' marker has a name, not "
        "CA 15-3",
    ),
    (
        {"marker_results[0].value": Raw("41.5")},
        3,
        "marker_results[0].value: 41.5 is not a number written as a string of digits, such as "
        "'0.10'",
    ),
    ({"marker_results[0].value": "-1"}, 3, "marker_results[0].value: '-1' is below 0"),
    (
        {"marker_results[0].value": "1000000000"},
        3,
        "marker_results[0].value: '1000000000' is not below 1000000000",
    ),
    (
        {"marker_results[0].value": "0.00001"},
        3,
        "marker_results[0].value: '0.00001' has more than 4 decimals",
    ),
    (
        {"marker_results[1].value": "0"},
        3,
        "marker_results[1].value: '0' is 0, but a lab's limit is above 0",
    ),
    (
        {"marker_results[0].below_limit": "yes"},
        3,
        "marker_results[0].below_limit: 'yes' is not true or false",
    ),
    (
        {"marker_results[0].marker": "CEA", "marker_results[0].unit": "mg/L"},
        3,
        "marker_results[0].unit: 'mg/L' is not the unit of CEA, which is 'ng/mL'",
    ),
    (
        {"marker_results[0].unit": ""},
        3,
        "marker_results[0].unit: '' is empty; something must be written here",
    ),
    (
        {"marker_results[0].upper_limit": "0"},
        3,
        "marker_results[0].upper_limit: '0' is 0, but a lab's limit is above 0",
    ),
    (
        {"marker_results[0].lab": "City\x1bLab"},
        3,
        "marker_results[0].lab: 'City\\x1bLab' holds a control character (U+001B) that a record "
        "cannot keep",
    ),
]


@pytest.mark.parametrize(
    ("changes", "version", "message"), REFUSED, ids=[m.split(":")[0] for _, _, m in REFUSED]
)
def test_each_wrong_result_is_refused_with_the_message_format_md_shows(
    changes: dict[str, object], version: int, message: str
) -> None:
    with pytest.raises(ExchangeError) as refused:
        read_record(changed(changes, version=version), today=TODAY)
    assert str(refused.value) == message
    assert f"`{message}`" in FORMAT_MD.read_text("utf-8")


@pytest.mark.parametrize(
    ("place", "written", "fact"),
    [
        ("value", "1e3", "is not a number written as a string of digits"),
        ("value", ".5", "is not a number written as a string of digits"),
        ("value", "5.", "is not a number written as a string of digits"),
        ("value", "01", "is not a number written as a string of digits"),
        ("value", "+1", "is not a number written as a string of digits"),
        ("value", " 1", "is not a number written as a string of digits"),
        ("value", "NaN", "is not a number written as a string of digits"),
        ("value", "1,5", "is not a number written as a string of digits"),
        ("value", "٣", "is not a number written as a string of digits"),
        ("value", "9" * 100_000, "is not a number written as a string of digits"),
        ("value", "-0", "is below 0"),
        ("upper_limit", "-3", "is below 0"),
        ("upper_limit", "abc", "is not a number written as a string of digits"),
        ("upper_limit", True, "is not a number written as a string of digits"),
    ],
)
def test_a_number_not_written_as_the_format_keeps_it_is_refused(
    place: str, written: object, fact: str
) -> None:
    with pytest.raises(ExchangeError) as refused:
        read_record(changed({f"marker_results[0].{place}": written}, version=3), today=TODAY)
    assert refused.value.path == f"marker_results[0].{place}"
    assert fact in refused.value.message
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize(
    "changes",
    [
        {"marker_results": []},
        {"marker_results[0].value": "0"},
        {"marker_results[0].value": "999999999.9999"},
        {"marker_results[0].upper_limit": DROP, "marker_results[0].below_limit": DROP},
        {"marker_results[2].unit": "u" * 30, "marker_results[2].notes": "one\ntwo"},
        {"marker_results[0].marker": "hCG", "marker_results[0].unit": "IU/L"},
        {"marker_results[0].date": "1961-04-09"},
        {"marker_results[0].date": TODAY.isoformat()},
    ],
    ids=str,
)
def test_what_version_3_allows_is_accepted(changes: dict[str, object]) -> None:
    read_record(changed(changes, version=3), today=TODAY)


def test_a_date_before_the_birth_date_is_refused() -> None:
    with pytest.raises(ExchangeError) as refused:
        read_record(changed({"marker_results[0].date": "1961-04-08"}, version=3), today=TODAY)
    assert str(refused.value) == (
        "marker_results[0].date: 1961-04-08 is before the birth date 1961-04-09"
    )


def test_a_refused_import_leaves_the_record_as_it_was(tmp_path: Path) -> None:
    record_path = tmp_path / "record.survivor"
    good = tmp_path / "good.json"
    good.write_bytes(dumps(base_document_3()))
    assert main(["import", str(good), "--record", str(record_path)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_bytes(changed({"marker_results[2].value": "-0.5"}, version=3))
    with RecordStore.open(record_path) as store:
        before, mark = store.load(), store.change_mark()
    with pytest.raises(SystemExit) as stopped:
        main(["import", str(bad), "--record", str(record_path), "--replace"])
    assert stopped.value.code == 2
    with RecordStore.open(record_path) as store:
        assert (store.load(), store.change_mark()) == (before, mark)
        assert before is not None
        assert len(before.marker_results) == 3


def test_format_md_example_holds_a_marker_result_that_reads() -> None:
    section = FORMAT_MD.read_text("utf-8").split("## 2. The record", 1)[1]
    example = json.loads(section.split("```json\n", 1)[1].split("\n```", 1)[0])
    record = read_record(json.dumps(example).encode(), today=TODAY)
    assert [str(result.value) for result in record.marker_results] == ["41.50"]
    VALIDATOR.validate(example)
