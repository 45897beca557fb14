"""Where things drawn in the timeline plot are on screen, for tests that hover and click."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from survivor_app.gui.widgets.timeline import TimelinePlot


def canvas_point(plot: TimelinePlot, axes_index: int, x: float, y: float) -> QPoint:
    """Where a point in data coordinates of one of the plot's axes is, in the canvas's pixels."""
    assert plot.canvas is not None
    axes = plot.canvas.figure.axes[axes_index]
    display_x, display_y = axes.transData.transform((x, y))
    # matplotlib counts device pixels up from the bottom; Qt counts logical pixels down.
    ratio = plot.canvas.device_pixel_ratio
    height = plot.canvas.figure.bbox.height
    return QPoint(round(display_x / ratio), round((height - display_y) / ratio))
