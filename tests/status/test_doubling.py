"""The PSA doubling time (STATUS_RULES.md §9): a least-squares line of ln(value) on days over the
latest run of rising results, ln 2 over its slope, in months of 30.4375 days; withheld, with the
reason, when it cannot be computed honestly. The expected values are worked out by hand below."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.status.doubling import (
    DAYS_PER_MONTH,
    DoublingTime,
    Why,
    Withheld,
    doubling_time,
)
from tests.status.marker_results import psa_series, results

PSA = MarkerKind.PSA


def months_of(series: tuple[MarkerResult, ...]) -> DoublingTime:
    found = doubling_time(series)
    assert isinstance(found, DoublingTime), found
    return found


def test_a_rising_series_doubles_in_about_four_point_seven_months() -> None:
    # Days from 1 January 2024: t = 0, 91, 182, 274; mean 136.75.
    # t - mean = -136.75, -45.75, 45.25, 137.25; their squares sum to
    #   18700.5625 + 2093.0625 + 2047.5625 + 18837.5625 = 41678.75.
    # ln(value) = ln 1 = 0, ln 1.5 = 0.405465, ln 2 = 0.693147, ln 4 = 1.386294; the products
    #   (t - mean) × ln(value) = 0 - 18.5500 + 31.3649 + 190.2689 = 203.0838.
    # Slope = 203.0838 / 41678.75 = 0.0048726 per day; doubling = 0.693147 / 0.0048726
    #   = 142.25 days = 142.25 / 30.4375 = 4.67 months.
    series = results(
        PSA,
        ("2024-01-01", "1.0"),
        ("2024-04-01", "1.5"),
        ("2024-07-01", "2.0"),
        ("2024-10-01", "4.0"),
    )
    found = months_of(series)
    assert found.months == pytest.approx(4.67, abs=0.1)
    assert found.results == series
    assert found.left_out is None


def test_a_nearly_flat_series_doubles_in_about_172_months() -> None:
    # Days from 1 January 2023: t = 0, 181, 365, 547; mean 273.25.
    # t - mean = -273.25, -92.25, 91.75, 273.75; their squares sum to
    #   74665.5625 + 8510.0625 + 8418.0625 + 74939.0625 = 166532.75.
    # ln 4.0 = 1.386294, ln 4.1 = 1.410987, ln 4.2 = 1.435085, ln 4.3 = 1.458615; the products
    #   -378.8049 - 130.1635 + 131.6690 + 399.2959 = 21.9965.
    # Slope = 21.9965 / 166532.75 = 0.00013208 per day; doubling = 0.693147 / 0.00013208
    #   = 5247.8 days = 5247.8 / 30.4375 = 172.41 months.
    series = results(
        PSA,
        ("2023-01-01", "4.0"),
        ("2023-07-01", "4.1"),
        ("2024-01-01", "4.2"),
        ("2024-07-01", "4.3"),
    )
    assert months_of(series).months == pytest.approx(172.41, abs=0.1)


def test_a_rise_from_below_the_labs_limit_leaves_that_result_out() -> None:
    # The result "<0.1" on 1 January 2024 has no exact value: the fit starts on 1 April 2024.
    # Days from 1 April 2024: t = 0, 91, 183; mean 91.3333.
    # t - mean = -91.3333, -0.3333, 91.6667; their squares sum to
    #   8341.7778 + 0.1111 + 8402.7778 = 16744.6667.
    # ln 0.2 = -1.609438, ln 0.35 = -1.049822, ln 0.6 = -0.510826; the products
    #   146.9953 + 0.3499 - 46.8257 = 100.5195.
    # Slope = 100.5195 / 16744.6667 = 0.0060031 per day; doubling = 0.693147 / 0.0060031
    #   = 115.47 days = 115.47 / 30.4375 = 3.79 months.
    series = results(
        PSA,
        ("2024-01-01", "<0.1"),
        ("2024-04-01", "0.2"),
        ("2024-07-01", "0.35"),
        ("2024-10-01", "0.6"),
    )
    found = months_of(series)
    assert found.months == pytest.approx(3.79, abs=0.1)
    assert found.results == series[1:]
    assert found.left_out == series[0]


def test_only_the_latest_run_of_rising_results_counts() -> None:
    # 8.0 on 1 January 2023 is higher than 1.0 after it: the run starts on 1 January 2024, and is
    # the rising series of the first test.
    series = results(
        PSA,
        ("2023-01-01", "8.0"),
        ("2024-01-01", "1.0"),
        ("2024-04-01", "1.5"),
        ("2024-07-01", "2.0"),
        ("2024-10-01", "4.0"),
    )
    found = months_of(series)
    assert found.results == series[1:]
    assert found.months == pytest.approx(4.67, abs=0.1)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ([("2024-01-01", "1.0")], Why.ONE_RESULT),
        ([("2024-01-01", "1.0"), ("2024-04-01", "2.0")], Why.TOO_FEW),
        ([("2024-01-01", "3.0"), ("2024-04-01", "1.0"), ("2024-07-01", "2.0")], Why.TOO_FEW),
        ([("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "2.0")], Why.NOT_RISING),
        ([("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "1.5")], Why.NOT_RISING),
        ([("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-04-01", "3.0")], Why.NOT_RISING),
        (
            [("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "<0.1")],
            Why.LATEST_BELOW_LIMIT,
        ),
        (
            [("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", "0")],
            Why.LATEST_BELOW_LIMIT,
        ),
        (
            [("2024-01-01", "<0.1"), ("2024-04-01", "0.2"), ("2024-07-01", "0.4")],
            Why.FROM_UNMEASURED,
        ),
        ([("2024-01-01", "0"), ("2024-04-01", "0.2"), ("2024-07-01", "0.4")], Why.FROM_UNMEASURED),
    ],
)
def test_withheld_with_its_reason(typed: list[tuple[str, str]], why: Why) -> None:
    found = doubling_time(results(PSA, *typed))
    assert isinstance(found, Withheld)
    assert found.why is why


@given(psa_series())
def test_a_doubling_time_rests_on_a_rising_run_and_its_own_fit(
    series: tuple[MarkerResult, ...],
) -> None:
    found = doubling_time(series)
    run = _rising_suffix(series)
    if len(run) < 3:
        assert isinstance(found, Withheld)
        return
    assert isinstance(found, DoublingTime)
    assert found.results == run
    # statistics.linear_regression is a fit written by others: the same line, found apart.
    line = statistics.linear_regression(
        [(r.date - run[0].date).days for r in run], [math.log(r.value) for r in run]
    )
    assert found.months == pytest.approx(math.log(2) / line.slope / DAYS_PER_MONTH, rel=1e-9)
    assert found.months > 0


def _rising_suffix(series: tuple[MarkerResult, ...]) -> tuple[MarkerResult, ...]:
    """The latest measured results above 0, each on a later date and higher than the one before."""
    run: list[MarkerResult] = []
    for r in reversed(series):
        measured = not r.below_limit and r.value > 0
        if not measured or (run and not (r.date < run[0].date and r.value < run[0].value)):
            break
        run.insert(0, r)
    return tuple(run)


@pytest.mark.parametrize("latest", ["<0.1", "0"])
def test_a_latest_result_below_the_limit_names_the_result_before_it(latest: str) -> None:
    series = results(PSA, ("2024-01-01", "1.0"), ("2024-04-01", "2.0"), ("2024-07-01", latest))
    found = doubling_time(series)
    assert isinstance(found, Withheld)
    assert found.results == (series[-1],)
    assert found.before == series[1]
