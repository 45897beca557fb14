"""Each change updates only the views of what it touched: marking a question asked redraws no
plot and re-reads no history, and every table follows the changes by row operations that Qt's
model tester accepts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from survivor_app.changes import Change, Fill, Part, StartRecord, Write
from survivor_app.domain import Record
from survivor_app.gui import edit_actions
from survivor_app.gui.dialogs import (
    PersonDialog,
    QuestionDialog,
    ScanDialog,
    ScanEntry,
    StatementDialog,
)
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.record_session import RecordSession
from survivor_app.status import Relabel
from survivor_app.storage import RecordStore
from tests.gui.answers import Yes, answer, message_boxes
from tests.gui.plotting import is_ready
from tests.gui.records import (
    BASELINE,
    CANCER,
    PERSON,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TREATMENT,
    small_record,
    write_record_file,
)
from tests.gui.tables import shown_ids

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

#: Every signal by which a model tells its views that something in it changed.
_MODEL_SIGNALS = (
    "modelReset",
    "layoutChanged",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "dataChanged",
)


class Counts:
    """How often each view was told to update, and how often the window read what it shows."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def add(self, what: str) -> None:
        self.seen[what] = self.seen.get(what, 0) + 1

    def model(self, name: str, model: QAbstractItemModel) -> None:
        """Count every change ``model`` announces, as ``name signal``."""
        for signal in _MODEL_SIGNALS:
            getattr(model, signal).connect(lambda *_args, what=f"{name} {signal}": self.add(what))

    def calls(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str, what: str) -> None:
        """Count the calls of ``owner.name`` (still made), as ``what``."""
        real: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.add(what)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


def watch(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Counts:
    """Count, from now on, what every view of the window re-reads and re-draws."""
    counts = Counts()
    view = window.view
    for name, tab in (
        ("scans", view.scans_tab),
        ("statements", view.statements_tab),
        ("treatments", view.treatments_tab),
        ("questions", view.questions_tab),
    ):
        counts.model(name, tab.model)
    counts.model("periods", view.periods_model)
    counts.model("suggestions", view.suggestions)
    counts.calls(monkeypatch, view.plot, "show_history", "plot drawn")
    assert window.session is not None
    counts.calls(monkeypatch, window.session.store, "history", "history read")
    counts.calls(monkeypatch, Relabel, "analyse", "rules run")
    return counts


def opened(window: MainWindow, qtbot: QtBot, path: Path) -> RecordStore:
    write_record_file(path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))
    assert window.session is not None
    return window.session.store


def test_marking_a_question_asked_updates_its_row_alone(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(window, qtbot, record_path)
    asked = dataclasses.replace(QUESTION, asked_on=dt.date(2024, 5, 2), answer="Months, often.")
    answer(monkeypatch, QuestionDialog, asked)
    counts = watch(window, monkeypatch)
    tab = window.view.questions_tab
    window.view.tabs.setCurrentWidget(tab)
    tab.select_id(QUESTION.id)
    tab.table.setFocus()

    qtbot.keyClick(tab.table, Qt.Key.Key_Return)

    assert store.questions() == (asked,)
    assert counts.seen == {"questions dataChanged": 1}
    row = tab.model.row_of(QUESTION.id)
    assert tab.model.index(row, 1).data() == "2 May 2024"
    assert window.undo_action.text() == "&Undo change question"

    window.undo_action.trigger()

    assert store.questions() == (QUESTION,)
    assert counts.seen == {"questions dataChanged": 2}
    assert tab.model.index(row, 1).data() == "Not yet"


def test_a_new_scan_is_drawn_once_without_reading_the_cancer_again(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened(window, qtbot, record_path)
    later = dataclasses.replace(SHRUNK, id="sc3", date=dt.date(2024, 7, 1))
    answer(monkeypatch, ScanDialog, ScanEntry(later))
    counts = watch(window, monkeypatch)

    window.edits.adding[edit_actions.SCAN].trigger()

    # The history kept takes the new scan; only the rules run again on it.
    assert "history read" not in counts.seen
    assert counts.seen["rules run"] == 1
    assert counts.seen["plot drawn"] == 1
    assert counts.seen["scans rowsInserted"] == 1
    assert not {what for what in counts.seen if what.startswith(("statements", "treatments"))}
    assert not {what for what in counts.seen if what.startswith("questions")}


def written_changes(monkeypatch: pytest.MonkeyPatch) -> list[Change]:
    """The changes every session writes from now on (still written)."""
    written: list[Change] = []
    real = RecordSession.write

    def write(session: RecordSession, change: Write) -> None:
        written.append(change)
        real(session, change)

    monkeypatch.setattr(RecordSession, "write", write)
    return written


def test_the_example_and_an_import_into_an_empty_record_are_written_as_changes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo: Record
) -> None:
    written = written_changes(monkeypatch)
    assert window.open_example()
    qtbot.mouseClick(window.view.close_example_button, Qt.MouseButton.LeftButton)
    assert window.files.import_record(small_record())
    assert written == [Fill(demo), Fill(small_record())]
    assert not window.undo_action.isEnabled()


def test_the_welcome_page_s_start_is_written_as_a_change(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = written_changes(monkeypatch)
    assert window.start_record(PERSON, CANCER)
    assert written == [StartRecord(PERSON, CANCER)]
    assert window.pages.currentWidget() is window.view
    assert window.view.summary.text().startswith("Breast cancer.")


def test_the_person_s_name_redraws_nothing_of_the_cancer(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened(window, qtbot, record_path)
    counts = watch(window, monkeypatch)
    assert window.session is not None
    person = window.session.store.person()
    assert person is not None

    answer(monkeypatch, PersonDialog, dataclasses.replace(person, name="Ana M. Example"))
    window.edits.edit_person_action.trigger()

    assert window.windowTitle() == "Survivorship Tracker — Ana M. Example"
    assert counts.seen == {}


@pytest.mark.parametrize("table", ["scans", "statements", "treatments", "questions"])
def test_every_table_follows_changes_and_undo_by_row_operations(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    window: MainWindow,
    record_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    table: str,
) -> None:
    store = opened(window, qtbot, record_path)
    view = window.view
    model = getattr(view, f"{table}_tab").model
    # The tester stays connected and checks every change the model announces from now on.
    qtmodeltester.check(model, force_py=True)
    changes: list[Change] = []
    assert window.session is not None
    window.session.record_changed.connect(changes.append)

    later = dataclasses.replace(STATEMENT, id="d2", date=dt.date(2024, 7, 2), text="Smaller.")
    answer(monkeypatch, StatementDialog, later)
    window.edits.adding[edit_actions.STATEMENT].trigger()
    answer(monkeypatch, ScanDialog, ScanEntry(dataclasses.replace(SHRUNK, id="sc3")))
    window.edits.adding[edit_actions.SCAN].trigger()
    message_boxes(monkeypatch, "question", Yes)
    for tab, thing_id in (
        (view.statements_tab, STATEMENT.id),
        (view.scans_tab, BASELINE.id),
        (view.treatments_tab, TREATMENT.id),
        (view.questions_tab, QUESTION.id),
    ):
        view.tabs.setCurrentWidget(tab)
        tab.select_id(thing_id)
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    for _ in range(6):
        window.undo_action.trigger()
    for _ in range(6):
        window.redo_action.trigger()

    assert [tab.model.rowCount() for tab in (view.scans_tab, view.statements_tab)] == [2, 1]
    assert shown_ids(view.scans_tab.model)[0] == SHRUNK.id
    assert store.statements() == (later,)
    assert view.treatments_tab.model.rowCount() == view.questions_tab.model.rowCount() == 0
    assert len(changes) == 18
    assert all(change.touches.cancer_id == "c1" for change in changes)
    assert [change.touches.parts for change in changes[:6]] == [
        Part.STATEMENTS,
        Part.SCANS,
        Part.STATEMENTS,
        Part.SCANS,
        Part.TREATMENTS,
        Part.QUESTIONS,
    ]
