"""The File menu: new, open and recent records, a copy saved, import, the exports, the printed
summary, restoring from a backup; and the word in the status bar after something is saved.

Reading and importing records, the exporters, the summary, printing, the restore dialog and where
to save (``save_paths``) are imported when first used, so the window starts without them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from survivor_app.gui.opening import Opened, start_record
from survivor_app.gui.record_session import RecordSession
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.widgets.saved_notice import SavedNotice
from survivor_app.storage import BackupFolder, RecordError, RecordWriteError

if TYPE_CHECKING:
    from survivor_app.domain import Record
    from survivor_app.gui.widgets.welcome import WelcomePage

RECORD_FILTER = "Survivorship Tracker records (*.survivor);;All files (*)"
JSON_FILTER = "Record files (*.json);;All files (*)"
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


class HoldsRecords(Protocol):
    """What the file actions need of the window: the record open, the person's own record,
    and opening another."""

    home_record: Path
    settings: AppSettings
    cancer_id: str | None

    @property
    def welcome(self) -> WelcomePage: ...

    @property
    def session(self) -> RecordSession | None: ...

    def open_record(self, path: Path) -> bool: ...

    def show_opened(self, opened: Opened) -> None: ...

    def own_record(self) -> RecordSession: ...


class FileActions(QObject):
    """The File menu's actions, and what each does."""

    def __init__(self, parent: QMainWindow, window: HoldsRecords, menu: QMenu) -> None:
        super().__init__(parent)
        self._parent = parent
        self._window = window
        # Shown once something is saved, to say what and where; until then it takes no room.
        self.saved_notice = SavedNotice(parent)
        parent.statusBar().addWidget(self.saved_notice, 1)
        parent.statusBar().hide()
        self.new_action = menu.addAction("&New record…", self.new_record)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = menu.addAction("&Open…", self.choose_record)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_copy_action = menu.addAction("&Save a copy as…", self.save_copy)
        self.save_copy_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        menu.addSeparator()
        self.import_action = menu.addAction("&Import…", self.import_file)
        export_menu = menu.addMenu("&Export")
        #: File ▸ Export's actions, one per format in ``EXPORTERS``, by its name.
        self.export_actions: dict[str, QAction] = {}
        for kind, wording in EXPORT_KINDS.items():
            action = export_menu.addAction(wording.menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            self.export_actions[kind] = action
        menu.addSeparator()
        self.print_action = menu.addAction("&Print summary…", self.print_summary)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.export_pdf_action = menu.addAction("Export summary as P&DF…", self.export_summary_pdf)
        menu.addSeparator()
        self.restore_action = menu.addAction("Res&tore from backup…", self.restore_from_backup)
        menu.addSeparator()
        self.quit_action = menu.addAction("&Quit", parent.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def enable(self, *, has_person: bool, read_only: bool) -> None:
        """Enable what makes sense for the record open (or for none)."""
        session = self._window.session
        for action in (*self.export_actions.values(), self.print_action, self.export_pdf_action):
            action.setEnabled(has_person)
        self.save_copy_action.setEnabled(session is not None)
        self.import_action.setEnabled(not read_only)
        # A record that does not exist yet may still have backups to bring it back from.
        example = session is not None and session.is_example
        self.restore_action.setEnabled(not example and not read_only)

    def new_record(self) -> None:
        """Ask where to keep a new record, and open it (File ▸ New record)."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Where should the new record be kept?", str(self._folder()), RECORD_FILTER
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".survivor")
        if path.exists():
            # Never write over a file: a record chosen here is simply opened.
            self._window.open_record(path)
            return
        try:
            opened = start_record(path)
        except RecordError as error:
            QMessageBox.warning(self._parent, "The new record could not be made", str(error))
            return
        self._window.home_record = path
        self._window.settings.remember_record(path)
        self._window.welcome.reset()
        self._window.show_opened(opened)

    def choose_record(self) -> None:
        """Ask which record to open, and open it (File ▸ Open)."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Open a record", str(self._folder()), RECORD_FILTER
        )
        if name:
            self._window.open_record(Path(name))

    def save_copy(self) -> None:
        """Save a copy of the record where the person chooses (File ▸ Save a copy as)."""
        session = self._window.session
        if session is None:
            return
        from survivor_app.gui.save_paths import suggested_export

        suggested = suggested_export(session.path, "copy", session.path.suffix, self._saves())
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Save a copy of the record", str(suggested), RECORD_FILTER
        )
        if not name:
            return
        target = Path(name)
        if target.resolve() == session.path.resolve():
            QMessageBox.information(
                self._parent, "Choose another place", "A copy needs another name or another folder."
            )
            return
        try:
            session.store.backup_to(target)
        except RecordWriteError as error:
            QMessageBox.warning(self._parent, "The copy could not be saved", str(error))
            return
        self._tell_saved("A copy of the record", target)

    def import_file(self) -> None:
        """Ask for a record file and import it (File ▸ Import)."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Import a record file", str(Path.home()), JSON_FILTER
        )
        if not name:
            return
        from survivor_app.exchange import ExchangeError, read_bounded, read_record

        try:
            record = read_record(read_bounded(Path(name)))
        except OSError:
            QMessageBox.warning(
                self._parent,
                "The file could not be read",
                "The file could not be read. Nothing was changed.",
            )
            return
        except ExchangeError as error:
            QMessageBox.warning(
                self._parent,
                "This file cannot be imported",
                f"This file cannot be imported, so nothing was changed.\n\n{error}",
            )
            return
        self.import_record(record)

    def import_record(self, record: Record) -> bool:
        """Put an imported record's content in the open record (or start the home record with
        it); a record with content is backed up first, and the import can be undone."""
        from survivor_app.changes import import_record

        try:
            session = self._window.own_record()
            if session.store.load() is not None and (
                QMessageBox.question(
                    self._parent,
                    "Replace this record?",
                    "Replace everything in this record with the file’s content? "
                    "A backup copy is made first. You can undo this with Edit ▸ Undo.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                != QMessageBox.StandardButton.Yes
            ):
                return False
            import_record(session.store, record, session.write)
        except RecordError as error:
            QMessageBox.warning(self._parent, "Nothing was imported", str(error))
            return False
        return True

    def export(self, kind: str) -> Path | None:
        """Export the record in one of the formats of ``EXPORTERS`` (File ▸ Export), where the
        person chooses; the file written, or None when cancelled or it could not be written."""
        session = self._window.session
        record = session.store.load() if session is not None else None
        if record is None or session is None:
            return None
        wording = EXPORT_KINDS[kind]
        from survivor_app.gui.save_paths import suggested_export

        suggested = suggested_export(session.path, wording.name, wording.suffix, self._saves())
        name, _ = QFileDialog.getSaveFileName(
            self._parent, wording.title, str(suggested), wording.filter
        )
        if not name:
            return None
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(wording.suffix)
        from survivor_app.exchange import export_files
        from survivor_app.files import write_private_files

        # A CSV of a record with marker results has their sheet beside it.
        files = export_files(kind, record, target)
        if any(path.resolve() == session.path.resolve() for path, _ in files):
            # A file is replaced whole: this one would be the record itself.
            QMessageBox.information(
                self._parent,
                "Choose another place",
                "The export needs another name than the record.",
            )
            return None
        # The save dialog asked about the file the person named; the sheet beside it was never
        # named, so an old file of that name is replaced only when the person says so.
        for path, _ in files[1:]:
            if path.exists() and not self._replace_beside(path):
                return None
        try:
            write_private_files(files)
        except OSError:
            QMessageBox.warning(self._parent, "The file could not be written", NOT_WRITTEN)
            return None
        self._tell_saved("The export", target, *(path for path, _ in files[1:]))
        return target

    def _replace_beside(self, path: Path) -> bool:
        """Ask whether to replace the file of this name beside the export; No by default."""
        return (
            QMessageBox.question(
                self._parent,
                "Replace the marker sheet?",
                f"“{path.name}” already exists in {path.parent.name or path.parent}. "
                "The export puts the tumour marker results in a sheet of that name, beside the "
                "scans’ sheet. Replace it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            == QMessageBox.StandardButton.Yes
        )

    def print_summary(self) -> None:
        """Show the printed summary of the cancer in view, then print it (File ▸ Print summary)."""
        from survivor_app.gui.summary_actions import print_summary

        session = self._window.session
        record = session.store.load() if session is not None else None
        if record is not None:
            print_summary(self._parent, record, self._window.cancer_id)

    def export_summary_pdf(self) -> Path | None:
        """Save the printed summary of the cancer in view as a PDF (File ▸ Export summary as
        PDF); the file written, or None."""
        from survivor_app.gui.summary_actions import export_summary_pdf

        session = self._window.session
        record = session.store.load() if session is not None else None
        if record is None or session is None:
            return None
        written = export_summary_pdf(
            self._parent,
            record,
            self._window.cancer_id,
            named_after=session.path,
            folder=self._saves(),
        )
        if written is not None:
            self._tell_saved("The summary", written)
        return written

    def restore_from_backup(self) -> bool:
        """Put one of the record's backups back in its place, after keeping the record as it is
        now as a backup too (File ▸ Restore from backup); True once restored."""
        from survivor_app.gui.dialogs.restore import RestoreDialog, made_when

        session = self._window.session
        if session is not None and (session.is_example or session.store.read_only):
            return False
        record = session.path if session is not None else self._window.home_record
        backup = RestoreDialog.ask(self._parent, record=record)
        if backup is None:
            return False
        made = {info.path: info.made for info in BackupFolder(record).backups()}.get(backup)
        when = "" if made is None else f" on {made_when(made)}"
        try:
            if session is None:
                # No record here yet (deleted, or never made): the backup becomes it.
                BackupFolder(record).restore(backup)
                if not self._window.open_record(record):
                    return False
            else:
                session.restore(backup)
        except RecordError as error:
            QMessageBox.warning(self._parent, "The backup was not restored", str(error))
            return False
        QMessageBox.information(
            self._parent,
            "Your record was restored",
            f"Your record is back as it was{when}. What it held a moment ago "
            "is kept as a backup too, so nothing is lost.",
        )
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._window.settings.recent_records()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._window.open_record(p))
        if not recent:
            self.recent_menu.addAction("No records opened yet").setEnabled(False)

    def _saves(self) -> Path:
        """Where a save dialog opens: the folder last saved into, or the documents folder."""
        from survivor_app.gui.save_paths import start_folder

        return start_folder(self._window.settings.save_folder())

    def _tell_saved(self, what: str, path: Path, *beside: Path) -> None:
        """Say in the status bar what was saved where (with the files written beside it), and
        remember the folder for next time."""
        self._window.settings.remember_save_folder(path.parent)
        self.saved_notice.tell(what, path, *beside)
        self._parent.statusBar().show()

    def _folder(self) -> Path:
        home = self._window.home_record
        return home.parent if home.parent.exists() else Path.home()
