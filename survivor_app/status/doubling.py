"""The doubling time of a rising marker (for PSA, STATUS_RULES.md §9): how long it takes to double
at the pace of its latest run of rising results, or why it is withheld.

The run is the latest results, each on a later date than the one before and surely higher. A
result below the lab's limit has no exact value, nor can a value of 0 double, so neither is ever
fitted: such a result ends the run. The fit is the least-squares line of ln(value) on time in
days; the doubling time is ln 2 over its slope. Over a run that rises at every step the slope is
always above zero, so a flat or falling series never gets a doubling time: its latest result is
not above the one before, and that is the reason given.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

from survivor_app.domain import MarkerResult
from survivor_app.status.markers import certainly_lower

#: The month of a doubling time: a year of 365.25 days over 12.
DAYS_PER_MONTH = 30.4375
#: The fewest rising results a doubling time rests on.
FEWEST_RESULTS = 3


class Why(enum.Enum):
    """Why a doubling time is withheld."""

    #: There is one result only.
    ONE_RESULT = enum.auto()
    #: The latest result is below the lab's limit: it has no exact value.
    LATEST_BELOW_LIMIT = enum.auto()
    #: The latest result is not surely above the one before it (the same, lower, or not known).
    NOT_RISING = enum.auto()
    #: Fewer than three results rise in a row.
    TOO_FEW = enum.auto()
    #: The rise starts from a result below the lab's limit (or from 0), which cannot be fitted,
    #: and fewer than three results are left.
    FROM_UNMEASURED = enum.auto()


@dataclass(frozen=True, slots=True)
class DoublingTime:
    """A doubling time in months (of ``DAYS_PER_MONTH`` days) and the rising results it rests
    on, in date order. ``left_out`` is the result the rise started from when it could not be
    fitted (below the lab's limit, or 0)."""

    months: float
    results: tuple[MarkerResult, ...]
    left_out: MarkerResult | None


@dataclass(frozen=True, slots=True)
class Withheld:
    """No doubling time, and why: ``results`` are the latest rising results (the latest alone
    when it does not rise), ``before`` the result just before them, when there is one."""

    why: Why
    results: tuple[MarkerResult, ...]
    before: MarkerResult | None


def doubling_time(series: Sequence[MarkerResult]) -> DoublingTime | Withheld:
    """The doubling time of ``series`` (one marker's results in date order), or why there is
    none."""
    latest = series[-1]
    run = _rising_run(series)
    before = series[-len(run) - 1] if len(run) < len(series) else None
    if len(series) == 1:
        return Withheld(Why.ONE_RESULT, (latest,), None)
    if not _fittable(latest):
        # The run is empty here: the result before is the one before the latest itself.
        return Withheld(Why.LATEST_BELOW_LIMIT, (latest,), series[-2])
    unmeasured_start = before is not None and not _fittable(before) and _rises(before, run[0])
    if len(run) < FEWEST_RESULTS:
        if unmeasured_start:
            return Withheld(Why.FROM_UNMEASURED, run, before)
        return Withheld(Why.NOT_RISING if len(run) == 1 else Why.TOO_FEW, run, before)
    return DoublingTime(_months(run), run, before if unmeasured_start else None)


def _fittable(result: MarkerResult) -> bool:
    return not result.below_limit and result.value > 0


def _rises(earlier: MarkerResult, later: MarkerResult) -> bool:
    """True when ``later`` is on a later date and surely higher."""
    return earlier.date < later.date and certainly_lower(earlier, later)


def _rising_run(series: Sequence[MarkerResult]) -> tuple[MarkerResult, ...]:
    """The latest fittable results that rise at every step (empty when the latest cannot be
    fitted)."""
    if not _fittable(series[-1]):
        return ()
    start = len(series) - 1
    while start > 0 and _fittable(series[start - 1]) and _rises(series[start - 1], series[start]):
        start -= 1
    return tuple(series[start:])


def _months(run: Sequence[MarkerResult]) -> float:
    """ln 2 over the slope of the least-squares line of ln(value) on days, in months."""
    days = [(r.date - run[0].date).days for r in run]
    logs = [math.log(r.value) for r in run]
    mean_day = sum(days) / len(days)
    mean_log = sum(logs) / len(logs)
    spread = sum((d - mean_day) ** 2 for d in days)
    slope = sum((d - mean_day) * (y - mean_log) for d, y in zip(days, logs, strict=True)) / spread
    return math.log(2) / slope / DAYS_PER_MONTH
