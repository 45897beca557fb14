"""File ▸ Restore from backup…: the dialog that lists a record's backups, and the window that puts
the chosen one back, with real backups made in the test's own folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.changes import Part, Restored
from survivor_app.domain import Person
from survivor_app.gui.dialogs import PersonDialog, RestoreDialog
from survivor_app.gui.dialogs.restore import KEPT_FIRST, NO_BACKUPS, what_it_holds
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.record_session import RecordSession
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
)
from tests.gui.answers import Yes, answer, message_boxes
from tests.gui.records import BASELINE, PERSON, SHRUNK, small_record, write_record_file
from tests.storage.test_digest import ALTERED, edit_in_place

pytestmark = [
    pytest.mark.usefixtures("uk_dates", "central_european_time"),
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


@pytest.fixture
def central_european_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time one hour ahead of UTC in winter and two in summer, whatever the machine's."""
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def utc(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    """A moment in UTC."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def back_up(record: Path, reason: str, when: dt.datetime) -> Path:
    """A real backup of ``record`` made for ``reason`` at ``when``."""
    with RecordStore.open(record, create=False) as store:
        return BackupFolder(store.path).make(store, reason, now=when)


def damage(path: Path) -> None:
    """Overwrite part of a file's first page, as a failing disk might."""
    with path.open("r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 400)


def rows(dialog: RestoreDialog) -> list[str]:
    """The text of each row of the list, top to bottom."""
    return [dialog.backups.item(row).text() for row in range(dialog.backups.count())]


def renamed(name: str) -> Person:
    """The person of the small record under another name."""
    return dataclasses.replace(PERSON, name=name)


# The dialog


def test_backups_are_listed_newest_first_with_when_why_and_what(
    qtbot: QtBot, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    back_up(record_path, "daily", utc(2024, 3, 3, 14, 5))
    back_up(record_path, "by-hand", utc(2024, 5, 3, 23, 30))
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    back_up(record_path, "before-import", utc(2024, 7, 1, 13, 0))
    back_up(record_path, "before-restore", utc(2024, 7, 2, 9, 0))
    back_up(record_path, "before-update", utc(2024, 7, 3, 9, 0))
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    everything = "2 scans, 1 statement, 1 treatment, 1 question"
    assert rows(dialog) == [
        f"3 July 2024 at 11:00, made before an update\n{everything}",
        f"2 July 2024 at 11:00, made before a restore\n{everything}",
        f"1 July 2024 at 15:00, made before an import\n{everything}",
        # Local time: past midnight where the person is, so the next day.
        "4 May 2024 at 01:30, made by hand\n1 scan, 1 statement, 1 treatment, 1 question",
        "3 March 2024 at 15:05, made daily\n1 scan, 1 statement, 1 treatment, 1 question",
    ]
    assert dialog.note.text() == KEPT_FIRST
    assert dialog.note.isVisibleTo(dialog)


def test_what_a_backup_holds_reads_as_plain_words() -> None:
    assert (
        what_it_holds({"scans": 12, "statements": 7, "treatments": 0}) == "12 scans, 7 statements"
    )
    assert what_it_holds({"scans": 0, "statements": 1, "questions": 3}) == (
        "no scans, 1 statement, 3 questions"
    )
    assert what_it_holds({"scans": 2, "statements": 1, "marker_results": 4}) == (
        "2 scans, 1 statement, 4 tumour marker results"
    )
    assert what_it_holds(None) == "Made by an earlier version of the app."


def test_a_damaged_backup_is_shown_with_its_problem_and_cannot_be_chosen(
    qtbot: QtBot, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    oldest = back_up(record_path, "daily", utc(2024, 3, 1, 10, 0))
    damage(back_up(record_path, "by-hand", utc(2024, 3, 2, 10, 0)))
    newest = back_up(record_path, "before-import", utc(2024, 3, 3, 10, 0))
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert rows(dialog)[1] == (
        "2 March 2024 at 11:00, made by hand\n"
        "This backup is damaged, so it cannot be used. Choose another one."
    )
    damaged = dialog.backups.item(1)
    assert not damaged.flags() & Qt.ItemFlag.ItemIsSelectable
    # The newest good one is chosen at first; the keys step over the damaged one.
    assert dialog.chosen() == newest
    qtbot.keyClick(dialog.backups, Qt.Key.Key_Down)
    assert dialog.chosen() == oldest
    qtbot.keyClick(dialog.backups, Qt.Key.Key_Up)
    assert dialog.chosen() == newest
    # A click on it chooses nothing, so nothing can be restored.
    dialog.backups.clearSelection()
    rectangle = dialog.backups.visualItemRect(damaged)
    qtbot.mouseClick(dialog.backups.viewport(), Qt.MouseButton.LeftButton, pos=rectangle.center())
    assert dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()


def test_only_damaged_backups_leave_nothing_to_restore(qtbot: QtBot, record_path: Path) -> None:
    write_record_file(record_path, small_record())
    damage(back_up(record_path, "daily", utc(2024, 3, 1, 10, 0)))
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()
    dialog.accept()
    assert dialog.result() != RestoreDialog.DialogCode.Accepted


def test_a_record_without_backups_says_so(qtbot: QtBot, record_path: Path) -> None:
    write_record_file(record_path, small_record())
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    assert dialog.empty.text() == NO_BACKUPS
    assert dialog.empty.isVisibleTo(dialog)
    assert not dialog.backups.isVisibleTo(dialog)
    assert not dialog.restore_button.isVisibleTo(dialog)
    assert dialog.chosen() is None


def test_a_backup_is_chosen_by_keyboard_or_none_with_escape(
    qtbot: QtBot, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    older = back_up(record_path, "daily", utc(2024, 3, 1, 10, 0))
    back_up(record_path, "by-hand", utc(2024, 3, 2, 10, 0))

    focused: list[QWidget | None] = []

    def press_later(*keys: Qt.Key) -> None:
        def press() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None
            focused.append(dialog.focusWidget())
            for key in keys:
                qtbot.keyClick(dialog.focusWidget() or dialog, key)

        QTimer.singleShot(0, press)

    press_later(Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert RestoreDialog.ask(None, record=record_path) == older
    # The list has the focus from the start.
    assert isinstance(focused[0], QListWidget)
    press_later(Qt.Key.Key_Escape)
    assert RestoreDialog.ask(None, record=record_path) is None


def test_every_control_of_the_dialog_has_an_accessible_name(
    qtbot: QtBot, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    back_up(record_path, "daily", utc(2024, 3, 1, 10, 0))
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    controls = [
        widget
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QAbstractItemView)
    ]
    assert len(controls) == 3
    assert [c for c in controls if not c.accessibleName()] == []
    assert dialog.backups.accessibleName() == "Backups of your record"
    item = dialog.backups.item(0)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == item.text().replace("\n", ". ")


# The window


def test_a_backup_is_put_back_in_place_of_the_open_record(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    backup = back_up(record_path, "by-hand", utc(2024, 3, 3, 14, 5))
    assert window.open_record(record_path)
    answer(monkeypatch, PersonDialog, renamed("Ana Renamed"))
    window.edits.edit_person_action.trigger()
    assert window.windowTitle() == "Survivorship Tracker — Ana Renamed"
    assert window.undo_action.isEnabled()
    asked = answer(monkeypatch, RestoreDialog, backup)
    told = message_boxes(monkeypatch, "information")
    window.files.restore_action.trigger()
    assert asked == [{"record": record_path}]
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    assert window.session is not None
    assert window.session.store.load() == small_record()
    # The changes in the history were made to the content now replaced.
    assert window.session.history.to_undo() is None
    assert not window.undo_action.isEnabled()
    assert told == [
        (
            "Your record was restored",
            "Your record is back as it was on 3 March 2024 at 15:05. What it held a moment "
            "ago is kept as a backup too, so nothing is lost.",
        )
    ]
    (kept,) = paths.backups_dir(record_path).glob("*before-restore*")
    with RecordStore.open(kept, create=False) as copy:
        assert copy.person() == renamed("Ana Renamed")


def test_the_session_restores_clears_its_history_and_tells_the_views(
    qtbot: QtBot, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    backup = back_up(record_path, "by-hand", utc(2024, 3, 3, 14, 5))
    with RecordStore.open(record_path, create=False) as store:
        session = RecordSession(store)
        with qtbot.waitSignal(session.record_changed) as told:
            before = session.restore(backup)
        assert "before-restore" in before.name
        assert session.history.to_undo() is None
        assert told.args == [Restored(backup, before)]
        assert told.args[0].touches.parts == Part.EVERYTHING


def test_a_restore_keeps_only_the_backups_worth_keeping(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    made = [back_up(record_path, "daily", utc(2024, 3, day, 10, 0)) for day in range(1, 16)]
    assert window.open_record(record_path)
    answer(monkeypatch, RestoreDialog, made[-1])
    message_boxes(monkeypatch, "information")
    assert window.files.restore_from_backup()
    kept = [info.path for info in BackupFolder(record_path).backups()]
    # The newest 14 (the one made before the restore among them); the oldest of March go.
    assert len(kept) == 14
    assert made[0] not in kept
    assert made[-1] in kept


def test_a_backup_that_cannot_be_used_is_explained_and_changes_nothing(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    backup = back_up(record_path, "by-hand", utc(2024, 3, 3, 14, 5))
    assert window.open_record(record_path)
    answer(monkeypatch, PersonDialog, renamed("Ana Renamed"))
    window.edits.edit_person_action.trigger()
    # Damaged after it was chosen, as a failing disk might.
    damage(backup)
    answer(monkeypatch, RestoreDialog, backup)
    warned = message_boxes(monkeypatch, "warning")
    assert not window.files.restore_from_backup()
    assert warned == [
        (
            "The backup was not restored",
            "This backup is damaged, so it cannot be used. Choose another one.",
        )
    ]
    assert window.session is not None
    assert window.session.store.person() == renamed("Ana Renamed")
    assert window.undo_action.isEnabled()
    assert not list(paths.backups_dir(record_path).glob("*before-restore*"))


def test_a_cancelled_restore_changes_nothing(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    back_up(record_path, "by-hand", utc(2024, 3, 3, 14, 5))
    assert window.open_record(record_path)
    answer(monkeypatch, RestoreDialog, None)
    assert not window.files.restore_from_backup()
    assert not list(paths.backups_dir(record_path).glob("*before-restore*"))


def test_a_record_no_longer_there_is_brought_back_from_its_backup(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    backup = back_up(record_path, "daily", utc(2024, 3, 3, 14, 5))
    record_path.unlink()
    assert window.pages.currentWidget() is window.welcome
    assert window.files.restore_action.isEnabled()
    asked = answer(monkeypatch, RestoreDialog, backup)
    message_boxes(monkeypatch, "information")
    assert window.files.restore_from_backup()
    assert asked == [{"record": record_path}]
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    assert window.session is not None
    assert window.session.store.load() == small_record()


def test_restore_is_not_offered_for_the_example_or_a_read_only_view(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    assert window.open_record(record_path)
    assert window.files.restore_action.isEnabled()
    assert window.open_example()
    assert not window.files.restore_action.isEnabled()
    with RecordStore.open(record_path, create=False):
        message_boxes(monkeypatch, "question", Yes)
        assert window.open_record(record_path)
        assert window.windowTitle().endswith("(read-only)")
        assert not window.files.restore_action.isEnabled()
        asked = answer(monkeypatch, RestoreDialog, None)
        assert not window.files.restore_from_backup()
        assert asked == []


def test_a_backup_altered_in_place_is_explained_and_left_alone(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    backup = back_up(record_path, "by-hand", utc(2024, 3, 3, 14, 5))
    assert window.open_record(record_path)
    # Text changed inside the file's pages: SQLite's own check sees nothing wrong.
    edit_in_place(backup, b"Ana Example", b"Ann Example")
    before = backup.read_bytes()
    answer(monkeypatch, RestoreDialog, backup)
    warned = message_boxes(monkeypatch, "warning")
    assert not window.files.restore_from_backup()
    assert warned == [("The backup was not restored", ALTERED)]
    assert window.session is not None
    assert window.session.store.person() == PERSON
    assert backup.read_bytes() == before
    assert not list(paths.backups_dir(record_path).glob("*before-restore*"))
