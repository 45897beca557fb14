"""What shows a tip in the timeline plot: each artist under the pointer that has one, with what
its tip says and where it points."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from survivor_app.domain import mm_number
from survivor_app.gui.widgets.marker_tips import marker_tip, result_point
from survivor_app.gui.widgets.timeline_tips import (
    lane_tip,
    spot_tip,
    statement_tip,
    sum_tip,
    treatment_tip,
)

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from survivor_app.plot.timeline import Timeline
    from survivor_app.plot.unsized_marks import LaneMark


@dataclass(frozen=True, slots=True)
class HoverTarget:
    """An artist that shows a tip when the pointer is over it; ``describe`` gets the index."""

    artist: Artist
    axes: Axes
    describe: Callable[[int], str]
    #: Where item i is, in data coordinates, for the tip to point at (None: at the pointer).
    #: Worked out on hovering, not for each of the thousands of points of a long history.
    anchor: Callable[[int], tuple[float, float]] | None = None


def hover_targets(timeline: Timeline) -> list[HoverTarget]:
    """What shows a tip, from the bottom of the drawing to the top."""
    targets = []
    if timeline.sizes is not None:
        for drawn in timeline.spot_lines:
            describe = partial(spot_tip, drawn.spot, drawn.points)
            targets.append(
                HoverTarget(drawn.line, timeline.sizes, describe, _point_of(drawn.points))
            )
        for drawn_sum in timeline.sum_lines:
            points = drawn_sum.points
            targets.append(
                HoverTarget(
                    drawn_sum.line,
                    timeline.sizes,
                    partial(sum_tip, points),
                    _point_of([(p.assessment.date, p.tenths) for p in points]),
                )
            )
    if timeline.lane is not None:
        for marks in timeline.lane.lines:
            targets.append(
                HoverTarget(
                    marks.line,
                    timeline.lane.axes,
                    partial(lane_tip, marks.marks),
                    partial(_mark_place, marks.marks),
                )
            )
    if timeline.markers is not None:
        for drawn_series in timeline.markers.drawn:
            results = drawn_series.series.results
            targets.append(
                HoverTarget(
                    drawn_series.line,
                    timeline.markers.axes,
                    partial(marker_tip, results),
                    partial(result_point, results),
                )
            )
    if timeline.strip is not None:
        for bars, treatment in timeline.treatment_bars:
            targets.append(HoverTarget(bars, timeline.strip, _always(treatment_tip(treatment))))
        if timeline.statement_markers is not None:
            statements = timeline.statements
            targets.append(
                HoverTarget(
                    timeline.statement_markers,
                    timeline.strip,
                    lambda i: statement_tip(statements[i]),
                )
            )
    return targets


def _mark_place(marks: Sequence[LaneMark], index: int) -> tuple[float, float]:
    """Where the i-th of these marks is drawn on its lane."""
    from survivor_app.plot.places import day

    return (day(marks[index].date), float(marks[index].row))


def _point_of(
    points: Sequence[tuple[dt.date, int | None]],
) -> Callable[[int], tuple[float, float]]:
    """Where the i-th of these (date, size in tenths of a mm) points is drawn."""
    from survivor_app.plot.places import day

    return lambda index: (day(points[index][0]), mm_number(points[index][1] or 0))


def _always(text: str) -> Callable[[int], str]:
    """A tip that reads the same wherever on its artist the pointer is."""
    return lambda _index: text
