"""The scan dialog's "Find sizes in this report": a pasted report's sizes proposed in the spots'
rows, marked as proposed with their sentences, the earlier size beside the last scan's, a
finding that matches no spot offered as a new spot; nothing stored until OK."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import CancerHistory, Measurement, Person, Spot
from survivor_app.gui.dialogs import ScanDialog, SpotDialog
from survivor_app.gui.dialogs.report_reading import NEW_SPOT, PANEL_TITLE
from survivor_app.gui.main_window import MainWindow
from survivor_app.storage import RecordStore
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.gui.test_first_record_by_keyboard import CTRL_SHIFT, Keyboard

from .forms import control, type_date

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
REPORT = (
    "FINDINGS: The left breast mass now measures 2.1 x 1.8 cm, previously 2.5 cm. "
    "Left axillary lymph node 9 mm short axis (previously 14 mm). The hepatic lesion has "
    "resolved. New 6 mm nodule in the right lower lobe (series 3, image 41).\n"
    "IMPRESSION: Partial response."
)


def paste(editor: QPlainTextEdit, text: str) -> None:
    """Paste ``text`` into ``editor`` as a person does: Ctrl+V from the clipboard."""
    QGuiApplication.clipboard().setText(text)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_V, CTRL)


def shown_dialog(qtbot: QtBot, person: Person, history: CancerHistory) -> ScanDialog:
    dialog = ScanDialog(None, person=person, history=history)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    type_date(dialog, "Date of the scan", "01/03/2023")
    return dialog


def find_sizes(qtbot: QtBot, dialog: ScanDialog) -> None:
    """Press the button's letter, Alt+F; the button clicks a moment later, as it is seen going
    down."""
    panel = dialog.findChild(QGroupBox, PANEL_TITLE)
    QTest.keyClick(dialog, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: panel is not None and panel.isVisibleTo(dialog))


def name_of(dialog: ScanDialog, spot: Spot) -> QLabel:
    (label,) = [w for w in dialog.findChildren(QLabel) if w.text().startswith(spot.name + " (")]
    return label


def test_the_reports_sizes_are_proposed_and_accepted_with_the_keyboard(
    qtbot: QtBot, person: Person, history: CancerHistory, spots: tuple[Spot, ...]
) -> None:
    tumour, node, liver = spots
    dialog = shown_dialog(qtbot, person, history)
    paste(control(dialog, "Notes", QPlainTextEdit), REPORT)
    find_sizes(qtbot, dialog)
    assert control(dialog, f"Size of {tumour.name}", QLineEdit).text() == "21"
    assert control(dialog, f"Size of {node.name}", QLineEdit).text() == "9"
    for spot in (tumour, node, liver):
        label = name_of(dialog, spot)
        assert label.text() == f"{spot.name} (proposed)"
        assert label.toolTip().startswith("Proposed from the report: “")
    panel = [w for w in dialog.findChildren(QLabel) if PANEL_TITLE not in w.text()]
    said = "\n".join(w.text() for w in panel)
    assert (
        "Breast tumour — proposed 21 mm; earlier in the report 25 mm; "
        "your last scan (25 January 2022) 32 mm" in said
    )
    assert "Not matched to one of your spots (right lower lobe): 6 mm" in said
    assert control(dialog, "Add as a new spot: 6 mm (right lower lobe)", QPushButton)
    # Changing a proposal says so; putting it back says "proposed" again.
    size = control(dialog, f"Size of {tumour.name}", QLineEdit)
    size.setFocus()
    QTest.keyClick(size, Qt.Key.Key_Backspace)
    assert name_of(dialog, tumour).text() == f"{tumour.name} (changed by you)"
    QTest.keyClicks(size, "1")
    assert name_of(dialog, tumour).text() == f"{tumour.name} (proposed)"

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)

    assert dialog.result() == QDialog.DialogCode.Accepted
    entry = dialog.value()
    assert entry is not None
    assert set(entry.scan.measurements) == {
        Measurement(tumour.id, 210),
        Measurement(node.id, 90),
        Measurement(liver.id, 0),
    }
    assert entry.scan.notes == REPORT


def test_a_state_for_a_spot_with_sizes_is_said_but_not_proposed(
    qtbot: QtBot, person: Person, history: CancerHistory, spots: tuple[Spot, ...]
) -> None:
    dialog = shown_dialog(qtbot, person, history)
    paste(control(dialog, "Notes", QPlainTextEdit), "The liver lesion is stable.")
    find_sizes(qtbot, dialog)
    said = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(
        t.startswith("Liver spot A — the report says still there, with no size") for t in said
    )
    assert control(dialog, "Size of Liver spot A", QLineEdit).text() == ""
    entry = dialog.value()
    assert entry is not None
    assert entry.scan.measurements == ()


def test_nothing_found_says_so_and_changes_nothing(
    qtbot: QtBot, person: Person, history: CancerHistory, spots: tuple[Spot, ...]
) -> None:
    dialog = shown_dialog(qtbot, person, history)
    paste(control(dialog, "Notes", QPlainTextEdit), "Patient tolerated the procedure well.")
    find_sizes(qtbot, dialog)
    assert any("No sizes or states were found" in w.text() for w in dialog.findChildren(QLabel))
    entry = dialog.value()
    assert entry is not None
    assert entry.scan.measurements == ()


def test_a_finding_of_no_spot_is_added_as_a_new_spot_with_its_size(
    qtbot: QtBot,
    person: Person,
    history: CancerHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lung = Spot("spot-9", history.cancer.id, "Lung spot", history.spots[0].area, False, "lung")
    monkeypatch.setattr(SpotDialog, "ask", classmethod(lambda cls, *a, **k: lung))
    dialog = shown_dialog(qtbot, person, history)
    paste(control(dialog, "Notes", QPlainTextEdit), REPORT)
    find_sizes(qtbot, dialog)
    button = control(dialog, "Add as a new spot: 6 mm (right lower lobe)", QPushButton)
    assert button.text() == NEW_SPOT
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert control(dialog, "Size of Lung spot", QLineEdit).text() == "6"
    assert not button.isEnabled()
    entry = dialog.value()
    assert entry is not None
    assert entry.new_spots == (lung,)
    assert Measurement(lung.id, 60) in entry.scan.measurements


def test_a_pasted_report_goes_into_the_record_of_the_window(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(record_path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))
    keys = Keyboard(qtbot, window)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ScanDialog)
        type_date(dialog, "Date of the scan", "10/07/2024")
        paste(control(dialog, "Notes", QPlainTextEdit), REPORT)
        find_sizes(qtbot, dialog)
        keys.press(Qt.Key.Key_Return, CTRL)

    keys.in_dialog(fill, lambda: keys.press(Qt.Key.Key_N, CTRL_SHIFT))
    with RecordStore.open(record_path, read_only=True) as store:
        record = store.load()
    assert record is not None
    (added,) = [scan for scan in record.scans if scan.date == dt.date(2024, 7, 10)]
    assert set(added.measurements) == {Measurement("s1", 210), Measurement("s2", 90)}
    assert added.notes == REPORT
