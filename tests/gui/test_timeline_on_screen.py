"""A quick drawing shows on screen only the part of the canvas it drew again; what the window
shows is then what painting the whole canvas shows, after edits, a highlighted band, and a tip
and its going."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from survivor_app.gui.widgets.timeline import TimelinePlot
from survivor_app.status import analyse
from tests.gui.plotting import canvas_point, shown_plot, tip_text
from tests.gui.test_timeline_in_place import EDITS

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.array(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).copy()


def assert_screen_is_whole_painting(qtbot: QtBot, plot: TimelinePlot) -> None:
    """What the screen shows of the plot (the window's backing store) is what painting it
    all shows."""
    qtbot.wait(20)
    screen = _pixels(plot.screen().grabWindow(plot.winId()).toImage())
    painted = _pixels(plot.grab().toImage())
    differing = int((screen != painted).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ on screen"


def test_the_screen_shows_what_edits_a_band_and_a_tip_drew(qtbot: QtBot, demo: Record) -> None:
    history = demo.history("c1")
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    for name in ("add a scan between two", "change a size", "delete a scan"):
        history = EDITS[name](history)
        with qtbot.waitSignal(plot.drawn):
            plot.show_history(history, analyse(history))
        assert_screen_is_whole_painting(qtbot, plot)
    with qtbot.waitSignal(plot.drawn):
        plot.highlight_period(1)
    assert_screen_is_whole_painting(qtbot, plot)
    sizes = plot.canvas.figure.axes[0]
    x, y = sizes.get_lines()[0].get_xydata()[1]
    with qtbot.waitSignal(plot.drawn):
        qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
        qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert_screen_is_whole_painting(qtbot, plot)
    with qtbot.waitSignal(plot.drawn):
        qtbot.mouseMove(plot.canvas, QPoint(2, 2))
        qtbot.waitUntil(lambda: tip_text(plot) is None)
    assert_screen_is_whole_painting(qtbot, plot)
