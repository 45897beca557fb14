"""The strip beneath the sizes: the doctor's statements as markers on their row, the treatments
as bars in lanes with their names inside, and the dates along the bottom. Drawn, or updated in
place, from a cancer's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from survivor_app.domain import Statement, Treatment
from survivor_app.plot.bar_labels import BarLabel
from survivor_app.plot.places import day, days
from survivor_app.plot.reuse import new_line, reuse

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

    from survivor_app.plot.style import PlotStyle

#: Above the statements' markers, as when they were drawn after them: an artist added later by
#: an update must not come out on top of these.
LABEL_ZORDER = 3.5


def date_axis(axes: Axes) -> None:
    """Dates along the bottom of ``axes``: years, months or days, as many as fit."""
    locator = _DateTicks(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(
        _DateLabels(
            locator,
            formats=["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"],
            zero_formats=["", "%Y", "%b %Y", "%d %b %Y", "%H:%M", "%H:%M"],
            offset_formats=["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"],
        )
    )


def draw_statements(
    axes: Axes,
    drawn: Line2D | None,
    statements: Sequence[Statement],
    row: int,
    style: PlotStyle,
) -> Line2D | None:
    """A marker for each statement, in date order, on ``row``: the ``drawn`` markers changed,
    or new ones (None: no statements)."""
    markers = reuse(
        [] if drawn is None else [drawn], 1 if statements else 0, partial(new_line, axes)
    )
    for line in markers:
        line.set(
            linestyle="none",
            marker="D",
            markersize=style.marker_size + 2,
            color=style.text,
            markeredgecolor=style.base,
            zorder=3,
        )
        line.set_data(days(s.date for s in statements), [float(row)] * len(statements))
    return markers[0] if markers else None


def draw_treatments(
    axes: Axes,
    drawn: tuple[Sequence[PolyCollection], Sequence[BarLabel]],
    treatments: Sequence[Treatment],
    lanes: Sequence[int],
    *,
    right: dt.date,
    style: PlotStyle,
) -> tuple[list[PolyCollection], list[BarLabel]]:
    """A bar for each treatment in its lane, from its start to its end (or ``right``), with its
    name inside where it fits: the ``drawn`` bars and labels changed, and new ones."""
    bars = reuse(drawn[0], len(treatments), partial(_new_bars, axes, style))
    labels = reuse(drawn[1], len(treatments), partial(_new_bar_label, axes, style))
    for bar, label, treatment, lane in zip(bars, labels, treatments, lanes, strict=True):
        start, end = day(treatment.start), day(treatment.end or right)
        finish = start + max(end - start, 1.0)
        low = lane - 0.3
        high = low + 0.6
        bar.set_verts([[(start, low), (start, high), (finish, high), (finish, low)]])
        words = [words for words in (treatment.name.strip(), treatment.kind.value) if words]
        label.place(words, (start, finish, low, high))
    return bars, labels


def _new_bars(axes: Axes, style: PlotStyle) -> PolyCollection:
    # The bar broken_barh makes, without its updating of the data limits: the limits are set
    # by hand, as for the bands.
    bars = PolyCollection(
        [],
        facecolor=to_rgba(style.spot_colour(0), 0.55),
        edgecolor=style.text,
        linewidth=0.6,
        zorder=2,
    )
    axes.add_collection(bars, autolim=False)
    return bars


def _new_bar_label(axes: Axes, style: PlotStyle) -> BarLabel:
    label = BarLabel(axes, color=style.text, fontsize=style.font_points * 0.8, zorder=LABEL_ZORDER)
    axes.add_artist(label)
    return label


class _DateTicks(AutoDateLocator):
    """matplotlib's choice of date ticks, remembered for the dates shown: one drawing asks for
    them a dozen times (for the layout, the tick labels and the grid), to the same answer."""

    def __init__(self, *, minticks: int, maxticks: int) -> None:
        super().__init__(minticks=minticks, maxticks=maxticks)  # type: ignore[no-untyped-call]
        self._remembered: tuple[tuple[float, ...], Any] | None = None

    def __call__(self) -> Any:
        shown = tuple(self.axis.get_view_interval()) if self.axis is not None else ()
        if self._remembered is None or self._remembered[0] != shown:
            self._remembered = (shown, super().__call__())  # type: ignore[no-untyped-call]
        # A copy, as a new answer would be: whoever asked may change it.
        return self._remembered[1].copy()


class _DateLabels(ConciseDateFormatter):
    """matplotlib's concise date labels, remembered for the ticks shown: the axes that share
    the dates ask for them several times in each drawing, to the same answer."""

    def __init__(self, locator: AutoDateLocator, **formats: Any) -> None:
        super().__init__(locator, **formats)  # type: ignore[no-untyped-call]
        self._remembered: tuple[tuple[float, ...], list[str], str] | None = None

    def format_ticks(self, values: Any) -> list[str]:
        shown = tuple(values)
        if self._remembered is None or self._remembered[0] != shown:
            labels = super().format_ticks(values)  # type: ignore[no-untyped-call]
            self._remembered = (shown, labels, super().get_offset())  # type: ignore[no-untyped-call]
        return list(self._remembered[1])

    def get_offset(self) -> str:
        """The offset written under the labels last asked for (a year, where they are months)."""
        if self._remembered is None:
            return str(super().get_offset())  # type: ignore[no-untyped-call]
        return self._remembered[2]
