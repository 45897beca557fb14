"""A cancer's tumour marker results read as series: one per marker, in date order, with what can
honestly be said of one result against another (STATUS_RULES.md §9: never a label).

A result the lab gave as below what it can measure ("<0.1") is only known to be below that limit,
so it is certainly lower than a result at or above the limit, and nothing is certain between two
such results: the comparisons here never claim more than that.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain.markers import marker_name


class Direction(enum.Enum):
    """How a result compares with an earlier one."""

    UP = "up"
    DOWN = "down"
    SAME = "the same"
    #: One of them is below the lab's limit and which is higher cannot be told.
    UNKNOWN = "not known"


@dataclass(frozen=True, slots=True)
class MarkerSeries:
    """The results of one marker of one cancer, in date order (results of one day in the order
    they were entered). One marker in two units makes two series: their numbers do not compare."""

    name: str
    marker: MarkerKind
    unit: str
    results: tuple[MarkerResult, ...]


def marker_series(results: Iterable[MarkerResult]) -> tuple[MarkerSeries, ...]:
    """One series per marker and unit, known markers in the dialog's order, then the others by
    name."""
    grouped: dict[tuple[MarkerKind, str, str], list[MarkerResult]] = {}
    for result in results:
        key = (result.marker, marker_name(result), result.unit)
        grouped.setdefault(key, []).append(result)
    kinds = list(MarkerKind)
    return tuple(
        MarkerSeries(
            name=name,
            marker=kind,
            unit=unit,
            results=tuple(sorted(found, key=lambda r: r.date)),
        )
        for (kind, name, unit), found in sorted(
            grouped.items(), key=lambda item: (kinds.index(item[0][0]), item[0][1], item[0][2])
        )
    )


def certainly_lower(a: MarkerResult, b: MarkerResult) -> bool:
    """True when ``a``'s true value is surely below ``b``'s: a result below the lab's limit is
    below any measured value at or above that limit; nothing is sure below ``b``'s limit."""
    if b.below_limit:
        return False
    return a.value <= b.value if a.below_limit else a.value < b.value


def direction(later: MarkerResult, earlier: MarkerResult) -> Direction:
    """How ``later`` compares with ``earlier``, claiming only what the numbers make sure."""
    if certainly_lower(earlier, later):
        return Direction.UP
    if certainly_lower(later, earlier):
        return Direction.DOWN
    if not later.below_limit and not earlier.below_limit:
        return Direction.SAME
    return Direction.UNKNOWN


def lowest(results: Sequence[MarkerResult]) -> MarkerResult:
    """The lowest of ``results``: a result below the lab's limit before a measured one of the same
    number, the latest of equals. No other result is surely lower."""
    return min(reversed(results), key=lambda r: (r.value, not r.below_limit))


def above_upper_limit(result: MarkerResult) -> bool:
    """True when the result is above the lab's upper limit of normal, which the report gave."""
    return (
        result.upper_limit is not None
        and not result.below_limit
        and result.value > result.upper_limit
    )


def risen_past_limit(results: Sequence[MarkerResult], index: int) -> bool:
    """True when result ``index`` is above the lab's upper limit and surely higher than each of
    the two results before it (STATUS_RULES.md §8)."""
    if index < 2 or not above_upper_limit(results[index]):
        return False
    return all(direction(results[index], results[index - back]) is Direction.UP for back in (1, 2))


@dataclass(frozen=True, slots=True)
class Change:
    """How the latest result compares with an earlier one: the direction, and the difference in
    the series' unit when both have exact values."""

    earlier: MarkerResult
    direction: Direction
    difference: Decimal | None


@dataclass(frozen=True, slots=True)
class Reading:
    """The latest result of a series with its change since the one before and since the lowest
    before it (None for a first result). ``new_lowest`` is True when the latest is surely lower
    than every result before it."""

    latest: MarkerResult
    since_previous: Change | None
    since_lowest: Change | None
    new_lowest: bool


def reading(results: Sequence[MarkerResult]) -> Reading:
    """The latest of ``results`` (one series, in date order) against those before it."""
    latest, earlier = results[-1], results[:-1]
    if not earlier:
        return Reading(latest, None, None, new_lowest=False)
    return Reading(
        latest,
        _change(latest, earlier[-1]),
        _change(latest, lowest(earlier)),
        new_lowest=all(certainly_lower(latest, result) for result in earlier),
    )


def _change(latest: MarkerResult, earlier: MarkerResult) -> Change:
    exact = not latest.below_limit and not earlier.below_limit
    return Change(
        earlier, direction(latest, earlier), latest.value - earlier.value if exact else None
    )
