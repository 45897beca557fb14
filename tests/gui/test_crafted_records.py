"""Opening a crafted record file in the window (File ▸ Open): the calm "not a record" sentence,
nothing shown from it, and the file left byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from survivor_app.gui.main_window import CANNOT_OPEN, MainWindow
from tests.gui.answers import message_boxes
from tests.safety.crafted import CHANGES, crafted_record
from tests.safety.test_crafted_records import NOT_A_RECORD, state


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_crafted_record_is_refused_calmly_by_the_window(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    monkeypatch.setattr(
        "survivor_app.gui.main_window.QFileDialog.getOpenFileName",
        lambda *_args: (str(crafted), ""),
    )
    shown = message_boxes(monkeypatch, "warning")
    # Ctrl+O, as a person opens a record.
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert shown == [(CANNOT_OPEN, NOT_A_RECORD)]
    assert window.session is None
    assert "Somebody Else" not in window.windowTitle()
    assert state(crafted) == before
