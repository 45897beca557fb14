"""A resize of the plot draws it afresh for its new size: a lone resize (the window's layout, as
the summary above the plot takes a line more or less) at once, in one drawing; a resizing that
goes on, once it stops."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from tests.gui.plotting import is_ready, shown_plot
from tests.gui.test_timeline_quick_draw import assert_same, full_draws, full_pixels, shown_pixels

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def test_a_lone_resize_draws_the_plot_afresh_in_one_drawing(qtbot: QtBot, demo: Record) -> None:
    history = demo.history("c1")
    plot = shown_plot(qtbot, history)
    draws = full_draws(plot)
    plot.resize(900, 506)
    qtbot.waitUntil(lambda: is_ready(plot) and bool(draws))
    assert len(draws) == 1
    assert_same(shown_pixels(plot), full_pixels(shown_plot(qtbot, history, (900, 506))))


def test_a_resizing_that_goes_on_draws_its_last_size_afresh(qtbot: QtBot, demo: Record) -> None:
    history = demo.history("c1")
    plot = shown_plot(qtbot, history)
    for height in (510, 470, 430):
        plot.resize(760, height)
    qtbot.waitUntil(lambda: is_ready(plot))
    qtbot.wait(50)
    assert_same(shown_pixels(plot), full_pixels(shown_plot(qtbot, history, (760, 430))))
