"""How the timeline looks: an Okabe-Ito colour paired with a hatch for each status, so that a period
reads in grayscale and for colour-blind eyes, and the screen and print variants of the plot."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.domain import Status


@dataclass(frozen=True, slots=True)
class StatusLook:
    """The colours and the matplotlib hatch of one status: ``colour`` on a light background,
    ``on_dark`` the same hue made lighter for a dark one."""

    colour: str
    hatch: str
    on_dark: str


# Okabe & Ito (2008), "Color Universal Design": hues told apart by every common colour vision
# type, each made darker on light backgrounds and lighter on dark ones where it had less than
# the 3:1 contrast WCAG asks of lines and shapes (yellow on white has 1.3:1).
# The baseline is a neutral grey: a starting point is neither good nor bad news.
STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.BASELINE: StatusLook("#707070", "", "#A0A0A0"),
    Status.COMPLETE_REMISSION: StatusLook("#007A5A", "\\\\", "#1FB589"),
    Status.PARTIAL_REMISSION: StatusLook("#1F78B4", "//", "#56B4E9"),
    Status.STABLE: StatusLook("#857500", "..", "#F0E442"),
    Status.PROGRESSED: StatusLook("#A86400", "--", "#E69F00"),
    Status.RECURRED: StatusLook("#C2410E", "xx", "#F07838"),
    Status.NOT_EVALUABLE: StatusLook("#A8508A", "||", "#CC79A7"),
}

#: Colours for the lines of the spots, in order, on a light background and on a dark one; the
#: sum of all spots is drawn in the text colour.
SPOT_COLOURS = ("#0072B2", "#C24E00", "#008060", "#A8508A", "#A86400", "#3F7E9E")
SPOT_COLOURS_ON_DARK = ("#3D9BE0", "#F07838", "#1FB589", "#CC79A7", "#E69F00", "#56B4E9")
#: Markers and dashes that tell the spots apart where colour cannot (black-and-white print).
SPOT_MARKERS = ("s", "^", "D", "v", "P", "X")
SPOT_DASHES = ("-", "--", "-.", ":")

RGBA = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PlotStyle:
    """The colours, font size and shading of one rendering of the timeline.

    Colours are anything matplotlib takes; ``faint`` (grid lines, legend edges) may carry alpha.
    ``hatch_colour`` None hatches each band in its own colour. ``dark`` picks the colours made
    for a dark ``base``.
    """

    background: str
    base: str
    text: str
    faint: str | RGBA
    font_points: float
    band_alpha: float = 0.22
    chosen_band_alpha: float = 0.5
    #: Strong enough for a band's hatch to keep 3:1 contrast with the plot's background.
    hatch_alpha: float = 0.85
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
    #: The bands, and the shapes of the lane of spots without a size, named in the legend too; a
    #: plot too small for them leaves the bands to the list of periods beside it, which shows
    #: each band's colour and hatch with its name, and the shapes to the tips, which say each
    #: mark's state in words.
    legend_bands: bool = True
    #: The tumour markers' panel under the sizes, for a cancer with marker results; a plot too
    #: low for it leaves the markers to their tab, where a squeezed panel could not be read.
    marker_panel: bool = True
    dark: bool = False

    def status_colour(self, status: Status) -> str:
        """The colour of a status's band in this style."""
        look = STATUS_LOOKS[status]
        return look.on_dark if self.dark else look.colour

    def spot_colour(self, number: int) -> str:
        """The colour of the line of the ``number``-th spot in this style."""
        colours = SPOT_COLOURS_ON_DARK if self.dark else SPOT_COLOURS
        return colours[number % len(colours)]


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
