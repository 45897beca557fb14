"""Edit's table of kinds, driven as a person does: each tab's Delete key asks its own question
(and No keeps the thing), and each of Edit's "Add …" items opens its kind's dialog."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from survivor_app.gui import edit_actions
from survivor_app.gui.dialogs import (
    QuestionDialog,
    ScanDialog,
    SpotDialog,
    StatementDialog,
    TreatmentDialog,
)
from survivor_app.gui.main_window import MainWindow
from tests.gui.answers import No, answer, message_boxes
from tests.gui.plotting import is_ready
from tests.gui.records import (
    BASELINE,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TREATMENT,
    TUMOUR,
    small_record,
    write_record_file,
)

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

ASKED = {
    "scans": (BASELINE.id, "Delete the scan of 10 January 2024?"),
    "spots": (TUMOUR.id, "Delete the spot “Breast tumour” and what the scans say of it?"),
    "statements": (STATEMENT.id, "Delete the doctor’s statement of 12 April 2024?"),
    "treatments": (TREATMENT.id, "Delete the treatment “AC-T” that started on 20 January 2024?"),
    "questions": (QUESTION.id, "Delete the question “How long should a response last?”?"),
}


def _opened(window: MainWindow, qtbot: QtBot, record_path: Path) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(record_path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))


@pytest.mark.parametrize("table", list(ASKED))
def test_each_tab_s_delete_key_asks_its_own_question(
    qtbot: QtBot,
    window: MainWindow,
    record_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    table: str,
) -> None:
    _opened(window, qtbot, record_path)
    thing_id, question = ASKED[table]
    tab = getattr(window.view, f"{table}_tab")
    window.view.tabs.setCurrentWidget(tab)
    tab.select_id(thing_id)
    tab.table.setFocus()
    asked = message_boxes(monkeypatch, "question", No)

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    assert asked == [("Delete?", f"{question} You can undo this with Edit ▸ Undo.")]
    assert tab.model.row_of(thing_id) >= 0
    assert window.session is not None
    assert window.session.history.to_undo() is None


def test_each_add_item_opens_its_kind_s_dialog_and_a_new_one_is_selected(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _opened(window, qtbot, record_path)
    later = dataclasses.replace(TREATMENT, id="t2", name="Radiotherapy")
    asked = {
        ScanDialog: answer(monkeypatch, ScanDialog, None),
        SpotDialog: answer(monkeypatch, SpotDialog, None),
        StatementDialog: answer(monkeypatch, StatementDialog, None),
        TreatmentDialog: answer(monkeypatch, TreatmentDialog, later),
        QuestionDialog: answer(monkeypatch, QuestionDialog, None),
    }
    for kind in edit_actions.TABLE_KINDS:
        window.edits.adding[kind].trigger()

    assert [len(calls) for calls in asked.values()] == [1, 1, 1, 1, 1]
    assert window.view.tabs.currentWidget() is window.view.treatments_tab
    assert window.view.treatments_tab.selected_id() == "t2"
    assert window.undo_action.text() == "&Undo add treatment"
