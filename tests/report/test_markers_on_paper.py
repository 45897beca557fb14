"""Tumour markers on the printed summary: the compact line of each marker's latest result and
trend under the timeline, said not to be used for the labels, and the marker panel in the
timeline; the example record with a marker series still takes one page per cancer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QApplication

from survivor_app.domain import Record
from survivor_app.report.content import MARKERS_LINE_HEADING, build_summaries
from survivor_app.report.paper import Paper
from survivor_app.report.render import summary_pdf
from survivor_app.status import marker_line
from tests.plot.marker_results import cea_series
from tests.report.pdfs import pages
from tests.report.records import demo_record

TODAY = dt.date(2026, 7, 1)


def with_markers() -> Record:
    """The example record with one marker series for its breast cancer, as the example has:
    six CEA results, one below the lab's limit, one above its upper limit."""
    record = demo_record()
    return dataclasses.replace(record, marker_results=cea_series(record.history("c1")))


def test_the_summary_carries_the_compact_marker_line() -> None:
    record = with_markers()
    breast, lung = build_summaries(record, today=TODAY)
    assert breast.markers == marker_line(record.history("c1").marker_results)
    assert breast.markers.startswith("CEA 2.6 ng/mL")
    assert lung.markers == ""


@pytest.mark.parametrize("paper", list(Paper))
def test_one_page_per_cancer_with_the_marker_line_and_panel(
    qapp: QApplication, paper: Paper
) -> None:
    record = with_markers()
    breast, lung = pages(summary_pdf(build_summaries(record, today=TODAY), paper))
    text = " ".join(breast.text.split())
    line = marker_line(record.history("c1").marker_results)
    assert f"{MARKERS_LINE_HEADING}: {line}" in text
    # The panel, drawn as words and lines: its axis, its legend.
    for words in ("Markers", "CEA (ng/mL)", "upper limit of normal", "Below what the lab"):
        assert words in text, words
    assert breast.images == 0
    assert MARKERS_LINE_HEADING not in lung.text


def test_a_single_result_without_an_upper_limit_prints_cleanly(qapp: QApplication) -> None:
    """Its line of one point and its missing limit draw nothing Qt's SVG reader refuses (Qt's
    warnings fail a test)."""
    record = demo_record()
    (only, *_rest) = cea_series(record.history("c1"))
    alone = dataclasses.replace(only, upper_limit=None)
    printed = pages(
        summary_pdf(
            build_summaries(
                dataclasses.replace(record, marker_results=(alone,)), "c1", today=TODAY
            ),
            Paper.A4,
        )
    )
    assert "CEA (ng/mL)" in printed[0].text
    assert "upper limit of normal" not in printed[0].text


def test_a_short_marker_line_sits_beside_the_heading_and_takes_no_room(
    qapp: QApplication,
) -> None:
    record = with_markers()
    (summary,) = build_summaries(record, "c1", today=TODAY)
    without = dataclasses.replace(summary, markers="")
    for paper in Paper:
        (page,) = pages(summary_pdf((summary,), paper))
        (bare,) = pages(summary_pdf((without,), paper))
        text = " ".join(page.text.split())
        # With the heading, before the timeline's figure.
        assert text.index(MARKERS_LINE_HEADING) < text.index("Size (mm)")
        # The same page but for the line: the periods that give way are the same ones.
        assert periods_left_out_note(page.text) == periods_left_out_note(bare.text)


def test_a_marker_line_too_long_for_the_heading_goes_under_the_timeline(
    qapp: QApplication,
) -> None:
    record = with_markers()
    (summary,) = build_summaries(record, "c1", today=TODAY)
    long_line = "; ".join([summary.markers] * 3)
    (page,) = pages(summary_pdf((dataclasses.replace(summary, markers=long_line),), Paper.A4))
    text = " ".join(page.text.split())
    # Drawn after the timeline's figure, where the short line is drawn before it.
    assert text.index("Size (mm)") < text.index(MARKERS_LINE_HEADING)


def periods_left_out_note(text: str) -> str:
    """The note saying how many earlier periods the page leaves out ("" when none)."""
    found = re.search(r"\d+ earlier periods? (?:is|are) not listed", text)
    return found.group(0) if found else ""
