"""Artists kept from one drawing to the next: an update changes those already drawn and adds or
removes only the ones that appear or go, so that the figure is not cleared and drawn again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from matplotlib.artist import Artist
from matplotlib.lines import Line2D

if TYPE_CHECKING:
    from matplotlib.axes import Axes

A = TypeVar("A", bound=Artist)


def reuse(drawn: Sequence[A], count: int, make: Callable[[], A]) -> list[A]:
    """``count`` artists: those already ``drawn`` first, in their order, then new ones from
    ``make``; the drawn ones not needed are removed from the figure.

    Kept in their order, they are drawn in the order a drawing from nothing draws them.
    """
    for artist in drawn[count:]:
        artist.remove()
    return [*drawn[:count], *(make() for _ in range(count - len(drawn)))]


def new_line(axes: Axes) -> Line2D:
    """An empty line on ``axes``, for its caller to style and fill."""
    return axes.add_line(Line2D([], []))
