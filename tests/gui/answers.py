"""Answers to the window's dialogs and message boxes, given by patching them for one test."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def answer(monkeypatch: pytest.MonkeyPatch, dialog: type, value: object) -> list[dict[str, Any]]:
    """Make ``dialog.ask`` return ``value``; the list gets the keyword arguments of each call."""
    calls: list[dict[str, Any]] = []

    def ask(_cls: type, _parent: QWidget, **kwargs: Any) -> object:
        calls.append(kwargs)
        return value

    monkeypatch.setattr(dialog, "ask", classmethod(ask))
    return calls


def message_boxes(
    monkeypatch: pytest.MonkeyPatch, kind: str, reply: QMessageBox.StandardButton = Yes
) -> list[tuple[str, str]]:
    """Answer ``QMessageBox.<kind>`` with ``reply``; the list gets each title and text shown."""
    shown: list[tuple[str, str]] = []

    def show(_parent: QWidget, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return reply

    monkeypatch.setattr(QMessageBox, kind, staticmethod(show))
    return shown
