"""Where on an axes a change begins, so that a quick drawing draws again only the columns of
pixels from there to the axes' right edge.

An axes' artists are compared with what they were at the last drawing. A line whose look is the
same and whose points are the same up to point k changes nothing left of point k - 2 (when its
points go left to right from there on); a band that moved, or took another colour, nothing left
of its left edge, before or after. An artist of another kind, a text that changed, a line whose
points changed from the first, or a change of the axes' limits or place: the change may be
anywhere, and the whole axes is drawn again.

The columns from there are drawn again, over the figure's background: everything of the axes but
what draws only left of them (bands and lines that end there, and lines' markers: a marker is
stamped alone, the same wherever the others are), which on a long history is most of the
drawing's work.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from survivor_app.plot.hatching import HatchLines

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

#: Pixels more on the left of where a change begins, for smoothed edges.
_SLACK = 2.0
#: Agg snaps a line to whole pixels only up to this many points (``PathSnapper``).
_MOST_SNAPPED = 1024
#: ... and only when each of its strokes is level or upright to within this many pixels.
_STRAIGHT = 1e-4


@dataclass(frozen=True, slots=True)
class AxesDrawing:
    """What an axes and each of its artists were when drawn, as far as they are compared."""

    view: Hashable
    artists: tuple[Artist, ...]
    looks: tuple[Hashable, ...]
    #: A line's points (x, y), a band's left and right edges in data (None for others).
    places: tuple[Any, ...]


def axes_drawing(axes: Axes) -> AxesDrawing | None:
    """What ``axes`` draws now (None: an artist of a kind not compared, or an axes not drawn
    left to right)."""
    left, right = axes.get_xlim()
    if not left < right:
        return None
    artists, looks, places = [], [], []
    # The axes' own parts: with its limits and place, they draw what they drew.
    own = {axes.patch, axes.xaxis, axes.yaxis, *axes.spines.values()}
    for artist in axes.get_children():
        if artist in own:
            continue
        look, place = _look(artist)
        if look is None:
            return None
        artists.append(artist)
        looks.append(look)
        places.append(place)
    view = (
        tuple(axes.viewLim.bounds),
        tuple(axes.bbox.bounds),
        axes.patch.get_facecolor(),
        tuple(spine.get_visible() for spine in axes.spines.values()),
    )
    return AxesDrawing(view, tuple(artists), tuple(looks), tuple(places))


def change_begins(before: AxesDrawing | None, now: AxesDrawing | None) -> float | None:
    """The column of pixels (from the figure's left) where what ``now`` draws may begin to
    differ from what ``before`` drew; -inf where it may anywhere; None where nothing changed."""
    if before is None or now is None or (before.view, before.artists) != (now.view, now.artists):
        return -math.inf
    begins = [
        _begins(artist, look, place, earlier_look, earlier_place)
        for artist, look, place, earlier_look, earlier_place in zip(
            now.artists, now.looks, now.places, before.looks, before.places, strict=True
        )
        if look != earlier_look or not _same_place(place, earlier_place)
    ]
    return min(begins) if begins else None


@contextmanager
def drawn_from(axes: Axes, column: float) -> Iterator[None]:
    """While drawing, leave out what of ``axes`` draws only left of ``column``: the bands (and
    their hatches) that end left of it, the lines that do, the dates' ticks there, and the
    lines' markers whose pixels all are (each line still marks every n-th point it marks, from
    the first)."""
    if column == -math.inf:
        yield
        return
    hidden: dict[Artist, None] = {}
    for artist in axes.get_children():
        if isinstance(artist, Rectangle) and artist.get_visible() and artist is not axes.patch:
            x0, width = artist.get_x(), artist.get_width()
            edge = _pixels(artist, 2 * artist.get_linewidth()) + _SLACK
            if _data_x(artist, max(x0, x0 + width)) + edge < column:
                hidden[artist] = None
        elif artist.get_visible() and (
            (isinstance(artist, HatchLines) and artist.patch in hidden)
            or (isinstance(artist, Line2D) and _left_of(artist, column))
        ):
            hidden[artist] = None
    # An upright tick (its mark, grid line and label) draws within a few points of its place.
    ticks = axes.get_xaxis_transform()
    for tick in (*axes.xaxis.get_major_ticks(), *axes.xaxis.get_minor_ticks()):
        reach = _pixels(axes, max(tick.get_tick_padding(), 1) * 2) + _SLACK
        if tick.get_visible() and ticks.transform((tick.get_loc(), 0.5))[0] + reach < column:
            hidden[tick] = None
    kept = [(line, line.get_markevery()) for line in axes.get_lines()]
    for line, every in kept:
        _mark_from(line, every, column)
    for artist in hidden:
        artist.set_visible(False)
    try:
        yield
    finally:
        for artist in hidden:
            artist.set_visible(True)
        for line, every in kept:
            line.set_markevery(every)


def _left_of(line: Line2D, column: float) -> bool:
    """True for a line whose strokes and markers are all left of ``column`` (as the sums of
    the episodes before an edit of a long history's latest scans)."""
    transform = line.get_transform()
    joins = (line.get_solid_joinstyle(), line.get_dash_joinstyle())
    # A mitred corner may reach far beyond its point.
    if not transform.is_separable or line.get_path_effects() or "miter" in joins:
        return False
    xs = np.asarray(line.get_xydata())[:, 0]
    if not len(xs):
        return False
    ends = [[xs.min(), 1.0], [xs.max(), 1.0]]
    # A point without a place (NaN, or beyond all) is not worked out.
    if not np.isfinite(ends).all():
        return False
    # Beyond its points a line's stroke reaches less than its width (with its joins and caps),
    # its markers less than their size and edge (a diamond, a square turned, about 0.71 of it).
    reach = 2 * line.get_linewidth() + line.get_markersize() + line.get_markeredgewidth()
    right = float(transform.transform(ends)[:, 0].max())
    return right + _pixels(line, reach) + _SLACK < column


def _mark_from(line: Line2D, every: Any, column: float) -> None:
    """Mark only the points of ``line`` marked now whose markers reach right of ``column``."""
    # Every n-th point only: marking them all, a line may mark from the first point shown.
    if line.get_marker() in (None, "None", "none", "", " ") or type(every) is not int:
        return
    xy = line.get_xydata()
    assert isinstance(xy, np.ndarray)
    marked = np.arange(0, len(xy), every)
    # A marker reaches less than its size and edge beyond its point: half of them for most, but
    # a diamond (a square turned) about 0.71 of them, and more at its mitred tips.
    reach = _pixels(line, line.get_markersize() + line.get_markeredgewidth()) + _SLACK
    xs = line.get_transform().transform(xy[marked])[:, 0]
    # A point without a place (NaN) has no marker either way.
    line.set_markevery(marked[~(xs < column - reach)].tolist())


def _look(artist: Artist) -> tuple[Hashable | None, Any]:
    """How ``artist`` looks and where it is (None: not a kind compared here)."""
    common = (type(artist), artist.get_visible(), artist.get_zorder(), artist.get_alpha())
    look: tuple[Any, ...]
    if isinstance(artist, Line2D):
        x, y = artist.get_data(orig=True)
        look = (
            *common,
            artist.get_transform(),
            artist.get_color(),
            artist.get_linestyle(),
            artist.get_linewidth(),
            artist.get_drawstyle(),
            artist.get_marker(),
            artist.get_markersize(),
            artist.get_markeredgewidth(),
            _colour(artist.get_markeredgecolor()),
            _colour(artist.get_markerfacecolor()),
            artist.get_fillstyle(),
            artist.get_markevery(),
            artist.get_clip_on(),
            artist.get_clip_box(),
            artist.get_snap(),
            # Agg snaps a line to whole pixels (unless told) only up to this many points.
            len(artist.get_path()) <= _MOST_SNAPPED,
        )
        return look, (np.asarray(x, float), np.asarray(y, float))
    if isinstance(artist, Rectangle):
        if artist.get_angle() or not artist.get_data_transform().is_separable:
            return None, None
        look = (
            *common,
            artist.get_data_transform(),
            artist.get_y(),
            artist.get_height(),
            _colour(artist.get_facecolor()),
            _colour(artist.get_edgecolor()),
            artist.get_linewidth(),
            artist.get_linestyle(),
            artist.get_hatch(),
            artist.get_fill(),
        )
        x0, x1 = artist.get_x(), artist.get_x() + artist.get_width()
        # Its outline's width too: a band's change reaches as far left as the wider of its
        # outlines before and after (a period chosen, then not).
        return look, (min(x0, x1), max(x0, x1), artist.get_linewidth())
    if isinstance(artist, HatchLines):
        look = (*common, artist.patch, artist.hatch, artist.colour, artist.linewidth)
        return (*look, artist.density), None
    if isinstance(artist, Text):
        look = (*common, artist.get_text(), artist.get_position(), artist.get_color())
        return (*look, getattr(artist, "xy", None)), None
    return None, None


def _level_or_upright(line: Line2D, place: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether each stroke of a line through ``place`` is level or upright on the screen, as
    Agg sees it: then (with few points, and unless told otherwise) it snaps the whole line to
    whole pixels, so one point that makes a stroke slope, or level, moves it from end to end."""
    xy = line.get_transform().transform(np.column_stack(place))
    # A stroke to or from a point without a place (NaN) is not drawn, and is not counted.
    steps = np.abs(np.diff(xy, axis=0))
    return not (steps >= _STRAIGHT).all(axis=1).any()


def _colour(value: Any) -> Hashable:
    return tuple(np.asarray(value, float).ravel()) if not isinstance(value, str) else value


def _same_place(place: Any, earlier: Any) -> bool:
    if place is None or earlier is None or not isinstance(place[0], np.ndarray):
        return bool(place == earlier)
    return all(_equal(a, b) for a, b in zip(place, earlier, strict=True))


def _equal(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True))


def _begins(
    artist: Artist, look: Hashable, place: Any, earlier_look: Hashable, earlier: Any
) -> float:
    """Where the change of one artist may begin, in pixels from the figure's left."""
    if look != earlier_look:
        if isinstance(artist, HatchLines):
            # Its band's place is its own; the hatch draws inside the band.
            return _band_begins(artist.patch, artist.linewidth)
        if not isinstance(artist, Rectangle):
            return -math.inf
    if isinstance(artist, Rectangle):
        return (
            min(_data_x(artist, place[0]), _data_x(artist, earlier[0]))
            - _pixels(artist, 2 * max(place[2], earlier[2]))
            - _SLACK
        )
    assert isinstance(artist, Line2D)
    return _line_begins(artist, place, earlier)


def _band_begins(band: Rectangle, linewidth: float) -> float:
    x0 = min(band.get_x(), band.get_x() + band.get_width())
    return _data_x(band, x0) - _pixels(band, 2 * linewidth) - _SLACK


def _line_begins(
    line: Line2D, place: tuple[np.ndarray, np.ndarray], earlier: tuple[np.ndarray, np.ndarray]
) -> float:
    """Where a line's change begins: at point k - 2, where k is the first point that changed,
    as long as its points go left to right from there (before and after). The segment from
    k - 2 to k - 1 is drawn again too: where it ends, at k - 1, its stroke meets the next
    segment's, which changed, and its edges are smoothed from end to end."""
    count = min(len(place[0]), len(earlier[0]))
    same = np.ones(count, bool)
    for now, then in zip(place, earlier, strict=True):
        same &= (now[:count] == then[:count]) | (np.isnan(now[:count]) & np.isnan(then[:count]))
    first = int(np.argmin(same)) if not same.all() else count
    if first < 2:
        return -math.inf
    if (
        line.get_snap() is None
        and line.get_drawstyle() == "default"
        and len(place[0]) <= _MOST_SNAPPED
        and _level_or_upright(line, place) != _level_or_upright(line, earlier)
    ):
        return -math.inf
    xs = [place[0][first - 2 :], earlier[0][first - 2 :]]
    if not all(np.isfinite(x).all() and (np.diff(x) >= 0).all() for x in xs):
        return -math.inf
    reach = max(line.get_linewidth(), line.get_markersize() + line.get_markeredgewidth())
    return _data_x(line, float(place[0][first - 2])) - _pixels(line, reach) - _SLACK


def _data_x(artist: Line2D | Rectangle, x: float) -> float:
    """The column of pixels of ``x`` in the artist's data (its transform takes x alone)."""
    transform = (
        artist.get_data_transform() if isinstance(artist, Rectangle) else artist.get_transform()
    )
    if not transform.is_separable:
        return -math.inf
    return float(transform.transform((x, 1.0))[0])


def _pixels(artist: Artist, points: float) -> float:
    figure = artist.get_figure(root=True)
    assert figure is not None
    return points * figure.dpi / 72
