"""Every shortcut and every mnemonic does one thing: the window's menus and pages, and every
dialog, walked as a person's keyboard finds them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import CancerHistory, Person, Record
from survivor_app.gui.dialogs import RestoreDialog
from survivor_app.gui.main_window import MainWindow
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
)
from tests.gui.records import write_record_file

from .test_entry_dialogs import DIALOGS, RECORDED, edit_dialog

pytestmark = [
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def mnemonic(text: str) -> str | None:
    """The letter ``&`` marks in ``text`` (``&&`` is a plain ampersand), in lower case."""
    found = re.search(r"&(\w)", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of a menu and of the menus inside it (filled as when they open)."""
    menu.aboutToShow.emit()
    actions: list[QAction] = []
    for action in menu.actions():
        actions.append(action)
        if (inner := action.menu()) is not None:
            actions.extend(menu_actions(inner))
    return actions


def mnemonics_shown(root: QWidget) -> list[str]:
    """The mnemonics of every labelled field, button, group and tab visible in ``root``."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, (QAbstractButton, QGroupBox)) and widget.isEnabled():
            texts.append(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(tab) for tab in range(widget.count()))
    return [key for key in map(mnemonic, texts) if key is not None]


def repeated(keys: list[str]) -> list[str]:
    return sorted(key for key, count in Counter(keys).items() if count > 1)


def keys_of(sequences: list[QKeySequence]) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences if s]


@pytest.fixture
def record_window(window: MainWindow, record_path: Path, demo: Record) -> MainWindow:
    """The window on the example's content, with its tabs and buttons shown."""
    write_record_file(record_path, demo)
    assert window.open_record(record_path)
    return window


def test_every_menu_gives_each_item_its_own_letter(record_window: MainWindow) -> None:
    bar = record_window.menuBar()
    assert repeated([key for a in bar.actions() if (key := mnemonic(a.text()))]) == []
    for title in bar.actions():
        menu = title.menu()
        assert menu is not None
        menu.aboutToShow.emit()
        for inner in [menu, *[a.menu() for a in menu_actions(menu) if a.menu() is not None]]:
            assert inner is not None
            letters = [key for a in inner.actions() if (key := mnemonic(a.text()))]
            assert repeated(letters) == [], inner.title()


def test_no_two_things_share_a_shortcut(record_window: MainWindow) -> None:
    actions = [a for title in record_window.menuBar().actions() for a in menu_actions(title.menu())]
    everywhere = keys_of([key for action in actions for key in action.shortcuts()])
    shortcuts = record_window.findChildren(QShortcut)
    everywhere += keys_of(
        [
            key
            for shortcut in shortcuts
            if shortcut.context() != Qt.ShortcutContext.WidgetShortcut
            for key in shortcut.keys()  # noqa: SIM118 (a QShortcut, not a dict)
        ]
    )
    assert "Ctrl+Shift+N" in everywhere  # Add scan
    assert repeated(everywhere) == []
    # A shortcut of one widget (a table's Delete) may not hide one of the whole window.
    for shortcut in shortcuts:
        if shortcut.context() == Qt.ShortcutContext.WidgetShortcut:
            assert not set(keys_of(shortcut.keys())) & set(everywhere)


@pytest.mark.parametrize("page", ["welcome", "record"])
def test_each_page_of_the_window_gives_each_field_its_own_letter(
    window: MainWindow, record_path: Path, demo: Record, page: str
) -> None:
    if page == "record":
        write_record_file(record_path, demo)
        assert window.open_record(record_path)
    bar_letters = [key for a in window.menuBar().actions() if (key := mnemonic(a.text()))]
    for tab in range(window.view.tabs.count()) if page == "record" else [None]:
        if tab is not None:
            window.view.tabs.setCurrentIndex(tab)
        shown = mnemonics_shown(window.pages.currentWidget())
        assert shown, page
        assert repeated(shown + bar_letters) == [], (page, tab)


@pytest.mark.parametrize("kind", sorted(DIALOGS))
def test_every_new_entry_dialog_gives_each_field_its_own_letter(
    qtbot: QtBot, person: Person, history: CancerHistory, kind: str
) -> None:
    dialog = DIALOGS[kind](person, history)
    qtbot.addWidget(dialog)
    letters = mnemonics_shown(dialog)
    assert letters
    assert repeated(letters) == []


@pytest.mark.parametrize(("kind", "recorded"), RECORDED, ids=lambda value: str(value)[:24])
def test_every_dialog_opened_on_something_recorded_gives_each_field_its_own_letter(
    qtbot: QtBot, person: Person, history: CancerHistory, kind: str, recorded: object
) -> None:
    dialog = edit_dialog(recorded, person, history)
    qtbot.addWidget(dialog)
    assert repeated(mnemonics_shown(dialog)) == [], kind


def test_the_restore_dialog_gives_each_control_its_own_letter(
    qtbot: QtBot, record_path: Path, demo: Record
) -> None:
    write_record_file(record_path, demo)
    with RecordStore.open(record_path) as store:
        BackupFolder(store.path).make(store, "by-hand")
    dialog = RestoreDialog(None, record=record_path)
    qtbot.addWidget(dialog)
    letters = mnemonics_shown(dialog)
    assert letters
    assert repeated(letters) == []
