"""What the markers say, in plain words where a person looks: beside the Markers tab's table (the
latest of each marker) and in the chosen period's explanation (the results inside it), each time
with the sentence that markers never decide a label."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.domain.words import MARKERS_NEVER_DECIDE
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.widgets.explanation import MARKERS_HEADING
from survivor_app.gui.widgets.record_view import NO_MARKERS
from survivor_app.status import marker_sentences, period_marker_sentences
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, MARKER, SHRUNK, small_record, write_record_file

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

EARLIER = dataclasses.replace(MARKER, id="m0", date=dt.date(2024, 1, 12), value=Decimal("6.1"))


def test_the_markers_words_beside_the_table_and_in_the_period(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    record = dataclasses.replace(
        small_record(scans=(BASELINE, SHRUNK)), marker_results=(MARKER, EARLIER)
    )
    write_record_file(record_path, record)
    assert window.open_record(record_path)
    qtbot.waitUntil(lambda: is_ready(window.view.plot))
    view = window.view

    beside = view.marker_words.toPlainText()
    sentences = marker_sentences((MARKER, EARLIER))
    assert sentences[0] == MARKERS_NEVER_DECIDE
    assert beside == "\n\n".join(sentences)
    assert "3.4 ng/mL" in beside

    # The starting point (10 January 2024) holds both results (12 January, 2 April); the
    # period from the scan of 10 April 2024 on holds none.
    history = record.history("c1")
    periods = view.periods_model.rowCount()
    assert periods == 2
    view.period_list.select_period(0)
    first = view.periods_model.period_at(0)
    expected = period_marker_sentences(history.marker_results, first.start, first.end)
    assert expected
    text = view.explanation.toPlainText()
    assert MARKERS_HEADING in text
    assert all(sentence in text for sentence in expected)
    view.period_list.select_period(1)
    latest = view.periods_model.period_at(1)
    assert period_marker_sentences(history.marker_results, latest.start, latest.end) == ()
    assert MARKERS_HEADING not in view.explanation.toPlainText()


def test_without_markers_the_tab_says_how_to_add_one(
    qtbot: QtBot, window: MainWindow, record_path: Path
) -> None:
    write_record_file(record_path, small_record())
    assert window.open_record(record_path)
    assert window.view.marker_words.toPlainText() == NO_MARKERS
    assert MARKERS_NEVER_DECIDE in NO_MARKERS
