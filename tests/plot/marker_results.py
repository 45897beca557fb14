"""Marker results to draw beside the example record's sizes: a CEA series with the lab's upper
limit and a result below what the lab can measure, and (for a log scale) a CA 15-3 series whose
values span more than a factor of 20."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from survivor_app.domain import CancerHistory, MarkerKind, MarkerResult


def cea_series(history: CancerHistory) -> tuple[MarkerResult, ...]:
    """Six CEA results over the span of the history's scans: the first above the lab's upper
    limit, the second below what the lab can measure, then rising and falling again (never
    above the limit after rising three times in a row, which would add a question)."""
    first = min(scan.date for scan in history.scans)
    last = max(scan.date for scan in history.scans)
    step = (last - first) / 5
    values = ("7.0", "0.5", "2.2", "4.0", "3.1", "2.6")
    return tuple(
        MarkerResult(
            f"cea-{n}",
            history.cancer.id,
            first + step * n,
            MarkerKind.CEA,
            Decimal(value),
            "ng/mL",
            below_limit=n == 1,
            upper_limit=Decimal("5"),
        )
        for n, value in enumerate(values)
    )


def wide_series(history: CancerHistory) -> tuple[MarkerResult, ...]:
    """Four CA 15-3 results from 4 to 400 U/mL: a factor of 100."""
    first = min(scan.date for scan in history.scans) + dt.timedelta(days=10)
    return tuple(
        MarkerResult(
            f"ca153-{n}",
            history.cancer.id,
            first + dt.timedelta(days=90 * n),
            MarkerKind.CA_15_3,
            Decimal(value),
            "U/mL",
            upper_limit=Decimal("30"),
        )
        for n, value in enumerate(("400", "120", "12", "4"))
    )


def with_markers(history: CancerHistory, *series: tuple[MarkerResult, ...]) -> CancerHistory:
    """The history with these results in place of any it has (none: without marker results)."""
    results = tuple(result for results in series for result in results)
    return dataclasses.replace(history, marker_results=results)
