"""How the timeline looks: an Okabe-Ito colour paired with a hatch for each status, so that a period
reads in grayscale and for colour-blind eyes, and the screen and print variants of the plot."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.domain import Status


@dataclass(frozen=True, slots=True)
class StatusLook:
    """The colour and the matplotlib hatch of one status."""

    colour: str
    hatch: str


# Okabe & Ito (2008), "Color Universal Design": told apart by every common colour vision type.
# The baseline is a neutral grey: a starting point is neither good nor bad news.
STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.BASELINE: StatusLook("#999999", ""),
    Status.COMPLETE_REMISSION: StatusLook("#009E73", "\\\\"),
    Status.PARTIAL_REMISSION: StatusLook("#56B4E9", "//"),
    Status.STABLE: StatusLook("#F0E442", ".."),
    Status.PROGRESSED: StatusLook("#E69F00", "--"),
    Status.RECURRED: StatusLook("#D55E00", "xx"),
    Status.NOT_EVALUABLE: StatusLook("#CC79A7", "||"),
}

#: Colours for the lines of the spots, in order; the sum of all spots is drawn in the text colour.
SPOT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
#: Markers and dashes that tell the spots apart where colour cannot (black-and-white print).
SPOT_MARKERS = ("s", "^", "D", "v", "P", "X")
SPOT_DASHES = ("-", "--", "-.", ":")

RGBA = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PlotStyle:
    """The colours, font size and shading of one rendering of the timeline.

    Colours are anything matplotlib takes; ``faint`` (grid lines, legend edges) may carry alpha.
    ``hatch_colour`` None hatches each band in its own colour.
    """

    background: str
    base: str
    text: str
    faint: str | RGBA
    font_points: float
    band_alpha: float = 0.22
    chosen_band_alpha: float = 0.5
    hatch_alpha: float = 0.55
    hatch_linewidth: float = 0.8
    line_width: float = 1.4
    marker_size: float = 6.0
    hatch_colour: str | None = None
    #: The most markers a line carries (None: one on every point); on paper, a marker on each
    #: of a long history's points makes a blur, and a PDF that is slow to open.
    most_markers: int | None = None
    #: The legend to the right of the plot rather than below it, where a plot is wide and low
    #: (and the reference lines named in it); below it still when it would not fit beside.
    legend_beside: bool = False


#: Paper: black on white, bands shaded lightly enough for the lines to read over them and
#: hatched in gray dark enough to tell the statuses apart on a black-and-white printer.
PRINT_STYLE = PlotStyle(
    background="#FFFFFF",
    base="#FFFFFF",
    text="#000000",
    faint=(0.0, 0.0, 0.0, 0.2),
    font_points=7.5,
    band_alpha=0.25,
    hatch_alpha=0.45,
    hatch_linewidth=0.5,
    line_width=1.1,
    marker_size=4.5,
    hatch_colour="#000000",
    most_markers=40,
    legend_beside=True,
)
