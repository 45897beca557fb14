"""The File menu: new record, save a copy, import and export, with the file dialogs answered by
patching them."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.exchange import ExchangeError, read_record, write_record
from survivor_app.gui.main_window import MainWindow
from survivor_app.storage import RecordStore
from tests.gui.answers import message_boxes
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def choose_file(monkeypatch: pytest.MonkeyPatch, kind: str, path: Path) -> None:
    """Answer ``QFileDialog.<kind>`` with ``path``."""
    monkeypatch.setattr(
        f"survivor_app.gui.main_window.QFileDialog.{kind}", lambda *_args: (str(path), "")
    )


def test_a_new_record_is_started_from_the_welcome_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for mum"
    choose_file(monkeypatch, "getSaveFileName", chosen)
    window.new_action.trigger()
    made = chosen.with_suffix(".survivor")
    assert made.exists()
    assert window.pages.currentWidget() is window.welcome
    assert window.session is not None
    assert window.session.path == made
    record = small_record()
    assert window.start_record(record.person, record.cancers[0])
    window.close()
    with RecordStore.open(made, create=False) as store:
        assert store.person() == record.person


def test_new_record_never_writes_over_a_file(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    before = record_path.read_bytes()
    choose_file(monkeypatch, "getSaveFileName", record_path)
    window.new_action.trigger()
    assert record_path.read_bytes() == before
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"


def test_a_copy_is_saved_where_the_person_chooses(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    copy = tmp_path / "copy.survivor"
    choose_file(monkeypatch, "getSaveFileName", copy)
    window.save_copy_action.trigger()
    with RecordStore.open(copy, create=False) as store:
        assert store.load() == small_record()


def test_a_copy_onto_the_record_itself_is_refused_calmly(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    choose_file(monkeypatch, "getSaveFileName", record_path)
    shown = message_boxes(monkeypatch, "information")
    window.save_copy_action.trigger()
    assert shown == [("Choose another place", "A copy needs another name or another folder.")]


def test_an_import_starts_the_record_from_the_welcome_page(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "record.json"
    exported.write_bytes(write_record(small_record()))
    choose_file(monkeypatch, "getOpenFileName", exported)
    window.import_action.trigger()
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    window.close()
    with RecordStore.open(record_path, create=False) as store:
        assert store.load() == small_record()


def test_an_import_over_a_record_asks_backs_up_and_can_be_undone(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    replacement = dataclasses.replace(small_record(scans=(BASELINE, SHRUNK)), questions=())
    exported = tmp_path / "record.json"
    exported.write_bytes(write_record(replacement))
    choose_file(monkeypatch, "getOpenFileName", exported)
    asked = message_boxes(monkeypatch, "question")
    window.import_action.trigger()
    assert asked[0][0] == "Replace this record?"
    assert window.session is not None
    store = window.session.store
    assert store.load() == replacement
    (backup,) = paths.backups_dir(record_path).glob("*before-import*")
    with RecordStore.open(backup, create=False) as copy:
        assert copy.load() == small_record()
    window.undo_action.trigger()
    assert store.load() == small_record()


def test_a_file_that_cannot_be_imported_changes_nothing(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "survivor-record", "version": 1, "person": {}}')
    choose_file(monkeypatch, "getOpenFileName", broken)
    shown = message_boxes(monkeypatch, "warning")
    window.import_action.trigger()
    ((title, text),) = shown
    assert title == "This file cannot be imported"
    assert text.startswith("This file cannot be imported, so nothing was changed.")
    with pytest.raises(ExchangeError) as refused:
        read_record(broken.read_bytes())
    # The place in the file that is wrong, as the exchange format names it.
    assert text.endswith(f"\n\n{refused.value}")
    assert window.session is not None
    assert window.session.store.load() == small_record()


def test_the_record_exports_as_json_for_its_owner_alone(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    target = tmp_path / "export.json"
    choose_file(monkeypatch, "getSaveFileName", target)
    window.export_json_action.trigger()
    assert read_record(target.read_bytes()) == small_record()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
