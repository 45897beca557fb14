"""The rules of a tumour marker result (issue 18): a number from 0 with its decimals as typed,
the unit of its marker, a name only for a marker of the person's own, a possible date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survivor_app.domain import (
    MarkerKind,
    MarkerResult,
    Person,
    Problem,
    ProblemCode,
    Record,
    check_date,
)
from survivor_app.domain import record_rules as rules
from survivor_app.domain.markers import KNOWN_MARKERS

TODAY = dt.date(2026, 5, 1)
PSA = MarkerResult("m1", "c1", dt.date(2025, 3, 4), MarkerKind.PSA, Decimal("0.10"), "ng/mL")


def check_marker_result(
    result: MarkerResult, *, birth_date: dt.date | None, today: dt.date
) -> Problem | None:
    """The first rule ``result`` breaks, or None: its date, name, value, unit, upper limit, lab
    and notes, in that order (the dialog's and the record format's), each by its own rule."""
    return (
        check_date(result.date, "date", birth_date=birth_date, today=today)
        or rules.check_marker_name(result.marker, result.name)
        or rules.check_marker_number(result.value, "value", above_zero=result.below_limit)
        or rules.check_marker_unit(result.marker, result.unit)
        or (
            None
            if result.upper_limit is None
            else rules.check_marker_number(result.upper_limit, "upper_limit", above_zero=True)
        )
        or rules.MARKER_LAB.check(result.lab, "lab")
        or rules.MARKER_NOTES.check(result.notes, "notes")
    )


def problem_of(result: MarkerResult, birth_date: dt.date | None = None) -> tuple[str, str] | None:
    problem = check_marker_result(result, birth_date=birth_date, today=TODAY)
    return None if problem is None else (problem.field, problem.code.value)


def test_a_result_as_a_lab_gives_it_is_kept() -> None:
    assert problem_of(PSA) is None
    assert problem_of(replace(PSA, below_limit=True, upper_limit=Decimal("4.0"))) is None
    other = replace(PSA, marker=MarkerKind.OTHER, name="S100B", unit="µg/L")
    assert problem_of(other) is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": dt.date(2026, 5, 2)}, ("date", "in_the_future")),
        ({"date": dt.date(1899, 12, 31)}, ("date", "before_earliest")),
        ({"value": Decimal("-0.1")}, ("value", "below_zero")),
        ({"value": Decimal("-0")}, ("value", "below_zero")),
        ({"value": Decimal("NaN")}, ("value", "not_a_number")),
        ({"value": Decimal("1000000000")}, ("value", "above_largest")),
        ({"value": Decimal("0.00001")}, ("value", "finer_than_a_step")),
        ({"value": Decimal("0"), "below_limit": True}, ("value", "not_above_zero")),
        ({"unit": "U/mL"}, ("unit", "unit_not_of_marker")),
        ({"unit": ""}, ("unit", "unit_not_of_marker")),
        ({"name": "PSA"}, ("name", "name_without_other")),
        ({"marker": MarkerKind.OTHER, "unit": "ng/mL"}, ("name", "empty")),
        ({"marker": MarkerKind.OTHER, "name": "X", "unit": ""}, ("unit", "empty")),
        ({"marker": MarkerKind.OTHER, "name": "X", "unit": "u" * 31}, ("unit", "too_long")),
        ({"marker": MarkerKind.OTHER, "name": "X\n", "unit": "u"}, ("name", "line_break")),
        ({"upper_limit": Decimal("0")}, ("upper_limit", "not_above_zero")),
        ({"upper_limit": Decimal("-4")}, ("upper_limit", "below_zero")),
        ({"lab": "City\x1bLab"}, ("lab", "control_character")),
        ({"notes": "n" * 20001}, ("notes", "too_long")),
    ],
)
def test_each_broken_rule_names_its_field(
    changes: dict[str, object], expected: tuple[str, str]
) -> None:
    assert problem_of(replace(PSA, **changes)) == expected  # type: ignore[arg-type]


def test_a_result_cannot_be_before_the_person_was_born() -> None:
    assert problem_of(PSA, birth_date=dt.date(2025, 3, 5)) == ("date", "before_birth")


@pytest.mark.parametrize("marker", list(KNOWN_MARKERS))
def test_each_known_marker_takes_its_own_unit_and_says_it(marker: MarkerKind) -> None:
    unit = KNOWN_MARKERS[marker].unit
    assert rules.check_marker_unit(marker, unit) is None
    wrong = rules.check_marker_unit(marker, "mmol/L")
    assert wrong is not None
    assert wrong.code is ProblemCode.UNIT_NOT_OF_MARKER
    assert (
        wrong.sentence == f"{marker.value} is given in {unit}. Please check the unit on the report."
    )
    assert wrong.fact == f"is not the unit of {marker.value}, which is '{unit}'"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=0, max_value=10**9))
def test_a_number_is_written_as_typed_and_read_back_the_same(value: Decimal) -> None:
    text = rules.decimal_text(value)
    assert "E" not in text
    assert "e" not in text
    assert Decimal(text) == value
    assert Decimal(text).as_tuple().exponent == min(0, int(value.as_tuple().exponent))


def test_the_earliest_date_counts_marker_results() -> None:
    record = Record(Person("Ana"), marker_results=(PSA,))
    assert rules.earliest_recorded_date(record) == PSA.date
