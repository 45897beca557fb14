"""What the timeline plot shows, read through public Qt and matplotlib API (its canvas's artists,
its own timer), and where things drawn in it are on screen, for tests that hover and click."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation
from PySide6.QtCore import QPoint, Qt, QTimer
from pytestqt.qtbot import QtBot

from survivor_app.domain import CancerHistory
from survivor_app.domain.words import NO_SIZE_STATE_WORDS
from survivor_app.gui.widgets.timeline import TimelinePlot
from survivor_app.status import analyse


def canvas_point(plot: TimelinePlot, axes_index: int, x: float, y: float) -> QPoint:
    """Where a point in data coordinates of one of the plot's axes is, in the canvas's pixels."""
    assert plot.canvas is not None
    axes = plot.canvas.figure.axes[axes_index]
    display_x, display_y = axes.transData.transform((x, y))
    # matplotlib counts device pixels up from the bottom; Qt counts logical pixels down.
    ratio = plot.canvas.device_pixel_ratio
    height = plot.canvas.figure.bbox.height
    return QPoint(round(display_x / ratio), round((height - display_y) / ratio))


def lane_axes(plot: TimelinePlot) -> Axes | None:
    """The lane of the spots without a size: the axes whose lines are all marks of a state."""
    if plot.canvas is None:
        return None
    states = set(NO_SIZE_STATE_WORDS.values())
    for axes in plot.canvas.figure.axes:
        lines = axes.get_lines()
        if lines and all(line.get_label() in states for line in lines):
            return axes
    return None


def is_ready(plot: TimelinePlot) -> bool:
    """True once matplotlib is loaded and the plot is drawn for its present size: the canvas is
    in place and no drawing after a resize is still waiting on the plot's timer."""
    if plot.canvas is None:
        return False
    timers = plot.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return not any(timer.isActive() for timer in timers)


def bands(plot: TimelinePlot) -> list[Rectangle]:
    """The band of each period, left to right: the rectangles drawn on the sizes axes."""
    if plot.canvas is None:
        return []
    sizes = plot.canvas.figure.axes[0]
    return [patch for patch in sizes.patches if isinstance(patch, Rectangle)]


def highlighted_period(plot: TimelinePlot) -> int | None:
    """The index of the period whose band is outlined, if any."""
    return next((i for i, band in enumerate(bands(plot)) if band.get_linewidth() > 0), None)


def tip_text(plot: TimelinePlot) -> str | None:
    """What the tip under the pointer says, or None when no tip is shown."""
    if plot.canvas is None:
        return None
    tips = [
        artist
        for artist in plot.canvas.figure.artists
        if isinstance(artist, Annotation) and artist.get_visible()
    ]
    return tips[0].get_text() if tips else None


def shown_plot(
    qtbot: QtBot, history: CancerHistory, size: tuple[int, int] = (900, 520)
) -> TimelinePlot:
    """A plot of ``size`` (900 × 520 unless told) showing ``history``, drawn."""
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show_history(history, analyse(history))
    plot.show()
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    plot.canvas.draw()
    return plot
