"""Starting the desktop app: the QApplication, the main window on the record, and a calm message
(never a traceback) when something unexpected goes wrong."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from survivor_app import paths
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings, keep_qt_settings_private

#: The name of the app's .desktop file on Linux, so the window gets the app's icon and name.
DESKTOP_FILE_NAME = "survivor-app"
UNEXPECTED_TITLE = "Something went wrong"
UNEXPECTED_TEXT = (
    "Something unexpected went wrong. Your record is safe: every change is saved as you make it. "
    "If this keeps happening, close the app and open it again."
)

_log = logging.getLogger(__name__)


def report_unexpected(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """Log an error nobody foresaw and tell the person calmly; installed as ``sys.excepthook``."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    _log.error("Unexpected error", exc_info=(kind, error, traceback))
    if QApplication.instance() is not None:
        QMessageBox.critical(QApplication.activeWindow(), UNEXPECTED_TITLE, UNEXPECTED_TEXT)


def make_application() -> QApplication:
    """The QApplication, named for the desktop and the platform's folders."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scale factors (150 %) as the screen asks, not rounded to whole numbers;
        # Qt takes this only before the application exists.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    # No display name: Qt would add it to the end of every window title, which already
    # begins with the app's name.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    keep_qt_settings_private()
    return app


def run(record: Path, *, explicit: bool) -> int:
    """Open the window on ``record`` and run until it closes; the exit code.

    When the record was not chosen on the command line (``explicit`` false), the record open
    when the app last closed is opened instead, if it still exists. A record that does not
    exist yet, or holds nothing, opens on the welcome page; nothing is written until the
    person starts their record.
    """
    # Whatever the window's libraries write for themselves (Qt's and matplotlib's caches) is
    # the person's alone, like everything the app writes on purpose.
    os.umask(0o077)
    app = make_application()
    sys.excepthook = report_unexpected
    settings = AppSettings()
    if not explicit:
        last = settings.last_record()
        if last is not None and last.exists():
            record = last
    window = MainWindow(settings, record)
    window.start_at(record)
    window.show()
    return app.exec()
