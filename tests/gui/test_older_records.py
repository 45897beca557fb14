"""A record an older version wrote with what today's rules refuse (a scan of year 22, escape
sequences in a spot's name and a doctor's words) still opens in the window: its timeline is
drawn with the names escaped, and nothing is said to have gone wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.gui.main_window import MainWindow
from tests.gui.plotting import canvas_point, is_ready, tip_text
from tests.gui.records import BASELINE, SHRUNK, TUMOUR, small_record, write_record_file
from tests.older_records import ESCAPES, older_record, scan_dated, spot_named

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def test_a_record_with_year_22_and_control_characters_opens_and_draws(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    record = small_record(scans=(BASELINE, SHRUNK))
    record = dataclasses.replace(record, person=dataclasses.replace(record.person, birth_date=None))
    older_record(
        record_path,
        record,
        scan_dated(BASELINE.id, "0022-05-14"),
        spot_named(TUMOUR.id, "Breast tumour" + ESCAPES),
        ("UPDATE statement SET text = ?", ("Stable" + ESCAPES,)),
    )
    before = record_path.read_bytes()
    assert window.open_record(record_path)
    plot = window.view.plot
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    plot.canvas.draw()
    assert window.view.scans_tab.model.rowCount() == 2
    legend = [text.get_text() for text in plot.canvas.figure.legends[0].get_texts()]
    assert "Breast tumour\\x1b]52;c;aGVsbG8=\\x07\\x0c\\x9b2J" in legend
    sizes = plot.canvas.figure.axes[0]
    line = next(line for line in sizes.get_lines() if line.get_label().startswith("Breast"))
    x, y = line.get_xydata()[0]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines()[:2] == [
        "Breast tumour\\x1b]52;c;aGVsbG8=\\x07\\x0c\\x9b2J",
        "32 mm on 14 May 0022",
    ]
    # The record is shown as it is, and left as it was.
    assert window.session is not None
    held = window.session.store.load()
    assert held is not None
    assert held.scans[0].date == dt.date(22, 5, 14)
    assert record_path.read_bytes() == before


def test_a_spot_name_matplotlib_could_take_for_mathematics_is_drawn(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    # Clean text today: "$\frac{$" between dollar signs would fail as matplotlib's mathematics.
    record = small_record(scans=(BASELINE, SHRUNK))
    spots = tuple(
        dataclasses.replace(s, name="x $\\frac{$ y") if s.id == TUMOUR.id else s
        for s in record.spots
    )
    write_record_file(record_path, dataclasses.replace(record, spots=spots))
    assert window.open_record(record_path)
    plot = window.view.plot
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    plot.canvas.draw()
    sizes = plot.canvas.figure.axes[0]
    line = next(line for line in sizes.get_lines() if line.get_label().startswith("x "))
    x, y = line.get_xydata()[0]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    plot.canvas.draw()
