"""Opening a record in the window that must not be written: a crafted file is refused with the
calm "not a record" sentence and left byte for byte as it was; a record whose folder or file
cannot be written to is offered as the read-only view the message promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from survivor_app.gui import edit_actions
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.opening import CANNOT_OPEN, NOT_WRITABLE_BANNER
from survivor_app.storage import RecordNotWritableError, RecordWriteError
from tests.gui.answers import No, Yes, message_boxes
from tests.safety.crafted import CHANGES, crafted_record
from tests.safety.test_crafted_records import NOT_A_RECORD, sample_at, state
from tests.safety.test_read_only_records import file_refuses_writes, folder_refuses_the_lock_file


def open_with_ctrl_o(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Press Ctrl+O, as a person opens a record, and choose ``path`` in the file dialog."""
    monkeypatch.setattr(
        "survivor_app.gui.file_actions.QFileDialog.getOpenFileName",
        lambda *_args: (str(path), ""),
    )
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_crafted_record_is_refused_calmly_by_the_window(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    shown = message_boxes(monkeypatch, "warning")
    open_with_ctrl_o(window, crafted, monkeypatch)
    assert shown == [(CANNOT_OPEN, NOT_A_RECORD)]
    assert window.session is None
    assert "Somebody Else" not in window.windowTitle()
    assert state(crafted) == before


@pytest.mark.parametrize("fault", ["folder", "file"])
def test_a_record_that_cannot_be_written_is_offered_read_only(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    record = sample_at(tmp_path / "read-only" / "record.survivor")
    before = state(record)
    if fault == "folder":
        folder_refuses_the_lock_file(monkeypatch)
        said = RecordNotWritableError.sentence
    else:
        file_refuses_writes(monkeypatch, record)
        said = RecordNotWritableError.FILE
    declined = message_boxes(monkeypatch, "question", No)
    open_with_ctrl_o(window, record, monkeypatch)
    assert window.session is None
    assert declined == [
        (
            "This record cannot be changed here",
            f"{said}\n\nOpen a read-only view now? You can look at everything, but not change it.",
        )
    ]
    message_boxes(monkeypatch, "question", Yes)
    open_with_ctrl_o(window, record, monkeypatch)
    assert window.session is not None
    store = window.session.store
    assert store.read_only
    assert window.windowTitle().endswith("(read-only)")
    assert window.view.banner.isVisibleTo(window)
    assert window.view.banner_text.text() == NOT_WRITABLE_BANNER
    assert not window.edits.adding[edit_actions.SCAN].isEnabled()
    assert window.files.export_actions["json"].isEnabled()
    with pytest.raises(RecordWriteError):
        store.set_setting("tried", "yes")
    assert state(record) == before
