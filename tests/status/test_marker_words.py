"""Each marker's latest result in plain words, with the person's own values, units and dates
(STATUS_RULES.md §9)."""

from __future__ import annotations

import pytest

from survivor_app.domain import MarkerKind
from survivor_app.status.marker_words import series_sentences, short_value_text, value_text
from survivor_app.status.markers import Direction, direction, marker_series, reading
from tests.status.marker_results import result, results

CEA, PSA = MarkerKind.CEA, MarkerKind.PSA


def test_the_latest_against_the_one_before_and_the_lowest() -> None:
    series = results(CEA, ("2024-06-05", "2.1"), ("2024-12-02", "2.9"), ("2025-03-03", "4.1"))
    assert series_sentences("CEA", series) == (
        "Your CEA was 4.1 ng/mL on 3 March 2025, up from 2.9 ng/mL on 2 December 2024 and from "
        "its lowest, 2.1 ng/mL on 5 June 2024.",
    )


def test_down_from_the_one_before_and_up_from_the_lowest() -> None:
    series = results(CEA, ("2024-06-05", "2.1"), ("2024-12-02", "2.9"), ("2025-03-03", "2.50"))
    assert series_sentences("CEA", series) == (
        "Your CEA was 2.50 ng/mL on 3 March 2025, down from 2.9 ng/mL on 2 December 2024 and up "
        "from its lowest, 2.1 ng/mL on 5 June 2024.",
    )


def test_a_new_lowest_says_so_once() -> None:
    series = results(CEA, ("2024-06-05", "2.1"), ("2024-12-02", "2.9"), ("2025-03-03", "1.5"))
    assert series_sentences("CEA", series) == (
        "Your CEA was 1.5 ng/mL on 3 March 2025, down from 2.9 ng/mL on 2 December 2024.",
        "This is its lowest result so far.",
    )


def test_the_one_before_is_the_lowest() -> None:
    series = results(CEA, ("2024-06-05", "2.9"), ("2024-12-02", "2.1"), ("2025-03-03", "2.1"))
    assert series_sentences("CEA", series) == (
        "Your CEA was 2.1 ng/mL on 3 March 2025, the same as its lowest, 2.1 ng/mL on "
        "2 December 2024.",
    )


def test_a_first_result() -> None:
    assert series_sentences("CEA", results(CEA, ("2025-03-03", "4.1"))) == (
        "Your CEA was 4.1 ng/mL on 3 March 2025. This is its first result.",
    )


def test_below_the_labs_limit_is_worded_honestly() -> None:
    series = results(PSA, ("2024-06-05", "0.4"), ("2024-12-02", "<0.1"), ("2025-03-03", "<0.1"))
    said = series_sentences("PSA", series)
    assert said[:2] == (
        "Your PSA was below 0.1 ng/mL, the lowest the lab can measure, on 3 March 2025.",
        "Before that, it was below 0.1 ng/mL on 2 December 2024, its lowest.",
    )
    assert said[2:] == (
        "No PSA doubling time is given: it needs at least 3 results that rise in a row.",
        "The latest result, below 0.1 ng/mL on 3 March 2025, has no exact value.",
    )


def test_up_from_below_the_labs_limit() -> None:
    series = results(CEA, ("2024-12-02", "<0.5"), ("2025-03-03", "0.5"))
    assert series_sentences("CEA", series) == (
        "Your CEA was 0.5 ng/mL on 3 March 2025, up from its lowest, below 0.5 ng/mL, the lowest "
        "the lab can measure, on 2 December 2024.",
    )


def test_above_the_labs_upper_limit_when_it_is_known() -> None:
    series = (
        result("2024-12-02", "2.9", upper="3.0"),
        result("2025-03-03", "4.1", upper="3.0"),
    )
    assert series_sentences("CEA", series)[-1] == (
        "That is above 3.0 ng/mL, the lab’s upper limit of normal (the highest it counts as usual)."
    )
    assert not any("above" in s for s in series_sentences("CEA", series[:1]))
    unknown = (result("2025-03-03", "40.1"),)
    assert not any("limit" in s for s in series_sentences("CEA", unknown))


def test_psa_says_its_doubling_time_with_the_dates_used() -> None:
    series = results(
        PSA,
        ("2024-01-01", "<0.1"),
        ("2024-04-01", "0.2"),
        ("2024-07-01", "0.35"),
        ("2024-10-01", "0.6"),
    )
    said = series_sentences("PSA", series)
    assert said[1:] == (
        "Your PSA doubling time is about 3.8 months: how long it takes to double at its recent "
        "pace.",
        "It comes from the 3 results that rose in a row, on 1 April 2024, 1 July 2024 and "
        "1 October 2024.",
        "It uses the best straight line through them on a log scale, and months of 30.4375 days.",
        "The result below 0.1 ng/mL on 1 January 2024 is not used: its exact value is not known.",
    )


def test_psa_says_why_a_doubling_time_is_withheld() -> None:
    needs = "No PSA doubling time is given: it needs at least 3 results that rise in a row."
    flat = results(PSA, ("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "2.0"))
    assert series_sentences("PSA", flat)[-2:] == (
        needs,
        "The latest result, on 1 July 2024, is the same as the one before, on 1 April 2024.",
    )
    short = results(PSA, ("2024-01-01", "<0.1"), ("2024-04-01", "0.2"), ("2024-07-01", "0.4"))
    assert series_sentences("PSA", short)[-2:] == (
        needs,
        "The rise starts from a result below what the lab can measure, on 1 January 2024. Its "
        "exact value is not known, and only 2 results rise after it.",
    )
    two = results(PSA, ("2024-01-01", "1.0"), ("2024-04-01", "2.0"))
    assert series_sentences("PSA", two)[-1] == (
        "Only 2 results rise in a row, on 1 January 2024 and 1 April 2024."
    )


def test_other_markers_have_no_doubling_time() -> None:
    series = results(CEA, ("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "4.0"))
    assert not any("doubling" in s for s in series_sentences("CEA", series))


def test_values_are_written_as_typed() -> None:
    assert value_text(result("2025-03-03", "4.10")) == "4.10 ng/mL"
    assert value_text(result("2025-03-03", "<0.1")) == "below 0.1 ng/mL"
    assert short_value_text(result("2025-03-03", "<0.1")) == "<0.1 ng/mL"


def test_directions_claim_only_what_is_sure() -> None:
    low, limit, high = (
        result("2024-01-01", "0.05"),
        result("2024-02-01", "<0.1"),
        result("2024-03-01", "0.1"),
    )
    assert direction(high, limit) is Direction.UP
    assert direction(limit, high) is Direction.DOWN
    assert direction(limit, low) is Direction.UNKNOWN
    assert direction(low, limit) is Direction.UNKNOWN
    assert direction(limit, limit) is Direction.UNKNOWN
    assert direction(high, result("2024-04-01", "0.10")) is Direction.SAME


def test_series_are_per_marker_and_unit_in_date_order() -> None:
    later = result("2025-03-03", "4.1")
    earlier = result("2024-03-03", "2.1")
    psa = result("2024-05-01", "1.0", PSA)
    (cea_series, psa_series) = marker_series([later, psa, earlier])
    assert (cea_series.name, cea_series.results) == ("CEA", (earlier, later))
    assert (psa_series.name, psa_series.results) == ("PSA", (psa,))


def test_the_change_as_numbers() -> None:
    seen = reading(
        results(CEA, ("2024-06-05", "2.1"), ("2024-12-02", "2.9"), ("2025-03-03", "4.1"))
    )
    assert seen.since_previous is not None
    assert seen.since_lowest is not None
    assert str(seen.since_previous.difference) == "1.2"
    assert str(seen.since_lowest.difference) == "2.0"
    below = reading(results(CEA, ("2024-06-05", "<0.1"), ("2025-03-03", "4.1")))
    assert below.since_previous is not None
    assert below.since_previous.difference is None
    assert below.since_previous.direction is Direction.UP


@pytest.mark.parametrize(
    ("typed", "span"),
    [
        # 0.1 → 100 → 100000 on consecutive days: it doubles in about 2.4 hours.
        (
            (("2024-01-01", "0.1"), ("2024-01-02", "100"), ("2024-01-03", "100000")),
            "less than a day",
        ),
        # ×2 every 10 days.
        ((("2024-01-01", "1"), ("2024-01-11", "2"), ("2024-01-21", "4")), "about 10 days"),
        ((("2024-01-01", "1"), ("2024-01-02", "2"), ("2024-01-03", "4")), "about 1 day"),
    ],
)
def test_a_doubling_time_under_a_month_is_said_in_days(
    typed: tuple[tuple[str, str], ...], span: str
) -> None:
    said = series_sentences("PSA", results(PSA, *typed))
    assert said[1].startswith(f"Your PSA doubling time is {span}: ")
    assert "0.0 months" not in " ".join(said)
