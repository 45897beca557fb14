"""The tumour marker panel under the sizes, sharing their date axis: one line per marker, the lab's
upper limit of normal as a dashed line in the marker's colour, and a result below what the lab can
measure as an open mark at that limit. A log scale, said on the axis, when the values span more
than a factor of 20. Drawn, or updated in place, from a cancer's history; markers never decide a
label (STATUS_RULES.md §9), so the panel has no bands.

Each marker has its own shape and line style as well as its colour, so that the panel reads in
black and white.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, NullFormatter

from survivor_app.domain import CancerHistory, MarkerResult
from survivor_app.plot.legend import Entry
from survivor_app.plot.places import day, days
from survivor_app.plot.reuse import new_line, reuse
from survivor_app.plot.words import as_typed
from survivor_app.status.markers import MarkerSeries, marker_series

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from survivor_app.plot.style import PlotStyle

MARKER_AXIS_LABEL = "Markers"
LOG_AXIS_LABEL = "Markers\n(log scale)"
UPPER_LIMIT_LABEL = "Lab’s upper limit of normal"
BELOW_LIMIT_LABEL = "Below what the lab can measure"
#: The span of values (highest over lowest) beyond which the axis is logarithmic.
LOG_SPAN = 20
#: Shapes and line styles that tell the markers apart where colour cannot; no shape is the sum's
#: dot or a spot's (they share the legend), and no line style is the upper limit's dashes.
MARKER_SHAPES = ("h", "p", "*", "8", "H", "<")
MARKER_LINES = ("-", "-.", ":", (0, (8, 2, 1, 2, 1, 2)))
_LIMIT_DASHES = (0, (4, 3))


@dataclass(slots=True)
class SeriesLines:
    """What is drawn of one series: its line, the open marks of results below the lab's limit,
    and the dashed upper limit of normal."""

    series: MarkerSeries
    line: Line2D
    open_marks: Line2D
    limit: Line2D


@dataclass(slots=True)
class MarkerPanel:
    """The panel's axes and what is drawn on them, for ``draw_markers`` to change in place."""

    axes: Axes
    drawn: list[SeriesLines] = field(default_factory=list)
    log: bool = False
    #: The results and right end last drawn, and the legend's entries for them: drawing the
    #: same again leaves the panel untouched.
    drawn_for: tuple[Hashable, list[Entry]] | None = None

    @property
    def layout_key(self) -> Hashable:
        """All the figure's layout depends on here: the scale and the value limits."""
        return (self.log, tuple(self.axes.get_ylim()))


def new_panel(axes: Axes, style: PlotStyle) -> MarkerPanel:
    """Set up the panel's axes, with what does not depend on the results."""
    axes.set_facecolor(style.base)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis="y", color=style.faint, linewidth=0.6)
    axes.tick_params(axis="x", labelbottom=False)
    return MarkerPanel(axes)


def draw_markers(
    panel: MarkerPanel, history: CancerHistory, right: dt.date, style: PlotStyle
) -> list[Entry]:
    """Draw (or update in place) the results of ``history`` on the panel, up to ``right``; the
    legend's entries: each marker, and the upper limit and open marks when there are any."""
    if panel.drawn_for is not None and panel.drawn_for[0] == (history.marker_results, right):
        return list(panel.drawn_for[1])
    axes = panel.axes
    all_series = marker_series(history.marker_results)
    make = partial(new_line, axes)
    lines = reuse([d.line for d in panel.drawn], len(all_series), make)
    limits = reuse([d.limit for d in panel.drawn], len(all_series), make)
    marks = reuse([d.open_marks for d in panel.drawn], len(all_series), make)
    panel.drawn = []
    entries: list[Entry] = []
    any_limit = any_below = False
    for number, series in enumerate(all_series):
        drawn = SeriesLines(series, lines[number], marks[number], limits[number])
        any_limit |= _draw_limit(drawn, right, style, number)
        any_below |= _draw_series(drawn, style, number)
        panel.drawn.append(drawn)
        entries.append(
            Entry(("marker", number, _label(series)), drawn.line, as_typed(_label(series)))
        )
    if any_limit:
        handle = Line2D([], [], color=style.text, linestyle=_LIMIT_DASHES, linewidth=1.0)
        entries.append(Entry("upper limit", handle, UPPER_LIMIT_LABEL))
    if any_below:
        handle = Line2D(
            [], [], linestyle="none", marker="o", markerfacecolor=style.base,
            markeredgecolor=style.text, markersize=style.marker_size,
        )  # fmt: skip
        entries.append(Entry("below limit", handle, BELOW_LIMIT_LABEL))
    _scale(panel, history.marker_results)
    panel.drawn_for = ((history.marker_results, right), entries)
    return list(entries)


def _draw_series(drawn: SeriesLines, style: PlotStyle, number: int) -> bool:
    """The series' line with a filled mark on each measured result, and an open mark on each
    result below the lab's limit (drawn at that limit); True when there is one."""
    results = drawn.series.results
    colour = _colour(style, number)
    shape = MARKER_SHAPES[number % len(MARKER_SHAPES)]
    x = days(r.date for r in results)
    y = [float(r.value) for r in results]
    measured = [i for i, r in enumerate(results) if not r.below_limit]
    below = [i for i, r in enumerate(results) if r.below_limit]
    step = _step(len(results), style)
    drawn.line.set(
        color=colour,
        marker=shape,
        # A line of one point is no line (and a path Qt's SVG reader refuses): its mark alone.
        linestyle=MARKER_LINES[number % len(MARKER_LINES)] if len(results) > 1 else "none",
        linewidth=style.line_width,
        markersize=style.marker_size,
        markevery=measured[::step],
        label=as_typed(_label(drawn.series)),
        zorder=3,
    )
    drawn.line.set_data(x, y)
    drawn.open_marks.set(
        color=colour,
        marker=shape,
        linestyle="none",
        markersize=style.marker_size,
        markerfacecolor=style.base,
        markeredgewidth=1.2,
        zorder=4,
    )
    drawn.open_marks.set_data([x[i] for i in below], [y[i] for i in below])
    return bool(below)


def _draw_limit(drawn: SeriesLines, right: dt.date, style: PlotStyle, number: int) -> bool:
    """The lab's upper limit of normal as a dashed step: each result's limit holds until the
    next result, the last one's to the right edge; True when any result gives one."""
    results = drawn.series.results
    x = [*days(r.date for r in results), day(right)]
    limits = [math.nan if r.upper_limit is None else float(r.upper_limit) for r in results]
    drawn.limit.set(
        color=_colour(style, number),
        linestyle=_LIMIT_DASHES,
        # Thin and dashed, but not faded: it keeps the 3:1 contrast of every line.
        linewidth=1.0,
        drawstyle="steps-post",
        zorder=2,
    )
    drawn.limit.set_data(x, [*limits, limits[-1]])
    given = any(not math.isnan(limit) for limit in limits)
    # Not drawn at all without a limit: a path of no points is one Qt's SVG reader refuses.
    drawn.limit.set_visible(given)
    return given


def _scale(panel: MarkerPanel, results: Sequence[MarkerResult]) -> None:
    """A linear axis from 0, or a log one when the results' values span more than
    ``LOG_SPAN``; room for every value and upper limit, and above them for the points to read."""
    values = [float(r.value) for r in results]
    measured = [v for v in values if v > 0]
    panel.log = bool(measured) and max(measured) / min(measured) > LOG_SPAN
    values += [float(r.upper_limit) for r in results if r.upper_limit is not None]
    positive = [v for v in values if v > 0]
    highest = max(values, default=0.0)
    axes = panel.axes
    if panel.log:
        axes.set_yscale("log", nonpositive="clip")
        axes.set_ylim(min(positive) / 1.6, highest * 1.6)
        # Plain numbers (0.1, 1, 10, 100) where matplotlib would write powers of ten.
        axes.yaxis.set_major_formatter(FuncFormatter(_plain))
        axes.yaxis.set_minor_formatter(NullFormatter())
        axes.set_ylabel(LOG_AXIS_LABEL)
    else:
        axes.set_yscale("linear")
        axes.set_ylim(0, (highest or 1.0) * 1.18)
        axes.set_ylabel(MARKER_AXIS_LABEL)


def _label(series: MarkerSeries) -> str:
    """The marker's name and unit, as the legend shows them."""
    return f"{series.name} ({series.unit})"


def _colour(style: PlotStyle, number: int) -> str:
    """The marker's colour: the spots' colours taken from the other end, so that the first
    marker does not share the first spot's colour."""
    return style.spot_colour(-1 - number)


def _plain(value: float, _position: float | None) -> str:
    return f"{value:g}"


def _step(points: int, style: PlotStyle) -> int:
    """Mark every result, or every n-th one when a line has more than the style marks."""
    if style.most_markers is None:
        return 1
    return max(1, -(-points // style.most_markers))
