"""The rules of what a valid record is, beyond clean text and possible dates: text lengths,
sizes and the combinations that make sense, each a Problem with a field and a code."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from survivor_app.domain import (
    Area,
    Cancer,
    Measurement,
    Person,
    ProblemCode,
    Question,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    SpotState,
    Statement,
    Status,
    TextRule,
    Treatment,
    TreatmentKind,
    check_size,
)
from survivor_app.domain import record_rules as rules
from tests.shared_files import SCHEMA


def test_a_text_rule_refuses_empty_where_needed_then_too_long_then_unclean() -> None:
    rule = TextRule(5, missing="Please give a name.")
    empty = rule.check("", "name")
    assert empty is not None
    assert (empty.field, empty.code, empty.sentence) == (
        "name",
        ProblemCode.EMPTY,
        "Please give a name.",
    )
    long = rule.check("abcdef", "name")
    assert long is not None
    assert long.code is ProblemCode.TOO_LONG
    assert long.fact == "is 6 characters long; the most is 5"
    assert long.sentence == "This is too long: please keep it to 5 characters or fewer."
    unclean = rule.check("a\x00", "name")
    assert unclean is not None
    assert unclean.code is ProblemCode.CONTROL_CHARACTER
    assert rule.check("abcde", "name") is None


def test_an_optional_text_may_be_empty_and_only_a_text_of_lines_holds_a_line_break() -> None:
    assert rules.SPOT_LOCATION.check("", "location") is None
    assert rules.SCAN_NOTES.check("one\ntwo", "notes") is None
    one_line = rules.SCAN_FACILITY.check("one\ntwo", "facility")
    assert one_line is not None
    assert one_line.code is ProblemCode.LINE_BREAK


@pytest.mark.parametrize(
    ("rule", "part", "key"),
    [
        (rules.PERSON_NAME, "person", "name"),
        (rules.PERSON_NOTES, "person", "notes"),
        (rules.CANCER_NAME, "cancers", "name"),
        (rules.CANCER_SITE, "cancers", "primary_site"),
        (rules.CANCER_NOTES, "cancers", "notes"),
        (rules.SPOT_NAME, "spots", "name"),
        (rules.SPOT_LOCATION, "spots", "location"),
        (rules.SCAN_FACILITY, "scans", "facility"),
        (rules.SCAN_NOTES, "scans", "notes"),
        (rules.STATEMENT_CLINICIAN, "statements", "clinician"),
        (rules.STATEMENT_TEXT, "statements", "text"),
        (rules.TREATMENT_NAME, "treatments", "name"),
        (rules.QUESTION_TEXT, "questions", "text"),
        (rules.QUESTION_ANSWER, "questions", "answer"),
        (rules.MARKER_NAME, "marker_results", "name"),
        (rules.MARKER_UNIT, "marker_results", "unit"),
        (rules.MARKER_LAB, "marker_results", "lab"),
        (rules.MARKER_NOTES, "marker_results", "notes"),
    ],
)
def test_each_text_rule_is_the_one_of_the_json_schema(rule: TextRule, part: str, key: str) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))["properties"][part]
    field = (schema["properties"] if part == "person" else schema["items"]["properties"])[key]
    assert rule.longest == field["maxLength"]
    assert (rule.missing is not None) == (field.get("minLength", 0) == 1)


@pytest.mark.parametrize(
    ("typed", "unit", "code", "fact"),
    [
        ("-0.1", "mm", ProblemCode.BELOW_ZERO, "is below 0"),
        ("500.1", "mm", ProblemCode.ABOVE_LARGEST, "is above 500"),
        ("50.01", "cm", ProblemCode.ABOVE_LARGEST, "is above 50"),
        ("1e999999", "mm", ProblemCode.ABOVE_LARGEST, "is above 500"),
        ("23.45", "mm", ProblemCode.FINER_THAN_A_STEP, "has more than one decimal"),
        ("2.345", "cm", ProblemCode.FINER_THAN_A_STEP, "has more than two decimals"),
        ("NaN", "mm", ProblemCode.NOT_A_NUMBER, "is not a number"),
    ],
)
def test_a_size_is_from_0_to_500_mm_in_tenths(
    typed: str, unit: str, code: ProblemCode, fact: str
) -> None:
    problem = check_size(Decimal(typed), "size_mm", unit=unit)
    assert problem is not None
    assert (problem.field, problem.code, problem.fact) == ("size_mm", code, fact)


@pytest.mark.parametrize("typed", ["0", "500", "500.0", "23.5", "0.1"])
def test_sizes_within_the_rule_pass(typed: str) -> None:
    assert check_size(Decimal(typed), "size_mm") is None


def test_a_lymph_node_is_never_where_the_cancer_started() -> None:
    problem = rules.check_spot_area(Area.PRIMARY, lymph_node=True)
    assert problem is not None
    assert (problem.field, problem.code) == ("area", ProblemCode.LYMPH_NODE_WHERE_IT_STARTED)
    assert rules.check_spot_area(Area.PRIMARY, lymph_node=False) is None
    assert rules.check_spot_area(Area.REGIONAL_NODE, lymph_node=True) is None


def test_a_treatment_ends_on_or_after_its_start() -> None:
    start = dt.date(2022, 2, 1)
    problem = rules.check_treatment_end(start, dt.date(2022, 1, 31))
    assert problem is not None
    assert (problem.field, problem.fact) == ("end", "is before the start 2022-02-01")
    assert rules.check_treatment_end(start, start) is None
    assert rules.check_treatment_end(start, None) is None


def test_every_spot_is_gone_or_not_measured_on_a_scan_with_no_evidence_of_disease() -> None:
    sized = rules.check_no_evidence_entry(1, too_small=False)
    assert sized is not None
    assert (sized.field, sized.code) == ("size_mm", ProblemCode.SIZE_WITH_NO_EVIDENCE)
    assert rules.check_no_evidence_entry(0, too_small=False) is None
    # "Too small to measure" says the spot is still there (STATUS_RULES.md §4).
    too_small = rules.check_no_evidence_entry(None, too_small=True)
    assert too_small is not None
    assert (too_small.field, too_small.code) == ("too_small", ProblemCode.SIZE_WITH_NO_EVIDENCE)
    # A spot without a size is gone, or not looked at (no entry).
    assert rules.check_no_evidence_entry(None, too_small=False, state=SpotState.GONE) is None
    for state in (SpotState.PRESENT, SpotState.GROWING):
        there = rules.check_no_evidence_entry(None, too_small=False, state=state)
        assert there is not None
        assert (there.field, there.code) == ("state", ProblemCode.SIZE_WITH_NO_EVIDENCE)


@pytest.mark.parametrize(
    ("measurement", "sized", "field", "code"),
    [
        (
            Measurement("s1", None, state=SpotState.GONE),
            True,
            "state",
            ProblemCode.STATE_OF_A_SIZED_SPOT,
        ),
        (Measurement("s1", 0), False, "size_mm", ProblemCode.SIZE_OF_A_SPOT_WITHOUT_ONE),
        (
            Measurement("s1", None, too_small=True),
            False,
            "too_small",
            ProblemCode.SIZE_OF_A_SPOT_WITHOUT_ONE,
        ),
        (Measurement("s1", None), False, "state", ProblemCode.NO_STATE),
    ],
)
def test_a_measurement_is_of_its_spot_s_kind(
    measurement: Measurement, sized: bool, field: str, code: ProblemCode
) -> None:
    problem = rules.check_measurement_kind(measurement, sized=sized)
    assert problem is not None
    assert (problem.field, problem.code) == (field, code)


@pytest.mark.parametrize(
    "measurement",
    [
        Measurement("s1", 0),
        Measurement("s1", 235, uncertain=True),
        Measurement("s1", None, too_small=True),
    ],
)
def test_a_size_or_too_small_is_what_a_sized_spot_takes(measurement: Measurement) -> None:
    assert rules.check_measurement_kind(measurement, sized=True) is None


@pytest.mark.parametrize("state", list(SpotState))
def test_a_state_is_what_a_spot_without_a_size_takes(state: SpotState) -> None:
    measurement = Measurement("s1", None, uncertain=True, state=state)
    assert rules.check_measurement_kind(measurement, sized=False) is None


def test_one_scan_of_a_kind_a_day_for_each_cancer() -> None:
    day = ("c1", dt.date(2022, 1, 25), ScanKind.MRI)
    problem = rules.check_scan_day(day, {day})
    assert problem is not None
    assert problem.sentence == "There is already a scan of this kind (MRI) on this date."
    assert rules.check_scan_day(day, {("c2", day[1], day[2])}) is None
    assert rules.check_scan_day(day, {("c1", day[1], ScanKind.CT)}) is None


def test_a_place_it_came_back_goes_only_with_recurred() -> None:
    problem = rules.check_recurrence(None, RecurrenceType.LOCAL)
    assert problem is not None
    assert problem.fact == "goes only with the status 'recurred', not with null"
    stable = rules.check_recurrence(Status.STABLE, RecurrenceType.LOCAL)
    assert stable is not None
    assert stable.fact.endswith("not with 'stable'")
    assert rules.check_recurrence(Status.RECURRED, RecurrenceType.LOCAL) is None
    assert rules.check_recurrence(Status.STABLE, None) is None


def test_a_birth_comes_on_or_before_every_date_of_the_record() -> None:
    record = Record(
        Person("Ana", dt.date(1961, 4, 9)),
        cancers=(Cancer("c1", "Breast cancer", "left breast", None),),
        scans=(Scan("s1", "c1", dt.date(2022, 1, 25), ScanKind.MRI),),
        statements=(Statement("d1", "c1", dt.date(2022, 2, 2), "Stable."),),
        treatments=(Treatment("t1", "c1", TreatmentKind.SURGERY, dt.date(2022, 1, 24)),),
        questions=(Question("q1", "Why?", None, dt.date(2021, 12, 1)),),
    )
    earliest = rules.earliest_recorded_date(record)
    assert earliest == dt.date(2021, 12, 1)
    assert rules.earliest_recorded_date(Record(Person("Ana"))) is None
    after = rules.check_birth_date(dt.date(2021, 12, 2), earliest=earliest)
    assert after is not None
    assert after.code is ProblemCode.AFTER_A_RECORDED_DATE
    assert after.sentence == (
        "This is after 1 December 2021, a date already in your record. Please check it."
    )
    assert rules.check_birth_date(dt.date(2021, 12, 1), earliest=earliest) is None
    assert rules.check_birth_date(dt.date(2021, 12, 2), earliest=None) is None
