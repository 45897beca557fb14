"""A finding that matches no spot, added as a new spot from "Find sizes in this report": the
spot dialog opens filled from what the report said (the area left to the person), and the new
spot's row gets the finding's size as a proposal; nothing is stored until the scan's OK."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, CancerHistory, Measurement
from survivor_app.domain.words import AREA_WORDS
from survivor_app.gui.dialogs import ScanDialog, SpotDialog
from survivor_app.gui.dialogs.spot import CHOOSE_AREA
from survivor_app.gui.dialogs.spot_draft import SpotDraft
from survivor_app.gui.main_window import MainWindow
from survivor_app.storage import RecordStore
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.gui.test_first_record_by_keyboard import CTRL_SHIFT, Keyboard

from .forms import choose, control, type_date
from .test_scan_report_reading import REPORT, find_sizes, paste

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

CTRL = Qt.KeyboardModifier.ControlModifier
NAME = "Right lower lobe nodule"


def test_a_new_spot_is_filled_from_the_report_and_stored_with_its_size(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(record_path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))
    keys = Keyboard(qtbot, window)

    def fill_spot(dialog: QDialog) -> None:
        assert isinstance(dialog, SpotDialog)
        assert control(dialog, "Name of the spot", QLineEdit).text() == NAME
        assert control(dialog, "Where in the body", QLineEdit).text() == "right lower lobe"
        assert not control(dialog, "Lymph node", QCheckBox).isChecked()
        assert control(dialog, "The reports give it a size", QRadioButton).isChecked()
        # The report cannot tell the area: nothing is chosen, and OK waits for it.
        assert any(w.text() == CHOOSE_AREA for w in dialog.findChildren(QLabel))
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()
        keys.alt("a")
        keys.press(Qt.Key.Key_End)
        keys.press(Qt.Key.Key_Return, CTRL)

    def fill_scan(dialog: QDialog) -> None:
        assert isinstance(dialog, ScanDialog)
        type_date(dialog, "Date of the scan", "10/07/2024")
        paste(control(dialog, "Notes", QPlainTextEdit), REPORT)
        find_sizes(qtbot, dialog)
        button = control(dialog, "Add as a new spot: 6 mm (right lower lobe)", QPushButton)
        button.setFocus()
        keys.in_dialog(fill_spot, lambda: keys.press(Qt.Key.Key_Space))
        size = control(dialog, f"Size of {NAME}", QLineEdit)
        assert size.text() == "6"
        assert any(w.text() == f"{NAME} (new) (proposed)" for w in dialog.findChildren(QLabel))
        # Nothing is stored before the scan's OK.
        with RecordStore.open(record_path, read_only=True) as store:
            before = store.load()
        assert before is not None
        assert NAME not in {spot.name for spot in before.spots}
        keys.press(Qt.Key.Key_Return, CTRL)

    keys.in_dialog(fill_scan, lambda: keys.press(Qt.Key.Key_N, CTRL_SHIFT))
    with RecordStore.open(record_path, read_only=True) as store:
        record = store.load()
    assert record is not None
    (spot,) = [spot for spot in record.spots if spot.name == NAME]
    assert (spot.location, spot.area, spot.lymph_node, spot.sized) == (
        "right lower lobe",
        Area.DISTANT,
        False,
        True,
    )
    (added,) = [scan for scan in record.scans if scan.date == dt.date(2024, 7, 10)]
    assert Measurement(spot.id, 60) in added.measurements


def test_a_draft_without_a_size_is_kept_so_and_left_editable(
    qtbot: QtBot, history: CancerHistory
) -> None:
    draft = SpotDraft("Hepatic lesion", "hepatic", lymph_node=True, sized=False)
    dialog = SpotDialog(None, cancer=history.cancer, draft=draft)
    qtbot.addWidget(dialog)
    assert control(dialog, "The reports mention it without a size", QRadioButton).isChecked()
    assert control(dialog, "Lymph node", QCheckBox).isChecked()
    assert dialog.value() is None  # the area is the person's to choose
    choose(control(dialog, "Area", QComboBox), AREA_WORDS[Area.REGIONAL_NODE])
    name = control(dialog, "Name of the spot", QLineEdit)
    name.selectAll()
    QTest.keyClicks(name, "Liver spot B")
    spot = dialog.value()
    assert spot is not None
    assert (spot.name, spot.location, spot.area, spot.lymph_node, spot.sized) == (
        "Liver spot B",
        "hepatic",
        Area.REGIONAL_NODE,
        True,
        False,
    )
