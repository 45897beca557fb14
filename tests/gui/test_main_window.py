"""The main window's flows, with the dialogs answered by patching their ``ask``: starting a
record, adding, changing and deleting things with undo and redo, periods and bands, cancers,
the example record, and records that cannot be opened."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.domain import Cancer, Person, Record
from survivor_app.gui import edit_actions
from survivor_app.gui.dialogs import CancerDialog, PersonDialog, ScanDialog, ScanEntry
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.opening import DAMAGED_WITHOUT_BACKUP
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.widgets.glossary import GlossaryPage
from survivor_app.storage import (
    BackupFolder,
    NewerRecordError,
    NotARecordError,
    RecordStore,
    RecordWriteError,
)
from tests.gui.answers import No, Yes, answer, message_boxes
from tests.gui.dialogs.forms import heard_names, is_hint
from tests.gui.plotting import bands, canvas_point, highlighted_period, is_ready
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def open_record(window: MainWindow, qtbot: QtBot, path: Path, record: Record) -> RecordStore:
    """Open a record file holding ``record`` and wait for its plot; the window's store."""
    write_record_file(path, record)
    assert window.open_record(path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))
    assert window.session is not None
    return window.session.store


def period_labels(window: MainWindow) -> list[str]:
    model = window.view.periods_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def no_statement(*, scans: tuple = (BASELINE,)) -> Record:
    return dataclasses.replace(small_record(scans=scans), statements=())


def test_a_record_starts_from_the_welcome_page(
    qtbot: QtBot, window: MainWindow, record_path: Path, settings: AppSettings
) -> None:
    welcome = window.welcome
    assert window.pages.currentWidget() is welcome
    assert window.windowTitle() == "Survivorship Tracker"
    assert not welcome.start_button.isEnabled()
    qtbot.keyClicks(welcome.name.editor, "Ana Example")
    welcome.birth.set_value(dt.date(1961, 4, 9))
    qtbot.keyClicks(welcome.cancer_name.editor, "Breast cancer")
    assert not welcome.start_button.isEnabled()
    qtbot.keyClicks(welcome.site.editor, "left breast")
    welcome.diagnosed.set_value(dt.date(1960, 1, 1))
    assert not welcome.start_button.isEnabled()
    assert welcome.diagnosed.message.text() == "This date is before your date of birth."
    welcome.diagnosed.set_value(dt.date(2023, 12, 1))
    assert welcome.start_button.isEnabled()
    assert not record_path.exists()

    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)

    assert window.pages.currentWidget() is window.view
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    assert window.session is not None
    store = window.session.store
    assert store.path == record_path
    assert store.person() == Person("Ana Example", dt.date(1961, 4, 9))
    (cancer,) = store.cancers()
    assert (cancer.name, cancer.primary_site, cancer.diagnosed_on) == (
        "Breast cancer",
        "left breast",
        dt.date(2023, 12, 1),
    )
    assert settings.last_record() == record_path.resolve()
    assert not window.undo_action.isEnabled()


def test_the_birth_date_must_be_given_before_the_record_starts(
    qtbot: QtBot, window: MainWindow
) -> None:
    welcome = window.welcome
    qtbot.keyClicks(welcome.name.editor, "Ana Example")
    qtbot.keyClicks(welcome.cancer_name.editor, "Breast cancer")
    qtbot.keyClicks(welcome.site.editor, "left breast")
    welcome.diagnosed.set_value(dt.date(2023, 12, 1))
    # The date of birth is still the date the field came with: today.
    assert not welcome.start_button.isEnabled()
    assert welcome.birth.message.text() == "Please give your date of birth."
    assert is_hint(welcome.birth.message)


def test_an_added_scan_shows_its_period_and_row_and_undo_takes_it_away(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_record(window, qtbot, record_path, no_statement())
    view = window.view
    assert period_labels(window) == ["Starting point"]
    answer(monkeypatch, ScanDialog, ScanEntry(SHRUNK))

    window.edits.adding[edit_actions.SCAN].trigger()

    assert period_labels(window) == ["Starting point", "Partial remission (not yet confirmed)"]
    assert view.scans_tab.model.rowCount() == 2
    assert view.scans_tab.selected_id() == SHRUNK.id
    assert store.scans("c1") == (BASELINE, SHRUNK)
    qtbot.waitUntil(lambda: is_ready(view.plot))
    assert len(bands(view.plot)) == 2
    # The new, latest period is the one shown.
    assert view.period_list.selected_period() == 1
    assert "Partial remission" in view.explanation.toPlainText()
    assert window.undo_action.text() == "&Undo add scan"

    window.undo_action.trigger()

    assert store.scans("c1") == (BASELINE,)
    assert period_labels(window) == ["Starting point"]
    assert view.scans_tab.model.rowCount() == 1
    assert len(bands(view.plot)) == 1
    assert window.redo_action.isEnabled()

    window.redo_action.trigger()

    assert store.scans("c1") == (BASELINE, SHRUNK)
    assert view.scans_tab.model.rowCount() == 2
    assert len(period_labels(window)) == 2


def test_choosing_a_period_explains_it_and_highlights_its_band(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    open_record(window, qtbot, record_path, no_statement(scans=(BASELINE, SHRUNK)))
    view = window.view
    rect = view.period_list.visualRect(view.periods_model.index(0, 0))
    qtbot.mouseClick(view.period_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.period_list.selected_period() == 0
    text = view.explanation.toPlainText()
    assert text.startswith("Starting point")
    assert view.periods_model.period_at(0).explanation.split(".")[0] in text
    assert highlighted_period(view.plot) == 0
    first, second = bands(view.plot)
    assert first.get_linewidth() > 0
    assert second.get_linewidth() == 0


def test_clicking_a_band_chooses_its_period(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    open_record(window, qtbot, record_path, no_statement(scans=(BASELINE, SHRUNK)))
    view = window.view
    assert view.period_list.selected_period() == 1
    band = bands(view.plot)[0]
    middle = band.get_x() + band.get_width() / 2
    qtbot.mouseClick(
        view.plot.canvas,
        Qt.MouseButton.LeftButton,
        pos=canvas_point(view.plot, 0, middle, 10),
    )
    assert view.period_list.selected_period() == 0
    assert view.explanation.toPlainText().startswith("Starting point")


def test_a_scan_is_deleted_after_asking_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_record(window, qtbot, record_path, no_statement(scans=(BASELINE, SHRUNK)))
    tab = window.view.scans_tab
    tab.select_id(BASELINE.id)
    asked = message_boxes(monkeypatch, "question", No)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked == [
        ("Delete?", "Delete the scan of 10 January 2024? You can undo this with Edit ▸ Undo.")
    ]
    assert store.scans("c1") == (BASELINE, SHRUNK)

    message_boxes(monkeypatch, "question", Yes)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert store.scans("c1") == (SHRUNK,)
    assert tab.model.rowCount() == 1

    window.undo_action.trigger()
    assert store.scans("c1") == (BASELINE, SHRUNK)
    assert tab.model.rowCount() == 2


def test_the_keys_of_a_table_add_and_edit(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_record(window, qtbot, record_path, no_statement())
    calls = answer(monkeypatch, ScanDialog, None)
    table = window.view.scans_tab.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert len(calls) == 1
    assert "scan" not in calls[0]
    window.view.scans_tab.select_id(BASELINE.id)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert calls[1]["scan"] == BASELINE
    assert window.session is not None
    assert window.session.history.to_undo() is None


def test_a_changed_person_renames_the_window_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_record(window, qtbot, record_path, no_statement())
    calls = answer(monkeypatch, PersonDialog, Person("Ana M. Example", dt.date(1961, 4, 9)))
    window.edits.edit_person_action.trigger()
    # The dialog learns the record's earliest date (the diagnosis): no birth may come after it.
    assert calls[0]["earliest"] == dt.date(2023, 12, 1)
    assert window.windowTitle() == "Survivorship Tracker — Ana M. Example"
    window.undo_action.trigger()
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"


def test_the_cancer_selector_appears_with_a_second_cancer(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_record(window, qtbot, record_path, no_statement())
    view = window.view
    assert not view.cancer_selector.isVisibleTo(window)
    assert not window.edits.delete_cancer_action.isEnabled()
    answer(monkeypatch, CancerDialog, Cancer("c2", "Skin cancer", "back"))

    window.edits.add_cancer_action.trigger()

    assert view.cancer_selector.isVisibleTo(window)
    assert view.cancer_selector.count() == 2
    assert view.cancer_selector.currentText() == "Skin cancer"
    assert view.scans_tab.model.rowCount() == 0
    view.cancer_selector.setCurrentIndex(0)
    assert view.scans_tab.model.rowCount() == 1
    assert window.edits.delete_cancer_action.isEnabled()

    window.undo_action.trigger()
    assert not view.cancer_selector.isVisibleTo(window)


def test_a_deleted_cancer_comes_back_whole(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = small_record(scans=(BASELINE, SHRUNK))
    two = dataclasses.replace(
        record, cancers=(*record.cancers, Cancer("c2", "Skin cancer", "back"))
    )
    store = open_record(window, qtbot, record_path, two)
    asked = message_boxes(monkeypatch, "question", Yes)
    window.edits.delete_cancer_action.trigger()
    assert "Delete “Breast cancer” with all its scans" in asked[0][1]
    assert [cancer.id for cancer in store.cancers()] == ["c2"]
    assert window.view.scans_tab.model.rowCount() == 0
    window.undo_action.trigger()
    assert set(store.scans("c1")) == {BASELINE, SHRUNK}
    assert store.questions("c1") == record.questions


def test_a_suggested_question_joins_my_questions(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    store = open_record(window, qtbot, record_path, no_statement(scans=(BASELINE, SHRUNK)))
    view = window.view
    suggestions = view.suggestions.stringList()
    assert suggestions, "an unconfirmed response makes the app suggest a question"
    assert not view.adopt_button.isEnabled()
    view.suggestion_list.setCurrentIndex(view.suggestions.index(0, 0))
    qtbot.mouseClick(view.adopt_button, Qt.MouseButton.LeftButton)
    assert suggestions[0] in [question.text for question in store.questions()]
    assert suggestions[0] not in view.suggestions.stringList()
    assert view.questions_tab.model.rowCount() == 2


def test_a_failed_write_is_explained_and_nothing_is_undoable(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_record(window, qtbot, record_path, no_statement())

    def disk_full(*_args: object) -> None:
        raise RecordWriteError("Your change could not be saved because the disk is full.")

    monkeypatch.setattr(store, "add_scan", disk_full)
    answer(monkeypatch, ScanDialog, ScanEntry(SHRUNK))
    shown = message_boxes(monkeypatch, "warning")
    window.edits.adding[edit_actions.SCAN].trigger()
    assert shown == [
        ("Your change was not saved", "Your change could not be saved because the disk is full.")
    ]
    assert not window.undo_action.isEnabled()
    assert window.view.scans_tab.model.rowCount() == 1


def test_the_example_opens_in_a_temporary_place_and_never_touches_the_record(
    qtbot: QtBot, window: MainWindow, record_path: Path, settings: AppSettings
) -> None:
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    session = window.session
    assert session is not None
    assert session.is_example
    example = session.path
    assert example.exists()
    assert example.parent.name.startswith("survivor-example-")
    assert record_path.parent not in example.parents
    assert window.windowTitle() == "Survivorship Tracker — Margaret Ellis (example)"
    assert window.view.banner.isVisibleTo(window)
    assert window.view.cancer_selector.isVisibleTo(window)

    qtbot.mouseClick(window.view.close_example_button, Qt.MouseButton.LeftButton)

    assert not example.parent.exists()
    assert not record_path.exists()
    assert window.pages.currentWidget() is window.welcome
    assert window.windowTitle() == "Survivorship Tracker"
    assert settings.recent_records() == []


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        ("foreign", NotARecordError.sentence),
        ("damaged", DAMAGED_WITHOUT_BACKUP),
        ("newer", NewerRecordError.sentence),
    ],
)
def test_a_record_that_cannot_be_opened_gets_a_message_and_stays_as_it_was(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: str,
    sentence: str,
) -> None:
    path = tmp_path / f"{make}.survivor"
    if make == "foreign":
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("CREATE TABLE recipe (name TEXT)")
    else:
        write_record_file(path, small_record())
        if make == "damaged":
            with path.open("r+b") as file:
                file.seek(100)
                file.write(b"\xff" * 400)
        else:
            with closing(sqlite3.connect(path)) as connection:
                connection.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    monkeypatch.setattr(
        "survivor_app.gui.file_actions.QFileDialog.getOpenFileName",
        lambda *_args: (str(path), ""),
    )
    shown = message_boxes(monkeypatch, "warning")

    window.files.open_action.trigger()

    assert shown == [("This record cannot be opened", sentence)]
    assert path.read_bytes() == before
    assert window.session is None
    assert window.pages.currentWidget() is window.welcome


def test_a_record_that_cannot_be_opened_leaves_the_open_one_open(
    qtbot: QtBot,
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_record(window, qtbot, record_path, no_statement())
    text_file = tmp_path / "notes.txt"
    text_file.write_text("Not a record.")
    message_boxes(monkeypatch, "warning")
    assert not window.open_record(text_file)
    assert window.session is not None
    assert window.session.path == record_path
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"


def test_the_glossary_page_shows_the_words(window: MainWindow) -> None:
    window.help.glossary_action.trigger()
    (glossary,) = window.findChildren(GlossaryPage)
    assert glossary.isVisible()
    text = glossary.browser.toPlainText()
    assert text.startswith("What do these words mean?")
    assert "Partial remission" in text


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit)

    def unnamed() -> list[str]:
        missing = []
        for widget in window.findChildren(QWidget):
            if not isinstance(widget, kinds) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            # Popups (the list of a combo box) are windows of their own, named by their owner.
            if widget.window() is not window:
                continue
            # Line edits inside date fields and combo boxes speak for their owner.
            if isinstance(widget, QLineEdit) and isinstance(
                widget.parent(), QAbstractSpinBox | QComboBox
            ):
                continue
            if type(widget).__name__ in {"QTabBar", "QScrollBar", "QToolButton"}:
                continue
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
        return missing

    assert unnamed() == []
    open_record(window, qtbot, record_path, no_statement())
    assert unnamed() == []
    # On Linux Qt names a combo box by its value: a label for it says what it is.
    assert heard_names(window.view.cancer_selector)[1:] == ["Cancer:"]
    for table in window.findChildren(QTableView):
        header = table.horizontalHeader()
        titles = [
            table.model().headerData(column, Qt.Orientation.Horizontal)
            for column in range(header.count())
        ]
        assert header.accessibleName() == f"{table.accessibleName()}: column headings"
        assert all(titles), (table.accessibleName(), titles)


def test_the_window_remembers_its_geometry(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, record_path: Path
) -> None:
    # Smaller than the offscreen screen (800 × 600), which a restored window must fit.
    window.resize(700, 500)
    window.close()
    assert settings.window_geometry() is not None
    again = MainWindow(settings, record_path)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_open_recent_lists_the_records_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, record_path: Path
) -> None:
    other = tmp_path / "other.survivor"
    write_record_file(other, no_statement())
    open_record(window, qtbot, record_path, no_statement())
    assert window.open_record(other)
    window.files.recent_menu.aboutToShow.emit()
    actions = window.files.recent_menu.actions()
    assert [action.text() for action in actions] == [
        str(other.resolve()),
        str(record_path.resolve()),
    ]
    actions[1].trigger()
    assert window.session is not None
    assert window.session.path == record_path.resolve()


def test_the_example_from_the_help_menu_returns_to_the_record(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    open_record(window, qtbot, record_path, no_statement())
    window.help.example_action.trigger()
    assert window.windowTitle().endswith("(example)")
    qtbot.mouseClick(window.view.close_example_button, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    assert window.session is not None
    assert window.session.path == record_path
    assert not window.view.banner.isVisibleTo(window)


def test_the_tab_key_walks_the_window_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    window.open_example()
    view = window.view
    view.close_example_button.setFocus()
    walked = []
    for _ in range(7):
        walked.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert walked == [
        view.close_example_button,
        view.cancer_selector,
        view.period_list,
        view.explanation,
        view.tabs.tabBar(),
        view.scans_tab.table,
        view.scans_tab.add_button,
    ]


def damage(path: Path) -> None:
    """Overwrite part of a record's first page, as a failing disk might."""
    with path.open("r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 400)


def test_a_copy_of_the_newest_good_backup_opens_in_place_of_a_damaged_record(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, no_statement())
    with RecordStore.open(record_path, create=False) as store:
        BackupFolder(store.path).make(store, "by-hand")
    damage(record_path)
    damaged = record_path.read_bytes()
    asked = message_boxes(monkeypatch, "question", Yes)
    assert window.open_record(record_path)
    ((title, text),) = asked
    assert title == "This record is damaged"
    assert "The newest good backup is from" in text
    assert window.session is not None
    assert window.session.store.load() == no_statement()
    assert window.session.path.parent == record_path.parent
    assert window.session.path.name.startswith("test (from the backup of ")
    assert window.home_record == window.session.path
    assert record_path.read_bytes() == damaged


def test_a_second_copy_of_a_backup_never_replaces_the_first(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, no_statement())
    with RecordStore.open(record_path, create=False) as store:
        BackupFolder(store.path).make(store, "by-hand")
    damage(record_path)
    message_boxes(monkeypatch, "question", Yes)
    assert window.open_record(record_path)
    assert window.session is not None
    first = window.session.path
    first_bytes = first.read_bytes()
    assert window.open_record(record_path)
    assert window.session.path != first
    assert window.session.path.name.endswith(" 2).survivor")
    assert first.read_bytes() == first_bytes


def test_a_damaged_record_is_left_alone_when_the_backup_is_declined(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, no_statement())
    with RecordStore.open(record_path, create=False) as store:
        BackupFolder(store.path).make(store, "by-hand")
    damage(record_path)
    before = record_path.read_bytes()
    message_boxes(monkeypatch, "question", No)
    assert not window.open_record(record_path)
    assert record_path.read_bytes() == before


def test_a_record_open_elsewhere_can_be_looked_at_read_only(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, no_statement(scans=(BASELINE, SHRUNK)))
    with RecordStore.open(record_path, create=False):
        declined = message_boxes(monkeypatch, "question", No)
        assert not window.open_record(record_path)
        assert declined[0][0] == "This record is open in another window"
        message_boxes(monkeypatch, "question", Yes)
        assert window.open_record(record_path)
        view = window.view
        assert window.windowTitle() == "Survivorship Tracker — Ana Example (read-only)"
        assert view.banner.isVisibleTo(window)
        assert not view.close_example_button.isVisibleTo(window)
        assert not window.edits.adding[edit_actions.SCAN].isEnabled()
        assert not window.edits.edit_person_action.isEnabled()
        assert window.files.export_actions["json"].isEnabled()
        assert not view.scans_tab.add_button.isEnabled()
        view.scans_tab.select_id(SHRUNK.id)
        assert not view.scans_tab.delete_button.isEnabled()
        assert view.scans_tab.model.rowCount() == 2
        assert len(period_labels(window)) == 2


def test_opening_a_record_makes_its_daily_backup(window: MainWindow, record_path: Path) -> None:
    write_record_file(record_path, no_statement())
    assert not paths.backups_dir(record_path).exists()
    window.open_record(record_path)
    (backup,) = paths.backups_dir(record_path).iterdir()
    assert "daily" in backup.name
