"""The lane under the sizes for the spots the reports mention without a size ("several small bone
spots"): one row per such spot, one mark per scan that said something of it, with a shape for
each state that reads in black and white: a filled dot where it is present, a ring where it is
gone, an up-triangle where it is clearly growing, and nothing where it was not looked at.

An uncertain mark is drawn as a certain one, as an uncertain size is on its line; the tip says
it is uncertain. Drawn from nothing or updated in place, as the rest of the timeline.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from survivor_app.domain import CancerHistory, Spot, SpotState
from survivor_app.domain.words import NO_SIZE_STATE_WORDS, shorten
from survivor_app.plot.legend import Entry
from survivor_app.plot.places import days
from survivor_app.plot.reuse import new_line, reuse
from survivor_app.plot.unsized_marks import LaneMark, lane_marks, lane_spots
from survivor_app.plot.words import as_typed

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.gridspec import SubplotSpec
    from matplotlib.lines import Line2D

    from survivor_app.plot.style import PlotStyle

#: A row's label is the spot's name cut to this many characters (the tip gives it whole).
NAME_CHARS = 24
#: The states in the order their marks are drawn and named in the legend.
STATES = (SpotState.PRESENT, SpotState.GROWING, SpotState.GONE)
#: The marker of each state: shapes, not colours, tell them apart on a black-and-white page.
_MARKERS = {SpotState.PRESENT: "o", SpotState.GONE: "o", SpotState.GROWING: "^"}


@dataclass(slots=True)
class LaneLine:
    """The marks of one state, with the mark behind each point of ``line``."""

    line: Line2D
    marks: tuple[LaneMark, ...]


@dataclass(slots=True)
class Lane:
    """The lane's axes, its spots (one row each, top down) and its lines of marks."""

    axes: Axes
    spots: tuple[Spot, ...]
    lines: list[LaneLine] = field(default_factory=list)


def new_lane(
    figure: Figure, spec: SubplotSpec, sizes: Axes, spots: tuple[Spot, ...], style: PlotStyle
) -> Lane:
    """The lane's axes in ``spec``, sharing the dates of ``sizes``, for ``spots``."""
    axes = figure.add_subplot(spec, sharex=sizes)
    axes.set_facecolor(style.base)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.set_axisbelow(True)
    axes.tick_params(axis="x", labelbottom=False)
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="y", color=style.faint, linewidth=0.6)
    # The first spot on top, as the spots are listed.
    axes.set_ylim(len(spots) - 0.5, -0.5)
    return Lane(axes, spots)


def draw_lane(lane: Lane, history: CancerHistory, style: PlotStyle) -> list[Entry]:
    """Put ``history``'s marks on ``lane`` (its spots have the same number of rows), changing
    the lines already drawn; the legend's entries for the states shown (none where the style
    leaves the bands out of the legend: a plot too small for them)."""
    spots = lane_spots(history)
    lane.spots = spots
    names = [as_typed(shorten(spot.name, NAME_CHARS)) for spot in spots]
    lane.axes.set_yticks(range(len(spots)), names)
    marks = lane_marks(history, spots)
    shown = [state for state in STATES if any(mark.state is state for mark in marks)]
    drawn = [line.line for line in lane.lines]
    lines = reuse(drawn, len(shown), partial(new_line, lane.axes))
    lane.lines = []
    entries = []
    for line, state in zip(lines, shown, strict=True):
        of_state = tuple(mark for mark in marks if mark.state is state)
        _style_marks(line, state, style)
        line.set_data(days(mark.date for mark in of_state), [float(m.row) for m in of_state])
        line.set_label(NO_SIZE_STATE_WORDS[state])
        lane.lines.append(LaneLine(line, of_state))
        entries.append(Entry(("without a size", state), line, NO_SIZE_STATE_WORDS[state]))
    return entries if style.legend_bands else []


def lane_layout_key(lane: Lane | None) -> Hashable:
    """All the lane's part of the layout depends on: its rows' names."""
    return None if lane is None else tuple(spot.name for spot in lane.spots)


def _style_marks(line: Line2D, state: SpotState, style: PlotStyle) -> None:
    ring = state is SpotState.GONE
    line.set(
        linestyle="none",
        marker=_MARKERS[state],
        markersize=style.marker_size + 1,
        color=style.text,
        markerfacecolor="none" if ring else style.text,
        markeredgecolor=style.text,
        markeredgewidth=1.2,
        zorder=3,
        # Whole, where a low plot leaves the lane less height than a mark.
        clip_on=False,
    )
