"""File ▸ Import in the window keeps the same limits as the command line: a file over 64 MB is
refused before it is read, and a refused value is quoted short, with its escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from survivor_app.exchange import write_record
from survivor_app.gui.main_window import MainWindow
from tests.gui.answers import message_boxes
from tests.gui.records import small_record, write_record_file

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        "survivor_app.gui.file_actions.QFileDialog.getOpenFileName",
        lambda *_args: (str(path), ""),
    )


def import_refusal(window: MainWindow, monkeypatch: pytest.MonkeyPatch, source: Path) -> str:
    choose(monkeypatch, source)
    shown = message_boxes(monkeypatch, "warning")
    window.files.import_action.trigger()
    ((title, text),) = shown
    assert title == "This file cannot be imported"
    return text


def test_a_file_over_64_mb_is_refused_unread(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    assert window.open_record(record_path)
    source = tmp_path / "huge.json"
    with source.open("wb") as file:
        file.truncate(10 * 1024**3)  # sparse: it takes no room on the disk
    text = import_refusal(window, monkeypatch, source)
    assert "larger than 64 MB, so it cannot be a record" in text
    assert window.session is not None
    assert window.session.store.load() == small_record()


def test_a_refused_value_is_quoted_short_and_escaped(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = json.loads(write_record(small_record()))
    document["spots"][0]["name"] = "Liver\x1b]52;c;aGk=\x07" + "x" * 150
    source = tmp_path / "crafted.json"
    source.write_text(json.dumps(document), "utf-8")
    text = import_refusal(window, monkeypatch, source)
    assert "spots[0].name: 'Liver\\x1b]52;c;aGk=\\x07xxx" in text
    assert "\x1b" not in text
    assert len(text) < 300
    assert not record_path.exists()
