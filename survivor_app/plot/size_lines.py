"""The lines of the sizes axes: one for each spot, and the sum of each episode.

A line kept from the last drawing is given its look and its points again only when they changed:
after an edit of a long history most of its lines (the sums of the episodes before the latest,
every spot the edit left alone) are as they were, and setting them anew costs more than
comparing them.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from survivor_app.domain import Spot, mm_number
from survivor_app.plot.legend import Entry
from survivor_app.plot.places import Point, alike, days
from survivor_app.plot.reuse import new_line, reuse
from survivor_app.plot.style import SPOT_DASHES, SPOT_MARKERS, PlotStyle
from survivor_app.plot.words import as_typed
from survivor_app.status import CancerAnalysis
from survivor_app.status.sums import SumPoint, episode_sums

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

SUM_LABEL = "Sum of tracked spots"


@dataclass(slots=True)
class SpotLine:
    """The line of one spot, with the (date, size in tenths of a mm) of each of its points:
    those of ``spot_points``, in the order of the line's data."""

    line: Line2D
    spot: Spot
    points: tuple[Point, ...]
    #: The look the line was given (its points are ``points``).
    look: Hashable = None
    #: Its data: the points' day numbers and sizes in mm.
    data: tuple[list[float], list[float]] = ([], [])


@dataclass(slots=True)
class SumLine:
    """The sum line of one episode, with the point behind each of its markers."""

    line: Line2D
    points: tuple[SumPoint, ...]
    #: All the line was given: its look, and its points' dates and sums.
    given: tuple[Hashable, Hashable] = (None, None)


def draw_spot_lines(
    axes: Axes,
    drawn: Sequence[SpotLine],
    spots: Sequence[Spot],
    points_of: Mapping[str, tuple[Point, ...]],
    style: PlotStyle,
) -> tuple[list[SpotLine], list[Entry]]:
    """A line for each of ``spots`` with points (``points_of`` it, by its id: those of
    ``spot_points``), those ``drawn`` reused; and their legend entries."""
    shown = [(n, spot) for n, spot in enumerate(spots) if points_of[spot.id]]
    lines = reuse([d.line for d in drawn], len(shown), partial(new_line, axes))
    spot_lines, entries = [], []
    for index, (line, (number, spot)) in enumerate(zip(lines, shown, strict=True)):
        points = points_of[spot.id]
        look = {
            "color": style.spot_colour(number),
            "marker": SPOT_MARKERS[number % len(SPOT_MARKERS)],
            "linestyle": SPOT_DASHES[number % len(SPOT_DASHES)],
            "linewidth": style.line_width,
            "markersize": style.marker_size,
            "markevery": _every(len(points), style),
            "label": as_typed(spot.name),
            "zorder": 3,
        }
        given = tuple(look.items())
        before = drawn[index] if index < len(drawn) else None
        data = _spot_data(points, before)
        _give(
            line,
            look if before is None or before.look != given else None,
            None if before is not None and before.points == points else data,
        )
        spot_lines.append(SpotLine(line, spot, points, given, data))
        entries.append(Entry(("spot", number, spot.name), line, str(line.get_label())))
    return spot_lines, entries


def draw_sum_lines(
    axes: Axes, drawn: Sequence[SumLine], analysis: CancerAnalysis, style: PlotStyle
) -> tuple[list[SumLine], list[Entry]]:
    """A sum line for each episode, those ``drawn`` reused; and the legend's entry for them."""
    sums = episode_sums(analysis.assessments)
    lines = reuse([d.line for d in drawn], len(sums), partial(new_line, axes))
    # On paper, markers are thinned over all the episodes' points together.
    every = _every(sum(len(episode) for episode in sums), style)
    look = {
        "color": style.text,
        "marker": "o",
        "linewidth": style.line_width * 12 / 7,
        "markersize": style.marker_size + 1,
        "markevery": every,
        "markeredgecolor": style.base,
        "label": SUM_LABEL,
        "zorder": 4,
    }
    sum_lines = []
    for index, (line, episode) in enumerate(zip(lines, sums, strict=True)):
        dates = [p.assessment.date for p in episode]
        tenths = [p.tenths for p in episode]
        given = (tuple(look.items()), (tuple(dates), tuple(tenths)))
        before = drawn[index].given if index < len(drawn) else (None, None)
        _give(
            line,
            look if before[0] != given[0] else None,
            None if before[1] == given[1] else (days(dates), [mm_number(t) for t in tenths]),
        )
        sum_lines.append(SumLine(line, tuple(episode), given))
    return sum_lines, [Entry("sum", lines[0], SUM_LABEL)] if lines else []


def _spot_data(
    points: tuple[Point, ...], before: SpotLine | None
) -> tuple[list[float], list[float]]:
    """The line's data for ``points``: what the line had ``before`` for the points they start
    with alike (an edit of a long history changes a few points near one date), the rest made."""
    xs: list[float] = []
    ys: list[float] = []
    start = 0
    if before is not None:
        if before.points == points:
            return before.data
        start = alike(before.points, points)
        xs, ys = before.data[0][:start], before.data[1][:start]
    rest = points[start:]
    return xs + days(d for d, _ in rest), ys + [_mm(t) for _, t in rest]


def _give(
    line: Line2D, look: dict[str, Any] | None, data: tuple[list[float], list[float]] | None
) -> None:
    """Give ``line`` its look and its data, each only where it changed (None: it did not)."""
    if look is not None:
        line.set(**look)
    if data is not None:
        line.set_data(*data)


def _mm(tenths: int | None) -> float:
    return math.nan if tenths is None else mm_number(tenths)


def _every(points: int, style: PlotStyle) -> int:
    """Mark every point, or every n-th one when a line has more than the style marks."""
    if style.most_markers is None:
        return 1
    return max(1, -(-points // style.most_markers))
