"""The main window: the welcome page or the open record, its menus, and every edit made through
the dialogs, each one a change written by the record session."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from survivor_app.changes import (
    QUESTIONS,
    SCANS,
    STATEMENTS,
    TREATMENTS,
    AddCancer,
    Added,
    AddScan,
    Change,
    ChangeCancer,
    Changed,
    ChangePerson,
    ChangeScan,
    DeleteCancer,
    Fill,
    Part,
    Removed,
    ReplaceContent,
    StartRecord,
    Write,
)
from survivor_app.domain import Cancer, Person, Question, Record, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import TREATMENT_KIND_WORDS, shorten
from survivor_app.exchange import (
    EXPORTERS,
    ExchangeError,
    demo_record,
    read_bounded,
    read_record,
)
from survivor_app.files import write_private
from survivor_app.gui.dates import long_date
from survivor_app.gui.dialogs import (
    CancerDialog,
    PersonDialog,
    QuestionDialog,
    RestoreDialog,
    ScanDialog,
    StatementDialog,
    TreatmentDialog,
)
from survivor_app.gui.dialogs.restore import made_when
from survivor_app.gui.record_session import RecordSession
from survivor_app.gui.save_paths import start_folder, suggested_export
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.summary_actions import export_summary_pdf, print_summary
from survivor_app.gui.widgets.glossary import GlossaryPage
from survivor_app.gui.widgets.record_view import EXAMPLE_BANNER, READ_ONLY_BANNER, RecordView
from survivor_app.gui.widgets.saved_notice import SavedNotice
from survivor_app.gui.widgets.welcome import WelcomePage
from survivor_app.storage import (
    BackupFolder,
    DamagedRecordError,
    RecordError,
    RecordLockedError,
    RecordNotWritableError,
    RecordStore,
    RecordWriteError,
)

APP_TITLE = "Survivorship Tracker"
#: Below this width (in the screen's points) the window opens maximized the first time.
_SMALL_SCREEN_WIDTH = 1000
RECORD_FILTER = "Survivorship Tracker records (*.survivor);;All files (*)"
JSON_FILTER = "Record files (*.json);;All files (*)"
UNDO_HINT = "You can undo this with Edit ▸ Undo."
CANNOT_OPEN = "This record cannot be opened"
DAMAGED_WITHOUT_BACKUP = (
    "This record is damaged, so it cannot be opened. Nothing in it was changed, and there is "
    "no backup of it yet. Please keep the file: it may still be possible to recover it."
)
#: The banner of a read-only view of a record whose folder or file cannot be written to.
NOT_WRITABLE_BANNER = (
    "This record cannot be changed here, because its folder or file cannot be written to. "
    "You can look at it, print it and export it."
)
NOT_WRITTEN = (
    "The file could not be written. Check that the folder can be written to, then try again."
)


@dataclass(frozen=True, slots=True)
class ExportKind:
    """How File ▸ Export offers one of the exchange formats to the person."""

    #: The menu item, with its mnemonic.
    menu: str
    #: The save dialog's title.
    title: str
    #: What the suggested file name says after the record's name.
    name: str
    #: The file's ending, added when the person types a name without one.
    suffix: str
    #: The save dialog's filter.
    filter: str


#: The wording of each export in ``EXPORTERS``, by the same names.
EXPORT_KINDS = {
    "json": ExportKind("&JSON…", "Export the whole record as JSON", "record", ".json", JSON_FILTER),
    "csv": ExportKind(
        "&CSV (for spreadsheets)…",
        "Export the scans for a spreadsheet",
        "scans",
        ".csv",
        "Spreadsheet files (*.csv);;All files (*)",
    ),
    "fhir": ExportKind(
        "&FHIR (for health systems)…",
        "Export the record for a health system (FHIR)",
        "FHIR",
        ".json",
        "FHIR files (*.json);;All files (*)",
    ),
}


def _quoted(text: str, limit: int = 60) -> str:
    """A person's words inside a question to them, cut to a readable length."""
    words = " ".join(text.split())
    return f"“{shorten(words, limit)}”"


def _free_name(beside: Path, words: str) -> Path:
    """A file name beside ``beside`` that nothing has yet: ``record (words).survivor``, then
    ``record (words 2).survivor``, so an earlier copy with the person's edits is never replaced."""
    candidate = beside.with_name(f"{beside.stem} ({words}){beside.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = beside.with_name(f"{beside.stem} ({words} {number}){beside.suffix}")
    return candidate


def _same_file(one: Path, other: Path) -> bool:
    """True when both names lead to one file (a link, a second hard link, another spelling)."""
    try:
        return one.samefile(other)
    except OSError:
        return False


class MainWindow(QMainWindow):
    """The app's one window: the welcome page until a record has content, then the record."""

    def __init__(
        self, settings: AppSettings, home_record: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        #: The person's own record: started from the welcome page, reopened after the example.
        self.home_record = home_record
        self.session: RecordSession | None = None
        self._cancer_id: str | None = None
        #: What the banner of a read-only view says: why the record cannot be changed here.
        self._read_only_banner = READ_ONLY_BANNER
        self._glossary: GlossaryPage | None = None

        self.welcome = WelcomePage(self)
        self.view = RecordView(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.view)
        self.setCentralWidget(self.pages)
        # Shown once something is saved, to say what and where; until then it takes no room.
        self.saved_notice = SavedNotice(self)
        self.statusBar().addWidget(self.saved_notice, 1)
        self.statusBar().hide()
        self.welcome.start_requested.connect(self.start_record)
        self.welcome.example_requested.connect(self.open_example)
        self.welcome.open_requested.connect(self._choose_record)
        self.view.cancer_chosen.connect(self._choose_cancer)
        self.view.close_example_requested.connect(self._close_example)
        self.view.suggestion_adopted.connect(self._adopt_question)
        for tab, add, edit, delete in (
            (self.view.scans_tab, self.add_scan, self.edit_scan, self.delete_scan),
            (
                self.view.statements_tab,
                self.add_statement,
                self.edit_statement,
                self.delete_statement,
            ),
            (
                self.view.treatments_tab,
                self.add_treatment,
                self.edit_treatment,
                self.delete_treatment,
            ),
            (self.view.questions_tab, self.add_question, self.edit_question, self.delete_question),
        ):
            tab.add_requested.connect(add)
            tab.edit_requested.connect(edit)
            tab.delete_requested.connect(delete)
        self._build_menus()
        self._restore_layout()
        self._show_state()
        # The first thing to do on the welcome page is to type a name.
        self.welcome.name.setFocus()

    # Opening and closing records

    def start_at(self, record: Path) -> None:
        """Show a record at start-up: the welcome page when it does not exist yet or is empty."""
        self.home_record = record
        if record.exists():
            self.open_record(record)
        else:
            self._show_state()

    def open_record(self, path: Path) -> bool:
        """Open a record in place of the one open now; a plain message when it cannot be.

        A record open in another window, or in a folder or file that cannot be written to, can
        be looked at read-only; for a damaged one, a copy of its newest good backup can be
        opened instead, the damaged file left as it is. The record already open here, by any of
        its names, is simply shown.
        """
        if self.session is not None and _same_file(path, self.session.path):
            self.raise_()
            self.activateWindow()
            return True
        store: RecordStore | None
        try:
            store = RecordStore.open(path, create=False)
        except RecordLockedError as error:
            store = self._offer_read_only(path, error, "This record is open in another window")
            self._read_only_banner = READ_ONLY_BANNER
        except RecordNotWritableError as error:
            store = self._offer_read_only(path, error, "This record cannot be changed here")
            self._read_only_banner = NOT_WRITABLE_BANNER
        except DamagedRecordError as error:
            path, store = self._offer_backup_copy(path, error)
        except RecordError as error:
            QMessageBox.warning(self, CANNOT_OPEN, str(error))
            return False
        if store is None:
            return False
        session = RecordSession(store)
        session.back_up_if_due()
        self._set_session(session)
        self.home_record = path
        self.settings.remember_record(path)
        return True

    def _offer_read_only(self, path: Path, error: RecordError, title: str) -> RecordStore | None:
        answer = QMessageBox.question(
            self,
            title,
            f"{error}\n\nOpen a read-only view now? You can look at everything, but not change it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return RecordStore.open(path, read_only=True)
        except RecordError as refused:
            QMessageBox.warning(self, CANNOT_OPEN, str(refused))
            return None

    def _offer_backup_copy(
        self, path: Path, error: DamagedRecordError
    ) -> tuple[Path, RecordStore | None]:
        # SPEC.md §7 and issue 7: the damaged file is never written; its newest good backup is
        # copied beside it and opened in its place, so nothing of either is lost.
        folder = BackupFolder(path)
        backup = folder.newest_good()
        if backup is None:
            QMessageBox.warning(self, CANNOT_OPEN, DAMAGED_WITHOUT_BACKUP)
            return path, None
        made = next(info.made for info in folder.backups() if info.path == backup)
        day = made.astimezone().date()
        copy = _free_name(path, f"from the backup of {day.isoformat()}")
        answer = QMessageBox.question(
            self,
            "This record is damaged",
            f"{error}\n\nThe newest good backup is from {long_date(day)}. Open a copy of it? "
            f"The copy is saved as “{copy.name}” beside the damaged file, which stays as it is.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return path, None
        try:
            BackupFolder.copy_out(backup, copy)
            return copy, RecordStore.open(copy, create=False)
        except RecordError as refused:
            QMessageBox.warning(self, "The backup could not be opened", str(refused))
            return path, None

    def open_example(self) -> bool:
        """Open a copy of the example record in a temporary folder, clearly marked as an example."""
        folder = tempfile.TemporaryDirectory(prefix="survivor-example-")
        try:
            store = RecordStore.open(Path(folder.name) / "example.survivor", create=True)
        except RecordError as error:
            folder.cleanup()
            QMessageBox.warning(self, "The example cannot be opened", str(error))
            return False
        session = RecordSession(store, example_folder=folder)
        try:
            session.write(Fill(demo_record()))
        except RecordError as error:
            session.close()
            QMessageBox.warning(self, "The example cannot be opened", str(error))
            return False
        self._set_session(session)
        return True

    def start_record(self, person: Person, cancer: Cancer) -> bool:
        """Start the record with the welcome page's details: the person and their first cancer."""
        try:
            if self.session is None:
                self._set_session(RecordSession(RecordStore.open(self.home_record, create=True)))
                self.settings.remember_record(self.home_record)
            assert self.session is not None
            # Chosen first, so the views show the new cancer once the record has it.
            self._cancer_id = cancer.id
            self.session.write(StartRecord(person, cancer))
        except RecordError as error:
            QMessageBox.warning(self, "Your record could not be started", str(error))
            return False
        return True

    def _set_session(self, session: RecordSession) -> None:
        self._close_session()
        self.session = session
        self._cancer_id = None
        self.view.plot.use_snapshot(session.timeline_snapshot)
        session.record_changed.connect(self._show_change)
        session.write_failed.connect(self._show_write_failure)
        self._show_state()

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
            self.session = None
        self._name_undo_redo()

    def _close_example(self) -> None:
        self._close_session()
        self.start_at(self.home_record)

    # Showing the record

    def _show_change(self, change: Change) -> None:
        """Show what a change did: only the views of the parts it touched read them again."""
        touches = change.touches
        if touches.parts & (Part.PERSON | Part.CANCERS):
            # The title, the selector and which actions make sense may all change.
            self._show_state()
            return
        self._name_undo_redo()
        if self._cancer_id is not None and touches.concern(Part.HISTORY, self._cancer_id):
            self.view.show_cancer(*self._session().cancers.get(self._cancer_id))
        if touches.concern(Part.QUESTIONS, self._cancer_id):
            self.view.show_questions(self._questions_shown())

    def _questions_shown(self) -> list[Question]:
        """The questions about the cancer shown, and the general ones."""
        return [q for q in self._store().questions() if q.cancer_id in (None, self._cancer_id)]

    def _show_state(self) -> None:
        """Show what the record holds now; the cancer shown is read again only when a change
        has touched it since."""
        self._name_undo_redo()
        session = self.session
        store = session.store if session is not None else None
        person = store.person() if store is not None else None
        example = session is not None and session.is_example
        read_only = store is not None and store.read_only
        title = APP_TITLE if person is None else f"{APP_TITLE} — {person.name}"
        if example:
            title += " (example)"
        elif read_only:
            title += " (read-only)"
        self.setWindowTitle(title)
        editable = store is not None and person is not None and not read_only
        for action in self._record_actions:
            action.setEnabled(editable)
        for action in (
            *self.export_actions.values(),
            self.print_action,
            self.export_pdf_action,
        ):
            action.setEnabled(person is not None)
        self.save_copy_action.setEnabled(store is not None)
        self.import_action.setEnabled(not read_only)
        # A record that does not exist yet may still have backups to bring it back from.
        self.restore_action.setEnabled(not example and not read_only)
        if store is None or person is None:
            if self.pages.currentWidget() is not self.welcome:
                self.pages.setCurrentWidget(self.welcome)
                self.welcome.name.setFocus()
            return
        self.pages.setCurrentWidget(self.view)
        self.view.set_banner(
            EXAMPLE_BANNER if example else self._read_only_banner if read_only else None,
            closes_example=example,
        )
        self.view.set_editable(editable)
        cancers = store.cancers()
        ids = [cancer.id for cancer in cancers]
        if self._cancer_id not in ids:
            self._cancer_id = ids[0] if ids else None
        self.view.set_cancers(cancers, self._cancer_id)
        for action in self._cancer_actions:
            action.setEnabled(editable and self._cancer_id is not None)
        self.delete_cancer_action.setEnabled(editable and len(cancers) > 1)
        if self._cancer_id is None:
            self.view.show_no_cancer(self._questions_shown())
            return
        self.view.show_cancer(*self._session().cancers.get(self._cancer_id))
        self.view.show_questions(self._questions_shown())

    def _choose_cancer(self, cancer_id: str) -> None:
        self._cancer_id = cancer_id
        self._show_state()

    # Menus

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self._build_file_menu(menus.addMenu("&File"))
        edit_menu = menus.addMenu("&Edit")
        self.undo_action = edit_menu.addAction("&Undo", self.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = edit_menu.addAction("&Redo", self.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addSeparator()
        self.add_scan_action = edit_menu.addAction("Add &scan…", self.add_scan)
        # Not Ctrl+Shift+S: that is "Save as" (Save a copy) on most systems.
        self.add_scan_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_statement_action = edit_menu.addAction("Add s&tatement…", self.add_statement)
        self.add_statement_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.add_treatment_action = edit_menu.addAction("Add tr&eatment…", self.add_treatment)
        self.add_treatment_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.add_question_action = edit_menu.addAction("Add &question…", self.add_question)
        self.add_question_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        edit_menu.addSeparator()
        self.edit_person_action = edit_menu.addAction("Edit &person…", self.edit_person)
        self.add_cancer_action = edit_menu.addAction("Add &cancer…", self.add_cancer)
        self.edit_cancer_action = edit_menu.addAction("Edit c&ancer…", self.edit_cancer)
        self.delete_cancer_action = edit_menu.addAction("&Delete cancer…", self.delete_cancer)

        help_menu = menus.addMenu("&Help")
        self.glossary_action = help_menu.addAction("&What do these words mean?", self.show_glossary)
        self.glossary_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.example_action = help_menu.addAction("Look at an &example record", self.open_example)
        self.about_action = help_menu.addAction("&About Survivorship Tracker", self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        # Enabled once the record has a person and can be changed; the ones about a cancer
        # also need a cancer.
        self._cancer_actions = (
            self.add_scan_action,
            self.add_statement_action,
            self.add_treatment_action,
            self.edit_cancer_action,
        )
        self._record_actions = (
            self.edit_person_action,
            self.add_cancer_action,
            self.add_question_action,
            *self._cancer_actions,
            self.delete_cancer_action,
        )

    def _build_file_menu(self, file_menu: QMenu) -> None:
        self.new_action = file_menu.addAction("&New record…", self._new_record)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = file_menu.addAction("&Open…", self._choose_record)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_copy_action = file_menu.addAction("&Save a copy as…", self._save_copy)
        self.save_copy_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.import_action = file_menu.addAction("&Import…", self._import)
        export_menu = file_menu.addMenu("&Export")
        #: File ▸ Export's actions, one per format in ``EXPORTERS``, by its name.
        self.export_actions: dict[str, QAction] = {}
        for kind in EXPORTERS:
            action = export_menu.addAction(EXPORT_KINDS[kind].menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            self.export_actions[kind] = action
        self.export_json_action = self.export_actions["json"]
        file_menu.addSeparator()
        self.print_action = file_menu.addAction("&Print summary…", self.print_summary)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.export_pdf_action = file_menu.addAction(
            "Export summary as P&DF…", self.export_summary_pdf
        )
        file_menu.addSeparator()
        self.restore_action = file_menu.addAction("Res&tore from backup…", self.restore_from_backup)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction("&Quit", self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _name_undo_redo(self) -> None:
        # Named and enabled from the session's history, the one place that knows what can be
        # taken back.
        history = self.session.history if self.session is not None else None
        undo = history.to_undo() if history is not None else None
        redo = history.to_redo() if history is not None else None
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText("&Undo" if undo is None else f"&Undo {undo.name}")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText("&Redo" if redo is None else f"&Redo {redo.name}")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_records()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_record(p))
        if not recent:
            self.recent_menu.addAction("No records opened yet").setEnabled(False)

    # Edits, each one a change written by the record session

    def undo(self) -> None:
        """Take back the latest change (Edit ▸ Undo)."""
        if self.session is not None:
            self.session.undo()

    def redo(self) -> None:
        """Make the latest change taken back again (Edit ▸ Redo)."""
        if self.session is not None:
            self.session.redo()

    def _push(self, change: Write) -> bool:
        return self.session is not None and self.session.push(change)

    def _confirm_delete(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Delete?",
            f"{question} {UNDO_HINT}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _session(self) -> RecordSession:
        assert self.session is not None
        return self.session

    def _store(self) -> RecordStore:
        return self._session().store

    def _person(self) -> Person:
        person = self._store().person()
        assert person is not None
        return person

    def add_scan(self) -> None:
        """Ask for a new scan of the cancer shown (Edit ▸ Add scan)."""
        if self._cancer_id is None:
            return
        history, _analysis = self._session().cancers.get(self._cancer_id)
        entry = ScanDialog.ask(self, person=self._person(), history=history)
        if entry is not None and self._push(AddScan(entry.scan, tuple(entry.new_spots))):
            self.view.tabs.setCurrentWidget(self.view.scans_tab)
            self.view.scans_tab.select_id(entry.scan.id)

    def edit_scan(self, scan_id: str) -> None:
        """Ask for changes to a scan."""
        if self._cancer_id is None:
            return
        history, _analysis = self._session().cancers.get(self._cancer_id)
        scan = next(s for s in history.scans if s.id == scan_id)
        entry = ScanDialog.ask(self, person=self._person(), history=history, scan=scan)
        if entry is not None and (entry.scan != scan or entry.new_spots):
            self._push(ChangeScan(scan, entry.scan, tuple(entry.new_spots)))

    def delete_scan(self, scan_id: str) -> None:
        """Delete a scan with its sizes, after asking."""
        scan = next(s for s in self._store().scans() if s.id == scan_id)
        if self._confirm_delete(f"Delete the scan of {long_date(scan.date)}?"):
            self._push(Removed(SCANS, scan))

    def add_statement(self) -> None:
        """Ask for something a doctor said about the cancer shown (Edit ▸ Add statement)."""
        if self._cancer_id is None:
            return
        statement = StatementDialog.ask(
            self, person=self._person(), cancer=self._store().cancer(self._cancer_id)
        )
        if statement is not None and self._push(Added(STATEMENTS, statement)):
            self.view.tabs.setCurrentWidget(self.view.statements_tab)
            self.view.statements_tab.select_id(statement.id)

    def edit_statement(self, statement_id: str) -> None:
        """Ask for changes to a doctor's statement."""
        before = next(s for s in self._store().statements() if s.id == statement_id)
        after = StatementDialog.ask(
            self,
            person=self._person(),
            cancer=self._store().cancer(before.cancer_id),
            statement=before,
        )
        if after is not None and after != before:
            self._push(Changed(STATEMENTS, before, after))

    def delete_statement(self, statement_id: str) -> None:
        """Delete a doctor's statement, after asking."""
        statement = next(s for s in self._store().statements() if s.id == statement_id)
        if self._confirm_delete(f"Delete the doctor’s statement of {long_date(statement.date)}?"):
            self._push(Removed(STATEMENTS, statement))

    def add_treatment(self) -> None:
        """Ask for a treatment of the cancer shown (Edit ▸ Add treatment)."""
        if self._cancer_id is None:
            return
        treatment = TreatmentDialog.ask(
            self, person=self._person(), cancer=self._store().cancer(self._cancer_id)
        )
        if treatment is not None and self._push(Added(TREATMENTS, treatment)):
            self.view.tabs.setCurrentWidget(self.view.treatments_tab)
            self.view.treatments_tab.select_id(treatment.id)

    def edit_treatment(self, treatment_id: str) -> None:
        """Ask for changes to a treatment."""
        before = next(t for t in self._store().treatments() if t.id == treatment_id)
        after = TreatmentDialog.ask(
            self,
            person=self._person(),
            cancer=self._store().cancer(before.cancer_id),
            treatment=before,
        )
        if after is not None and after != before:
            self._push(Changed(TREATMENTS, before, after))

    def delete_treatment(self, treatment_id: str) -> None:
        """Delete a treatment, after asking."""
        treatment = next(t for t in self._store().treatments() if t.id == treatment_id)
        name = treatment.name or TREATMENT_KIND_WORDS[treatment.kind]
        if self._confirm_delete(
            f"Delete the treatment {_quoted(name)} that started on {long_date(treatment.start)}?"
        ):
            self._push(Removed(TREATMENTS, treatment))

    def add_question(self) -> None:
        """Ask for a question for the next appointment (Edit ▸ Add question)."""
        store = self._store()
        question = QuestionDialog.ask(
            self, person=self._person(), cancers=store.cancers(), cancer_id=self._cancer_id
        )
        if question is not None and self._push(Added(QUESTIONS, question)):
            self.view.tabs.setCurrentWidget(self.view.questions_tab)
            self.view.questions_tab.select_id(question.id)

    def edit_question(self, question_id: str) -> None:
        """Ask for changes to a question: mark it asked, write the answer."""
        store = self._store()
        before = next(q for q in store.questions() if q.id == question_id)
        after = QuestionDialog.ask(
            self, person=self._person(), cancers=store.cancers(), question=before
        )
        if after is not None and after != before:
            self._push(Changed(QUESTIONS, before, after))

    def delete_question(self, question_id: str) -> None:
        """Delete a question, after asking."""
        question = next(q for q in self._store().questions() if q.id == question_id)
        if self._confirm_delete(f"Delete the question {_quoted(question.text)}?"):
            self._push(Removed(QUESTIONS, question))

    def _adopt_question(self, text: str) -> None:
        question = Question(id=new_id("question"), text=text, cancer_id=self._cancer_id)
        if self._push(Added(QUESTIONS, question)):
            self.view.questions_tab.select_id(question.id)

    def edit_person(self) -> None:
        """Ask for changes to whose record this is (Edit ▸ Edit person)."""
        before = self._person()
        record = self._store().load()
        earliest = None if record is None else rules.earliest_recorded_date(record)
        after = PersonDialog.ask(self, person=before, earliest=earliest)
        if after is not None and after != before:
            self._push(ChangePerson(before, after))

    def add_cancer(self) -> None:
        """Ask for another cancer to follow, and show it (Edit ▸ Add cancer)."""
        cancer = CancerDialog.ask(self, person=self._person())
        if cancer is None:
            return
        shown = self._cancer_id
        # Chosen before the change is written, so the views refresh onto the new cancer.
        self._cancer_id = cancer.id
        if not self._push(AddCancer(cancer)):
            self._cancer_id = shown

    def edit_cancer(self) -> None:
        """Ask for changes to the cancer shown (Edit ▸ Edit cancer)."""
        if self._cancer_id is None:
            return
        before = self._store().cancer(self._cancer_id)
        after = CancerDialog.ask(self, person=self._person(), cancer=before)
        if after is not None and after != before:
            self._push(ChangeCancer(before, after))

    def delete_cancer(self) -> None:
        """Delete the cancer shown with everything recorded about it, after asking."""
        if self._cancer_id is None:
            return
        store = self._store()
        history, _analysis = self._session().cancers.get(self._cancer_id)
        if self._confirm_delete(
            f"Delete {_quoted(history.cancer.name)} with all its scans, doctor’s statements, "
            "treatments and questions?"
        ):
            self._push(DeleteCancer(history, store.questions(self._cancer_id)))

    # File menu

    def _new_record(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Where should the new record be kept?", str(self._folder()), RECORD_FILTER
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".survivor")
        if path.exists():
            # Never write over a file: a record chosen here is simply opened.
            self.open_record(path)
            return
        try:
            store = RecordStore.open(path, create=True)
        except RecordError as error:
            QMessageBox.warning(self, "The new record could not be made", str(error))
            return
        self.home_record = path
        self.settings.remember_record(path)
        self.welcome.reset()
        self._set_session(RecordSession(store))

    def _choose_record(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a record", str(self._folder()), RECORD_FILTER
        )
        if name:
            self.open_record(Path(name))

    def _save_copy(self) -> None:
        if self.session is None:
            return
        path = self.session.path
        suggested = suggested_export(path, "copy", path.suffix, self._save_folder())
        name, _ = QFileDialog.getSaveFileName(
            self, "Save a copy of the record", str(suggested), RECORD_FILTER
        )
        if not name:
            return
        target = Path(name)
        if target.resolve() == self.session.path.resolve():
            QMessageBox.information(
                self, "Choose another place", "A copy needs another name or another folder."
            )
            return
        try:
            self.session.store.backup_to(target)
        except RecordWriteError as error:
            QMessageBox.warning(self, "The copy could not be saved", str(error))
            return
        self._tell_saved("A copy of the record", target)

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a record file", str(Path.home()), JSON_FILTER
        )
        if not name:
            return
        try:
            record = read_record(read_bounded(Path(name)))
        except OSError:
            QMessageBox.warning(
                self,
                "The file could not be read",
                "The file could not be read. Nothing was changed.",
            )
            return
        except ExchangeError as error:
            QMessageBox.warning(
                self,
                "This file cannot be imported",
                f"This file cannot be imported, so nothing was changed.\n\n{error}",
            )
            return
        self.import_record(record)

    def import_record(self, record: Record) -> bool:
        """Put an imported record's content in the open record (or start the home record with
        it); a record with content is backed up first, and the import can be undone."""
        try:
            if self.session is None:
                self._set_session(RecordSession(RecordStore.open(self.home_record, create=True)))
                self.settings.remember_record(self.home_record)
            assert self.session is not None
            store = self.session.store
            before = store.load()
            if before is None:
                self.session.write(Fill(record))
                return True
            if (
                QMessageBox.question(
                    self,
                    "Replace this record?",
                    "Replace everything in this record with the file’s content? "
                    f"A backup copy is made first. {UNDO_HINT}",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                != QMessageBox.StandardButton.Yes
            ):
                return False
            BackupFolder(store.path).make(store, "before-import")
        except RecordError as error:
            QMessageBox.warning(self, "Nothing was imported", str(error))
            return False
        return self._push(ReplaceContent(before, record))

    def export(self, kind: str) -> Path | None:
        """Export the record in one of the formats of ``EXPORTERS`` (File ▸ Export), where the
        person chooses; the file written, or None when cancelled or it could not be written."""
        record = self.session.store.load() if self.session is not None else None
        if record is None or self.session is None:
            return None
        wording = EXPORT_KINDS[kind]
        suggested = suggested_export(
            self.session.path, wording.name, wording.suffix, self._save_folder()
        )
        name, _ = QFileDialog.getSaveFileName(self, wording.title, str(suggested), wording.filter)
        if not name:
            return None
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(wording.suffix)
        if self.session is not None and target.resolve() == self.session.path.resolve():
            # write_private replaces a file whole: this one would be the record itself.
            QMessageBox.information(
                self, "Choose another place", "The export needs another name than the record."
            )
            return None
        try:
            write_private(target, EXPORTERS[kind](record))
        except OSError:
            QMessageBox.warning(self, "The file could not be written", NOT_WRITTEN)
            return None
        self._tell_saved("The export", target)
        return target

    def print_summary(self) -> None:
        """Show the printed summary of the cancer in view, then print it (File ▸ Print summary)."""
        record = self.session.store.load() if self.session is not None else None
        if record is not None:
            print_summary(self, record, self._cancer_id)

    def export_summary_pdf(self) -> Path | None:
        """Save the printed summary of the cancer in view as a PDF (File ▸ Export summary as
        PDF); the file written, or None."""
        record = self.session.store.load() if self.session is not None else None
        if record is None or self.session is None:
            return None
        written = export_summary_pdf(
            self, record, self._cancer_id, named_after=self.session.path, folder=self._save_folder()
        )
        if written is not None:
            self._tell_saved("The summary", written)
        return written

    def _save_folder(self) -> Path:
        """Where a save dialog opens: the folder last saved into, or the documents folder."""
        return start_folder(self.settings.save_folder())

    def _tell_saved(self, what: str, path: Path) -> None:
        """Say in the status bar what was saved where, and remember the folder for next time."""
        self.settings.remember_save_folder(path.parent)
        self.saved_notice.tell(what, path)
        self.statusBar().show()

    def restore_from_backup(self) -> bool:
        """Put one of the record's backups back in its place, after keeping the record as it is
        now as a backup too (File ▸ Restore from backup); True once restored."""
        session = self.session
        if session is not None and (session.is_example or session.store.read_only):
            return False
        record = session.path if session is not None else self.home_record
        backup = RestoreDialog.ask(self, record=record)
        if backup is None:
            return False
        made = {info.path: info.made for info in BackupFolder(record).backups()}.get(backup)
        when = "" if made is None else f" on {made_when(made)}"
        try:
            if session is None:
                # No record here yet (deleted, or never made): the backup becomes it.
                BackupFolder(record).restore(backup)
                if not self.open_record(record):
                    return False
            else:
                session.restore(backup)
        except RecordError as error:
            QMessageBox.warning(self, "The backup was not restored", str(error))
            return False
        QMessageBox.information(
            self,
            "Your record was restored",
            f"Your record is back as it was{when}. What it held a moment ago "
            "is kept as a backup too, so nothing is lost.",
        )
        return True

    def _folder(self) -> Path:
        return self.home_record.parent if self.home_record.parent.exists() else Path.home()

    # Help menu

    def show_glossary(self) -> None:
        """Open "What do these words mean?" beside the window."""
        if self._glossary is None:
            self._glossary = GlossaryPage(self)
        self._glossary.show()
        self._glossary.raise_()
        self._glossary.activateWindow()

    def _about(self) -> None:
        try:
            version = metadata.version("survivor-app")
        except metadata.PackageNotFoundError:
            version = "(version not known)"
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<p><b>{APP_TITLE}</b> {version}</p>"
            "<p>Keep your own record of your scans and of what your doctors said. "
            "Everything stays on this computer.</p>"
            "<p>The app does not diagnose. The labels follow published rules for solid "
            "tumours; your care team decides what your results mean.</p>",
        )

    # Problems and the window's own state

    def _show_write_failure(self, sentence: str) -> None:
        QMessageBox.warning(self, "Your change was not saved", sentence)

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))
            if screen.width() < _SMALL_SCREEN_WIDTH:
                # A small screen, or large text: the whole of it, as the window system fits it.
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        for name, splitter in self.view.splitters().items():
            state = self.settings.splitter_state(name)
            if state is not None:
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's layout and close the record (every change is already saved)."""
        self.settings.set_window_geometry(self.saveGeometry())
        for name, splitter in self.view.splitters().items():
            self.settings.set_splitter_state(name, splitter.saveState())
        self._close_session()
        if self._glossary is not None:
            self._glossary.close()
        super().closeEvent(event)
