"""The main window: the welcome page or the open record, its menus, and what it shows after
each change the record session writes. Opening records, the File menu and the edits live in
``opening``, ``file_actions`` and ``edit_actions``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from survivor_app.changes import Change, Part, StartRecord
from survivor_app.domain import Cancer, Person, Question
from survivor_app.gui import opening
from survivor_app.gui.edit_actions import EditActions
from survivor_app.gui.file_actions import FileActions
from survivor_app.gui.first_paint import AfterFirstPaint
from survivor_app.gui.help_actions import APP_TITLE, HelpActions
from survivor_app.gui.opening import Opened
from survivor_app.gui.record_session import RecordSession
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.widgets.record_view import RecordView
from survivor_app.storage import RecordError

if TYPE_CHECKING:
    from survivor_app.gui.widgets.welcome import WelcomePage

#: Below this width (in the screen's points) the window opens maximized the first time.
_SMALL_SCREEN_WIDTH = 1000


class MainWindow(QMainWindow):
    """The app's one window: the welcome page until a record has content, then the record."""

    def __init__(
        self, settings: AppSettings, home_record: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        #: The person's own record: started from the welcome page, reopened after the example.
        self.home_record = home_record
        self._opened: Opened | None = None
        #: The cancer shown, when the record has one.
        self.cancer_id: str | None = None
        #: What waits for the window's first paint, so that it appears first.
        self._after_paint = AfterFirstPaint(self)

        #: The welcome page, made the first time it is shown (see ``welcome``).
        self._welcome: WelcomePage | None = None
        self.view = RecordView(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.setCentralWidget(self.pages)
        self.view.cancer_chosen.connect(self._choose_cancer)
        self.view.close_example_requested.connect(self._close_example)
        menus = self.menuBar()
        self.files = FileActions(self, self, menus.addMenu("&File"))
        edit_menu = menus.addMenu("&Edit")
        self.undo_action = edit_menu.addAction("&Undo", self.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = edit_menu.addAction("&Redo", self.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addSeparator()
        self.edits = EditActions(self, self, edit_menu)
        self.help = HelpActions(self, menus.addMenu("&Help"), self.open_example)
        self._restore_layout()
        # Nothing open yet. A record that exists is shown by ``start_at``: a window that opens
        # one never makes the welcome page, which took some 15 ms before its first paint.
        self._show_state(welcome=not home_record.exists())

    @property
    def welcome(self) -> WelcomePage:
        """The page that starts a record, made (and put before the record's page) when first
        asked for."""
        if self._welcome is None:
            # Imported here: a window that opens a record never needs the page's fields.
            from survivor_app.gui.widgets.welcome import WelcomePage

            welcome = WelcomePage(self)
            welcome.start_requested.connect(self.start_record)
            welcome.example_requested.connect(self.open_example)
            welcome.open_requested.connect(self.files.choose_record)
            self.pages.insertWidget(0, welcome)
            self._welcome = welcome
        return self._welcome

    @property
    def session(self) -> RecordSession | None:
        """The record open, or None on the welcome page before one is."""
        return self._opened.session if self._opened is not None else None

    # Opening and closing records

    def start_at(self, record: Path) -> None:
        """Show a record at start-up: the welcome page when it does not exist yet, is empty, or
        cannot be opened."""
        self.home_record = record
        if not record.exists() or not self.open_record(record):
            self._show_state()

    def open_record(self, path: Path) -> bool:
        """Open a record in place of the one open now (see ``opening.open_record`` for every
        case), and make its daily backup once the window is on screen; False, after a plain
        message, when it cannot be."""
        opened = opening.open_record(self, path, self._opened)
        if opened is None:
            return False
        if opened is not self._opened:
            self.show_opened(opened)
            self.home_record = opened.session.path
            self.settings.remember_record(opened.session.path)
            self._after_paint.run(self._back_up_if_due)
        return True

    def _back_up_if_due(self) -> None:
        if self.session is not None:
            self.session.back_up_if_due()

    def open_example(self) -> bool:
        """Open a copy of the example record in a temporary folder, clearly marked as an example."""
        opened = opening.open_example(self)
        if opened is not None:
            self.show_opened(opened)
        return opened is not None

    def own_record(self) -> RecordSession:
        """The record open, or else the person's own record opened (made when new); RecordError
        when it cannot be."""
        if self._opened is None:
            self.show_opened(opening.start_record(self.home_record))
            self.settings.remember_record(self.home_record)
        assert self._opened is not None
        return self._opened.session

    def start_record(self, person: Person, cancer: Cancer) -> bool:
        """Start the record with the welcome page's details: the person and their first cancer."""
        try:
            session = self.own_record()
            # Chosen first, so the views show the new cancer once the record has it.
            self.cancer_id = cancer.id
            session.write(StartRecord(person, cancer))
        except RecordError as error:
            QMessageBox.warning(self, "Your record could not be started", str(error))
            return False
        return True

    def show_opened(self, opened: Opened) -> None:
        """Show a record just opened, in place of the one open until now (closed)."""
        self._close_session()
        self._opened = opened
        self.cancer_id = None
        self.view.plot.use_snapshot(opened.session.timeline_snapshot)
        opened.session.record_changed.connect(self._show_change)
        opened.session.write_failed.connect(self._show_write_failure)
        self._show_state()

    def _close_session(self) -> None:
        if self._opened is not None:
            self._opened.session.close()
            self._opened.session.deleteLater()
            self._opened = None
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
        session = self.session
        assert session is not None
        if self.cancer_id is not None and touches.concern(Part.HISTORY, self.cancer_id):
            self.view.show_cancer(*session.cancers.get(self.cancer_id))
        if touches.concern(Part.QUESTIONS, self.cancer_id):
            self.view.show_questions(self._questions_shown(session))

    def _questions_shown(self, session: RecordSession) -> list[Question]:
        """The questions about the cancer shown, and the general ones."""
        questions = session.store.questions()
        return [q for q in questions if q.cancer_id in (None, self.cancer_id)]

    def _show_state(self, *, welcome: bool = True) -> None:
        """Show what the record holds now; the cancer shown is read again only when a change
        has touched it since. With nothing open, the welcome page (unless not ``welcome``)."""
        self._name_undo_redo()
        session = self.session
        person = session.store.person() if session is not None else None
        read_only = session is not None and session.store.read_only
        title = APP_TITLE if person is None else f"{APP_TITLE} — {person.name}"
        if session is not None and session.is_example:
            title += " (example)"
        elif read_only:
            title += " (read-only)"
        self.setWindowTitle(title)
        editable = person is not None and not read_only
        self.files.enable(has_person=person is not None, read_only=read_only)
        if session is None or person is None or self._opened is None:
            self.edits.enable(False, 0)
            if welcome and self.pages.currentWidget() is not self.welcome:
                self.pages.setCurrentWidget(self.welcome)
                self.welcome.name.setFocus()
            return
        self.pages.setCurrentWidget(self.view)
        self.view.set_banner(self._opened.banner, closes_example=session.is_example)
        self.view.set_editable(editable)
        cancers = session.store.cancers()
        ids = [cancer.id for cancer in cancers]
        if self.cancer_id not in ids:
            self.cancer_id = ids[0] if ids else None
        self.view.set_cancers(cancers, self.cancer_id)
        self.edits.enable(editable, len(cancers))
        if self.cancer_id is not None:
            # At start, the picture of its timeline last drawn is shown while the rest waits.
            self.view.plot.show_picture(self.cancer_id)
        self._after_paint.run(self._fill)

    def _fill(self) -> None:
        """Show the cancer chosen (or the record without one) and the questions."""
        session = self.session
        if session is None or self.pages.currentWidget() is not self.view:
            return
        if self.cancer_id is None:
            self.view.show_no_cancer(self._questions_shown(session))
            return
        self.view.show_cancer(*session.cancers.get(self.cancer_id))
        self.view.show_questions(self._questions_shown(session))

    def _choose_cancer(self, cancer_id: str) -> None:
        self.cancer_id = cancer_id
        self._show_state()

    # Edit ▸ Undo and Redo

    def undo(self) -> None:
        """Take back the latest change (Edit ▸ Undo)."""
        if self.session is not None:
            self.session.undo()

    def redo(self) -> None:
        """Make the latest change taken back again (Edit ▸ Redo)."""
        if self.session is not None:
            self.session.redo()

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
        self.help.close()
        super().closeEvent(event)
