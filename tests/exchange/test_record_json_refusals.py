"""Record JSON that is wrong: every check of FORMAT.md §1-3 refuses the file with ExchangeError,
naming the exact place and saying what is wrong in plain words."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from survivor_app.exchange import ExchangeError, read_record
from tests.exchange.documents import (
    DROP,
    TODAY,
    Raw,
    base_document,
    base_document_3,
    changed,
    dumps,
    steps,
)
from tests.shared_files import SCHEMA

SCHEMA_DOCUMENT: dict[str, Any] = json.loads(SCHEMA.read_text("utf-8"))
#: The version of SCHEMA, whose every object the schema-driven tests change.
NEWEST = 3
BASE_TEXT = dumps(base_document()).decode("utf-8")


def refusal(data: bytes) -> ExchangeError:
    with pytest.raises(ExchangeError) as refused:
        read_record(data, today=TODAY)
    return refused.value


def replaced(old: str, new: str) -> bytes:
    """The base file with one piece of its text replaced, for what a dict cannot hold."""
    assert BASE_TEXT.count(old) == 1, old
    return BASE_TEXT.replace(old, new).encode("utf-8")


# The whole file: its encoding and its JSON.
WHOLE_FILE = [
    pytest.param(BASE_TEXT.encode("utf-16"), "not UTF-8", id="utf-16 with a byte order mark"),
    pytest.param(BASE_TEXT.encode("utf-16-le"), "not UTF-8", id="utf-16-le without a mark"),
    pytest.param(BASE_TEXT.encode("utf-16-be"), "not UTF-8", id="utf-16-be without a mark"),
    pytest.param(BASE_TEXT.encode("utf-32"), "not UTF-8", id="utf-32"),
    pytest.param(
        BASE_TEXT.replace("Ana Example", "José Núñez").encode("latin-1"), "not UTF-8", id="latin-1"
    ),
    pytest.param(b"", "the file is empty", id="empty"),
    pytest.param(b" \n\t\r\n ", "the file is empty", id="only blank space"),
    pytest.param(
        b'{\n  "format": "survivor-record",\n  "version" 1\n}',
        "not valid JSON (line 3, column 13",
        id="not JSON",
    ),
    pytest.param(BASE_TEXT.encode() + b"]", "not valid JSON (line", id="something after the end"),
    pytest.param(b"[]", "a list is not a record", id="a list"),
    pytest.param(b'"survivor-record"', "'survivor-record' is not a record", id="a text"),
    pytest.param(b"null", "null is not a record", id="null"),
    pytest.param(b"42", "42 is not a record", id="a number"),
    pytest.param(b"[" * 100_000, "nested too deeply", id="nested too deeply"),
]


@pytest.mark.parametrize(("data", "message"), WHOLE_FILE)
def test_a_file_that_is_not_a_record_is_refused_as_a_whole(data: bytes, message: str) -> None:
    error = refusal(data)
    assert error.path == ""
    assert message in error.message
    assert str(error) == f"(file): {error.message}"


# One place of an otherwise valid file: (changes, path named, part of the message).
ONE_PLACE = [
    # JSON that Python would accept silently.
    (replaced('"version": 1,', '"version": 1,\n  "version": 1,'), "version", "more than once"),
    (
        replaced('"name": "Ana Example",', '"name": "Ana Example", "name": "Ana",'),
        "person.name",
        "this key appears more than once",
    ),
    (
        replaced('"id": "sc2",', '"id": "sc2", "cancer": "c2",'),
        "scans[1].cancer",
        "more than once",
    ),
    ({"scans[0].measurements[0].size_mm": Raw("NaN")}, "", "NaN is not a number"),
    ({"scans[0].measurements[0].size_mm": Raw("Infinity")}, "", "Infinity is not a number"),
    ({"scans[0].measurements[0].size_mm": Raw("-Infinity")}, "", "-Infinity is not a number"),
    ({"person.name": Raw('"Ana \\ud800"')}, "person.name", "U+D800, which is not a character"),
    ({"person.notes": Raw('"\\udfff"')}, "person.notes", "'\\udfff' holds U+DFFF, which is not"),
    # Clean text (issue 12): no control character but tab, a line break only where lines are.
    ({"spots[2].name": "Liver\x0c"}, "spots[2].name", "'Liver\\x0c' holds a control character"),
    ({"spots[0].name": "a\x00b"}, "spots[0].name", "control character (U+0000)"),
    ({"person.name": "Ana\x1b]52;c;aGk=\x07"}, "person.name", "'Ana\\x1b]52;c;aGk=\\x07' holds"),
    ({"scans[0].facility": "C\x9bity"}, "scans[0].facility", "control character (U+009B)"),
    ({"cancers[0].notes": "one\r\ntwo"}, "cancers[0].notes", "control character (U+000D)"),
    ({"cancers[0].notes": "\x7f"}, "cancers[0].notes", "control character (U+007F)"),
    ({"statements[0].clinician": "Dr\nOsei"}, "statements[0].clinician", "holds a line break"),
    ({"questions[0].id": "q\n1"}, "questions[0].id", "holds a line break"),
    ({"treatments[0].name": "x\ufffe"}, "treatments[0].name", "holds U+FFFE, which is not a"),
    ({"questions[1].answer": "\uffff"}, "questions[1].answer", "holds U+FFFF, which is not a"),
    # Dates from 1900 (issue 12).
    ({"scans[0].date": "0022-05-14"}, "scans[0].date", "0022-05-14 is before 1900, the earliest"),
    ({"person.birth_date": "1899-12-31"}, "person.birth_date", "1899-12-31 is before 1900"),
    ({"person.birth_date": "0001-01-01"}, "person.birth_date", "0001-01-01 is before 1900"),
    ({"questions[0].asked_on": "1899-01-01"}, "questions[0].asked_on", "is before 1900"),
    # What the file is.
    ({"format": DROP}, "format", "not a Survivorship Tracker record"),
    ({"format": "survivor-periods"}, "format", "'survivor-periods' is not 'survivor-record'"),
    ({"version": DROP}, "version", "this key is missing"),
    ({"version": 4}, "version", "this file comes from a newer version of the app"),
    ({"version": Raw("3.5")}, "version", "newer version of the app (format version 3.5)"),
    ({"version": Raw("1.5")}, "version", "1.5 is not a version this app can read"),
    # Version 2's keys are not version 1's: a version 1 file's spots all have a size.
    ({"spots[0].sized": True}, "spots[0].sized", "unknown key"),
    ({"scans[0].measurements[0].state": "present"}, "scans[0].measurements[0].state", "unknown"),
    # Version 3's marker results are not version 1's.
    ({"marker_results": []}, "marker_results", "unknown key"),
    ({"version": 0}, "version", "0 is not a version this app can read"),
    ({"version": "1"}, "version", "'1' is not a version number"),
    ({"version": True}, "version", "true is not a version number"),
    # Types.
    ({"person": "Ana"}, "person", "'Ana' is not an object"),
    ({"cancers": {}}, "cancers", "an object is not a list"),
    ({"scans[0].measurements": "none"}, "scans[0].measurements", "'none' is not a list"),
    ({"scans[0].measurements[0]": 32}, "scans[0].measurements[0]", "32 is not an object"),
    ({"scans[0].measurements[0].size_mm": True}, "", "true is not a number"),
    ({"scans[0].measurements[0].size_mm": False}, "", "false is not a number"),
    ({"scans[0].measurements[0].size_mm": "23.5"}, "", "'23.5' is not a number"),
    ({"scans[0].measurements[0].size_mm": [32]}, "", "a list is not a number"),
    ({"spots[0].lymph_node": "no"}, "spots[0].lymph_node", "'no' is not true or false"),
    ({"spots[0].lymph_node": 0}, "spots[0].lymph_node", "0 is not true or false"),
    ({"scans[0].new_baseline": 1}, "scans[0].new_baseline", "1 is not true or false"),
    ({"scans[1].measurements[1].too_small": "true"}, "", "'true' is not true or false"),
    ({"scans[1].measurements[0].uncertain": None}, "", "null is not true or false"),
    ({"person.name": 7}, "person.name", "7 is not text"),
    ({"cancers[0].notes": None}, "cancers[0].notes", "null is not text"),
    ({"cancers[0].id": 1}, "cancers[0].id", "1 is not text"),
    # Lengths of texts.
    ({"person.name": ""}, "person.name", "'' is empty; something must be written here"),
    ({"person.name": "A" * 201}, "person.name", "201 characters long; the most is 200"),
    ({"person.notes": "n" * 20_001}, "person.notes", "20001 characters long; the most is 20000"),
    ({"cancers[0].id": ""}, "cancers[0].id", "'' is empty"),
    ({"cancers[0].id": "c" * 65}, "cancers[0].id", "65 characters long; the most is 64"),
    ({"cancers[0].name": ""}, "cancers[0].name", "empty"),
    ({"cancers[0].primary_site": ""}, "cancers[0].primary_site", "empty"),
    ({"cancers[1].primary_site": "b" * 201}, "cancers[1].primary_site", "the most is 200"),
    ({"spots[0].name": ""}, "spots[0].name", "empty"),
    ({"spots[0].location": "l" * 201}, "spots[0].location", "the most is 200"),
    ({"scans[0].facility": "f" * 201}, "scans[0].facility", "the most is 200"),
    ({"scans[0].notes": "n" * 20_001}, "scans[0].notes", "the most is 20000"),
    ({"scans[0].measurements[0].spot": ""}, "", "empty"),
    ({"statements[0].clinician": "d" * 201}, "statements[0].clinician", "the most is 200"),
    ({"statements[0].text": "t" * 20_001}, "statements[0].text", "the most is 20000"),
    ({"treatments[0].name": "t" * 201}, "treatments[0].name", "the most is 200"),
    ({"questions[0].text": ""}, "questions[0].text", "'' is empty"),
    (
        {"questions[0].text": "q" * 2001},
        "questions[0].text",
        "2001 characters long; the most is 2000",
    ),
    ({"questions[0].answer": "a" * 20_001}, "questions[0].answer", "the most is 20000"),
    # Lists of choices.
    ({"spots[0].area": "nearby"}, "spots[0].area", "'nearby' is not one of: primary, regional"),
    ({"scans[0].kind": "CAT scan"}, "scans[0].kind", "'CAT scan' is not one of: CT, MRI"),
    ({"scans[0].kind": "mri"}, "scans[0].kind", "'mri' is not one of"),
    ({"treatments[0].kind": "chemo"}, "treatments[0].kind", "'chemo' is not one of: surgery"),
    ({"statements[0].status": "baseline"}, "statements[0].status", "'baseline' is not one of"),
    ({"statements[0].status": "not_evaluable"}, "statements[0].status", "is not one of"),
    ({"statements[0].status": 3}, "statements[0].status", "3 is not one of"),
    ({"statements[1].recurrence_type": "far"}, "statements[1].recurrence_type", "'far' is not"),
    # Dates written wrongly, or not in any calendar.
    ({"scans[0].date": "2024/01/01"}, "scans[0].date", "'2024/01/01' is not a date written as"),
    ({"scans[0].date": "24-01-01"}, "scans[0].date", "written as YYYY-MM-DD"),
    ({"scans[0].date": "2024-1-01"}, "scans[0].date", "written as YYYY-MM-DD"),
    ({"scans[0].date": "2024-01-01T10:00"}, "scans[0].date", "written as YYYY-MM-DD"),
    ({"scans[0].date": "２０２４-01-01"}, "scans[0].date", "written as YYYY-MM-DD"),
    ({"scans[0].date": "2024-01-01\n"}, "scans[0].date", "written as YYYY-MM-DD"),
    ({"scans[0].date": 20240101}, "scans[0].date", "20240101 is not a date"),
    ({"scans[0].date": None}, "scans[0].date", "null is not a date"),
    ({"scans[0].date": "2024-02-30"}, "scans[0].date", "2024-02-30 is not a real date"),
    ({"scans[0].date": "2023-02-29"}, "scans[0].date", "2023-02-29 is not a real date"),
    ({"scans[0].date": "2022-13-01"}, "scans[0].date", "2022-13-01 is not a real date"),
    ({"scans[0].date": "2022-00-10"}, "scans[0].date", "2022-00-10 is not a real date"),
    ({"person.birth_date": "0000-01-01"}, "person.birth_date", "0000-01-01 is not a real date"),
    ({"cancers[0].diagnosed_on": "2022-04-31"}, "cancers[0].diagnosed_on", "not a real date"),
    ({"statements[0].date": "2022-02-30"}, "statements[0].date", "not a real date"),
    ({"treatments[0].start": "2022-02-30"}, "treatments[0].start", "not a real date"),
    ({"treatments[0].end": "2022-06-31"}, "treatments[0].end", "not a real date"),
    ({"questions[0].asked_on": "2022-02-29"}, "questions[0].asked_on", "not a real date"),
    # Dates after today.
    ({"person.birth_date": "2031-01-01"}, "person.birth_date", "2031-01-01 is after today"),
    ({"cancers[0].diagnosed_on": "2026-07-01"}, "cancers[0].diagnosed_on", "is after today"),
    ({"scans[0].date": "2031-01-01"}, "scans[0].date", "2031-01-01 is after today"),
    ({"statements[0].date": "2026-07-01"}, "statements[0].date", "2026-07-01 is after today"),
    ({"treatments[0].start": "2026-07-01"}, "treatments[0].start", "is after today"),
    ({"treatments[0].end": "2026-07-01"}, "treatments[0].end", "is after today"),
    ({"treatments[1].end": "2027-01-01"}, "treatments[1].end", "is after today"),
    ({"questions[0].asked_on": "2026-07-01"}, "questions[0].asked_on", "is after today"),
    # Dates before the person was born.
    (
        {"cancers[0].diagnosed_on": "1961-04-08"},
        "cancers[0].diagnosed_on",
        "1961-04-08 is before the birth date 1961-04-09",
    ),
    ({"scans[0].date": "1950-01-01"}, "scans[0].date", "before the birth date"),
    ({"statements[0].date": "1961-01-01"}, "statements[0].date", "before the birth date"),
    ({"treatments[0].start": "1961-01-01"}, "treatments[0].start", "before the birth date"),
    ({"treatments[1].end": "1961-01-01"}, "treatments[1].end", "before the birth date"),
    ({"questions[0].asked_on": "1900-01-01"}, "questions[0].asked_on", "before the birth date"),
    (
        {"treatments[0].end": "2022-01-31"},
        "treatments[0].end",
        "2022-01-31 is before the start 2022-02-01",
    ),
    # References.
    ({"spots[0].cancer": "c9"}, "spots[0].cancer", "'c9' is not a cancer in this file"),
    ({"spots[2].cancer": "s1"}, "spots[2].cancer", "'s1' is not a cancer in this file"),
    ({"scans[0].cancer": "c9"}, "scans[0].cancer", "'c9' is not a cancer in this file"),
    ({"statements[0].cancer": "C1"}, "statements[0].cancer", "'C1' is not a cancer"),
    ({"treatments[1].cancer": "t1"}, "treatments[1].cancer", "'t1' is not a cancer"),
    ({"questions[0].cancer": "c9"}, "questions[0].cancer", "'c9' is not a cancer"),
    ({"questions[1].cancer": "q1"}, "questions[1].cancer", "'q1' is not a cancer"),
    ({"scans[0].measurements[1].spot": "s9"}, "", "'s9' is not a spot of cancer 'c1'"),
    ({"scans[0].measurements[1].spot": "c1"}, "", "'c1' is not a spot of cancer 'c1'"),
    (
        {"scans[3].measurements[0].spot": "s1"},
        "",
        "'s1' is not a spot of cancer 'c2' (it is a spot of cancer 'c1')",
    ),
    (
        {"scans[0].cancer": "c2"},
        "scans[0].measurements[0].spot",
        "'s1' is not a spot of cancer 'c2'",
    ),
    # Ids unique within their list.
    ({"cancers[1].id": "c1"}, "cancers[1].id", "'c1' is already the id of cancers[0]"),
    ({"spots[2].id": "s2"}, "spots[2].id", "'s2' is already the id of spots[1]"),
    ({"scans[3].id": "sc1"}, "scans[3].id", "'sc1' is already the id of scans[0]"),
    ({"statements[1].id": "d1"}, "statements[1].id", "'d1' is already the id of statements[0]"),
    ({"treatments[1].id": "t1"}, "treatments[1].id", "'t1' is already the id of treatments[0]"),
    ({"questions[1].id": "q1"}, "questions[1].id", "'q1' is already the id of questions[0]"),
    # Scans and measurements.
    (
        {"scans[2].date": "2022-06-01"},
        "scans[2].date",
        "2022-06-01 is already the date of a CT scan of this cancer (scans[1]); "
        "two scans of one kind on one day cannot be told apart",
    ),
    (
        {"scans[1].kind": "MRI", "scans[1].date": "2022-01-25"},
        "scans[1].date",
        "2022-01-25 is already the date of a MRI scan of this cancer (scans[0])",
    ),
    (
        {"scans[0].measurements[1].spot": "s1"},
        "scans[0].measurements[1].spot",
        "'s1' is already measured in this scan (measurements[0])",
    ),
    (
        {"spots[1].area": "primary"},
        "spots[1].area",
        "a lymph node's area is regional_node or distant",
    ),
    ({"spots[0].lymph_node": True}, "spots[0].area", "'primary' is not possible for a lymph node"),
    (
        {"scans[0].measurements[0].too_small": True},
        "scans[0].measurements[0].size_mm",
        "32.0 is given, but too_small is true",
    ),
    (
        {"scans[1].measurements[1].size_mm": 0},
        "scans[1].measurements[1].size_mm",
        "a spot too small to measure has no size",
    ),
    ({"scans[0].measurements[0].size_mm": DROP}, "", "no size is given"),
    ({"scans[0].measurements[0].size_mm": None}, "", "no size is given"),
    ({"scans[1].measurements[1].too_small": False}, "scans[1].measurements[1].size_mm", "no size"),
    (
        {"scans[2].measurements[0].size_mm": 0.1},
        "scans[2].measurements[0].size_mm",
        "0.1 is above 0, but the scan says no evidence of disease",
    ),
    (
        {"scans[0].no_evidence_of_disease": True},
        "scans[0].measurements[0].size_mm",
        "32.0 is above 0, but the scan says no evidence of disease",
    ),
    # Statements.
    (
        {"statements[0].recurrence_type": "local"},
        "statements[0].recurrence_type",
        "'local' goes only with the status 'recurred', not with 'partial_remission'",
    ),
    (
        {"statements[1].status": None},
        "statements[1].recurrence_type",
        "goes only with the status 'recurred', not with null",
    ),
    ({"statements[1].status": DROP}, "statements[1].recurrence_type", "only with the status"),
    # Sizes.
    ({"scans[0].measurements[0].size_mm": -4}, "", "-4 is below 0"),
    ({"scans[0].measurements[0].size_mm": -0.1}, "", "-0.1 is below 0"),
    ({"scans[0].measurements[0].size_mm": Raw("-1e999999")}, "", "-1E+999999 is below 0"),
    ({"scans[0].measurements[0].size_mm": 500.1}, "", "500.1 is above 500"),
    ({"scans[0].measurements[0].size_mm": 1000}, "", "1000 is above 500"),
    ({"scans[0].measurements[0].size_mm": Raw("1e999999")}, "", "1E+999999 is above 500"),
    ({"scans[0].measurements[0].size_mm": 23.45}, "", "23.45 has more than one decimal"),
    ({"scans[0].measurements[0].size_mm": Raw("1e-2")}, "", "0.01 has more than one decimal"),
    ({"scans[0].measurements[0].size_mm": Raw("2.345e1")}, "", "23.45 has more than one decimal"),
    ({"scans[0].measurements[0].size_mm": 499.99}, "", "499.99 has more than one decimal"),
    ({"scans[0].measurements[0].size_mm": Raw("1e-999999999")}, "", "has more than one decimal"),
    (
        {"scans[0].measurements[0].size_mm": Raw("0.10000000000000000000000000000000001")},
        "",
        "has more than one decimal",
    ),
]


# Version 2: spots without a size (base_document_2: s4, measured last in scans 0 to 2).
ONE_PLACE_2 = [
    ({"spots[0].sized": "yes"}, "", "'yes' is not true or false"),
    ({"spots[3].sized": None}, "", "null is not true or false"),
    (
        {"scans[0].measurements[0].state": "present"},
        "",
        "'present' is given, but this spot has a size; a state is only for a spot without one "
        "(sized: false)",
    ),
    ({"scans[1].measurements[1].state": "gone"}, "", "'gone' is given, but this spot has a size"),
    ({"scans[0].measurements[0].state": None}, "", "null is given, but this spot has a size"),
    (
        {"scans[0].measurements[2].size_mm": 12},
        "",
        "12 is given, but this spot has no size (sized: false); "
        "give its state: present, gone or growing",
    ),
    ({"scans[0].measurements[2].size_mm": None}, "", "null is given, but this spot has no size"),
    ({"scans[0].measurements[2].too_small": False}, "", "false is given, but this spot has no"),
    ({"scans[1].measurements[2].too_small": True}, "", "true is given, but this spot has no size"),
    (
        {"scans[0].measurements[2].state": DROP},
        "",
        "this key is missing; a spot without a size needs a state: present, gone or growing",
    ),
    (
        {"scans[0].measurements[2].state": "shrinking"},
        "",
        "'shrinking' is not one of: present, gone, growing",
    ),
    ({"scans[0].measurements[2].state": None}, "", "null is not one of: present, gone, growing"),
    ({"scans[0].measurements[2].state": "Present"}, "", "'Present' is not one of"),
    (
        {"scans[2].measurements[2].state": "present"},
        "",
        "'present' says the spot is still there, but the scan says no evidence of disease",
    ),
    ({"scans[2].measurements[2].state": "growing"}, "", "but the scan says no evidence of"),
    (
        {"scans[0].no_evidence_of_disease": True, "scans[0].measurements[0].size_mm": 0},
        "scans[0].measurements[1].size_mm",
        "18.0 is above 0, but the scan says no evidence of disease",
    ),
    (
        {
            "scans[0].no_evidence_of_disease": True,
            "scans[0].measurements": [{"spot": "s4", "state": "growing"}],
        },
        "scans[0].measurements[0].state",
        "'growing' says the spot is still there",
    ),
    (
        {"scans[1].measurements[2].spot": "s1"},
        "",
        "'s1' is already measured in this scan (measurements[0]); give one entry per spot",
    ),
    (
        {"scans[3].measurements[0].spot": "s4"},
        "",
        "'s4' is not a spot of cancer 'c2' (it is a spot of cancer 'c1')",
    ),
    ({"scans[0].measurements[2].uncertain": "maybe"}, "", "'maybe' is not true or false"),
]


@pytest.mark.parametrize(("changes", "path", "message"), ONE_PLACE_2)
def test_a_wrong_place_of_a_version_2_file_is_refused_by_its_path(
    changes: dict[str, object], path: str, message: str
) -> None:
    expected = path or next(iter(changes))
    error = refusal(changed(changes, version=2))
    assert error.path == expected, str(error)
    assert message in error.message, str(error)


@pytest.mark.parametrize(("changes", "path", "message"), ONE_PLACE)
def test_a_wrong_place_is_refused_by_its_path(
    changes: dict[str, object] | bytes, path: str, message: str
) -> None:
    if isinstance(changes, bytes):
        data, expected = changes, path
    else:
        # An empty path in the table means the one place that was changed.
        data, expected = changed(changes), path or next(iter(changes))
    error = refusal(data)
    assert (error.path, message in error.message) == (expected, True), str(error)
    assert str(error) == f"{expected}: {error.message}"


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        (
            {"scans[3].measurements[0].size_mm": -4},
            "scans[3].measurements[0].size_mm: -4 is below 0",
        ),
        ({"scans[0].date": "2024-02-30"}, "scans[0].date: 2024-02-30 is not a real date"),
        ({"scans[0].date": "2031-01-01"}, "scans[0].date: 2031-01-01 is after today"),
        (
            {"scans[0].measurements[1].spot": "s9"},
            "scans[0].measurements[1].spot: 's9' is not a spot of cancer 'c1'",
        ),
        (
            {"scans[0].measurements[0].size_mm": 23.45},
            "scans[0].measurements[0].size_mm: 23.45 has more than one decimal",
        ),
        ({"spots[0].colour": "red"}, "spots[0].colour: unknown key"),
    ],
)
def test_messages_read_as_the_format_shows_them(changes: dict[str, object], text: str) -> None:
    assert str(refusal(changed(changes))) == text


def test_the_first_error_in_reading_order_is_the_one_named() -> None:
    error = refusal(
        changed(
            {
                "questions[0].cancer": "c9",
                "scans[1].date": "2031-01-01",
                "scans[0].measurements[1].size_mm": -4,
            }
        )
    )
    assert error.path == "scans[0].measurements[1].size_mm"


def test_the_version_is_checked_before_the_keys_a_newer_version_may_add() -> None:
    error = refusal(changed({"version": 4, "photos": [], "person.pronouns": "she"}))
    assert error.path == "version"
    assert "newer version of the app" in error.message


@pytest.mark.parametrize(
    "changes",
    [
        {"scans[3].date": "2022-01-25", "scans[3].kind": "MRI"},
        {"scans[1].date": "2022-01-25"},
        {"questions[0].id": "c1"},
        {"scans[0].date": "1961-04-09"},
        {"scans[0].date": TODAY.isoformat()},
        {"treatments[0].end": "2022-02-01"},
        {"scans[1].measurements[1].too_small": True, "scans[1].measurements[1].size_mm": DROP},
        {"spots[1].area": "distant"},
        {"statements[1].recurrence_type": None},
        {"version": Raw("1.0")},
        {"version": 2},
        {"version": 2, "spots[0].sized": True, "spots[1].sized": True},
        {"person.birth_date": None, "scans[0].date": "1900-01-01"},
        {"person.birth_date": "1900-01-01"},
        {"cancers[0].notes": "one\ntwo\tthree", "spots[0].name": "tab\there"},
        {"statements[0].text": "line\u2028separator\u2029and \u202eright to left\u202c"},
        {"questions[0].text": "How long?\nAnd then?", "questions[1].answer": "a\nb"},
    ],
    ids=str,
)
def test_what_the_rules_allow_is_accepted(changes: dict[str, object]) -> None:
    read_record(changed(changes), today=TODAY)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {
            "spots[3].sized": True,
            "scans[0].measurements[2]": {"spot": "s4", "size_mm": 5},
            "scans[1].measurements[2]": {"spot": "s4", "too_small": True},
            "scans[2].measurements[2]": {"spot": "s4", "size_mm": 0},
        },
        {"spots[2].sized": False, "scans[3].measurements[0]": {"spot": "s3", "state": "gone"}},
        {"scans[2].measurements[2]": DROP},
        {"scans[0].measurements[2].uncertain": True},
        {"scans[1].measurements[2]": {"spot": "s4", "state": "present", "uncertain": False}},
    ],
    ids=str,
)
def test_what_version_2_allows_is_accepted(changes: dict[str, object]) -> None:
    read_record(changed(changes, version=2), today=TODAY)


def test_a_huge_number_is_cut_short_in_the_message() -> None:
    digits = "9" * 10_000_000
    error = refusal(changed({"scans[0].measurements[0].size_mm": Raw(digits)}))
    assert error.path == "scans[0].measurements[0].size_mm"
    assert error.message == f"{'9' * 59}… is above 500"
    error = refusal(changed({"version": Raw(digits)}))
    assert len(str(error)) < 200


def test_long_texts_and_keys_are_cut_short_and_escaped_in_the_message() -> None:
    error = refusal(changed({"spots[0].area": "\x1b]52;c;" + "A" * 1000 + "\x07"}))
    assert error.message.startswith("'\\x1b]52;c;AAAA")
    assert "\x1b" not in error.message
    assert len(error.message) < 200
    key = "\\u001b[2J" * 1000
    error = refusal(replaced('"name": "Ana Example",', f'"name": "Ana Example", "{key}": 1,'))
    assert error.path.startswith("person.\\x1b[2J\\x1b[2J")
    assert error.path.endswith("…")
    assert len(error.path) == len("person.") + 60
    assert "\x1b" not in error.path
    assert error.message == "unknown key"


def object_places() -> list[tuple[str, dict[str, Any]]]:
    """Each kind of object in the base document of the newest version, by the path of one of
    them, with its schema."""
    places = ["", "person", "cancers[0]", "spots[0]", "scans[0]", "scans[0].measurements[0]"]
    places += ["statements[0]", "treatments[0]", "questions[0]", "marker_results[0]"]
    found = []
    for place in places:
        schema = SCHEMA_DOCUMENT
        for step in steps(place):
            schema = schema["items"] if isinstance(step, int) else schema["properties"][step]
        found.append((place, schema))
    return found


def in_place(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


@pytest.mark.parametrize(
    ("place", "schema"),
    object_places(),
    ids=lambda v: (v or "(root)") if isinstance(v, str) else "",
)
def test_an_unknown_key_is_refused_in_every_kind_of_object(
    place: str, schema: dict[str, Any]
) -> None:
    assert "colour" not in schema["properties"]
    error = refusal(changed({in_place(place, "colour"): "red"}, version=NEWEST))
    assert (error.path, error.message) == (in_place(place, "colour"), "unknown key")


MISSING = [
    (in_place(place, key), schema)
    for place, schema in object_places()
    for key in schema["required"]
]


@pytest.mark.parametrize(("path", "schema"), MISSING, ids=[path for path, _ in MISSING])
def test_every_required_key_of_the_schema_is_required(path: str, schema: dict[str, Any]) -> None:
    error = refusal(changed({path: DROP}, version=NEWEST))
    assert error.path == path
    assert "missing" in error.message


def describe(value: object) -> str:
    """How a message names a value of the wrong kind."""
    if isinstance(value, bool):
        return "true"
    if isinstance(value, str):
        return f"'{value}'"
    return {type(None): "null", int: "7", list: "a list", dict: "an object"}[type(value)]


CANDIDATES: list[object] = [7, "seven", True, None, [], {}]


def wrong_values() -> list[tuple[str, object]]:
    """Every key of the base document's objects, with each value its schema refuses there."""
    document = base_document_3()
    cases = []
    for place, schema in object_places():
        value: Any = document
        for step in steps(place):
            value = value[step]
        for key, current in value.items():
            property_schema = {**schema["properties"][key], "$defs": SCHEMA_DOCUMENT["$defs"]}
            validator = jsonschema.Draft202012Validator(property_schema)
            for candidate in CANDIDATES:
                # An empty object or list in place of one would be refused for what it lacks.
                same_kind = type(candidate) is type(current) and isinstance(current, dict | list)
                if not same_kind and not validator.is_valid(candidate):
                    cases.append((in_place(place, key), candidate))
    return cases


@pytest.mark.parametrize(("path", "value"), wrong_values(), ids=str)
def test_every_value_the_schema_refuses_is_refused_at_its_place(path: str, value: object) -> None:
    error = refusal(changed({path: value}, version=NEWEST))
    assert error.path == path
    assert describe(value) in error.message
