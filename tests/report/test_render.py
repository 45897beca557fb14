"""The printed summary read back from its PDF: one page per cancer for the example record on A4
and on Letter, two at most for a long history, every section on the page, the timeline as
vector drawing, and the printer drawing the same pages as the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from survivor_app.domain import Record
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.report.content import (
    DISCLAIMER,
    HEADINGS,
    NO_PERIODS,
    NO_QUESTIONS,
    NO_SCAN,
    NO_STATEMENTS,
    NO_STATUS,
    build_summaries,
    treatment_words,
)
from survivor_app.report.paper import Paper
from survivor_app.report.render import page_layout, render_summary, summary_pdf
from survivor_app.status import analyse
from tests.report.pdfs import A4_POINTS, LETTER_POINTS, Page, pages
from tests.report.records import demo_record, long_record, small_record

TODAY = dt.date(2026, 7, 1)
SIZES = {Paper.A4: A4_POINTS, Paper.LETTER: LETTER_POINTS}


def summary_pages(record: Record, paper: Paper, cancer_id: str | None = None) -> list[Page]:
    return pages(summary_pdf(build_summaries(record, cancer_id, today=TODAY), paper))


@pytest.fixture(scope="module", params=list(Paper))
def paper(request: pytest.FixtureRequest, qapp: QApplication) -> Paper:
    """Each paper in turn, with Qt running to draw on it."""
    chosen: Paper = request.param
    return chosen


@pytest.fixture(scope="module")
def demo_pages(paper: Paper) -> list[Page]:
    """The example record's summary, every cancer."""
    return summary_pages(demo_record(), paper)


@pytest.fixture(scope="module")
def long_pages(paper: Paper) -> list[Page]:
    """The summary of 200 scans, 40 statements, 12 spots and long words everywhere."""
    return summary_pages(long_record(), paper)


def test_the_example_fits_one_page_per_cancer(paper: Paper, demo_pages: list[Page]) -> None:
    assert len(demo_pages) == len(demo_record().cancers)
    for page in demo_pages:
        assert page.size == pytest.approx(SIZES[paper], abs=0.5)


def test_each_cancer_starts_a_page_with_every_section(demo_pages: list[Page]) -> None:
    record = demo_record()
    for page, cancer in zip(demo_pages, record.cancers, strict=True):
        label = analyse(record.history(cancer.id)).periods[-1].label
        assert page.text.startswith("Summary for my appointment, printed on 1 July 2026")
        for words in ("Margaret Ellis", cancer.name, label, DISCLAIMER, "PCWG3", *HEADINGS):
            assert words.casefold() in page.text.casefold(), words
    breast, lung = demo_pages
    assert "Lung cancer" not in breast.text
    assert "Breast tumour" not in lung.text


def test_each_page_lists_its_cancers_treatments(demo_pages: list[Page]) -> None:
    record = demo_record()
    for page, cancer in zip(demo_pages, record.cancers, strict=True):
        text = " ".join(page.text.split())
        for treatment in record.history(cancer.id).treatments:
            assert treatment_words(treatment) in text
            assert FIXED_ENGLISH.short(treatment.start) in text
            if treatment.end is not None:
                assert FIXED_ENGLISH.short(treatment.end) in text


def test_the_timeline_is_drawn_as_lines_and_words_not_a_picture(demo_pages: list[Page]) -> None:
    for page in demo_pages:
        assert page.images == 0
        for words in ("Size (mm)", "Sum of tracked spots", "Doctor said", "Treatments"):
            assert words in page.text


def test_a_long_history_fits_on_two_pages(long_pages: list[Page]) -> None:
    assert len(long_pages) == 2
    first, second = long_pages
    assert first.text.startswith("Summary for my appointment")
    assert second.text.startswith("Margaret Anne Elisabeth Montgomery")
    every = first.text + " " + second.text
    for words in (*HEADINGS, "earlier periods are not listed here", "The 5 latest of 40"):
        assert words.casefold() in every.casefold(), words
    for page in long_pages:
        assert DISCLAIMER in page.text


def test_a_cancer_with_nothing_recorded_yet_still_prints_its_page(qapp: QApplication) -> None:
    (page,) = summary_pages(small_record(), Paper.A4)
    for words in (NO_STATUS, NO_PERIODS, NO_STATEMENTS, NO_SCAN, NO_QUESTIONS, "Ana Example"):
        assert words in page.text
    assert "Your timeline appears here once you add a scan." in page.text


def test_the_printer_draws_the_same_pages(qapp: QApplication, tmp_path: Path) -> None:
    summaries = build_summaries(demo_record(), "c2", today=TODAY)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(page_layout(Paper.LETTER))
    assert render_summary(summaries, printer) == 1
    printed = pages((tmp_path / "printed.pdf").read_bytes())
    exported = pages(summary_pdf(summaries, Paper.LETTER))
    assert [page.text for page in printed] == [page.text for page in exported]
