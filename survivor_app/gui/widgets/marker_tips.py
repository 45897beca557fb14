"""The tips of the marker panel's points: a result's value as the lab gave it, its date, and the
lab's upper limit of normal; and where each point is drawn, for the tip to point at."""

from __future__ import annotations

from collections.abc import Sequence

from survivor_app.domain import MarkerResult
from survivor_app.domain.markers import marker_name
from survivor_app.gui.dates import long_date


def marker_tip(results: Sequence[MarkerResult], index: int) -> str:
    """The tip of the i-th of one marker's results."""
    from survivor_app.status.marker_words import value_text

    result = results[index]
    value = value_text(result)
    if result.below_limit:
        value = f"{value[:1].upper()}{value[1:]} (the lowest the lab can measure)"
    lines = [marker_name(result), f"{value} on {long_date(result.date)}"]
    if result.upper_limit is not None:
        lines.append(f"The lab’s upper limit of normal: {result.upper_limit:f} {result.unit}")
    return "\n".join(lines)


def result_point(results: Sequence[MarkerResult], index: int) -> tuple[float, float]:
    """Where the i-th of these results is drawn, in the panel's data coordinates."""
    from survivor_app.plot.places import day

    return (day(results[index].date), float(results[index].value))
