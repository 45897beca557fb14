"""The heights of the timeline's rows of axes: the sizes, the lane of spots without a size, the
markers' panel and the strip, shared by ratio, with a floor in points under the lane and the strip
so that a small figure (a small screen, large text) never squeezes their rows below a line of
their text; the sizes take what is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.plot.style import PlotStyle

#: The sizes' share of the grid, and the markers' panel's.
SIZES_SHARE = 6.0
MARKERS_SHARE = 2.2
#: A row's label line as a share of the font size: the labels are at 0.9 of it, with the
#: spacing matplotlib puts between lines.
_LINE = 0.9 * 1.3
#: The least height the sizes keep, in lines, before the lane gives way to them.
_SIZES_LINES = 3.0
#: The figure's height the axes do not get, in lines: the dates under the strip and the
#: margins, and the legend's rows when it is beneath the plot.
_OUTSIDE_LINES = 2.0
_LEGEND_LINES = 4.0


@dataclass(frozen=True, slots=True)
class Heights:
    """The grid's height ratios, top down, and whether the lane has a row in it."""

    ratios: tuple[float, ...]
    lane: bool


def lane_share(rows: int) -> float:
    """The lane's share of the grid (the sizes take ``SIZES_SHARE``): enough for a row of marks
    and its name each."""
    return 0.25 + 0.55 * rows


def strip_share(rows: int) -> float:
    """The strip's share of the grid for its ``rows`` rows."""
    return 0.9 + 0.6 * rows


def line_points(style: PlotStyle) -> float:
    """The height of one line of a row's label, in points."""
    return style.font_points * _LINE


def row_heights(
    figure_points: float, rows: int, lane_rows: int, markers: bool, style: PlotStyle
) -> Heights:
    """The heights for a figure ``figure_points`` high: the shares above where they leave each
    of the strip's ``rows`` and the lane's ``lane_rows`` a line of text; otherwise those two at
    that floor, in points, and the sizes the rest, the lane left out where the rest is less than
    a few lines."""
    shares = _shares(rows, lane_rows, markers)
    line = line_points(style)
    usable = figure_points - line * (_OUTSIDE_LINES + (0 if style.legend_beside else _LEGEND_LINES))
    scale = max(usable, 0.0) / sum(shares)
    # The strip spans its rows and 0.6 of a row above and below.
    floors = [0.0, *([lane_rows * line] if lane_rows else []), *([0.0] if markers else [])]
    floors.append((rows + 0.2) * line)
    if all(share * scale >= floor for share, floor in zip(shares, floors, strict=True)):
        return Heights(shares, lane=bool(lane_rows))
    heights = [max(share * scale, floor) for share, floor in zip(shares, floors, strict=True)]
    rest = usable - sum(heights[1:])
    if rest < _SIZES_LINES * line and lane_rows:
        return row_heights(figure_points, rows, 0, markers, style)
    heights[0] = max(rest, _SIZES_LINES * line)
    return Heights(tuple(heights), lane=bool(lane_rows))


def _shares(rows: int, lane_rows: int, markers: bool) -> tuple[float, ...]:
    lane = [lane_share(lane_rows)] if lane_rows else []
    return (SIZES_SHARE, *lane, *([MARKERS_SHARE] if markers else []), strip_share(rows))
