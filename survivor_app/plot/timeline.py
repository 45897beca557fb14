"""The timeline drawn onto a matplotlib Figure: the sum and each spot's size against date over a
shaded, hatched band for each period, the reference lines of the current episode, and a strip
beneath with the doctor's statements and the treatments.

It imports matplotlib's object-oriented API only (never pyplot, never a Qt backend), so the window
can embed the figure and the printed summary can save it as SVG.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.patches import Patch, Rectangle

from survivor_app.domain import (
    TENTHS_PER_MM,
    CancerHistory,
    Spot,
    Statement,
    Status,
    Treatment,
    mm_number,
    mm_text,
)
from survivor_app.domain.words import short_status_label, shorten
from survivor_app.plot.bar_labels import BarLabel
from survivor_app.plot.hatching import HatchedPatchHandler, HatchLines
from survivor_app.plot.style import (
    SPOT_DASHES,
    SPOT_MARKERS,
    STATUS_LOOKS,
    PlotStyle,
)
from survivor_app.plot.words import as_typed
from survivor_app.status import CancerAnalysis
from survivor_app.status.sums import SumPoint, episode_sums

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend_handler import HandlerBase
    from matplotlib.lines import Line2D
    from matplotlib.typing import RcKeyType

EMPTY_TEXT = "Your timeline appears here once you add a scan."
SUM_LABEL = "Sum of tracked spots"
SIZE_AXIS_LABEL = "Size (mm)"
DOCTOR_ROW_LABEL = "Doctor said"
TREATMENTS_ROW_LABEL = "Treatments"
_REFERENCE_DASHES = ((0, (6, 3)), (0, (1.5, 2)))
_BESIDE_LABEL_CHARS = 40
_ANY_DAY = dt.date(2000, 1, 1)


@dataclass(slots=True)
class SpotLine:
    """The line of one spot, with the (date, size in tenths of a mm) of each of its points:
    those of ``spot_points``, in the order of the line's data."""

    line: Line2D
    spot: Spot
    points: tuple[tuple[dt.date, int | None], ...]


@dataclass(slots=True)
class SumLine:
    """The sum line of one episode, with the point behind each of its markers."""

    line: Line2D
    points: tuple[SumPoint, ...]


@dataclass(slots=True)
class Timeline:
    """The artists of one drawing, for a view that shows tips, answers clicks and highlights."""

    sizes: Axes | None = None
    strip: Axes | None = None
    bands: list[Rectangle] = field(default_factory=list)
    #: Where each band starts and ends, in matplotlib's day numbers.
    band_ranges: list[tuple[float, float]] = field(default_factory=list)
    #: One line per episode: at a new starting point the sum jumps to the new starting sum.
    sum_lines: list[SumLine] = field(default_factory=list)
    spot_lines: list[SpotLine] = field(default_factory=list)
    statement_markers: Line2D | None = None
    #: The statement behind each point of ``statement_markers``.
    statements: tuple[Statement, ...] = ()
    treatment_bars: list[tuple[PolyCollection, Treatment]] = field(default_factory=list)
    legend_handles: list[Artist] = field(default_factory=list)
    #: How the legend draws each band's entry: with the band's hatch.
    legend_handlers: dict[Artist, HandlerBase] = field(default_factory=dict)


def reference_lines(analysis: CancerAnalysis) -> list[tuple[int, str]]:
    """The thresholds for the next scan, in tenths of a mm with their labels: 30 % below the
    current episode's baseline sum, and the growth line over the current smallest sum.

    Growth needs both +20 % and at least 5 mm (STATUS_RULES.md §4), so that line stands at
    whichever of the two is higher.
    """
    measured = [a for a in analysis.assessments if a.scan is not None and a.measured is not None]
    if not measured:
        return []
    last = measured[-1]
    if last.starts_episode:
        # The next scan is compared with this one: it is the new episode's baseline and nadir.
        baseline = last.new_baseline_sum_tenths
        if baseline is None:
            baseline = last.sum_tenths
        nadir = baseline
    else:
        baseline = last.baseline_sum_tenths
        # A scan that could not be evaluated in full does not lower the nadir.
        counted = [last.nadir_tenths]
        if last.measured is not Status.NOT_EVALUABLE:
            counted.append(last.sum_tenths)
        known = [value for value in counted if value is not None]
        nadir = min(known) if known else None
    lines = []
    if baseline:
        lines.append((baseline * 7 // 10, "30 % below the starting point"))
    if nadir:
        growth = max(-(-nadir * 12 // 10), nadir + 5 * TENTHS_PER_MM)
        lines.append((growth, "20 % and 5 mm growth"))
    return lines


def spot_points(history: CancerHistory) -> dict[str, tuple[tuple[dt.date, int | None], ...]]:
    """Where each spot's line goes, by spot id: its size in tenths of a mm at each scan from the
    first that sized it to the last, and None (a break in the line) where scans in between did
    not.

    A spot recorded gone sits on 0, and so does a spot left out of a later scan marked "no
    evidence of disease" (the rules count that scan's sum as 0). A spot not measured, or too
    small to measure, has no size to draw: the line never runs straight across what nobody
    measured.
    """
    points_of: dict[str, list[tuple[dt.date, int | None]]] = {s.id: [] for s in history.spots}
    # One pass over the scans, in date order: a long history has a thousand scans of a dozen
    # spots.
    for scan in sorted(history.scans, key=lambda s: s.date):
        sizes = {m.spot_id: m.size_tenths for m in scan.measurements}
        for spot_id, points in points_of.items():
            if not points and sizes.get(spot_id) is None:
                continue
            size = sizes.get(spot_id)
            if size is None and spot_id not in sizes and scan.no_evidence_of_disease:
                size = 0
            if size is not None or points[-1][1] is not None:
                points.append((scan.date, size))
    for points in points_of.values():
        while points and points[-1][1] is None:
            points.pop()
    return {spot_id: tuple(points) for spot_id, points in points_of.items()}


def legend_columns(labels: Sequence[str], width_points: float, font_points: float) -> int:
    """As many legend columns as fit across ``width_points``, so the legend is never cut off."""
    longest = max((len(label) for label in labels), default=1)
    # About half an em a character, and room for the handle and the gap between columns.
    column = (longest * 0.55 + 5) * font_points
    return max(1, min(len(labels), int(width_points // column)))


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
    size = style.font_points
    settings: dict[RcKeyType, Any] = {
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
    with matplotlib.rc_context(settings):
        figure.set_facecolor(style.background)
        if history is None or analysis is None or not (history.scans or history.statements):
            _draw_empty(figure, style)
            return Timeline()
        return _draw_history(figure, history, analysis, style, columns)


def style_bands(timeline: Timeline, style: PlotStyle, chosen: int | None) -> None:
    """Shade every band as usual, and the ``chosen`` one darker with an outline."""
    for index, band in enumerate(timeline.bands):
        picked = index == chosen
        colour = band.get_facecolor()
        band.set_facecolor((*colour[:3], style.chosen_band_alpha if picked else style.band_alpha))
        band.set_linewidth(2 if picked else 0)


def treatment_lanes(history: CancerHistory, until: dt.date) -> list[int]:
    """A lane for each treatment, so that treatments at the same time do not hide each other."""
    lane_ends: list[dt.date] = []
    lanes = []
    for treatment in history.treatments:
        end = treatment.end or until
        for lane, lane_end in enumerate(lane_ends):
            if lane_end < treatment.start:
                lane_ends[lane] = end
                lanes.append(lane)
                break
        else:
            lane_ends.append(end)
            lanes.append(len(lane_ends) - 1)
    return lanes


def days(dates: Iterable[dt.date]) -> list[float]:
    """Dates as matplotlib's day numbers, the x values of every axes here."""
    # matplotlib's day numbers and Python's ordinals both count whole days, so they differ by a
    # constant: one conversion finds it, rather than one for each of a long history's dates.
    offset = _ANY_DAY.toordinal() - day(_ANY_DAY)
    return [date.toordinal() - offset for date in dates]


def day(date: dt.date) -> float:
    """One date as matplotlib's day number."""
    return float(date2num(date))  # type: ignore[no-untyped-call]


def _draw_empty(figure: Figure, style: PlotStyle) -> None:
    axes = figure.add_subplot()
    axes.set_facecolor(style.base)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.text(0.5, 0.5, EMPTY_TEXT, ha="center", va="center", transform=axes.transAxes, wrap=True)


def _draw_history(
    figure: Figure,
    history: CancerHistory,
    analysis: CancerAnalysis,
    style: PlotStyle,
    columns: int | None,
) -> Timeline:
    timeline = Timeline()
    dates = [s.date for s in history.scans] + [s.date for s in history.statements]
    dates += [t.start for t in history.treatments] + [t.end for t in history.treatments if t.end]
    first, last = min(dates), max(dates)
    pad = max(dt.timedelta(days=20), (last - first) * 0.04)
    # A date a record should not hold (year 22, written by an older version) still draws.
    left, right = first - min(pad, first - dt.date.min), last + min(pad, dt.date.max - last)
    lanes = treatment_lanes(history, right)
    strip_rows = 1 + (max(lanes) + 1 if lanes else 0)
    grid = figure.add_gridspec(2, 1, height_ratios=[6, 0.9 + 0.6 * strip_rows])
    sizes = figure.add_subplot(grid[0])
    strip = figure.add_subplot(grid[1], sharex=sizes)
    timeline.sizes, timeline.strip = sizes, strip
    for axes in (sizes, strip):
        axes.set_facecolor(style.base)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    sizes.set_ylabel(SIZE_AXIS_LABEL)
    sizes.grid(axis="y", color=style.faint, linewidth=0.8)
    sizes.set_axisbelow(True)
    sizes.tick_params(axis="x", labelbottom=False)

    _draw_sizes(timeline, sizes, history, analysis, style)
    _draw_bands(timeline, sizes, analysis, right, style)
    lines = reference_lines(analysis)
    shown = [m.size_tenths or 0 for scan in history.scans for m in scan.measurements]
    shown += [p.tenths for line in episode_sums(analysis.assessments) for p in line]
    shown += [tenths for tenths, _ in lines]
    # Room above the highest point for the reference lines' labels and the hover tips.
    sizes.set_ylim(0, mm_number(max(max(shown, default=0), 10 * TENTHS_PER_MM)) * 1.18)
    _draw_reference_lines(timeline, sizes, lines, style)
    _draw_strip(timeline, strip, history, lanes, right=right, style=style)

    locator = _DateTicks(minticks=3, maxticks=8)
    strip.xaxis.set_major_locator(locator)
    strip.xaxis.set_major_formatter(
        ConciseDateFormatter(  # type: ignore[no-untyped-call]
            locator,
            formats=["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"],
            zero_formats=["", "%Y", "%b %Y", "%d %b %Y", "%H:%M", "%H:%M"],
            offset_formats=["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"],
        )
    )
    strip.set_xlim(day(left), day(right))

    handles = timeline.legend_handles
    if not style.legend_bands:
        handles = [handle for handle in handles if handle not in timeline.legend_handlers]
    labels = [str(handle.get_label()) for handle in handles]
    legend_points = style.font_points * 0.9
    if style.legend_beside:
        # As many columns as a long list needs to stay within the figure's height, with long
        # names shortened so that the plot keeps most of the width.
        rows = max(1, int(figure.get_figheight() * 72 // (legend_points * 1.6)))
        columns = -(-len(handles) // rows)
        labels = [shorten(label, _BESIDE_LABEL_CHARS) for label in labels]
    elif columns is None:
        columns = legend_columns(labels, figure.get_figwidth() * 72, legend_points)
    figure.legend(
        handles=handles,
        labels=labels,
        loc="outside right upper" if style.legend_beside else "outside lower center",
        ncols=columns,
        frameon=False,
        handlelength=2.4,
        handler_map=timeline.legend_handlers,
    )
    style_bands(timeline, style, None)
    return timeline


def _draw_bands(
    timeline: Timeline, axes: Axes, analysis: CancerAnalysis, right: dt.date, style: PlotStyle
) -> None:
    shown: set[Status] = set()
    for period in analysis.periods:
        look = STATUS_LOOKS[period.status]
        colour = style.status_colour(period.status)
        start, end = day(period.start), day(period.end or right)
        # The rectangle axvspan makes, without its updating of the data limits, which costs
        # more than the rest for the dozens of periods of a long history: the limits are set
        # by hand once everything is drawn.
        band = Rectangle(
            (start, 0),
            end - start,
            1,
            transform=axes.get_xaxis_transform(which="grid"),
            facecolor=to_rgba(colour, style.band_alpha),
            edgecolor=style.text,
            linewidth=0,
            zorder=0,
        )
        axes.add_artist(band)
        hatch_colour = to_rgba(style.hatch_colour or colour, style.hatch_alpha)
        axes.add_artist(HatchLines(band, look.hatch, hatch_colour, style.hatch_linewidth))
        timeline.bands.append(band)
        timeline.band_ranges.append((start, end))
        if period.status not in shown:
            shown.add(period.status)
            patch = Patch(
                facecolor=to_rgba(colour, 0.4),
                edgecolor=style.faint,
                label=short_status_label(period.status),
            )
            timeline.legend_handles.append(patch)
            timeline.legend_handlers[patch] = HatchedPatchHandler(
                look.hatch,
                to_rgba(style.hatch_colour or colour, 0.9),
                style.hatch_linewidth,
            )


def _draw_sizes(
    timeline: Timeline,
    axes: Axes,
    history: CancerHistory,
    analysis: CancerAnalysis,
    style: PlotStyle,
) -> None:
    points_of = spot_points(history)
    for number, spot in enumerate(history.spots):
        points = points_of[spot.id]
        if not points:
            continue
        (line,) = axes.plot(
            days(date for date, _ in points),
            [math.nan if tenths is None else mm_number(tenths) for _, tenths in points],
            color=style.spot_colour(number),
            marker=SPOT_MARKERS[number % len(SPOT_MARKERS)],
            linestyle=SPOT_DASHES[number % len(SPOT_DASHES)],
            linewidth=style.line_width,
            markersize=style.marker_size,
            markevery=_every(len(points), style),
            label=as_typed(spot.name),
            zorder=3,
        )
        timeline.spot_lines.append(SpotLine(line, spot, points))
        timeline.legend_handles.append(line)
    lines = episode_sums(analysis.assessments)
    # On paper, markers are thinned over all the episodes' points together.
    every = _every(sum(len(sums) for sums in lines), style)
    for sums in lines:
        (line,) = axes.plot(
            days(p.assessment.date for p in sums),
            [mm_number(p.tenths) for p in sums],
            color=style.text,
            marker="o",
            linewidth=style.line_width * 12 / 7,
            markersize=style.marker_size + 1,
            markevery=every,
            markeredgecolor=style.base,
            label=SUM_LABEL,
            zorder=4,
        )
        if not timeline.sum_lines:
            timeline.legend_handles.insert(0, line)
        timeline.sum_lines.append(SumLine(line, sums))


def _draw_reference_lines(
    timeline: Timeline, axes: Axes, lines: Sequence[tuple[int, str]], style: PlotStyle
) -> None:
    for number, (tenths, label) in enumerate(sorted(lines, reverse=True)):
        value = mm_number(tenths)
        words = f"{label} ({mm_text(tenths)})"
        if style.legend_beside:
            # Named in the legend, where a label on the line would cover the points near it;
            # the two lines are told apart by their dashes.
            (line,) = axes.plot(
                [0, 1],
                [value, value],
                transform=axes.get_yaxis_transform(),
                color=style.text,
                linestyle=_REFERENCE_DASHES[number % len(_REFERENCE_DASHES)],
                linewidth=1.0,
                alpha=0.8,
                label=words,
            )
            timeline.legend_handles.append(line)
            continue
        axes.axhline(value, color=style.text, linestyle=(0, (6, 4)), linewidth=1.1, alpha=0.8)
        # The higher line is labelled above itself and the lower one below, so that two lines
        # close together never have their labels on top of each other.
        axes.annotate(
            words,
            xy=(1, value),
            xycoords=("axes fraction", "data"),
            xytext=(-4, 3 if number == 0 else -3),
            textcoords="offset points",
            ha="right",
            va="bottom" if number == 0 else "top",
            fontsize=style.font_points * 0.85,
            bbox={"boxstyle": "square,pad=0.1", "fc": style.base, "ec": "none", "alpha": 0.75},
        )


def _draw_strip(
    timeline: Timeline,
    axes: Axes,
    history: CancerHistory,
    lanes: Sequence[int],
    *,
    right: dt.date,
    style: PlotStyle,
) -> None:
    doctor_row = max(lanes, default=-1) + 1
    statements = tuple(sorted(history.statements, key=lambda s: s.date))
    if statements:
        (markers,) = axes.plot(
            days(s.date for s in statements),
            [float(doctor_row)] * len(statements),
            linestyle="none",
            marker="D",
            markersize=style.marker_size + 2,
            color=style.text,
            markeredgecolor=style.base,
            zorder=3,
        )
        timeline.statement_markers, timeline.statements = markers, statements
    for treatment, lane in zip(history.treatments, lanes, strict=True):
        start, end = day(treatment.start), day(treatment.end or right)
        finish = start + max(end - start, 1.0)
        low = lane - 0.3
        high = low + 0.6
        # The bar broken_barh makes, without its updating of the data limits: the limits are
        # set by hand below, as for the bands.
        bars = PolyCollection(
            [[(start, low), (start, high), (finish, high), (finish, low)]],
            facecolor=to_rgba(style.spot_colour(0), 0.55),
            edgecolor=style.text,
            linewidth=0.6,
            zorder=2,
        )
        axes.add_collection(bars, autolim=False)
        timeline.treatment_bars.append((bars, treatment))
        words = [words for words in (treatment.name.strip(), treatment.kind.value) if words]
        axes.add_artist(
            BarLabel(
                axes,
                words,
                (start, finish, low, high),
                color=style.text,
                fontsize=style.font_points * 0.8,
                zorder=3,
            )
        )
    ticks = [*range(doctor_row), doctor_row]
    labels = [TREATMENTS_ROW_LABEL if row == 0 else "" for row in range(doctor_row)]
    axes.set_yticks(ticks, [*labels, DOCTOR_ROW_LABEL])
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(-0.6, doctor_row + 0.6)
    axes.spines["left"].set_visible(False)
    axes.grid(axis="y", color=style.faint, linewidth=0.6)
    axes.set_axisbelow(True)


class _DateTicks(AutoDateLocator):
    """matplotlib's choice of date ticks, remembered for the dates shown: one drawing asks for
    them a dozen times (for the layout, the tick labels and the grid), to the same answer."""

    def __init__(self, *, minticks: int, maxticks: int) -> None:
        super().__init__(minticks=minticks, maxticks=maxticks)  # type: ignore[no-untyped-call]
        self._remembered: tuple[tuple[float, ...], Any] | None = None

    def __call__(self) -> Any:
        shown = tuple(self.axis.get_view_interval()) if self.axis is not None else ()
        if self._remembered is None or self._remembered[0] != shown:
            self._remembered = (shown, super().__call__())  # type: ignore[no-untyped-call]
        # A copy, as a new answer would be: whoever asked may change it.
        return self._remembered[1].copy()


def _every(points: int, style: PlotStyle) -> int:
    """Mark every point, or every n-th one when a line has more than the style marks."""
    if style.most_markers is None:
        return 1
    return max(1, -(-points // style.most_markers))
