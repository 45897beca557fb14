"""Fixtures for the main window's tests: a window with its own settings, records to open, and
a fixed locale so that dates read the same on every machine."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from survivor_app.exchange import read_record
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings


@pytest.fixture
def uk_dates() -> Iterator[None]:
    """Dates read dd/MM/yyyy, whatever the machine's own locale is."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def demo() -> Record:
    """The example record shipped with the app."""
    data = (resources.files("survivor_app.resources") / "demo.record.json").read_bytes()
    return read_record(data)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    """The app's settings, in this test's own folder."""
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, record_path: Path) -> Iterator[MainWindow]:
    """The main window on a record that does not exist yet (the welcome page), shown."""
    main = MainWindow(settings, record_path)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.start_at(record_path)
    # Shown and active, so that keys reach the focused widget and its shortcuts.
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    main.close()
