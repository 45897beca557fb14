"""Starting the app (the event loop itself is not entered), what it remembers between runs, and
the calm message in place of a traceback."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from survivor_app import paths
from survivor_app.gui import app
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import RECENT_LIMIT, AppSettings
from tests.gui.answers import message_boxes
from tests.gui.records import small_record, write_record_file

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


@pytest.fixture
def windows_shown(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Run the app without its event loop; the list gets the title of each main window shown."""
    titles: list[str] = []

    def exec_once(_self: QApplication) -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append(widget.windowTitle())
                widget.close()
                widget.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_once)
    before, umask = sys.excepthook, os.umask(0o022)
    os.umask(umask)
    yield titles
    sys.excepthook = before
    os.umask(umask)


def test_a_new_record_opens_on_the_welcome_page_and_is_not_created(
    windows_shown: list[str], record_path: Path
) -> None:
    assert app.run(record_path, explicit=True) == 0
    assert windows_shown == ["Survivorship Tracker"]
    assert not record_path.exists()
    assert sys.excepthook is app.report_unexpected
    assert QApplication.desktopFileName() == app.DESKTOP_FILE_NAME
    assert QApplication.applicationName() == paths.APP_NAME


def test_the_last_record_opens_unless_another_is_asked_for(
    windows_shown: list[str], record_path: Path, tmp_path: Path
) -> None:
    last = write_record_file(tmp_path / "last.survivor", small_record())
    AppSettings().remember_record(last)
    app.run(tmp_path / "default.survivor", explicit=False)
    app.run(record_path, explicit=True)
    assert windows_shown == ["Survivorship Tracker — Ana Example", "Survivorship Tracker"]


def test_an_unexpected_error_is_logged_and_told_calmly(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown = message_boxes(monkeypatch, "critical", QMessageBox.StandardButton.Ok)
    bug = ValueError("a bug")
    app.report_unexpected(ValueError, bug, None)
    assert shown == [(app.UNEXPECTED_TITLE, app.UNEXPECTED_TEXT)]
    (entry,) = caplog.records
    assert entry.levelno == logging.ERROR
    assert entry.exc_info is not None
    assert entry.exc_info[1] is bug


def test_recent_records_are_newest_first_and_only_those_that_exist(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    assert settings.recent_records() == []
    assert settings.last_record() is None
    records = [write_record_file(tmp_path / f"r{n}.survivor", small_record()) for n in range(10)]
    for record in records:
        settings.remember_record(record)
    settings.remember_record(records[3])
    again = AppSettings(tmp_path / "settings.ini")
    recent = again.recent_records()
    assert len(recent) == RECENT_LIMIT
    assert recent[:3] == [records[3], records[9], records[8]]
    assert again.last_record() == records[3]
    records[9].unlink()
    assert records[9] not in again.recent_records()
