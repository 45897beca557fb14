"""Opening the record that is already open in this window, by any of its names, just shows it:
no "open in another window", and the session (with its undo history) carries on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from survivor_app.domain import Person
from survivor_app.gui.dialogs import PersonDialog
from survivor_app.gui.main_window import MainWindow
from tests.gui.answers import answer, message_boxes
from tests.gui.records import small_record, write_record_file

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


@pytest.mark.parametrize("name", ["same", "symbolic link", "hard link", "other spelling"])
def test_reopening_the_open_record_shows_it_and_keeps_the_session(
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    write_record_file(record_path, small_record())
    assert window.open_record(record_path)
    session = window.session
    assert session is not None
    answer(monkeypatch, PersonDialog, Person("Ana Changed"))
    window.edits.edit_person_action.trigger()
    other = {
        "same": record_path,
        "symbolic link": tmp_path / "link.survivor",
        "hard link": tmp_path / "second name.survivor",
        "other spelling": tmp_path / "." / record_path.name,
    }[name]
    if name == "symbolic link":
        other.symlink_to(record_path)
    elif name == "hard link":
        os.link(record_path, other)
    asked = message_boxes(monkeypatch, "question")
    warned = message_boxes(monkeypatch, "warning")
    assert window.open_record(other)
    assert asked == warned == []
    assert window.session is session
    assert session.history.to_undo() is not None
    assert window.windowTitle() == "Survivorship Tracker — Ana Changed"


def test_another_record_still_opens_in_its_place(
    window: MainWindow, record_path: Path, tmp_path: Path
) -> None:
    write_record_file(record_path, small_record())
    other = write_record_file(tmp_path / "other.survivor", small_record())
    assert window.open_record(record_path)
    first = window.session
    assert window.open_record(other)
    assert window.session is not first
    assert window.session is not None
    assert window.session.path == other
