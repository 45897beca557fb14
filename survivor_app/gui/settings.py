"""What the app remembers between runs: the window's layout, the last record, recent records;
kept, like Qt's own settings, where only the person can read them."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from survivor_app import paths
from survivor_app.files import make_private_folder

#: Where Qt keeps its own settings (the file dialog's recent folders) under the config folder.
QT_SETTINGS_FILE = "QtProject.conf"

#: How many records File ▸ Open recent lists.
RECENT_LIMIT = 8

_GEOMETRY = "window/geometry"
_SPLITTERS = "window/splitters"
_LAST_RECORD = "records/last"
_RECENT = "records/recent"
_SAVE_FOLDER = "files/last_save_folder"


class AppSettings:
    """The app's own settings, in an ini file in the config folder (never in a record)."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or paths.config_dir() / "settings.ini"
        keep_private(self.file)
        self._settings = QSettings(str(self.file), QSettings.Format.IniFormat)

    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry, or None on the first run."""
        return self._bytes(_GEOMETRY)

    def set_window_geometry(self, geometry: QByteArray) -> None:
        """Remember where the main window is and how large."""
        self._settings.setValue(_GEOMETRY, geometry)
        self._settings.sync()

    def splitter_state(self, name: str) -> QByteArray | None:
        """How one of the window's splitters was divided, or None on the first run."""
        return self._bytes(f"{_SPLITTERS}/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        """Remember how one of the window's splitters is divided."""
        self._settings.setValue(f"{_SPLITTERS}/{name}", state)
        self._settings.sync()

    def last_record(self) -> Path | None:
        """The record that was open when the app last closed, if any."""
        value = self._settings.value(_LAST_RECORD)
        return Path(value) if isinstance(value, str) and value else None

    def recent_records(self) -> list[Path]:
        """Records opened lately, newest first, without the ones that no longer exist."""
        value = self._settings.value(_RECENT)
        # QSettings gives a lone string (not a list) when an ini list holds one item.
        names = [value] if isinstance(value, str) else list(value or [])
        return [Path(name) for name in names if name and Path(name).exists()]

    def remember_record(self, record: Path) -> None:
        """Note a record the person opened: it becomes the last record and heads the recent list."""
        record = record.resolve()
        recent = [record, *(path for path in self.recent_records() if path != record)]
        self._settings.setValue(_LAST_RECORD, str(record))
        self._settings.setValue(_RECENT, [str(path) for path in recent[:RECENT_LIMIT]])
        self._settings.sync()

    def save_folder(self) -> Path | None:
        """The folder the person last saved an export, a summary or a copy into, if any."""
        value = self._settings.value(_SAVE_FOLDER)
        return Path(value) if isinstance(value, str) and value else None

    def remember_save_folder(self, folder: Path) -> None:
        """Note the folder of a file just saved, for the next save dialog to open in."""
        self._settings.setValue(_SAVE_FOLDER, str(folder))
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def keep_private(file: Path) -> None:
    """Make ``file`` and its folder readable by the owner alone before Qt writes to it: an
    empty file of mode 0600 in a folder of mode 0700, or an existing one set so. Qt rewrites a
    settings file through a new file that takes the old one's permissions."""
    make_private_folder(file.parent)
    os.chmod(file.parent, 0o700)
    os.close(os.open(file, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(file, 0o600)


def keep_qt_settings_private() -> None:
    """Send the settings Qt writes for itself (such as the file dialog's history of folders,
    which names the person's records) to the app's private config folder."""
    folder = paths.config_dir()
    keep_private(folder / QT_SETTINGS_FILE)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
