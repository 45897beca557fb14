"""Hatching drawn as plain line segments over a rectangle, instead of matplotlib's hatch patterns.

A pattern becomes an SVG ``<pattern>``, which Qt's SVG renderer paints as a picture: on paper and
in a PDF that is a blurred photo of the lines, not the lines. Segments computed for the
rectangle's place on the page stay sharp vector lines in every output, on screen the same.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, cast

from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Bbox, IdentityTransform

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.legend import Legend
    from matplotlib.transforms import Transform

Segment = tuple[tuple[float, float], tuple[float, float]]

#: The hatch characters understood here, as matplotlib spells them.
HATCH_CHARACTERS = frozenset("/\\x-|.")
#: A single hatch character draws a line every 12 points; doubling it halves the spacing, as
#: matplotlib's own hatches do (six lines an inch).
_SPACING_POINTS = 12.0
_DOT_POINTS = 1.2


def hatch_segments(hatch: str, box: Bbox, spacing: float) -> list[Segment]:
    """The line segments of ``hatch`` (``/``, ``\\``, ``x``, ``-``, ``|``) clipped to ``box``,
    ``spacing`` apart, in the box's own units."""
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    segments: list[Segment] = []
    if "-" in hatch:
        segments += [((x0, y), (x1, y)) for y in _steps(y0, y1, spacing)]
    if "|" in hatch:
        segments += [((x, y0), (x, y1)) for x in _steps(x0, x1, spacing)]
    diagonal = spacing * math.sqrt(2)
    if "/" in hatch or "x" in hatch:
        # Lines y = x + c, from the lower right corner to the upper left one.
        for c in _steps(y0 - x1, y1 - x0, diagonal):
            start, end = max(x0, y0 - c), min(x1, y1 - c)
            if start < end:
                segments.append(((start, start + c), (end, end + c)))
    if "\\" in hatch or "x" in hatch:
        # Lines y = c - x.
        for c in _steps(x0 + y0, x1 + y1, diagonal):
            start, end = max(x0, c - y1), min(x1, c - y0)
            if start < end:
                segments.append(((start, c - start), (end, c - end)))
    return segments


def hatch_dots(hatch: str, box: Bbox, spacing: float) -> list[tuple[float, float]]:
    """The centres of the dots of a ``.`` hatch inside ``box``."""
    if "." not in hatch:
        return []
    return [
        (x, y) for y in _steps(box.y0, box.y1, spacing) for x in _steps(box.x0, box.x1, spacing)
    ]


def spacing_points(hatch: str) -> float:
    """How far apart a hatch's lines are, in points: ``//`` is twice as dense as ``/``."""
    repeats = max(hatch.count(c) for c in HATCH_CHARACTERS)
    return _SPACING_POINTS / max(repeats, 1)


class HatchLines(Artist):
    """The hatch of one rectangle, worked out each time it is drawn, so that it follows the
    rectangle wherever the layout puts it and whatever it is drawn on."""

    def __init__(
        self, patch: Rectangle, hatch: str, colour: Any, linewidth: float, density: float = 1
    ) -> None:
        super().__init__()
        self.patch = patch
        self.hatch = hatch
        self.density = density
        self.colour = to_rgba(colour)
        self.linewidth = linewidth
        self.set_zorder(patch.get_zorder() + 0.01)
        self.set_in_layout(False)
        self._paths_for: tuple[object, ...] | None = None
        self._paths: tuple[Path | None, Path | None] = (None, None)

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible() or not self.patch.get_visible() or not self.hatch:
            return
        box = self.get_window_extent(renderer)
        # Typed as any array; for one number of points it is one number of pixels.
        spacing = cast(float, renderer.points_to_pixels(spacing_points(self.hatch) / self.density))
        half = cast(float, renderer.points_to_pixels(_DOT_POINTS)) / 2
        key = (self.hatch, tuple(box.bounds), spacing, half)
        if key != self._paths_for:
            # Worked out again only when the rectangle moved or the resolution changed, not for
            # every repaint (a tip shown under the pointer repaints the whole figure).
            self._paths = _hatch_paths(self.hatch, box, spacing, half)
            self._paths_for = key
        lines, squares = self._paths
        gc = renderer.new_gc()
        gc.set_foreground(self.colour, isRGBA=True)
        gc.set_linewidth(self.linewidth)
        if lines is not None:
            renderer.draw_path(gc, lines, IdentityTransform())
        if squares is not None:
            gc.set_linewidth(0)
            renderer.draw_path(gc, squares, IdentityTransform(), self.colour)
        gc.restore()

    def get_window_extent(self, renderer: RendererBase | None = None) -> Bbox:
        # The rectangle's corners where they are drawn: what the extents of its path give. An
        # upright one's corners go through its data's transform alone, a tenth of the time of
        # its whole transform (a long history has sixty bands, measured twice at every drawing).
        patch = self.patch
        if patch.get_angle():
            return Bbox.unit().transformed(patch.get_transform())
        x, y = patch.get_x(), patch.get_y()
        corners = Bbox.from_extents(x, y, x + patch.get_width(), y + patch.get_height())
        return corners.transformed(patch.get_data_transform())


class HatchedPatchHandler(HandlerPatch):
    """Draws a legend entry's box with its hatch as ``HatchLines``, like the band it stands for."""

    def __init__(self, hatch: str, colour: Any, linewidth: float) -> None:
        super().__init__()
        self.hatch = hatch
        self.colour = colour
        self.linewidth = linewidth

    def create_artists(  # noqa: PLR0917 (matplotlib calls it with these, by position)
        self,
        legend: Legend,
        orig_handle: Artist,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
        trans: Transform,
    ) -> list[Artist]:
        (box,) = super().create_artists(
            legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans
        )
        assert isinstance(box, Rectangle)
        # Twice as dense as on the band, so that a small box still shows its pattern.
        return [box, HatchLines(box, self.hatch, self.colour, self.linewidth, density=2)]


def _hatch_paths(
    hatch: str, box: Bbox, spacing: float, half: float
) -> tuple[Path | None, Path | None]:
    """The hatch's lines, and its dots as squares ``2 × half`` wide, as paths in pixels."""
    lines = squares = None
    segments = hatch_segments(hatch, box, spacing)
    if segments:
        lines = Path(
            [point for segment in segments for point in segment],
            [Path.MOVETO, Path.LINETO] * len(segments),
        )
    dots = hatch_dots(hatch, box, spacing)
    if dots:
        # One filled path of small squares: as small as these, squares look round, and one
        # path takes a fraction of the room of a marker per dot in a PDF.
        squares = Path(
            [
                corner
                for x, y in dots
                for corner in (
                    (x - half, y - half),
                    (x + half, y - half),
                    (x + half, y + half),
                    (x - half, y + half),
                    (x - half, y - half),
                )
            ],
            [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY] * len(dots),
        )
    return lines, squares


def _steps(start: float, stop: float, step: float) -> list[float]:
    """Evenly spaced values strictly inside ``start``..``stop``, anchored at multiples of
    ``step`` so that neighbouring rectangles' lines meet."""
    first = math.floor(start / step) + 1
    values = []
    value = first * step
    while value < stop:
        values.append(value)
        value += step
    return values
