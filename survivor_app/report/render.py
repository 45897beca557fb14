"""The one renderer of the printed summary: it draws ``CancerSummary`` pages with QPainter on any
QPagedPaintDevice, so the PDF export (QPdfWriter), the printer and the print preview (QPrinter)
all show the same pages, with nothing on them but what is drawn here (Qt stamps no page number or
header of its own)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from survivor_app.report.content import TITLE, CancerSummary
from survivor_app.report.paper import Paper
from survivor_app.report.sections import SummarySheet

MARGIN_MM = 12.0
#: The PDF's resolution: QPainter works in whole device pixels, so fine ones keep text exact.
PDF_DPI = 1200
CREATOR = "Survivorship Tracker"

_PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}


def page_layout(paper: Paper) -> QPageLayout:
    """A portrait page of ``paper`` with the summary's margins."""
    return QPageLayout(
        QPageSize(_PAGE_SIZES[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def render_summary(summaries: Sequence[CancerSummary], device: QPagedPaintDevice) -> int:
    """Draw each summary on ``device`` from a new page, in the device's own page layout.

    Returns the number of pages drawn.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the summary could not be drawn on this printer or file")
    pages = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for index, summary in enumerate(summaries):
            if index:
                device.newPage()
            pages += SummarySheet(painter, device, summary).draw()
    finally:
        painter.end()
    return pages


def summary_pdf(summaries: Sequence[CancerSummary], paper: Paper) -> bytes:
    """The summaries as the bytes of a PDF on ``paper``, with or without a screen."""
    gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(paper))
    writer.setResolution(PDF_DPI)
    writer.setCreator(CREATOR)
    if summaries:
        writer.setTitle(f"{TITLE}: {summaries[0].header.name}")
    render_summary(summaries, writer)
    # The writer finishes the file when it goes, before the buffer is read.
    del writer
    buffer.close()
    return bytes(buffer.data().data())


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one that lives as long as the process, able to
    draw text without a screen."""
    global _application  # noqa: PLW0603 (one application per process, as Qt requires)
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith(("linux", "freebsd", "openbsd")) and no_display:
        # Without this, Qt stops the process for want of a screen; printing needs none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication([sys.argv[0] if sys.argv else CREATOR])
    return _application


_application: QGuiApplication | None = None
