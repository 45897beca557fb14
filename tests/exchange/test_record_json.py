"""Record JSON that is valid: the shared examples and FORMAT.md's own example read, write and read
again unchanged, and the record read is the one the file describes."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from survivor_app.domain import (
    Area,
    Measurement,
    Person,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Status,
)
from survivor_app.exchange import ExchangeError, read_record, write_record
from tests.exchange.documents import (
    DROP,
    TODAY,
    Raw,
    base_document,
    base_document_2,
    changed,
    dumps,
)
from tests.shared_files import EXAMPLE_RECORDS, SCHEMA, example_params

FORMAT_MD = SCHEMA.parents[1] / "FORMAT.md"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))


def test_there_are_examples_to_read() -> None:
    assert len(EXAMPLE_RECORDS) >= 6


@pytest.mark.parametrize("example", example_params())
def test_every_example_reads_writes_and_reads_again_byte_for_byte(example: Path) -> None:
    record = read_record(example.read_bytes(), today=TODAY)
    written = write_record(record)
    VALIDATOR.validate(json.loads(written))
    again = read_record(written, today=TODAY)
    assert again == record
    assert write_record(again) == written


@pytest.mark.parametrize("example", example_params())
def test_every_example_keeps_its_sizes_in_tenths_and_its_states(example: Path) -> None:
    document = json.loads(example.read_text("utf-8"))
    record = read_record(example.read_bytes(), today=TODAY)
    written = [
        [
            (entry["spot"], round(entry["size_mm"] * 10), None)
            if "size_mm" in entry
            else (entry["spot"], None, entry["state"])
            for entry in scan["measurements"]
        ]
        for scan in document["scans"]
    ]
    read = [
        [
            (measurement.spot_id, measurement.size_tenths, measurement.state)
            for measurement in scan.measurements
        ]
        for scan in record.scans
    ]
    assert read == written
    assert [spot.sized for spot in record.spots] == [
        spot.get("sized", True) for spot in document["spots"]
    ]


def test_a_version_2_file_gives_spots_without_a_size_and_their_states() -> None:
    record = read_record(dumps(base_document_2()), today=TODAY)
    assert [spot.sized for spot in record.spots] == [True, True, True, False]
    assert record.spots[3] == Spot(
        id="s4",
        cancer_id="c1",
        name="Bone spots",
        area=Area.DISTANT,
        lymph_node=False,
        location="spine",
        sized=False,
    )
    assert [scan.measurement_of("s4") for scan in record.scans] == [
        Measurement("s4", None, state=SpotState.PRESENT),
        Measurement("s4", None, uncertain=True, state=SpotState.GROWING),
        Measurement("s4", None, state=SpotState.GONE),
        None,
    ]
    # Everything else is what the same file in version 1 says.
    version_1 = read_record(dumps(base_document()), today=TODAY)
    assert replace(record, spots=record.spots[:3], scans=version_1.scans) == version_1
    assert [tuple(m for m in scan.measurements if m.spot_id != "s4") for scan in record.scans] == [
        scan.measurements for scan in version_1.scans
    ]


def format_example() -> dict[str, Any]:
    """The record printed in FORMAT.md §2."""
    section = FORMAT_MD.read_text("utf-8").split("## 2. The record", 1)[1]
    found = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert found, "FORMAT.md §2 has no JSON example"
    example: dict[str, Any] = json.loads(found.group(1))
    return example


def key_orders(document: dict[str, Any]) -> dict[str, list[str]]:
    """The order of the keys of each kind of object in a record document."""
    orders = {"": list(document), "person": list(document["person"])}
    for section in ("cancers", "spots", "scans", "statements", "treatments", "questions"):
        orders[section] = list(document[section][0])
    if document.get("marker_results"):
        orders["marker_results"] = list(document["marker_results"][0])
    orders["measurements"] = list(document["scans"][0]["measurements"][0])
    return orders


def test_format_md_example_reads_and_is_written_with_its_key_order() -> None:
    example = format_example()
    written = json.loads(write_record(read_record(json.dumps(example).encode(), today=TODAY)))
    expected = key_orders(example)
    # The example leaves out what the writer always gives: the first spot's "sized", and the
    # two flags of a sized spot's measurement.
    expected["spots"] += ["sized"]
    expected["measurements"] += ["too_small", "uncertain"]
    assert key_orders(written) == expected
    VALIDATOR.validate(written)


def test_the_hand_written_record_becomes_the_domain_record() -> None:
    record = read_record(dumps(base_document()), today=TODAY)
    assert record.person == Person(
        name="Ana Example", birth_date=dt.date(1961, 4, 9), notes="Keeps her own record."
    )
    assert [cancer.id for cancer in record.cancers] == ["c1", "c2"]
    assert record.cancers[1].diagnosed_on is None
    assert record.cancers[1].notes == ""
    assert record.spots[1] == Spot(
        id="s2",
        cancer_id="c1",
        name="Armpit node",
        area=Area.REGIONAL_NODE,
        lymph_node=True,
        location="left axilla",
    )
    assert record.spots[2].location == ""
    assert record.scans[1] == Scan(
        id="sc2",
        cancer_id="c1",
        date=dt.date(2022, 6, 1),
        kind=ScanKind.CT,
        measurements=(
            Measurement(spot_id="s1", size_tenths=125, uncertain=True),
            Measurement(spot_id="s2", size_tenths=None, too_small=True),
        ),
    )
    assert record.scans[2].no_evidence_of_disease
    assert record.scans[2].measurements[0] == Measurement(spot_id="s1", size_tenths=0)
    assert record.scans[3].measurements == (Measurement(spot_id="s3", size_tenths=200),)
    assert record.statements[0].status is Status.PARTIAL_REMISSION
    assert record.statements[0].recurrence_type is None
    assert record.statements[1].recurrence_type is RecurrenceType.LOCAL
    assert record.statements[1].clinician == ""
    assert record.treatments[0].end == dt.date(2022, 7, 15)
    assert record.treatments[1].end is None
    assert record.treatments[1].name == ""
    assert record.questions[1].cancer_id is None
    assert record.questions[1].answer == ""


def test_lists_keep_the_order_of_the_file() -> None:
    document = base_document()
    document["scans"].reverse()
    document["scans"][0]["measurements"].reverse()
    record = read_record(dumps(document), today=TODAY)
    assert [scan.id for scan in record.scans] == ["sc4", "sc3", "sc2", "sc1"]
    written = json.loads(write_record(record))
    assert [scan["id"] for scan in written["scans"]] == ["sc4", "sc3", "sc2", "sc1"]


@pytest.mark.parametrize(
    ("written", "tenths"),
    [
        (Raw("40"), 400),
        (Raw("4e1"), 400),
        (Raw("0.4E+2"), 400),
        (Raw("23.50"), 235),
        (Raw("9.2"), 92),
        (Raw("0"), 0),
        (Raw("-0"), 0),
        (Raw("500"), 5000),
        (Raw("500.0"), 5000),
        (Raw("0.1"), 1),
    ],
    ids=lambda value: value.text if isinstance(value, Raw) else str(value),
)
def test_sizes_are_read_exactly(written: Raw, tenths: int) -> None:
    record = read_record(changed({"scans[3].measurements[0].size_mm": written}), today=TODAY)
    assert record.scans[3].measurements[0].size_tenths == tenths


def test_every_size_is_written_with_one_decimal() -> None:
    # One scan per possible size, each on its own day, so one file holds them all.
    first_day = dt.date(2000, 1, 1)
    record = Record(
        person=Person(name="Ana"),
        cancers=read_record(dumps(base_document()), today=TODAY).cancers[:1],
        spots=(Spot(id="s", cancer_id="c1", name="Spot", area=Area.DISTANT, lymph_node=False),),
        scans=tuple(
            Scan(
                id=f"scan-{tenths}",
                cancer_id="c1",
                date=first_day + dt.timedelta(days=tenths),
                kind=ScanKind.CT,
                measurements=(Measurement(spot_id="s", size_tenths=tenths),),
            )
            for tenths in range(5001)
        ),
    )
    written = write_record(record)
    sizes = re.findall(rb'"size_mm": ([^,\n]+)', written)
    assert sizes == [f"{tenths // 10}.{tenths % 10}".encode() for tenths in range(5001)]
    assert read_record(written, today=TODAY) == record


def test_too_small_and_uncertain_are_always_written() -> None:
    written = json.loads(write_record(read_record(dumps(base_document()), today=TODAY)))
    assert written["scans"][1]["measurements"] == [
        {"spot": "s1", "size_mm": 12.5, "too_small": False, "uncertain": True},
        {"spot": "s2", "size_mm": None, "too_small": True, "uncertain": False},
    ]


def test_every_optional_text_is_written_as_empty_text() -> None:
    written = json.loads(write_record(read_record(dumps(base_document()), today=TODAY)))
    assert written["cancers"][1]["notes"] == ""
    assert written["spots"][2]["location"] == ""
    assert written["scans"][1]["facility"] == ""
    assert written["scans"][1]["notes"] == ""
    assert written["statements"][1]["clinician"] == ""
    assert written["treatments"][1]["name"] == ""
    assert written["questions"][1]["answer"] == ""


def test_the_written_file_is_indented_utf8_with_a_final_newline() -> None:
    document = base_document()
    document["person"]["name"] = "Zoë 🎗️ مرحبا"
    written = write_record(read_record(dumps(document), today=TODAY))
    assert written.startswith(b'{\n  "format": "survivor-record",\n  "version": 3,\n')
    assert written.endswith(b"}\n")
    assert not written.endswith(b"\n\n")
    assert "Zoë 🎗️ مرحبا".encode() in written


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    data = dumps(base_document())
    assert read_record(b"\xef\xbb\xbf" + data, today=TODAY) == read_record(data, today=TODAY)


@pytest.mark.parametrize(
    ("place", "read_back", "meaning"),
    [
        pytest.param(*case, id=case[0])
        for case in [
            ("person.birth_date", lambda r: r.person.birth_date, None),
            ("person.notes", lambda r: r.person.notes, ""),
            ("cancers[0].diagnosed_on", lambda r: r.cancers[0].diagnosed_on, None),
            ("cancers[0].notes", lambda r: r.cancers[0].notes, ""),
            ("spots[0].location", lambda r: r.spots[0].location, ""),
            ("scans[0].facility", lambda r: r.scans[0].facility, ""),
            ("scans[2].no_evidence_of_disease", lambda r: r.scans[2].no_evidence_of_disease, False),
            ("scans[0].new_baseline", lambda r: r.scans[0].new_baseline, False),
            ("scans[0].notes", lambda r: r.scans[0].notes, ""),
            (
                "scans[1].measurements[0].uncertain",
                lambda r: r.scans[1].measurements[0].uncertain,
                False,
            ),
            (
                "scans[1].measurements[1].size_mm",
                lambda r: r.scans[1].measurements[1],
                Measurement(spot_id="s2", size_tenths=None, too_small=True),
            ),
            ("statements[0].clinician", lambda r: r.statements[0].clinician, ""),
            ("statements[0].status", lambda r: r.statements[0].status, None),
            ("statements[1].recurrence_type", lambda r: r.statements[1].recurrence_type, None),
            ("treatments[0].name", lambda r: r.treatments[0].name, ""),
            ("treatments[0].end", lambda r: r.treatments[0].end, None),
            ("questions[0].cancer", lambda r: r.questions[0].cancer_id, None),
            ("questions[0].asked_on", lambda r: r.questions[0].asked_on, None),
            ("questions[0].answer", lambda r: r.questions[0].answer, ""),
        ]
    ],
)
def test_optional_keys_may_be_left_out(
    place: str, read_back: Callable[[Record], object], meaning: object
) -> None:
    assert read_back(read_record(changed({place: DROP}), today=TODAY)) == meaning


def test_today_defaults_to_the_real_today() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ExchangeError) as refused:
        read_record(changed({"scans[0].date": tomorrow.isoformat()}))
    assert refused.value.path == "scans[0].date"
    yesterday = dt.date.today() - dt.timedelta(days=1)
    record = read_record(changed({"scans[0].date": yesterday.isoformat()}))
    assert record.scans[0].date == yesterday


def test_an_exchange_error_names_its_place_before_its_message() -> None:
    error = ExchangeError("scans[3].measurements[1].size_mm", "-4 is below 0")
    assert isinstance(error, ValueError)
    assert error.path == "scans[3].measurements[1].size_mm"
    assert error.message == "-4 is below 0"
    assert str(error) == "scans[3].measurements[1].size_mm: -4 is below 0"
    whole_file = ExchangeError("", "the file is empty")
    assert whole_file.path == ""
    assert str(whole_file) == "(file): the file is empty"
