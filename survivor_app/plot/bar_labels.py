"""A treatment's name written inside its bar on the timeline, where it fits: the room a bar has
is known only once the layout has placed the axes, so the label decides as it is drawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.text import Text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

#: Room left between a label and the ends of its bar, in points.
_PAD_POINTS = 2.0


class BarLabel(Text):
    """The first of the words ``place`` gives that fits inside the bar from ``start`` to
    ``end`` (day numbers) and from ``low`` to ``high`` (the strip's rows); nothing where none
    fits."""

    def __init__(self, axes: Axes, **style: Any) -> None:
        super().__init__(0, 0, "", ha="left", va="center", **style)
        self._words: tuple[str, ...] = ()
        self._bar = (0.0, 0.0, 0.0, 0.0)
        self.set_transform(axes.transData)
        self.set_clip_on(False)
        # Never counted by the layout: it only ever uses room the bar already has.
        self.set_in_layout(False)

    def place(self, words: Sequence[str], bar: tuple[float, float, float, float]) -> None:
        """Label the bar from ``start`` to ``end`` and ``low`` to ``high`` with the first of
        ``words`` that fits it."""
        start, _end, low, high = bar
        self.set_position((start, (low + high) / 2))
        self.set_text(words[0] if words else "")
        self._words = tuple(words)
        self._bar = bar

    def draw(self, renderer: RendererBase) -> None:
        """Draw the first wording that fits its bar, or nothing."""
        axes = self.axes
        if not self.get_visible() or axes is None:
            return
        start, end, low, high = self._bar
        (left, bottom), (right, top) = axes.transData.transform([(start, low), (end, high)])
        pad = _PAD_POINTS * axes.figure.dpi / 72
        for words in self._words:
            self.set_text(words)
            extent = self.get_window_extent(renderer)
            if extent.width + 2 * pad <= right - left and extent.height <= (top - bottom) * 1.1:
                x, _ = axes.transData.inverted().transform((left + pad, bottom))
                self.set_x(x)
                super().draw(renderer)
                return
