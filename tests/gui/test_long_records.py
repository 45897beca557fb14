"""What keeps a long record quick in the window without changing what it shows: rows that arrive
together are announced together, columns fit their widest cell as Qt's own fitting does, the
plot tells when it has drawn, and its x values are matplotlib's day numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from matplotlib.dates import date2num
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from survivor_app.gui.models.tables import StatementTableModel
from survivor_app.gui.widgets.table_tab import TableTab
from survivor_app.gui.widgets.timeline import TimelinePlot
from survivor_app.plot.places import day, days
from survivor_app.status import analyse
from tests.gui.records import STATEMENT
from tests.gui.tables import shown_ids

pytestmark = pytest.mark.usefixtures("uk_dates")


def statements(count: int) -> list:
    """Statements of different lengths, so each column has one widest cell."""
    return [
        dataclasses.replace(
            STATEMENT,
            id=f"d{number}",
            date=STATEMENT.date + dt.timedelta(days=number),
            clinician="Dr. " + "Osei" * (1 + number % 3),
            text="Stable. " * (1 + number % 5),
        )
        for number in range(count)
    ]


def test_rows_that_arrive_together_are_announced_in_one_signal(qtbot: QtBot) -> None:
    model = StatementTableModel()
    rows = statements(8)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_rows(rows)
    assert inserted.args[1:] == [0, 7]
    announced: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: announced.append((first, last)))
    shown = [*rows[:2], *statements(12)[8:10], *rows[2:], *statements(12)[10:]]
    model.set_rows(shown)
    assert announced == [(2, 3), (10, 11)]
    assert shown_ids(model) == [
        "d0", "d1", "d8", "d9", "d2", "d3", "d4", "d5", "d6", "d7", "d10", "d11"
    ]  # fmt: skip
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.set_rows([shown[0], *shown[4:10]])
    assert removed == [(10, 11), (1, 3)]


@pytest.mark.parametrize("font", [None, QFont("DejaVu Sans", 15), QFont("DejaVu Serif", 7)])
@pytest.mark.parametrize("shown", [False, True])
def test_columns_fit_their_content_as_qt_fits_them(
    qtbot: QtBot, demo: Record, font: QFont | None, shown: bool
) -> None:
    tab = TableTab(StatementTableModel(), plural="Statements", singular="statement", sort_column=0)
    qtbot.addWidget(tab)
    if font is not None:
        tab.setFont(font)
    tab.resize(900, 300)
    if shown:
        tab.show()
        qtbot.waitExposed(tab)
    tab.model.set_rows([*demo.statements, *statements(40)])
    if not shown:
        # A tab behind another is fitted once it is shown.
        tab.show()
        qtbot.waitExposed(tab)
    fitted = [tab.table.columnWidth(column) for column in range(3)]
    widest = tab.fontMetrics().averageCharWidth() * 40
    for column in range(3):
        tab.table.resizeColumnToContents(column)
    assert fitted == [min(tab.table.columnWidth(column), widest) for column in range(3)]


def test_columns_fit_their_content_as_rows_come_change_and_go(qtbot: QtBot) -> None:
    tab = TableTab(StatementTableModel(), plural="Statements", singular="statement", sort_column=0)
    qtbot.addWidget(tab)
    tab.resize(900, 300)
    tab.show()
    qtbot.waitExposed(tab)
    rows = statements(6)
    widest_row = dataclasses.replace(rows[5], id="wide", clinician="Dr. " + "Osei" * 6)
    narrower = dataclasses.replace(widest_row, clinician="Dr. O")
    widest = tab.fontMetrics().averageCharWidth() * 40
    # Each step ends with a row coming in, which fits the columns (as an edit adds one).
    for steps in (
        [rows[:3]],
        [rows[:4]],
        [[*rows[:4], widest_row]],  # a wider one
        [[*rows[:4], widest_row, rows[4]]],
        [[*rows[:4], narrower, rows[4]], [*rows[:4], narrower, rows[4], rows[5]]],
        [[*rows[:3], narrower, rows[4], rows[5]], [*rows[:3], narrower, rows[4], rows[5], rows[3]]],
        [[rows[0], rows[5]], [rows[0], rows[5], rows[1]]],  # rows go
    ):
        for shown in steps:
            tab.model.set_rows(shown)
        fitted = [tab.table.columnWidth(column) for column in range(3)]
        for column in range(3):
            tab.table.resizeColumnToContents(column)
        assert fitted == [min(tab.table.columnWidth(column), widest) for column in range(3)]


def test_the_plot_tells_when_it_has_drawn(qtbot: QtBot, demo: Record) -> None:
    history = demo.history(demo.cancers[0].id)
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(900, 520)
    plot.show_history(history, analyse(history))
    with qtbot.waitSignal(plot.drawn):
        plot.show()
    assert plot.canvas is not None
    with qtbot.waitSignal(plot.drawn):
        plot.highlight_period(0)


def test_dates_become_matplotlib_day_numbers() -> None:
    dates = [dt.date(1901, 2, 3), dt.date(1970, 1, 1), dt.date(2024, 2, 29), dt.date(2099, 12, 31)]
    dates += [dt.date(1, 1, 1), dt.date(22, 6, 30), dt.date(9999, 12, 31)]
    assert days(dates) == [float(date2num(date)) for date in dates]
    assert [day(date) for date in dates] == [float(date2num(date)) for date in dates]
    noon = dt.datetime(2024, 2, 29, 12)
    assert day(noon) == float(date2num(noon)) == day(noon.date()) + 0.5
