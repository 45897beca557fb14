"""The question of STATUS_RULES.md §8 for a tumour marker that rose past the lab's upper limit,
and where it goes: after the questions of the scans and statements (never a label, §9)."""

from __future__ import annotations

import dataclasses

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.status import analyse, marker_questions
from tests.status.histories import history, scan
from tests.status.marker_results import result

CA_125 = MarkerKind.CA_125


def _ca125(*typed: tuple[str, str]) -> tuple[MarkerResult, ...]:
    return tuple(result(on, value, CA_125, upper="35") for on, value in typed)


def test_above_the_limit_and_higher_than_the_two_before_asks() -> None:
    series = _ca125(("2024-09-02", "20"), ("2024-12-02", "30"), ("2025-03-03", "52"))
    assert marker_questions(series) == (
        "My CA-125 has risen three times in a row, to 52 U/mL on 3 March 2025. "
        "Should we look at it?",
    )


def test_higher_than_each_of_the_two_before_is_enough() -> None:
    # 30 → 25 → 40: 40 is above the limit and higher than both 30 and 25.
    series = _ca125(("2024-09-02", "30"), ("2024-12-02", "25"), ("2025-03-03", "40"))
    assert len(marker_questions(series)) == 1


def test_a_fall_between_is_not_called_three_rises_in_a_row() -> None:
    # 10 → 60 → 50 → 70: 60 → 50 fell, so 70 did not rise three times in a row.
    series = _ca125(
        ("2024-06-03", "10"), ("2024-09-02", "60"), ("2024-12-02", "50"), ("2025-03-03", "70")
    )
    assert marker_questions(series) == (
        "My CA-125 was 70 U/mL on 3 March 2025, above the lab's limit and higher than each of "
        "the two results before it. Should we look at it?",
    )


def test_nothing_is_asked_below_the_limit_or_without_it() -> None:
    under = _ca125(("2024-09-02", "10"), ("2024-12-02", "20"), ("2025-03-03", "35"))
    assert marker_questions(under) == ()
    no_limit = tuple(
        result(on, value, CA_125)
        for on, value in (("2024-09-02", "20"), ("2024-12-02", "30"), ("2025-03-03", "52"))
    )
    assert marker_questions(no_limit) == ()


def test_nothing_is_asked_when_one_of_the_two_before_is_as_high() -> None:
    series = _ca125(("2024-09-02", "52"), ("2024-12-02", "30"), ("2025-03-03", "52"))
    assert marker_questions(series) == ()
    two = _ca125(("2024-12-02", "30"), ("2025-03-03", "52"))
    assert marker_questions(two) == ()


def test_a_rise_that_goes_on_asks_once_and_a_new_one_asks_again() -> None:
    series = _ca125(
        ("2024-03-01", "20"),
        ("2024-06-03", "30"),
        ("2024-09-02", "40"),
        ("2024-12-02", "50"),
        ("2025-03-03", "45"),
        ("2025-06-02", "60"),
    )
    assert marker_questions(series) == (
        "My CA-125 has risen three times in a row, to 40 U/mL on 2 September 2024. "
        "Should we look at it?",
        # 50 → 45 fell before 60: higher than each of the two before, not three rises.
        "My CA-125 was 60 U/mL on 2 June 2025, above the lab's limit and higher than each of the "
        "two results before it. Should we look at it?",
    )


def test_the_markers_own_name() -> None:
    series = tuple(
        result(on, value, MarkerKind.CEA, upper="3.0")
        for on, value in (("2024-09-02", "2.0"), ("2024-12-02", "2.5"), ("2025-03-03", "3.1"))
    )
    (question,) = marker_questions(series)
    assert question.startswith("My CEA has risen three times in a row, to 3.1 ng/mL")


def test_the_analysis_asks_it_after_the_scans_questions_and_keeps_the_labels() -> None:
    h = history(scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "21"}))
    rising = _ca125(("2024-09-02", "20"), ("2024-12-02", "30"), ("2025-03-03", "52"))
    with_markers = dataclasses.replace(h, marker_results=rising)
    plain, marked = analyse(h), analyse(with_markers)
    assert marked.questions == (*plain.questions, *marker_questions(rising))
    assert marked.periods == plain.periods
