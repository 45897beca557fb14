"""File ▸ Print summary… and File ▸ Export summary as PDF…: the preview shows the renderer's pages,
the export writes a private PDF where the person chose, on the paper of their locale."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from survivor_app.gui import summary_actions
from survivor_app.report.paper import Paper
from tests.gui.dialogs.forms import heard_names
from tests.report.pdfs import LETTER_POINTS, pages

#: The record file the summaries are exported from.
MUM = Path("/records/mum.survivor")


@pytest.fixture
def locale_of() -> Iterator[Any]:
    """Set the default locale for one test, and put it back after."""
    before = QLocale()

    def choose(language: QLocale.Language, territory: QLocale.Country) -> None:
        QLocale.setDefault(QLocale(language, territory))

    yield choose
    QLocale.setDefault(before)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What message boxes would have said, instead of showing them."""
    said: list[str] = []

    def tell(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        said.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", tell)
    monkeypatch.setattr(QMessageBox, "warning", tell)
    return said


def test_the_paper_follows_the_locale(locale_of: Any) -> None:
    locale_of(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert summary_actions.locale_paper() is Paper.LETTER
    locale_of(QLocale.Language.French, QLocale.Country.Canada)
    assert summary_actions.locale_paper() is Paper.LETTER
    locale_of(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert summary_actions.locale_paper() is Paper.A4


def test_the_export_writes_a_private_pdf_where_the_person_chose(
    qtbot: QtBot, demo: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale_of: Any
) -> None:
    locale_of(QLocale.Language.English, QLocale.Country.UnitedStates)
    target = tmp_path / "for the doctor.pdf"
    monkeypatch.setattr(summary_actions, "ask_pdf_path", lambda _parent, _suggested: target)
    assert summary_actions.export_summary_pdf(None, demo, "c1", named_after=MUM) == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (page,) = pages(target.read_bytes())
    assert page.size == pytest.approx(LETTER_POINTS, abs=0.5)
    assert "Breast cancer" in page.text


def test_a_cancelled_export_writes_nothing(
    qtbot: QtBot, demo: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summary_actions, "ask_pdf_path", lambda _parent, _suggested: None)
    assert summary_actions.export_summary_pdf(None, demo, named_after=MUM) is None
    assert list(tmp_path.iterdir()) == []


def test_an_export_that_cannot_be_written_says_so(
    qtbot: QtBot, demo: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    target = tmp_path / "missing folder" / "summary.pdf"
    monkeypatch.setattr(summary_actions, "ask_pdf_path", lambda _parent, _suggested: target)
    assert summary_actions.export_summary_pdf(None, demo, "c2", named_after=MUM) is None
    assert told == [f"{summary_actions.EXPORT_TITLE}: {summary_actions.NOT_WRITTEN}"]


def test_a_record_without_a_cancer_has_nothing_to_print(
    qtbot: QtBot, demo: Record, told: list[str]
) -> None:
    empty = Record(person=demo.person)
    assert summary_actions.summary_preview(None, empty) is None
    assert summary_actions.export_summary_pdf(None, empty, named_after=MUM) is None
    assert len(told) == 2
    assert all("Add a cancer" in words for words in told)


def test_the_pdf_is_suggested_under_the_record_s_name_and_the_date_not_the_person_s(
    qtbot: QtBot, demo: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[Path] = []

    def ask(_parent: Any, path: Path) -> None:
        suggested.append(path)

    monkeypatch.setattr(summary_actions, "ask_pdf_path", ask)
    assert summary_actions.export_summary_pdf(None, demo, named_after=MUM) is None
    (path,) = suggested
    assert path.name == f"mum summary {dt.date.today().isoformat()}.pdf"
    assert demo.person.name not in str(path)
    preview = summary_actions.summary_preview(None, demo)
    assert preview is not None
    qtbot.addWidget(preview)
    assert demo.person.name not in preview.printer().docName()


def test_the_save_dialog_suggests_a_pdf_and_adds_the_ending(
    qtbot: QtBot, demo: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[str] = []

    def save(_parent: Any, _title: str, directory: str, _filter: str) -> tuple[str, str]:
        suggested.append(directory)
        return "/somewhere/summary", summary_actions.PDF_FILTER

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    assert summary_actions.ask_pdf_path(None, Path("/docs/x.pdf")) == Path("/somewhere/summary.pdf")
    assert suggested == ["/docs/x.pdf"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    assert summary_actions.ask_pdf_path(None, Path("/docs/x.pdf")) is None


@pytest.mark.parametrize(("cancer_id", "count"), [("c2", 1), (None, 2)])
def test_the_preview_shows_the_renderers_pages(
    qtbot: QtBot, demo: Record, locale_of: Any, cancer_id: str | None, count: int
) -> None:
    locale_of(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    preview = summary_actions.summary_preview(None, demo, cancer_id)
    assert preview is not None
    qtbot.addWidget(preview)
    preview.show()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == count)
    assert preview.printer().pageLayout().pageSize().id() is QPageSize.PageSizeId.A4
    preview.close()


def test_the_preview_has_print_and_close_in_words_and_names_every_control(
    qtbot: QtBot, demo: Record
) -> None:
    preview = summary_actions.summary_preview(None, demo, "c1")
    assert preview is not None
    qtbot.addWidget(preview)
    with qtbot.waitExposed(preview):
        preview.show()
    buttons = {button.text(): button for button in preview.findChildren(QPushButton)}
    assert set(buttons) == {"&Print…", "Close"}
    inside = preview.rect()
    for button in buttons.values():
        assert button.isVisible()
        assert inside.contains(QRect(button.mapTo(preview, QPoint(0, 0)), button.size()))
    # Named for a screen reader: the toolbar's icons, the zoom box (not by its value), the page.
    unnamed = [
        f"{type(widget).__name__}: {heard_names(widget)}"
        for widget in preview.findChildren(QWidget)
        if isinstance(widget, QToolButton | QComboBox | QLineEdit | QGraphicsView)
        and not isinstance(widget.parent(), QComboBox)
        and not any(heard_names(widget)[1:])
        and not heard_names(widget)[0]
    ]
    assert unnamed == []
    (zoom,) = preview.findChildren(QComboBox)
    assert heard_names(zoom)[1:] == ["Zoom"]
    close = buttons["Close"]
    close.setFocus()
    qtbot.keyClick(close, Qt.Key.Key_Space)
    assert not preview.isVisible()
    assert preview.result() == QDialog.DialogCode.Rejected
