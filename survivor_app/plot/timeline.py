"""The timeline drawn onto a matplotlib Figure: the sum and each spot's size against date over a
shaded, hatched band for each period, the reference lines of the current episode, and a strip
beneath with the doctor's statements and the treatments.

``draw_timeline`` draws it from nothing; ``update_timeline`` shows another state of the same
cancer on that drawing by changing its artists in place (lines' data, bands, markers, bars), adding
or removing only those that appear or go, and rebuilding the legend only when its entries change.
Both go through the same code, so an updated drawing is the drawing made from nothing.

It imports matplotlib's object-oriented API only (never pyplot, never a Qt backend), so the window
can embed the figure and the printed summary can save it as SVG.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from survivor_app.domain import (
    TENTHS_PER_MM,
    CancerHistory,
    Spot,
    Statement,
    Treatment,
    mm_number,
    mm_text,
)
from survivor_app.domain.words import short_status_label
from survivor_app.plot.hatching import HatchedPatchHandler, HatchLines
from survivor_app.plot.heights import row_heights
from survivor_app.plot.legend import Entry, draw_legend
from survivor_app.plot.marker_panel import MarkerPanel, draw_markers, new_panel
from survivor_app.plot.places import (
    SpotPoints,
    day,
    reference_lines,
    span,
    spot_points,
    treatment_lanes,
)
from survivor_app.plot.reuse import reuse
from survivor_app.plot.size_lines import SpotLine, SumLine, draw_spot_lines, draw_sum_lines
from survivor_app.plot.strip import LABEL_ZORDER, date_axis, draw_statements, draw_treatments
from survivor_app.plot.style import STATUS_LOOKS, PlotStyle
from survivor_app.plot.unsized_lane import Lane, draw_lane, lane_layout_key, new_lane
from survivor_app.plot.unsized_marks import lane_spots
from survivor_app.status import CancerAnalysis

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Annotation
    from matplotlib.typing import RcKeyType

    from survivor_app.plot.bar_labels import BarLabel

EMPTY_TEXT = "Your timeline appears here once you add a scan."
SIZE_AXIS_LABEL = "Size (mm)"
DOCTOR_ROW_LABEL = "Doctor said"
TREATMENTS_ROW_LABEL = "Treatments"
_REFERENCE_DASHES = ((0, (6, 3)), (0, (1.5, 2)))


@dataclass(slots=True)
class Timeline:
    """The artists of one drawing, for a view that shows tips, answers clicks and highlights,
    and for ``update_timeline`` to change in place."""

    sizes: Axes | None = None
    strip: Axes | None = None
    #: The lane of the spots without a size, between the sizes and the strip (None: no such
    #: spot was looked at).
    lane: Lane | None = None
    #: The tumour markers' panel under the lane (or the sizes), when the cancer has results.
    markers: MarkerPanel | None = None
    style: PlotStyle | None = None
    #: The rows of the strip: one for each lane of treatments, and the doctor's row.
    rows: int = 0
    bands: list[Rectangle] = field(default_factory=list)
    hatches: list[HatchLines] = field(default_factory=list)
    #: Where each band starts and ends, in matplotlib's day numbers.
    band_ranges: list[tuple[float, float]] = field(default_factory=list)
    #: One line per episode: at a new starting point the sum jumps to the new starting sum.
    sum_lines: list[SumLine] = field(default_factory=list)
    spot_lines: list[SpotLine] = field(default_factory=list)
    #: Where the spot lines' points go, kept to work out the next history's from.
    spot_points: SpotPoints | None = None
    reference: list[Line2D] = field(default_factory=list)
    reference_labels: list[Annotation] = field(default_factory=list)
    statement_markers: Line2D | None = None
    #: The statement behind each point of ``statement_markers``.
    statements: tuple[Statement, ...] = ()
    treatment_bars: list[tuple[PolyCollection, Treatment]] = field(default_factory=list)
    bar_labels: list[BarLabel] = field(default_factory=list)
    strip_drawn_for: Hashable = None  # what the strip shows: untouched while it is the same
    legend: Legend | None = None
    legend_key: Hashable = None
    #: All the layout depends on: the axes' limits, the reference lines and the legend. A
    #: view lays the figure out again only when an update changed it.
    layout_key: Hashable = None


def draw_timeline(
    figure: Figure,
    history: CancerHistory | None,
    analysis: CancerAnalysis | None,
    style: PlotStyle,
    *,
    columns: int | None = None,
) -> Timeline:
    """Clear ``figure`` and draw a cancer's timeline on it (None: the empty timeline's text).

    The legend takes ``columns`` columns, or as many as fit the figure's width when None.
    """
    figure.clear()
    with matplotlib.rc_context(_settings(style)):
        figure.set_facecolor(style.background)
        if history is None or analysis is None or not (history.scans or history.statements):
            _draw_empty(figure, style)
            return Timeline()
        panel = bool(history.marker_results) and style.marker_panel
        rows = _strip_rows(history)
        timeline = _draw_axes(figure, rows, _lane(figure, history, style, panel), style, panel)
        _draw_history(figure, timeline, history, analysis, columns)
        return timeline


def update_timeline(
    figure: Figure,
    timeline: Timeline,
    history: CancerHistory | None,
    analysis: CancerAnalysis | None,
    style: PlotStyle,
    *,
    columns: int | None = None,
) -> bool:
    """Show ``history`` on ``figure``, drawn by ``draw_timeline`` as ``timeline``, by changing
    its artists in place; the result is the drawing ``draw_timeline`` would make.

    False, with nothing changed, where it cannot: nothing drawn, nothing to draw, another style,
    or another number of rows in the strip or the lane. Compare ``timeline.layout_key`` before
    and after to know whether the figure needs laying out again.
    """
    if (
        timeline.sizes is None
        or history is None
        or analysis is None
        or not (history.scans or history.statements)
        or style != timeline.style
        or _strip_rows(history) != timeline.rows
        or (bool(history.marker_results) and style.marker_panel) != (timeline.markers is not None)
        or len(_lane(figure, history, style, timeline.markers is not None))
        != (0 if timeline.lane is None else len(timeline.lane.spots))
    ):
        return False
    with matplotlib.rc_context(_settings(style)):
        _draw_history(figure, timeline, history, analysis, columns)
    return True


def lay_out_afresh(figure: Figure, timeline: Timeline) -> None:
    """Put the axes back where a drawing from nothing starts them, for the figure's layout
    engine to place them on its next draw: it places them from where they are, and to the pixel
    as it places a new drawing's only when it starts from the same place."""
    lane = None if timeline.lane is None else timeline.lane.axes
    panel = None if timeline.markers is None else timeline.markers.axes
    for axes in (timeline.sizes, timeline.strip, lane, panel):
        spec = None if axes is None else axes.get_subplotspec()
        if axes is not None and spec is not None:
            axes.set_position(spec.get_position(figure))
            # set_position takes the axes out of the layout, which is to place them.
            axes.set_in_layout(True)


def style_bands(timeline: Timeline, style: PlotStyle, chosen: int | None) -> None:
    """Shade every band as usual, and the ``chosen`` one darker with an outline."""
    for index, band in enumerate(timeline.bands):
        picked = index == chosen
        colour = band.get_facecolor()
        shade = (*colour[:3], style.chosen_band_alpha if picked else style.band_alpha)
        # Only where it changes: a band given its own shade again is marked as changed.
        if tuple(colour) != shade:
            band.set_facecolor(shade)
        if band.get_linewidth() != (2 if picked else 0):
            band.set_linewidth(2 if picked else 0)


def _settings(style: PlotStyle) -> dict[RcKeyType, Any]:
    size = style.font_points
    return {
        "font.size": size,
        "axes.labelsize": size,
        "xtick.labelsize": size * 0.9,
        "ytick.labelsize": size * 0.9,
        "legend.fontsize": size * 0.9,
        "text.color": style.text,
        "axes.labelcolor": style.text,
        "axes.edgecolor": style.text,
        "xtick.color": style.text,
        "ytick.color": style.text,
        "hatch.linewidth": style.hatch_linewidth,
    }


def _strip_rows(history: CancerHistory) -> int:
    lanes = treatment_lanes(history, span(history)[1])
    return 1 + (max(lanes) + 1 if lanes else 0)


def _lane(
    figure: Figure, history: CancerHistory, style: PlotStyle, panel: bool
) -> tuple[Spot, ...]:
    """The spots of the lane, or none where the figure is too low for it."""
    spots = lane_spots(history)
    points = figure.get_size_inches()[1] * 72
    fits = row_heights(points, _strip_rows(history), len(spots), panel, style).lane
    return spots if fits else ()


def _draw_empty(figure: Figure, style: PlotStyle) -> None:
    axes = figure.add_subplot()
    axes.set_facecolor(style.base)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.text(0.5, 0.5, EMPTY_TEXT, ha="center", va="center", transform=axes.transAxes, wrap=True)


def _draw_axes(
    figure: Figure, rows: int, lane_spots: tuple[Spot, ...], style: PlotStyle, markers: bool
) -> Timeline:
    """The sizes' axes above, the lane of ``lane_spots`` (if any), the markers' panel (when
    there are results) and the strip's below, with what does not depend on the history."""
    points = figure.get_size_inches()[1] * 72
    heights = row_heights(points, rows, len(lane_spots), markers, style).ratios
    grid = figure.add_gridspec(len(heights), 1, height_ratios=heights)
    sizes = figure.add_subplot(grid[0])
    strip = figure.add_subplot(grid[-1], sharex=sizes)
    for axes in (sizes, strip):
        axes.set_facecolor(style.base)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.set_axisbelow(True)
    sizes.set_ylabel(SIZE_AXIS_LABEL)
    sizes.grid(axis="y", color=style.faint, linewidth=0.8)
    sizes.tick_params(axis="x", labelbottom=False)

    doctor_row = rows - 1
    labels = [TREATMENTS_ROW_LABEL if row == 0 else "" for row in range(doctor_row)]
    strip.set_yticks(range(rows), [*labels, DOCTOR_ROW_LABEL])
    strip.tick_params(axis="y", length=0)
    strip.set_ylim(-0.6, doctor_row + 0.6)
    strip.spines["left"].set_visible(False)
    strip.grid(axis="y", color=style.faint, linewidth=0.6)
    date_axis(strip)
    # Added after the strip, which stays the figure's second axes.
    lane = new_lane(figure, grid[1], sizes, lane_spots, style) if lane_spots else None
    at = grid[2 if lane_spots else 1]
    panel = new_panel(figure.add_subplot(at, sharex=sizes), style) if markers else None
    return Timeline(sizes=sizes, strip=strip, lane=lane, markers=panel, style=style, rows=rows)


def _draw_history(
    figure: Figure,
    timeline: Timeline,
    history: CancerHistory,
    analysis: CancerAnalysis,
    columns: int | None,
) -> None:
    sizes, strip, style = timeline.sizes, timeline.strip, timeline.style
    assert sizes is not None
    assert strip is not None
    assert style is not None
    left, right = span(history)
    timeline.spot_points = spot_points(history, timeline.spot_points)
    timeline.spot_lines, entries = draw_spot_lines(
        sizes, timeline.spot_lines, history.spots, timeline.spot_points.of_spot, style
    )
    timeline.sum_lines, sum_entries = draw_sum_lines(sizes, timeline.sum_lines, analysis, style)
    entries[:0] = sum_entries
    if timeline.lane is not None:
        entries += draw_lane(timeline.lane, history, style)
    entries += _draw_bands(timeline, sizes, analysis, right, style)
    lines = reference_lines(analysis)
    shown = [m.size_tenths or 0 for scan in history.scans for m in scan.measurements]
    shown += [p.tenths for line in timeline.sum_lines for p in line.points]
    shown += [tenths for tenths, _ in lines]
    # Room above the highest point for the reference lines' labels and the hover tips.
    sizes.set_ylim(0, mm_number(max(max(shown, default=0), 10 * TENTHS_PER_MM)) * 1.18)
    entries += _draw_reference_lines(timeline, sizes, lines, style)
    if timeline.markers is not None:
        entries += draw_markers(timeline.markers, history, right, style)
    statements = tuple(sorted(history.statements, key=lambda s: s.date))
    if timeline.strip_drawn_for != (statements, history.treatments, right):
        timeline.strip_drawn_for = (statements, history.treatments, right)
        timeline.statements = statements
        timeline.statement_markers = draw_statements(
            strip, timeline.statement_markers, statements, timeline.rows - 1, style
        )
        bars, timeline.bar_labels = draw_treatments(
            strip,
            ([bars for bars, _ in timeline.treatment_bars], timeline.bar_labels),
            history.treatments,
            treatment_lanes(history, right),
            right=right,
            style=style,
        )
        timeline.treatment_bars = list(zip(bars, history.treatments, strict=True))
    if strip.get_xlim() != (day(left), day(right)):  # else every axes is marked changed
        strip.set_xlim(day(left), day(right))
    timeline.legend, timeline.legend_key = draw_legend(
        figure, (timeline.legend, timeline.legend_key), entries, style, columns
    )
    style_bands(timeline, style, None)
    timeline.layout_key = (
        tuple(sizes.get_ylim()),
        tuple(strip.get_xlim()),
        tuple(lines),
        timeline.legend_key,
        lane_layout_key(timeline.lane),
        None if timeline.markers is None else timeline.markers.layout_key,
    )


def _draw_bands(
    timeline: Timeline, axes: Axes, analysis: CancerAnalysis, right: dt.date, style: PlotStyle
) -> list[Entry]:
    count = len(analysis.periods)
    for band, hatch in zip(timeline.bands[count:], timeline.hatches[count:], strict=True):
        band.remove()
        hatch.remove()
    del timeline.bands[count:], timeline.hatches[count:]
    while len(timeline.bands) < count:
        # The rectangle axvspan makes, without its updating of the data limits, which costs
        # more than the rest for the dozens of periods of a long history: the limits are set
        # by hand once everything is drawn.
        band = Rectangle(
            (0, 0),
            1,
            1,
            transform=axes.get_xaxis_transform(which="grid"),
            edgecolor=style.text,
            linewidth=0,
            zorder=0,
        )
        axes.add_artist(band)
        hatch = HatchLines(band, "", (0, 0, 0, 0), style.hatch_linewidth)
        axes.add_artist(hatch)
        timeline.bands.append(band)
        timeline.hatches.append(hatch)
    timeline.band_ranges = []
    entries: list[Entry] = []
    for band, hatch, period in zip(timeline.bands, timeline.hatches, analysis.periods, strict=True):
        look = STATUS_LOOKS[period.status]
        colour = style.status_colour(period.status)
        start, end = day(period.start), day(period.end or right)
        band.set_x(start)
        band.set_width(end - start)
        band.set_facecolor(to_rgba(colour, style.band_alpha))
        hatch.hatch = look.hatch
        hatch.colour = to_rgba(style.hatch_colour or colour, style.hatch_alpha)
        timeline.band_ranges.append((start, end))
        if all(entry.key != period.status for entry in entries):
            patch = Patch(
                facecolor=to_rgba(colour, 0.4),
                edgecolor=style.faint,
                label=short_status_label(period.status),
            )
            handler = HatchedPatchHandler(
                look.hatch, to_rgba(style.hatch_colour or colour, 0.9), style.hatch_linewidth
            )
            entries.append(Entry(period.status, patch, str(patch.get_label()), handler))
    return entries


def _draw_reference_lines(
    timeline: Timeline, axes: Axes, lines: Sequence[tuple[int, str]], style: PlotStyle
) -> list[Entry]:
    ordered = sorted(lines, reverse=True)
    timeline.reference = reuse(timeline.reference, len(ordered), partial(_new_reference_line, axes))
    entries = []
    for number, (line, (tenths, label)) in enumerate(zip(timeline.reference, ordered, strict=True)):
        value = mm_number(tenths)
        words = f"{label} ({mm_text(tenths)})"
        line.set_ydata([value, value])
        if style.legend_beside:
            # Named in the legend, where a label on the line would cover the points near it;
            # the two lines are told apart by their dashes.
            dashes = _REFERENCE_DASHES[number % len(_REFERENCE_DASHES)]
            line.set(color=style.text, linestyle=dashes, linewidth=1.0, alpha=0.8, label=words)
            entries.append(Entry(("reference", number, words), line, words))
        else:
            line.set(color=style.text, linestyle=(0, (6, 4)), linewidth=1.1, alpha=0.8)
    labelled = 0 if style.legend_beside else len(ordered)
    timeline.reference_labels = reuse(
        timeline.reference_labels, labelled, partial(_new_reference_label, axes, style)
    )
    for number, (annotation, (tenths, label)) in enumerate(
        zip(timeline.reference_labels, ordered, strict=False)
    ):
        # The higher line is labelled above itself and the lower one below, so that two lines
        # close together never have their labels on top of each other.
        annotation.set_text(f"{label} ({mm_text(tenths)})")
        annotation.xy = (1, mm_number(tenths))
        annotation.set_position((-4, 3 if number == 0 else -3))
        annotation.set_verticalalignment("bottom" if number == 0 else "top")
    return entries


def _new_reference_line(axes: Axes) -> Line2D:
    return axes.add_line(Line2D([0, 1], [0, 0], transform=axes.get_yaxis_transform()))


def _new_reference_label(axes: Axes, style: PlotStyle) -> Annotation:
    return axes.annotate(
        "",
        xy=(1, 0),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 3),
        textcoords="offset points",
        ha="right",
        fontsize=style.font_points * 0.85,
        bbox={"boxstyle": "square,pad=0.1", "fc": style.base, "ec": "none", "alpha": 0.75},
        zorder=LABEL_ZORDER,
    )
