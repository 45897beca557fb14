"""Drawing again, on a canvas of pixels, only the axes whose artists changed.

Over the canvas's last full drawing, each changed axes' inside (its box, rounded out to whole
pixels, and a small margin) is put back to the figure's background and the axes is drawn there
again, its tick labels and axis labels left out: they are outside that box and, with the axes'
limits and places as they were, unchanged. Everything outside those boxes is kept as it was drawn.
Within a box only the columns from where the change begins are drawn again, where that is known
(``quick_columns``): on a long history an edit of its latest scans draws a sliver of the axes.

The pixels are those of a full drawing as long as nothing but the axes itself is drawn in its box,
and nothing of the axes that changed is drawn outside it: both are checked, and where either does
not hold ``draw`` declines, for the caller to draw the whole figure. That the axes' limits, ticks,
places and the legend are as they were at the full drawing is the caller's to know.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matplotlib.axis import Axis
from matplotlib.collections import Collection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from survivor_app.plot.quick_columns import AxesDrawing, axes_drawing, change_begins, drawn_from

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from matplotlib.figure import Figure

#: Pixels around an axes' box that count as its inside: what it clips is clipped to its box
#: rounded to the nearest pixel, and smoothed edges reach a pixel further.
_MARGIN = 2

#: A box in the renderer's pixels: left, top, right, bottom (rows counted down, both ends in).
_Box = tuple[int, int, int, int]


@dataclass(slots=True)
class _Kept:
    """The last full drawing, and what it was drawn for."""

    size: tuple[int, int, float]
    #: The axes and where each was, in the figure's pixels.
    places: tuple[tuple[Axes, tuple[float, ...]], ...]
    drawing: Any
    background: Any
    #: Each axes' inside (None: something else is drawn there), worked out when first needed.
    insides: dict[Axes, _Box | None] = field(default_factory=dict)
    #: Where each of the figure's artists draws, as far as it was needed to know.
    footprints: dict[Artist, list[Bbox]] = field(default_factory=dict)
    #: False once the figure is to be drawn in full: the drawing is no start for another.
    current: bool = True
    #: True while the canvas shows something drawn over the drawing (a tip).
    over_drawn: bool = False
    #: What each axes' artists were when last drawn, to find where a change begins.
    drawings: dict[Axes, AxesDrawing | None] = field(default_factory=dict)


class QuickDraw:
    """Keeps a canvas's full drawings, and draws over them only the axes that changed."""

    def __init__(self, canvas: FigureCanvasAgg) -> None:
        self._canvas = canvas
        self._kept: _Kept | None = None

    def _renderer(self) -> Any:
        # The canvas's Agg renderer; typed Any as matplotlib leaves its methods untyped.
        return self._canvas.get_renderer()  # type: ignore[no-untyped-call]

    def keep(self) -> None:
        """Keep what the canvas has just drawn, in full, as what later quick drawings start
        from: call it right after a full drawing, before anything is drawn over it."""
        renderer = self._renderer()
        figure = self._canvas.figure
        drawing = renderer.copy_from_bbox(figure.bbox)
        # The figure's background alone, as a full drawing starts with it.
        renderer.clear()
        figure.patch.draw(renderer)
        background = renderer.copy_from_bbox(figure.bbox)
        renderer.restore_region(drawing)
        kept = _Kept(_size(renderer), _places(figure.axes), drawing, background)
        kept.drawings = {axes: axes_drawing(axes) for axes in figure.axes}
        last = self._kept
        if last is not None and (last.size, last.places) == (kept.size, kept.places):
            # Where something else was drawn in an axes' box it still is, with everything
            # where it was: not looked for again at each drawing (a long record's plot, laid
            # out tightly, draws every edit in full).
            kept.insides = {axes: None for axes, box in last.insides.items() if box is None}
        self._kept = kept

    def prepare(self, over: Sequence[Artist] = ()) -> None:
        """Work out now, while nothing waits on it, where each axes of the kept drawing can be
        drawn again, rather than at the first quick drawing that needs it."""
        kept, renderer, figure = self._kept, self._renderer(), self._canvas.figure
        if kept is None or not _still_fits(kept, renderer, figure):
            return
        # Measuring updates the ticks, which marks the axes as changed: they are not.
        unchanged = [artist for artist in (figure, *figure.axes) if not artist.stale]
        for axes in figure.axes:
            if axes not in kept.insides:
                kept.insides[axes] = _inside(axes, renderer, over, kept.footprints)
        for artist in unchanged:
            artist.stale = False

    def forget(self) -> None:
        """Drop the kept drawing: the next drawing must be a full one."""
        if self._kept is not None:
            self._kept.current = False

    def draw(self, changed: Sequence[Axes], over: Sequence[Artist] = ()) -> Bbox | None:
        """Draw ``changed`` again over the kept drawing, then ``over`` (artists drawn above
        everything else, such as a tip), and keep the result (without ``over``) as the drawing
        to start from next time. Returns where the canvas's pixels may have changed, in the
        figure's pixels, for the caller to show; None where this cannot give the pixels of a
        full drawing (the canvas's buffer may then hold anything: draw the figure in full)."""
        kept, renderer, figure = self._kept, self._renderer(), self._canvas.figure
        if kept is None or not _still_fits(kept, renderer, figure):
            return None
        boxes, parts = [], []
        for axes in changed:
            if axes not in kept.insides:
                kept.insides[axes] = _inside(axes, renderer, over, kept.footprints)
            box = kept.insides[axes]
            if box is None:
                return None
            boxes.append(box)
            drawing = axes_drawing(axes)
            parts.append((_part(box, change_begins(kept.drawings.get(axes), drawing)), drawing))
        if not changed:
            # What was drawn over the kept drawing goes.
            renderer.restore_region(kept.drawing)
        else:
            # Each part's pixels are drawn from the background up; what the axes draw outside
            # their parts is put back from the kept drawing below.
            for axes, box, (part, drawing) in zip(changed, boxes, parts, strict=True):
                renderer.restore_region(kept.background, part, (0, 0))
                labels = _labels(axes)
                # Left of the part the kept drawing stays.
                with _left_out(labels), drawn_from(axes, part[0] if part != box else -math.inf):
                    axes.draw(renderer)
                    # What was left out drew nothing.
                    inside = _all_inside(axes, box, labels, renderer)
                if not inside:
                    kept.current = False
                    return None
                kept.drawings[axes] = drawing
            drawn = renderer.copy_from_bbox(figure.bbox)
            renderer.restore_region(kept.drawing)
            for part, _drawing in parts:
                renderer.restore_region(drawn, part, (0, 0))
            kept.drawing = renderer.copy_from_bbox(figure.bbox)
        for artist in over:
            artist.draw(renderer)
        for axes in figure.axes:
            axes.stale = False
        figure.stale = False
        # What was drawn over the last drawing (a tip) is gone wherever it was.
        over_drawn = any(artist.get_visible() for artist in over)
        changed_all = over_drawn or kept.over_drawn
        kept.over_drawn = over_drawn
        if changed_all:
            return Bbox(figure.bbox.get_points())
        return Bbox.union([_as_bbox(part, renderer) for part, _ in parts]) if parts else Bbox.null()


def _part(box: _Box, begins: float | None) -> _Box:
    """The columns of ``box`` from where a change begins (all of them where it may begin
    anywhere, or where none was found: something changed that is not compared)."""
    left, top, right, bottom = box
    if begins is None or begins == -math.inf:
        return box
    return (min(right, max(left, math.floor(begins))), top, right, bottom)


def _still_fits(kept: _Kept, renderer: RendererAgg, figure: Figure) -> bool:
    """True while ``kept`` is the figure's last full drawing, at its size, its axes in place."""
    return kept.current and kept.size == _size(renderer) and kept.places == _places(figure.axes)


def _size(renderer: RendererAgg) -> tuple[int, int, float]:
    return (int(renderer.width), int(renderer.height), float(renderer.dpi))


def _places(axes: Sequence[Axes]) -> tuple[tuple[Axes, tuple[float, ...]], ...]:
    return tuple((a, tuple(a.bbox.extents)) for a in axes)


def _box(axes: Axes, renderer: RendererAgg) -> _Box:
    """The axes' box rounded out, with the margin, in the renderer's pixels (rows down)."""
    x0, y0, x1, y1 = axes.bbox.extents
    width, height = int(renderer.width), int(renderer.height)
    left = max(0, math.floor(x0) - _MARGIN)
    right = min(width - 1, math.ceil(x1) + _MARGIN)
    top = max(0, height - math.ceil(y1) - _MARGIN)
    bottom = min(height - 1, height - math.floor(y0) + _MARGIN)
    return (left, top, right, bottom)


def _as_bbox(box: _Box, renderer: RendererAgg) -> Bbox:
    """A box of pixels as a Bbox in the figure's pixels (rows up), each pixel whole."""
    left, top, right, bottom = box
    height = int(renderer.height)
    return Bbox.from_extents(left, height - bottom - 1, right + 1, height - top)


def _inside(
    axes: Axes, renderer: RendererAgg, over: Sequence[Artist], footprints: dict[Artist, list[Bbox]]
) -> _Box | None:
    """The axes' inside, where nothing but the axes is drawn (None: something else is)."""
    box = _box(axes, renderer)
    inside = _as_bbox(box, renderer)
    # Its own labels, which a quick drawing leaves out.
    for text in _labels(axes):
        if text.get_visible() and text.get_text() and _reach(text, renderer).overlaps(inside):
            return None
    figure = axes.get_figure(root=True)
    assert figure is not None
    for artist in figure.get_children():
        if artist is figure.patch or artist is axes or artist in over:
            continue
        if not artist.get_visible():
            continue
        if artist not in footprints:
            footprints[artist] = _footprint(artist, renderer)
        if any(part.overlaps(inside) for part in footprints[artist]):
            return None
    return box


def _footprint(artist: Artist, renderer: RendererAgg) -> list[Bbox]:
    """Where ``artist`` draws, a pixel more, in parts: for axes, its box with its ticks' marks,
    each of its labels and each of its other artists not clipped to its box."""
    from matplotlib.axes import Axes

    if not isinstance(artist, Axes):
        return [(artist.get_tightbbox(renderer) or Bbox.null()).padded(1)]
    ticks = [
        tick.get_tick_padding()
        for axis in (artist.xaxis, artist.yaxis)
        for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks())
    ]
    pad = renderer.points_to_pixels(max(ticks, default=0.0)) + _MARGIN  # type: ignore[no-untyped-call]
    parts = [artist.bbox.padded(pad + 1)]
    clip = artist.bbox.padded(_MARGIN)
    for child in artist.get_children():
        if child is artist.patch or isinstance(child, Axis | Spine) or not child.get_visible():
            continue
        if isinstance(child, Text):
            if child.get_text():
                parts.append(_reach(child, renderer))
        elif not _clipped(child, clip):
            parts.append(child.get_window_extent(renderer).padded(1))
    parts += [_reach(text, renderer) for text in _labels(artist) if _drawn(text)]
    return parts


def _drawn(text: Text) -> bool:
    return bool(text.get_visible() and text.get_text())


def _reach(text: Text, renderer: RendererAgg) -> Bbox:
    """Where a text draws: its letters and its box, and a pixel more."""
    extents = [text.get_window_extent(renderer)]
    patch = text.get_bbox_patch()
    if patch is not None:
        extents.append(patch.get_window_extent(renderer))
    return Bbox.union(extents).padded(1)


def _all_inside(axes: Axes, box: _Box, labels: Sequence[Text], renderer: RendererAgg) -> bool:
    """True when all the axes just drew, but its axis and spines (which stay where they
    were), is inside ``box``: its texts, and its other artists, clipped to it or within it."""
    inside = _as_bbox(box, renderer)
    left_out = set(labels)
    for artist in axes.get_children():
        if artist is axes.patch or isinstance(artist, Axis | Spine) or artist in left_out:
            continue
        if not artist.get_visible():
            continue
        if isinstance(artist, Text):
            if artist.get_text() and not _contains(inside, _reach(artist, renderer)):
                return False
        elif not _clipped(artist, inside) and not _contains(
            inside, artist.get_window_extent(renderer)
        ):
            return False
    return True


def _clipped(artist: Artist, inside: Bbox) -> bool:
    """True for matplotlib's own lines, collections and patches clipped to a box within
    ``inside`` (artists of other kinds may not honour their clip)."""
    if not isinstance(artist, Line2D | Collection | Patch) or not artist.get_clip_on():
        return False
    clip = artist.get_clip_box()
    return clip is not None and _contains(inside, clip)


def _contains(outer: Bbox, inner: Bbox) -> bool:
    return bool(
        outer.x0 <= inner.x0
        and inner.x1 <= outer.x1
        and outer.y0 <= inner.y0
        and inner.y1 <= outer.y1
    )


def _labels(axes: Axes) -> list[Text]:
    """The texts of the axes' axis: tick labels, axis labels, offsets; all outside its box."""
    texts: list[Text] = []
    for axis in (axes.xaxis, axes.yaxis):
        texts += [axis.label, axis.offsetText]
        for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks()):
            texts += [tick.label1, tick.label2]
    return texts


@contextmanager
def _left_out(texts: Sequence[Text]) -> Iterator[None]:
    shown = [text for text in texts if text.get_visible()]
    for text in shown:
        text.set_visible(False)
    try:
        yield
    finally:
        for text in shown:
            text.set_visible(True)
