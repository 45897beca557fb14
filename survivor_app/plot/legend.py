"""The timeline's legend: the sum, each spot, each kind of period and (beside the plot) the
reference lines, built once for a set of entries and kept while the set stays the same; on a
screen it is drawn once and then copied, as long as it stays where it was."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.legend import Legend

from survivor_app.domain.words import shorten
from survivor_app.plot.places import legend_columns

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.legend_handler import HandlerBase

    from survivor_app.plot.style import PlotStyle

_BESIDE_LABEL_CHARS = 40
_EDGE_PIXELS = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the legend; ``key`` says all that its look depends on."""

    key: Hashable
    handle: Artist
    label: str
    handler: HandlerBase | None = None


def draw_legend(
    figure: Figure,
    drawn: tuple[Legend | None, Hashable],
    entries: list[Entry],
    style: PlotStyle,
    columns: int | None,
) -> tuple[Legend, Hashable]:
    """The legend of ``entries``, in ``columns`` columns (None: as many as fit the figure's
    width), with a key that says all its look depends on. The ``drawn`` legend and its key are
    kept when the key is the same: it is built again only when its entries or their columns
    change."""
    if not style.legend_bands:
        entries = [entry for entry in entries if entry.handler is None]
    labels = [entry.label for entry in entries]
    legend_points = style.font_points * 0.9
    if style.legend_beside:
        # As many columns as a long list needs to stay within the figure's height, with long
        # names shortened so that the plot keeps most of the width.
        rows = max(1, int(figure.get_figheight() * 72 // (legend_points * 1.6)))
        columns = -(-len(entries) // rows)
        labels = [shorten(label, _BESIDE_LABEL_CHARS) for label in labels]
    elif columns is None:
        columns = legend_columns(labels, figure.get_figwidth() * 72, legend_points)
    key = (tuple(entry.key for entry in entries), columns)
    legend, drawn_key = drawn
    if legend is not None and key == drawn_key:
        return legend, drawn_key
    if legend is not None:
        legend.remove()
    legend = KeptLegend(
        figure,
        [entry.handle for entry in entries],
        labels,
        beside=style.legend_beside,
        ncols=columns,
        frameon=False,
        handlelength=2.4,
        handler_map={entry.handle: entry.handler for entry in entries if entry.handler},
    )
    figure.legends.append(legend)
    figure.stale = True
    return legend, key


class KeptLegend(Legend):
    """A figure's legend that, drawn on a canvas of pixels, keeps what it drew and copies it
    the next time instead of drawing its text again (the dearest part of the plot), as long
    as the canvas keeps its size: placed against the figure's edges, it is then in the same
    place.

    Outside the axes, nothing else is drawn where it is, so the copy is what drawing it again
    would give, to the pixel. Other outputs (SVG, PDF) draw it each time.
    """

    def __init__(
        self, figure: Figure, handles: list[Artist], labels: list[str], *, beside: bool, **kw: Any
    ):
        super().__init__(
            figure,
            handles,
            labels,
            loc="outside right upper" if beside else "outside lower center",
            **kw,
        )
        #: Right of the plot, at the top (else beneath it, in the middle).
        self.beside = beside
        self._kept: tuple[tuple[float, ...], Any] | None = None

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible() or not isinstance(renderer, RendererAgg):
            super().draw(renderer)
            return
        # Placed against the figure's edges (outside the axes, whatever their layout): the
        # same place on a canvas of the same size.
        place = (renderer.width, renderer.height, renderer.dpi)
        if self._kept is not None and self._kept[0] == place:
            renderer.restore_region(self._kept[1])  # type: ignore[no-untyped-call]
            self.stale = False
            return
        super().draw(renderer)
        # A few pixels around it, for the edges of letters and markers.
        box = self.get_window_extent(renderer).padded(_EDGE_PIXELS)
        self._kept = (place, renderer.copy_from_bbox(box))

    def remove(self) -> None:
        """Take the legend off its figure."""
        figure = self.get_figure(root=False)
        if figure is not None:
            figure.legends.remove(self)
            figure.stale = True
