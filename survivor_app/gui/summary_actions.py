"""File ▸ Print summary… and File ▸ Export summary as PDF…: the printed summary from the window,
drawn by the same renderer as the command line's ``summary``, on the paper of the person's
locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGraphicsView,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from survivor_app.domain import Record
from survivor_app.files import write_private
from survivor_app.gui.field_problems import label_for_screen_readers
from survivor_app.gui.save_paths import suggested_export
from survivor_app.report.content import TITLE, CancerSummary, SummaryError, build_summaries
from survivor_app.report.paper import Paper, paper_for_territory
from survivor_app.report.render import page_layout, render_summary, summary_pdf

PRINT_TITLE = "Print summary"
EXPORT_TITLE = "Export summary as PDF"
PDF_FILTER = "PDF files (*.pdf)"
NOT_WRITTEN = (
    "The summary could not be saved. Check that the folder can be written to, then try again."
)


def locale_paper() -> Paper:
    """The paper of the person's locale: US Letter in the United States and Canada, else A4."""
    return paper_for_territory(QLocale.territoryToCode(QLocale().territory()))


class SummaryPreview(QPrintPreviewDialog):
    """The print preview of a summary; it keeps its printer for as long as it lives, since the
    dialog only borrows the one it is given."""

    def __init__(
        self, parent: QWidget | None, summaries: Sequence[CancerSummary], document: str
    ) -> None:
        self.summary_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.summary_printer.setPageLayout(page_layout(locale_paper()))
        self.summary_printer.setDocName(document)
        super().__init__(self.summary_printer, parent)
        self.setWindowTitle(PRINT_TITLE)
        # The preview draws its pages, and the printer its paper, through this one call.
        self.paintRequested.connect(lambda device: render_summary(summaries, device))
        self._name_controls()

    def _name_controls(self) -> None:
        """Print… and Close as buttons with words beneath the pages (Qt's preview shows icons
        alone, out of Tab's way, Print among the first to fold away in a narrow window, and has
        no Close), and names for screen readers on the rest."""
        (bar,) = self.findChildren(QToolBar)
        buttons = QDialogButtonBox(self)
        # The preview's own layout has no margins: the pages run to the window's edges.
        buttons.setContentsMargins(8, 6, 8, 8)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAccessibleName(action.text())
            if action.text() == "Print":
                self.print_button.clicked.connect(action.trigger)
                action.setVisible(False)
        for more in bar.findChildren(QToolButton):
            if not more.accessibleName():
                more.setAccessibleName("More tools")
        for zoom in bar.findChildren(QComboBox):
            zoom.setAccessibleName("Zoom")
            label_for_screen_readers(zoom, "Zoom")
        for page in bar.findChildren(QLineEdit):
            if not isinstance(page.parent(), QComboBox):
                page.setAccessibleName("Page number")
        pages = self.findChild(QPrintPreviewWidget)
        if pages is not None:
            pages.setAccessibleName("Pages of the summary")
            for view in pages.findChildren(QGraphicsView):
                view.setAccessibleName("Pages of the summary")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(buttons)
        self.print_button.setFocus()


def summary_preview(
    parent: QWidget | None, record: Record, cancer_id: str | None = None
) -> SummaryPreview | None:
    """A print preview of the summary of ``cancer_id`` (None: every cancer), whose Print button
    opens the system's print dialog; None, after saying why, when there is nothing to print."""
    summaries = _summaries(parent, PRINT_TITLE, record, cancer_id)
    if summaries is None:
        return None
    # The document's name is what a print dialog suggests for a file: never the person's name.
    return SummaryPreview(parent, summaries, TITLE)


def print_summary(parent: QWidget | None, record: Record, cancer_id: str | None = None) -> None:
    """File ▸ Print summary…: the print preview, then the system's print dialog."""
    preview = summary_preview(parent, record, cancer_id)
    if preview is not None:
        preview.exec()
        preview.deleteLater()


def export_summary_pdf(
    parent: QWidget | None,
    record: Record,
    cancer_id: str | None = None,
    *,
    named_after: Path,
    folder: Path | None = None,
) -> Path | None:
    """File ▸ Export summary as PDF…: ask where (starting in ``folder``, or else the documents
    folder), then write the PDF readable by its owner only. The name suggested is that of the
    record file ``named_after`` with the date.

    Returns the file written, or None when the person cancelled or it could not be written.
    """
    summaries = _summaries(parent, EXPORT_TITLE, record, cancer_id)
    if summaries is None:
        return None
    path = ask_pdf_path(parent, suggested_export(named_after, "summary", ".pdf", folder))
    if path is None:
        return None
    try:
        write_private(path, summary_pdf(summaries, locale_paper()))
    except OSError:
        QMessageBox.warning(parent, EXPORT_TITLE, NOT_WRITTEN)
        return None
    return path


def ask_pdf_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save the PDF, from the system's save dialog; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, EXPORT_TITLE, str(suggested), PDF_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.casefold() == ".pdf" else path.with_name(f"{path.name}.pdf")


def _summaries(
    parent: QWidget | None, title: str, record: Record, cancer_id: str | None
) -> tuple[CancerSummary, ...] | None:
    try:
        return build_summaries(record, cancer_id, today=dt.date.today())
    except SummaryError:
        QMessageBox.information(
            parent, title, "There is nothing to print yet. Add a cancer and a scan first."
        )
        return None
