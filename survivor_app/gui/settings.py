"""What the app remembers between runs: the window's geometry, the last record and recent records."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from survivor_app import paths

#: How many records File ▸ Open recent lists.
RECENT_LIMIT = 8

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_LAST_RECORD = "records/last"
_RECENT = "records/recent"


class AppSettings:
    """The app's own settings, in an ini file in the config folder (never in a record)."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or paths.config_dir() / "settings.ini"
        self._settings = QSettings(str(self.file), QSettings.Format.IniFormat)

    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry, or None on the first run."""
        value = self._settings.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        """The main window's saved splitter and dock state, or None on the first run."""
        value = self._settings.value(_STATE)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and inner layout."""
        self._settings.setValue(_GEOMETRY, geometry)
        self._settings.setValue(_STATE, state)
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
