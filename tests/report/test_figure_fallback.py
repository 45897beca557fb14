"""The timeline on paper is never a blank box: a figure whose SVG Qt cannot load is printed as
a picture of the same plot, and a record holding control characters (written by an older
version) prints its timeline as lines and words, its names shown with escapes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from survivor_app.report.content import build_summaries
from survivor_app.report.figure import draw_figure
from survivor_app.report.paper import Paper
from survivor_app.report.render import summary_pdf
from survivor_app.storage import RecordStore
from tests.older_records import ESCAPES, older_record, scan_dated, spot_named
from tests.report.pdfs import pages
from tests.report.records import demo_record

TODAY = dt.date(2026, 7, 1)
RED = "#d62728"


def figure_with_title(title: str) -> Figure:
    figure = Figure(figsize=(4, 2), dpi=72)
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], color=RED, linewidth=6)
    axes.set_title(title)
    return figure


def pdf_of(figure: Figure) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    draw_figure(painter, figure, QRectF(0, 0, writer.width(), writer.height() / 2))
    painter.end()
    buffer.close()
    return bytes(data.data())


def red_pixels(figure: Figure) -> int:
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_figure(painter, figure, QRectF(0, 0, 400, 200))
    painter.end()
    red = QColor(RED)
    return sum(
        1
        for x in range(0, 400, 2)
        for y in range(0, 200, 2)
        if abs(image.pixelColor(x, y).red() - red.red()) < 40
        and abs(image.pixelColor(x, y).green() - red.green()) < 40
        and abs(image.pixelColor(x, y).blue() - red.blue()) < 40
    )


def test_a_figure_s_svg_is_drawn_as_lines_and_words(qapp: QApplication) -> None:
    (page,) = pages(pdf_of(figure_with_title("Sizes over time")))
    assert page.images == 0
    assert "Sizes over time" in page.text


# A form feed is no character XML can hold: matplotlib writes it into the SVG all the same.
@pytest.mark.filterwarnings(r"ignore:Glyph 12 .* missing:UserWarning")
def test_a_figure_whose_svg_cannot_load_is_printed_as_a_picture(qapp: QApplication) -> None:
    figure = figure_with_title("Sizes\x0c over time")
    (page,) = pages(pdf_of(figure))
    assert page.images == 1
    assert red_pixels(figure) > 100


def test_a_clean_figure_and_its_picture_show_the_same_line(qapp: QApplication) -> None:
    assert red_pixels(figure_with_title("Sizes over time")) > 100


def test_a_record_with_control_characters_and_a_date_of_year_22_still_prints(
    qapp: QApplication, record_path: Path
) -> None:
    record = demo_record()
    breast = record.cancers[0].id
    first_spot = next(s for s in record.spots if s.cancer_id == breast)
    first_scan = min((s for s in record.scans if s.cancer_id == breast), key=lambda s: s.date)
    older_record(
        record_path,
        dataclasses.replace(record, person=dataclasses.replace(record.person, birth_date=None)),
        spot_named(first_spot.id, "Breast tumour" + ESCAPES),
        scan_dated(first_scan.id, "0022-05-14"),
    )
    with RecordStore.open(record_path, read_only=True) as store:
        held = store.load()
    assert held is not None
    (page,) = pages(summary_pdf(build_summaries(held, breast, today=TODAY), Paper.A4))
    assert page.images == 0
    for words in ("Size (mm)", "Sum of tracked spots", "Breast tumour\\x1b]52;c;aGVsbG8=\\x07"):
        assert words in page.text


@pytest.mark.parametrize("name", ["x $\\frac{$ y", "Cost $5 and $10", "a\\$b"])
def test_a_spot_name_with_dollar_signs_prints_word_for_word(qapp: QApplication, name: str) -> None:
    # matplotlib would read text between two $ as mathematics, and fail on "$\frac{$".
    record = demo_record()
    breast = record.cancers[0].id
    first_spot = next(s for s in record.spots if s.cancer_id == breast)
    spots = tuple(dataclasses.replace(s, name=name) if s == first_spot else s for s in record.spots)
    held = dataclasses.replace(record, spots=spots)
    (page,) = pages(summary_pdf(build_summaries(held, breast, today=TODAY), Paper.A4))
    assert page.images == 0
    assert f"Sum of tracked spots {name} " in page.text
