"""The window's layout of the timeline: its axes stacked in the figure's one column of rows, with
room around each for what sticks out of it (tick labels, axis labels, reference labels, marks
drawn unclipped) and room for the figure's legend beneath them, or beside them where the legend
says it is (``KeptLegend.beside``).

It gives the axes the places matplotlib's constrained layout would (the same padding, each row's
height in the grid's ratio), but measures the tick labels from the strings their formatters
write rather than by laying out every tick of every axis, which made the layout half the cost of
the plot's first drawing. The printed summary keeps the constrained layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.layout_engine import LayoutEngine
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from survivor_app.plot.legend import KeptLegend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure

#: The room left around each axes' decorations and the legend, in points (matplotlib's
#: ``figure.constrained_layout.w_pad`` and ``h_pad``).
PAD_POINTS = 3.0
#: Between the date labels and the offset written under them (matplotlib's ``OFFSETTEXTPAD``).
_OFFSET_PAD_POINTS = 3.0
#: The least height, in points, the axes must keep between them for the legend to stay: below
#: it the plot would be a sliver under a legend, which is left out instead.
LEAST_PLOT_POINTS = 48.0
#: How far outside its axis a tick may be and still be drawn, as a share of the axis.
_TICK_TOLERANCE = 1e-10


@dataclass(slots=True)
class _Margins:
    """How far, in pixels, an axes' decorations reach beyond its box on each side."""

    left: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    top: float = 0.0

    def widen(self, box: Bbox, extent: Bbox) -> None:
        """Reach as far as ``extent`` does beyond ``box``."""
        self.left = max(self.left, box.x0 - extent.x0)
        self.right = max(self.right, extent.x1 - box.x1)
        self.bottom = max(self.bottom, box.y0 - extent.y0)
        self.top = max(self.top, extent.y1 - box.y1)


class TimelineLayout(LayoutEngine):
    """Places a figure's axes, each in one row of a one-column grid, and leaves room for the
    figure's legend beneath them or beside them, as it says it is."""

    _adjust_compatible = False
    _colorbar_gridspec = False

    def execute(self, fig: Figure) -> None:
        """Place the axes of ``fig`` for its present size and content."""
        canvas = fig.canvas
        assert isinstance(canvas, FigureCanvasAgg)
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
        pad = PAD_POINTS * fig.dpi / 72
        whole = Bbox.from_bounds(0, 0, fig.bbox.width, fig.bbox.height)
        frame = whole.frozen()
        for legend in fig.legends:
            legend.set_visible(True)  # left out by an earlier layout, at another size
            extent = legend.get_window_extent(renderer)
            if isinstance(legend, KeptLegend) and legend.beside:
                frame.x1 -= extent.width + 2 * pad
            else:
                frame.y0 += extent.height + 2 * pad
        rows = [
            (ax, spec.rowspan.start)
            for ax in fig.axes
            if ax.get_visible() and (spec := ax.get_subplotspec()) is not None
        ]
        if _lay_out(fig, rows, frame, pad, renderer, least=LEAST_PLOT_POINTS * fig.dpi / 72):
            return
        # Where a legend leaves the axes no room (a long history's, on a small screen), it is
        # left out and they take the whole figure, their names and dates whole: drawn over
        # them, it would hide the sizes. Each line's tip still names it.
        for legend in fig.legends:
            legend.set_visible(False)
        if not _lay_out(fig, rows, whole, pad, renderer, least=0.0):
            for ax, _row in rows:
                spec = ax.get_subplotspec()
                assert spec is not None
                ax.set_position(spec.get_position(fig))


def _lay_out(
    fig: Figure,
    rows: list[tuple[Axes, int]],
    frame: Bbox,
    pad: float,
    renderer: RendererBase,
    *,
    least: float,
) -> bool:
    """Place the axes in ``frame``, measured twice as the constrained layout does (the ticks an
    axis takes depend on its length); False where they have no room there, or less than
    ``least`` pixels of height between them."""
    margins = [_Margins() for _ in rows]
    for _ in range(2):
        if not _place(fig, rows, margins, frame, pad, least=least):
            return False
        margins = [_margins(ax, renderer) for ax, _row in rows]
    return _place(fig, rows, margins, frame, pad, least=least)


def _place(
    fig: Figure,
    rows: list[tuple[Axes, int]],
    margins: list[_Margins],
    frame: Bbox,
    pad: float,
    *,
    least: float,
) -> bool:
    """Put each axes in its row inside ``frame`` with its ``margins`` and ``pad`` around it,
    their inner heights in the grid's ratios, their left and right edges shared; False, with
    nothing moved, where that leaves them no room, or less than ``least`` pixels of height
    between them."""
    if not rows:
        return True
    left = frame.x0 + max(m.left for m in margins) + pad
    right = frame.x1 - max(m.right for m in margins) - pad
    spec = rows[0][0].get_subplotspec()
    assert spec is not None
    # A list of one ratio a row (ones where none were given).
    ratios = cast("list[float]", spec.get_gridspec().get_height_ratios())
    reach = [_Margins() for _ in ratios]
    for (_ax, row), margin in zip(rows, margins, strict=True):
        reach[row].top = max(reach[row].top, margin.top)
        reach[row].bottom = max(reach[row].bottom, margin.bottom)
    inner = frame.height - sum(r.top + r.bottom + 2 * pad for r in reach)
    if inner <= least or right <= left:
        return False
    boxes = []
    top = frame.y1
    for ratio, row_reach in zip(ratios, reach, strict=True):
        box_top = top - pad - row_reach.top
        box_bottom = box_top - inner * ratio / sum(ratios)
        boxes.append((box_bottom, box_top))
        top = box_bottom - row_reach.bottom - pad
    width, height = fig.bbox.width, fig.bbox.height
    for ax, row in rows:
        bottom, top = boxes[row]
        ax.set_position(
            Bbox.from_extents(left / width, bottom / height, right / width, top / height)
        )
    return True


def _margins(ax: Axes, renderer: RendererBase) -> _Margins:
    """How far what is drawn with ``ax`` reaches beyond its box."""
    box = ax.get_window_extent(renderer)
    margins = _Margins()
    scale = ax.get_figure(root=True).dpi / 72  # type: ignore[union-attr]
    if ax.xaxis.get_visible():
        _bottom_axis(ax.xaxis, box, margins, scale, renderer)
    if ax.yaxis.get_visible():
        _left_axis(ax.yaxis, box, margins, scale, renderer)
    for artist in ax.get_children():
        # What may reach out of the box: texts and artists drawn unclipped (the rest, added to
        # the axes, is clipped to its box; the axes' own axes and spines are measured above).
        if (
            artist.get_visible()
            and artist.get_in_layout()
            and (isinstance(artist, Text) or not artist.get_clip_on())
            and not isinstance(artist, (Axis, Spine))
        ):
            extent = artist.get_tightbbox(renderer)
            if extent is not None and 0 < extent.width < math.inf and 0 < extent.height < math.inf:
                margins.widen(box, extent)
    return margins


def _bottom_axis(
    axis: Axis, box: Bbox, margins: _Margins, scale: float, renderer: RendererBase
) -> None:
    """Widen ``margins`` for a date axis under ``box``: its ticks, its labels (centred on their
    ticks) and the offset written under them."""
    ticks = _ticks(axis)
    depth = _mark_length(axis, ticks, "bottom", scale)
    labels = _label_sizes(axis, ticks, renderer)
    if labels:
        depth = _label_distance(axis, scale) + max(height for _f, _w, height, _d in labels)
        offset = axis.get_major_formatter().get_offset()
        if offset:
            depth += _OFFSET_PAD_POINTS * scale + _text_extent(axis, offset, renderer).height
    margins.bottom = max(margins.bottom, depth)
    for fraction, width, _height, _descent in labels:
        middle = box.x0 + fraction * box.width
        margins.left = max(margins.left, box.x0 - (middle - width / 2))
        margins.right = max(margins.right, middle + width / 2 - box.x1)


def _left_axis(
    axis: Axis, box: Bbox, margins: _Margins, scale: float, renderer: RendererBase
) -> None:
    """Widen ``margins`` for a value axis left of ``box``: its ticks, its labels (centred on
    their ticks) and its name."""
    ticks = _ticks(axis)
    width = _mark_length(axis, ticks, "left", scale)
    labels = _label_sizes(axis, ticks, renderer)
    if labels:
        width = _label_distance(axis, scale) + max(wide for _f, wide, _h, _d in labels)
    for fraction, _width, height, descent in labels:
        # Centred on the tick's mark by the middle of the text above its baseline.
        middle = box.y0 + fraction * box.height
        margins.bottom = max(margins.bottom, box.y0 - (middle - (height + descent) / 2))
        margins.top = max(margins.top, middle + (height - descent) / 2 - box.y1)
    name = axis.get_label()
    if name.get_visible() and name.get_text():
        # Only its width, as the constrained layout counts it: a name longer than the box is
        # high does not squeeze the rows.
        width += axis.labelpad * scale + name.get_window_extent(renderer).width
    margins.left = max(margins.left, width)


def _mark_length(axis: Axis, ticks: list[tuple[float, str]], side: str, scale: float) -> float:
    """How far an axis's tick marks reach out of the axes, in pixels: they count, as in the
    constrained layout, where they are drawn on a visible spine."""
    spine = axis.axes.spines[side]
    if not ticks or not spine.get_visible() or not axis.majorTicks[0].tick1line.get_visible():
        return 0.0
    return axis.get_tick_padding() * scale


def _label_distance(axis: Axis, scale: float) -> float:
    """How far an axis's tick labels are from the axes' edge, in pixels."""
    tick = axis.majorTicks[0]
    # Typed as returning nothing; it returns the pad in points.
    pad = cast("float", tick.get_pad())
    return (pad + tick.get_tick_padding()) * scale


def _label_sizes(
    axis: Axis, ticks: list[tuple[float, str]], renderer: RendererBase
) -> list[tuple[float, float, float, float]]:
    """Where along ``axis`` each of its ``ticks``' labels is, and how wide and high it is and
    how far it reaches below its baseline, in pixels."""
    sizes = []
    for fraction, label in ticks:
        if not label:
            continue
        extent = _text_extent(axis, label, renderer)
        sizes.append((fraction, extent.width, extent.height, -extent.y0))
    return sizes


def _text_extent(axis: Axis, text: str, renderer: RendererBase) -> Bbox:
    """The box of ``text`` written as ``axis`` writes its tick labels, from its baseline."""
    label = axis.majorTicks[0].label1
    scratch = Text(
        text=text,
        fontproperties=label.get_fontproperties(),
        rotation=label.get_rotation(),
        figure=axis.get_figure(root=True),
    )
    return scratch.get_window_extent(renderer)


def _ticks(axis: Axis) -> list[tuple[float, str]]:
    """The major ticks an axis will draw: where each is along the axis (0 at the start of the
    view, 1 at its end), and its label as the formatter writes it (none where labels are
    hidden)."""
    locations = axis.get_majorticklocs()
    if not len(locations):
        return []
    labels = (
        axis.get_major_formatter().format_ticks(list(locations))
        if axis.majorTicks[0].label1.get_visible()
        else [""] * len(locations)
    )
    transform = axis.get_transform()
    low, high = transform.transform(axis.get_view_interval())
    places = transform.transform(locations)
    span = high - low
    shown = []
    for place, label in zip(places, labels, strict=True):
        where = (place - low) / span if span else 0.0
        if -_TICK_TOLERANCE <= where <= 1 + _TICK_TOLERANCE:
            shown.append((float(where), label))
    return shown
