"""A cancer's tumour markers in words for the places that show them: the sentences beside the
plot, those of one period's details, and one compact line for the printed summary. Each says,
once, that markers never decide a label (STATUS_RULES.md §9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import MARKERS_NEVER_DECIDE
from survivor_app.status.doubling import DoublingTime, doubling_time
from survivor_app.status.marker_words import (
    doubling_span,
    series_sentences,
    short_value_text,
)
from survivor_app.status.markers import (
    Direction,
    MarkerSeries,
    above_upper_limit,
    marker_series,
    reading,
)

#: The trend of a compact line, from the latest result against the one before.
_TREND = {
    Direction.UP: "up",
    Direction.DOWN: "down",
    Direction.SAME: "the same",
    Direction.UNKNOWN: "change not known",
}


def marker_sentences(results: Iterable[MarkerResult]) -> tuple[str, ...]:
    """What a cancer's markers say now: that they never decide a label, then each marker's
    latest result in words. Nothing when there are no results."""
    said = [
        sentence
        for series in marker_series(results)
        for sentence in series_sentences(series.name, series.results)
    ]
    return (MARKERS_NEVER_DECIDE, *said) if said else ()


def period_marker_sentences(
    results: Iterable[MarkerResult], start: dt.date, end: dt.date | None
) -> tuple[str, ...]:
    """The marker sentences of one period, from ``start`` until ``end`` (the next period's start,
    not included; None while it goes on): for each marker with results inside it, how many, and
    its last one inside as it read on that day. Nothing when no result falls inside."""
    said: list[str] = []
    for series in marker_series(results):
        inside = [
            index
            for index, result in enumerate(series.results)
            if start <= result.date and (end is None or result.date < end)
        ]
        if not inside:
            continue
        first, last = series.results[inside[0]], series.results[inside[-1]]
        if len(inside) == 1:
            said.append(f"This period has 1 {series.name} result.")
        else:
            said.append(
                f"This period has {len(inside)} {series.name} results, from "
                f"{FIXED_ENGLISH.long(first.date)} to {FIXED_ENGLISH.long(last.date)}."
            )
        said.extend(series_sentences(series.name, series.results[: inside[-1] + 1]))
    return (MARKERS_NEVER_DECIDE, *said) if said else ()


def marker_line(results: Iterable[MarkerResult]) -> str:
    """One compact line for the printed summary, a marker after another:
    ``CEA 4.1 ng/mL (3 Mar 2025), up, above the lab’s upper limit; CA 15-3 …``. Empty when
    there are no results."""
    return "; ".join(_compact(series) for series in marker_series(results))


def _compact(series: MarkerSeries) -> str:
    seen = reading(series.results)
    latest = seen.latest
    parts = [f"{series.name} {short_value_text(latest)} ({FIXED_ENGLISH.short(latest.date)})"]
    parts.append(
        "first result" if seen.since_previous is None else _TREND[seen.since_previous.direction]
    )
    if above_upper_limit(latest):
        parts.append("above the lab’s upper limit")
    if series.marker is MarkerKind.PSA:
        found = doubling_time(series.results)
        if isinstance(found, DoublingTime):
            parts.append(f"doubling in {doubling_span(found)}")
    return ", ".join(parts)
