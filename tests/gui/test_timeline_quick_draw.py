"""After an edit, a highlighted band or a tip, the plot draws only the axes that changed over its
last drawing; what the canvas then shows is, pixel for pixel, what drawing it all gives."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from survivor_app.domain import CancerHistory, Record
from survivor_app.gui.widgets.timeline import TimelinePlot
from survivor_app.status import analyse
from tests.gui.plotting import canvas_point, shown_plot, tip_text
from tests.gui.test_timeline_in_place import (
    EDITS,
    LANE_EDITS,
    MARKER_EDITS,
    PROGRESSION,
    with_cea,
)
from tests.plot.unsized import sized_only

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def shown_pixels(plot: TimelinePlot) -> np.ndarray:
    """What the canvas holds now, as it was last drawn (quickly or in full)."""
    assert plot.canvas is not None
    return np.asarray(plot.canvas.buffer_rgba()).copy()


def full_pixels(plot: TimelinePlot) -> np.ndarray:
    """What drawing the whole figure as it is now gives."""
    assert plot.canvas is not None
    plot.canvas.draw()
    return shown_pixels(plot)


def assert_same(ours: np.ndarray, theirs: np.ndarray) -> None:
    assert ours.shape == theirs.shape
    differing = int((ours != theirs).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ"


def full_draws(plot: TimelinePlot) -> list[object]:
    """A list that gets an item each time the figure is drawn in full."""
    assert plot.canvas is not None
    draws: list[object] = []
    plot.canvas.mpl_connect("draw_event", draws.append)
    return draws


def shown_after(qtbot: QtBot, before: CancerHistory, after: CancerHistory) -> TimelinePlot:
    """A plot drawn for ``before``, then shown ``after`` and drawn again as the window does."""
    plot = shown_plot(qtbot, before)
    with qtbot.waitSignal(plot.drawn):
        plot.show_history(after, analyse(after))
    return plot


Edit = Callable[[CancerHistory], CancerHistory]

CASES: dict[str, tuple[Edit, Edit]] = {
    **{name: (lambda h: h, edit) for name, edit in EDITS.items()},
    **{f"markers: {name}": (with_cea, edit) for name, edit in MARKER_EDITS.items()},
    **{
        f"lane: {name}": (lambda h: LANE_EDITS["a mark changes its state"](sized_only(h)), edit)
        for name, edit in LANE_EDITS.items()
        if name != "a mark changes its state"
    },
}


@pytest.mark.parametrize("name", CASES)
def test_what_an_edit_draws_is_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    start, edit = CASES[name]
    before = start(demo.history("c1"))
    after = edit(sized_only(demo.history("c1")) if name.startswith("lane") else demo.history("c1"))
    assert after != before
    plot = shown_after(qtbot, before, after)
    assert_same(shown_pixels(plot), full_pixels(shown_plot(qtbot, after)))


@pytest.mark.parametrize("name", ["add a scan between two", "change a size", "delete a scan"])
def test_an_edit_within_the_same_layout_draws_only_what_changed(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    before = demo.history("c1")
    after = EDITS[name](before)
    plot = shown_plot(qtbot, before)
    draws = full_draws(plot)
    with qtbot.waitSignal(plot.drawn):
        plot.show_history(after, analyse(after))
    assert draws == []
    assert_same(shown_pixels(plot), full_pixels(plot))


def test_an_edit_that_changes_the_legend_draws_it_all(qtbot: QtBot, demo: Record) -> None:
    before = demo.history("c1")
    plot = shown_plot(qtbot, before)
    draws = full_draws(plot)
    after = PROGRESSION(before)
    with qtbot.waitSignal(plot.drawn):
        plot.show_history(after, analyse(after))
    assert len(draws) == 1


def test_a_highlighted_band_draws_what_a_full_drawing_draws(qtbot: QtBot, demo: Record) -> None:
    plot = shown_plot(qtbot, demo.history("c1"))
    draws = full_draws(plot)
    for index in (2, 0, None):
        with qtbot.waitSignal(plot.drawn):
            plot.highlight_period(index)
        assert_same(shown_pixels(plot), full_pixels(shown_plot_highlighted(qtbot, demo, index)))
    assert draws == []


def shown_plot_highlighted(qtbot: QtBot, demo: Record, index: int | None) -> TimelinePlot:
    plot = shown_plot(qtbot, demo.history("c1"))
    plot.highlight_period(index)
    return plot


def test_a_tip_and_its_going_draw_what_a_full_drawing_draws(qtbot: QtBot, demo: Record) -> None:
    plot = shown_plot(qtbot, with_cea(demo.history("c1")))
    assert plot.canvas is not None
    before = shown_pixels(plot)
    draws = full_draws(plot)
    sizes = plot.canvas.figure.axes[0]
    sum_line = next(
        line for line in sizes.get_lines() if line.get_label() == "Sum of tracked spots"
    )
    x, y = sum_line.get_xydata()[2]
    for _ in range(2):
        with qtbot.waitSignal(plot.drawn):
            qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
            qtbot.waitUntil(lambda: tip_text(plot) is not None)
        with_tip = shown_pixels(plot)
        assert not np.array_equal(with_tip, before)
        with qtbot.waitSignal(plot.drawn):
            qtbot.mouseMove(plot.canvas, QPoint(2, 2))
            qtbot.waitUntil(lambda: tip_text(plot) is None)
        assert_same(shown_pixels(plot), before)
    assert draws == []
    with qtbot.waitSignal(plot.drawn):
        qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
        qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert_same(shown_pixels(plot), with_tip)
    assert_same(with_tip, full_pixels(plot))


def low_plot(qtbot: QtBot, history: CancerHistory) -> TimelinePlot:
    """A plot so low that the labels of its axes reach past one another, drawn."""
    return shown_plot(qtbot, history, (700, 330))


@pytest.mark.parametrize("name", ["add a scan between two", "change a size", "delete a scan"])
def test_an_edit_in_a_low_plot_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    before = MARKER_EDITS["a second marker, on a log scale"](demo.history("c1"))
    after = EDITS[name](before)
    plot = low_plot(qtbot, before)
    draws = full_draws(plot)
    with qtbot.waitSignal(plot.drawn):
        plot.show_history(after, analyse(after))
    assert draws == []
    assert_same(shown_pixels(plot), full_pixels(low_plot(qtbot, after)))
