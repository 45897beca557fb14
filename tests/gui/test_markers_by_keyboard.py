"""Tumour marker results entered with the keyboard alone through Edit ▸ Add marker result: the
value refused beside its field while it is wrong, "<0.1" kept as below the lab's limit, the
Markers tab showing the result, the plot gaining its marker panel, and Undo taking it away."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.gui.main_window import MainWindow
from survivor_app.storage import RecordStore
from tests.gui.dialogs.forms import shown_problems
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.gui.test_first_record_by_keyboard import CTRL, CTRL_SHIFT, Keyboard

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(
        r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
    ),
]


def stored(record_path: Path) -> tuple[MarkerResult, ...]:
    with RecordStore.open(record_path, read_only=True) as store:
        return store.marker_results()


def _opened(window: MainWindow, qtbot: QtBot, record_path: Path) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(record_path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))


def test_a_marker_result_added_by_keyboard_shown_and_undone(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    _opened(window, qtbot, record_path)
    keys = Keyboard(qtbot, window)
    refused: list[list[str]] = []

    def fill(dialog: QDialog) -> None:
        keys.alt("m")
        keys.press(Qt.Key.Key_Down, times=2)  # CA-125, CEA, PSA
        keys.alt("d")
        keys.type("02/05/2024")
        keys.alt("v")
        keys.type("0.1.")
        refused.append(shown_problems(dialog))
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible(), "OK while the value is wrong"
        keys.press(Qt.Key.Key_Backspace, times=4)
        keys.type("<0.1")
        keys.alt("l")
        keys.type("4")
        keys.alt("a")
        keys.type("City lab")
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == QDialog.DialogCode.Accepted

    keys.in_dialog(fill, lambda: keys.press(Qt.Key.Key_M, CTRL_SHIFT))
    assert refused == [["Please type the number as the report gives it, such as 4.1 or <0.1."]]

    (result,) = stored(record_path)
    assert (result.marker, result.date, result.unit) == (
        MarkerKind.PSA,
        dt.date(2024, 5, 2),
        "ng/mL",
    )
    assert (result.value, result.below_limit, result.upper_limit, result.lab) == (
        Decimal("0.1"),
        True,
        Decimal("4"),
        "City lab",
    )
    tab = window.view.markers_tab
    assert window.view.tabs.currentWidget() is tab
    assert tab.selected_id() == result.id
    row = [tab.model.index(0, column).data() for column in range(tab.model.columnCount())]
    assert row == ["2 May 2024", "PSA", "<0.1 ng/mL", "4 ng/mL", "City lab"]
    plot = window.view.plot
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    assert len(plot.canvas.figure.axes) == 3

    window.undo_action.trigger()
    assert tab.model.rowCount() == 0
    assert stored(record_path) == ()
    qtbot.waitUntil(lambda: is_ready(plot))
    assert len(plot.canvas.figure.axes) == 2


def test_a_second_result_starts_from_the_latest_one_so_the_marker_is_not_changed_by_mistake(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    _opened(window, qtbot, record_path)
    keys = Keyboard(qtbot, window)

    def first(dialog: QDialog) -> None:
        keys.alt("m")
        keys.press(Qt.Key.Key_Down, times=4)  # CA-125, CEA, PSA, CA 19-9, CA 15-3
        keys.alt("d")
        keys.type("02/05/2024")
        keys.alt("v")
        keys.type("21")
        keys.alt("l")
        keys.type("30")
        keys.alt("a")
        keys.type("City lab")
        keys.press(Qt.Key.Key_Return, CTRL)

    def second(dialog: QDialog) -> None:
        # Only the date and the value are typed: the rest is the latest result's.
        keys.alt("d")
        keys.type("01/08/2024")
        keys.alt("v")
        keys.type("24")
        keys.press(Qt.Key.Key_Return, CTRL)

    keys.in_dialog(first, lambda: keys.press(Qt.Key.Key_M, CTRL_SHIFT))
    keys.in_dialog(second, lambda: keys.press(Qt.Key.Key_M, CTRL_SHIFT))
    earlier, later = stored(record_path)
    assert earlier.marker is later.marker is MarkerKind.CA_15_3
    assert (later.date, later.value, later.unit) == (dt.date(2024, 8, 1), Decimal("24"), "U/mL")
    assert (later.upper_limit, later.lab) == (Decimal("30"), "City lab")
