"""Spots without a size in the window: typed with the keyboard into a record, shown in the
spots and scans tabs (the scans tab shows their states only for a cancer that has such a spot)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Measurement, Record, Spot, SpotState
from survivor_app.gui.dialogs import SpotDialog
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.models.tables import STATES_COLUMN
from survivor_app.gui.widgets.record_view import RecordView
from survivor_app.status import analyse
from survivor_app.storage import RecordStore
from tests.gui.dialogs.forms import shown_problems
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.gui.test_first_record_by_keyboard import CTRL, CTRL_SHIFT, Keyboard

pytestmark = pytest.mark.usefixtures("uk_dates")

BONES = Spot("s3", "c1", "Bone spots", Area.DISTANT, False, "spine", sized=False)


def test_the_states_column_shows_only_for_a_cancer_with_a_spot_without_a_size(
    qtbot: QtBot,
) -> None:
    view = RecordView()
    qtbot.addWidget(view)
    sized_only = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    view.show_cancer(sized_only, analyse(sized_only))
    assert view.scans_tab.table.isColumnHidden(STATES_COLUMN)
    bones_present = dataclasses.replace(
        BASELINE,
        measurements=(
            *BASELINE.measurements,
            Measurement(BONES.id, None, state=SpotState.PRESENT),
        ),
    )
    with_bones = dataclasses.replace(
        small_record(scans=(bones_present, SHRUNK)).history("c1"),
        spots=(*sized_only.spots, BONES),
    )
    view.show_cancer(with_bones, analyse(with_bones))
    assert not view.scans_tab.table.isColumnHidden(STATES_COLUMN)
    model = view.scans_tab.model
    row = model.row_of(BASELINE.id)
    assert model.index(row, STATES_COLUMN).data() == "Bone spots: present"
    view.show_cancer(sized_only, analyse(sized_only))
    assert view.scans_tab.table.isColumnHidden(STATES_COLUMN)


# Qt's offscreen platform says these when a window or a menu opens; real screens do not.
OFFSCREEN_WINDOW_NOTICES = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
FIRST, CLEAR = dt.date(2024, 7, 10), dt.date(2025, 1, 15)


def adds_bone_spots_without_a_size(keys: Keyboard) -> None:
    """In the scan dialog: "Add a new spot", named, placed, and without a size, by its letters."""

    def fill(dialog: QDialog) -> None:
        keys.alt("n")
        keys.type("Bone spots")
        keys.alt("w")
        keys.type("spine")
        keys.alt("a")
        keys.press(Qt.Key.Key_Down, times=2)  # Elsewhere in the body
        keys.alt("m")  # The reports mention it without a size
        keys.qtbot.waitUntil(lambda: keys.focus().property("checked") is True)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == QDialog.DialogCode.Accepted

    keys.in_dialog(fill, lambda: keys.alt("n"))


def in_scan_dialog(
    keys: Keyboard, fill: Callable[[QDialog], None], open_it: Callable[[], None]
) -> None:
    def fill_and_ok(dialog: QDialog) -> None:
        fill(dialog)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == QDialog.DialogCode.Accepted

    keys.in_dialog(fill_and_ok, open_it)


def first_scan(keys: Keyboard) -> Callable[[QDialog], None]:
    """Sizes for the tumour and the node, and bone spots added without a size, present and
    uncertain."""

    def fill(_dialog: QDialog) -> None:
        keys.alt("d")
        keys.type(FIRST.strftime("%d/%m/%Y"))
        keys.alt("o")
        # Past "Find sizes in this report" and the two tick boxes to the first size.
        keys.press(Qt.Key.Key_Tab, times=4)
        keys.type("20")
        keys.press(Qt.Key.Key_Tab, times=4)  # its unit, finding, "uncertain", the next size
        keys.type("9")
        adds_bone_spots_without_a_size(keys)
        # The new spot's row has the focus, on what the scan said: P is "Present".
        assert keys.focus().accessibleName() == "What the scan said about Bone spots"
        keys.type("p")
        keys.press(Qt.Key.Key_Tab)
        assert keys.focus().accessibleName() == "Bone spots: uncertain"
        keys.press(Qt.Key.Key_Space)

    return fill


def clear_scan(keys: Keyboard) -> Callable[[QDialog], None]:
    """A scan with no evidence of disease: every spot gone, the bone spots too."""

    def fill(_dialog: QDialog) -> None:
        keys.alt("d")
        keys.type(CLEAR.strftime("%d/%m/%Y"))
        keys.alt("e")
        keys.qtbot.waitUntil(lambda: keys.focus().property("checked") is True)

    return fill


def growing(keys: Keyboard) -> Callable[[QDialog], None]:
    """The first scan again: its bone spots row holds "Present", and C makes them growing."""

    def fill(_dialog: QDialog) -> None:
        keys.alt("o")
        keys.press(Qt.Key.Key_Tab, times=4 + 4 + 4)  # the tumour's row, the node's, the bones
        assert keys.focus().accessibleName() == "What the scan said about Bone spots"
        assert keys.focus().property("currentText") == "Present"
        keys.type("c")
        assert keys.focus().property("currentText") == "Clearly growing"

    return fill


def loaded(record_path: Path) -> Record:
    with RecordStore.open(record_path, read_only=True) as store:
        record = store.load()
    assert record is not None
    return record


@OFFSCREEN_WINDOW_NOTICES
def test_spots_without_a_size_typed_with_the_keyboard_are_in_the_record(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE,)))
    assert window.open_record(record_path)
    keys = Keyboard(qtbot, window)
    in_scan_dialog(keys, first_scan(keys), lambda: keys.press(Qt.Key.Key_N, CTRL_SHIFT))
    in_scan_dialog(keys, clear_scan(keys), lambda: keys.press(Qt.Key.Key_N, CTRL_SHIFT))

    record = loaded(record_path)
    tumour, node, bones = record.spots
    assert (bones.name, bones.location, bones.area, bones.sized) == (
        "Bone spots",
        "spine",
        Area.DISTANT,
        False,
    )
    by_date = {scan.date: scan for scan in record.scans}
    assert by_date[FIRST].measurements == (
        Measurement(tumour.id, 200),
        Measurement(node.id, 90),
        Measurement(bones.id, None, uncertain=True, state=SpotState.PRESENT),
    )
    assert by_date[CLEAR].no_evidence_of_disease
    assert by_date[CLEAR].measurements == (
        Measurement(tumour.id, 0),
        Measurement(node.id, 0),
        Measurement(bones.id, None, state=SpotState.GONE),
    )
    # The tables say so in words.
    spots = window.view.spots_tab.model
    assert spots.index(spots.row_of(bones.id), 1).data() == "Without a size"
    scans = window.view.scans_tab.model
    assert scans.index(scans.row_of(by_date[FIRST].id), STATES_COLUMN).data() == (
        "Bone spots: present (uncertain)"
    )

    # Changed again from the scans tab, and the record holds the change.
    tab = window.view.scans_tab
    window.view.tabs.setCurrentWidget(tab)
    tab.select_id(by_date[FIRST].id)
    tab.table.setFocus()
    in_scan_dialog(keys, growing(keys), lambda: keys.press(Qt.Key.Key_Return))
    changed = next(scan for scan in loaded(record_path).scans if scan.date == FIRST)
    assert changed.measurements[2] == Measurement(
        bones.id, None, uncertain=True, state=SpotState.GROWING
    )
    assert scans.index(scans.row_of(changed.id), STATES_COLUMN).data() == (
        "Bone spots: clearly growing (uncertain)"
    )


@OFFSCREEN_WINDOW_NOTICES
def test_a_spot_on_scans_keeps_its_kind_when_changed_from_the_spots_tab(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    bones_present = dataclasses.replace(
        BASELINE,
        measurements=(
            *BASELINE.measurements,
            Measurement(BONES.id, None, state=SpotState.PRESENT),
        ),
    )
    record = dataclasses.replace(
        small_record(scans=(bones_present,)), spots=(*small_record().spots, BONES)
    )
    write_record_file(record_path, record)
    assert window.open_record(record_path)
    keys = Keyboard(qtbot, window)
    tab = window.view.spots_tab
    window.view.tabs.setCurrentWidget(tab)
    tab.select_id(BONES.id)
    tab.table.setFocus()
    seen: list[str] = []

    def switch(dialog: QDialog) -> None:
        assert isinstance(dialog, SpotDialog)
        keys.alt("s")  # The reports give it a size
        keys.qtbot.waitUntil(lambda: keys.focus().property("checked") is True)
        seen.extend(shown_problems(dialog))
        assert not dialog.ok_button().isEnabled()
        keys.press(Qt.Key.Key_Return, CTRL)  # refused: the dialog stays open
        assert dialog.isVisible()
        keys.press(Qt.Key.Key_Escape)

    keys.in_dialog(switch, lambda: keys.press(Qt.Key.Key_Return))
    assert seen == [
        "This spot is on 1 scan without a size, and what the reports said "
        "cannot be turned into sizes. "
        "To give it sizes from now on, add it again as a new spot."
    ]
    assert loaded(record_path) == record
