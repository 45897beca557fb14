"""Every file the window writes for itself is the person's alone: its settings (which list the
records opened lately), Qt's own settings (the file dialog's recent folders) and whatever the
window's libraries cache, each 0600 in a folder of mode 0700, whatever the umask says."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.gui import app
from survivor_app.gui.settings import QT_SETTINGS_FILE, AppSettings, keep_qt_settings_private
from tests.gui.records import small_record, write_record_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would make every new file readable and writable by everyone."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("permissive_umask")
def test_the_settings_and_recent_records_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    settings = AppSettings(folder / "settings.ini")
    settings.remember_record(write_record_file(tmp_path / "mum.survivor", small_record()))
    assert settings.file.read_text("utf-8").count("mum.survivor") == 2
    assert (mode(settings.file), mode(folder)) == (0o600, 0o700)


def test_settings_an_older_version_left_readable_are_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir(mode=0o755)
    file = folder / "settings.ini"
    file.write_text("[records]\nlast=/home/ana/mum.survivor\n", "utf-8")
    file.chmod(0o644)
    settings = AppSettings(file)
    assert settings.last_record() == Path("/home/ana/mum.survivor")
    assert (mode(file), mode(folder)) == (0o600, 0o700)


@pytest.mark.usefixtures("permissive_umask")
def test_the_file_dialogs_history_is_private_and_in_the_apps_folder(
    qtbot: QtBot, tmp_path: Path, isolated_home: Path
) -> None:
    keep_qt_settings_private()
    dialog = QFileDialog(None, "Export", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.selectFile(str(tmp_path / "record.json"))
    dialog.accept()
    # Qt writes the dialog's history when the dialog goes.
    dialog.deleteLater()
    qtbot.waitUntil(lambda: (paths.config_dir() / QT_SETTINGS_FILE).stat().st_size > 0)
    written = paths.config_dir() / QT_SETTINGS_FILE
    assert str(tmp_path) in written.read_text("utf-8")
    assert (mode(written), mode(written.parent)) == (0o600, 0o700)
    assert not (isolated_home / "xdg-config" / QT_SETTINGS_FILE).exists()


def test_the_window_writes_only_private_files(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_home: Path
) -> None:
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    umask = os.umask(0)
    try:
        record = write_record_file(tmp_path / "record.survivor", small_record())
        assert app.run(record, explicit=True) == 0
        # What the window's libraries write from now on is private too.
        assert os.umask(0) == 0o077
    finally:
        os.umask(umask)
    for window in QApplication.topLevelWidgets():
        window.close()
    written = list(isolated_home.rglob("*"))
    assert paths.config_dir() / QT_SETTINGS_FILE in written
    assert {path: mode(path) for path in written if path.is_file()} == {
        path: 0o600 for path in written if path.is_file()
    }
    assert {path: mode(path) for path in written if path.is_dir()} == {
        path: 0o700 for path in written if path.is_dir()
    }
