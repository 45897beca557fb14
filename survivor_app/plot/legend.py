"""The timeline's legend: the sum, each spot, each kind of period and (beside the plot) the
reference lines, built once for a set of entries and kept while the set stays the same."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from survivor_app.domain.words import shorten
from survivor_app.plot.places import legend_columns

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.legend_handler import HandlerBase

    from survivor_app.plot.style import PlotStyle

_BESIDE_LABEL_CHARS = 40


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
    legend = figure.legend(
        handles=[entry.handle for entry in entries],
        labels=labels,
        loc="outside right upper" if style.legend_beside else "outside lower center",
        ncols=columns,
        frameon=False,
        handlelength=2.4,
        handler_map={entry.handle: entry.handler for entry in entries if entry.handler},
    )
    return legend, key
