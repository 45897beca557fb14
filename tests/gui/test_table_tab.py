"""A table tab sorts by its headings and keeps the chosen row chosen."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from survivor_app.gui.models.tables import StatementTableModel
from survivor_app.gui.widgets.table_tab import TableTab
from tests.gui.records import STATEMENT
from tests.gui.tables import shown_ids

pytestmark = pytest.mark.usefixtures("uk_dates")

SAID = [
    dataclasses.replace(STATEMENT, id="d1", date=dt.date(2024, 1, 5), clinician="Dr. Zed"),
    dataclasses.replace(STATEMENT, id="d2", date=dt.date(2024, 6, 5), clinician="Dr. Abe"),
    dataclasses.replace(STATEMENT, id="d3", date=dt.date(2024, 3, 5), clinician="Dr. Mo"),
]


def test_newest_first_then_a_heading_sorts_and_the_chosen_row_stays_chosen(qtbot: QtBot) -> None:
    tab = TableTab(StatementTableModel(), plural="Statements", singular="statement", sort_column=0)
    qtbot.addWidget(tab)
    tab.resize(900, 300)
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    tab.model.set_rows(SAID)
    assert shown_ids(tab.model) == ["d2", "d3", "d1"]
    tab.table.setFocus()
    for _ in range(3):
        QTest.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.selected_id() == "d1"
    header = tab.table.horizontalHeader()
    who = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(who, header.height() // 2)
    )
    assert header.sortIndicatorSection() == 1
    assert [tab.model.index(row, 1).data() for row in range(3)] in (
        ["Dr. Abe", "Dr. Mo", "Dr. Zed"],
        ["Dr. Zed", "Dr. Mo", "Dr. Abe"],
    )
    assert tab.selected_id() == "d1"
    with qtbot.waitSignal(tab.edit_requested) as edit:
        QTest.keyClick(tab.table, Qt.Key.Key_Return)
    assert edit.args == ["d1"]
    # Up from the chosen row goes to the row shown above it, in the new order.
    QTest.keyClick(tab.table, Qt.Key.Key_Up)
    assert tab.selected_id() == shown_ids(tab.model)[shown_ids(tab.model).index("d1") - 1]


def test_a_tab_without_a_sort_column_shows_the_entry_order(qtbot: QtBot) -> None:
    tab = TableTab(
        StatementTableModel(), plural="Statements", singular="statement", sort_column=None
    )
    qtbot.addWidget(tab)
    tab.model.set_rows(SAID)
    assert shown_ids(tab.model) == ["d1", "d2", "d3"]
