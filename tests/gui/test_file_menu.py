"""The File menu: new record, save a copy, import, every export, and the printed summary, with
the file dialogs answered by patching them."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.domain import Record
from survivor_app.exchange import EXPORTERS, ExchangeError, read_record, write_record
from survivor_app.exchange.marker_csv import write_marker_csv
from survivor_app.gui.file_actions import NOT_WRITTEN
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.summary_actions import PDF_FILTER, SummaryPreview
from survivor_app.storage import RecordStore
from tests.changes.edits import CA_15_3
from tests.gui.answers import No, Yes, message_boxes
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.report.pdfs import pages

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def choose_file(monkeypatch: pytest.MonkeyPatch, kind: str, path: Path) -> None:
    """Answer ``QFileDialog.<kind>`` with ``path``."""
    monkeypatch.setattr(
        f"survivor_app.gui.file_actions.QFileDialog.{kind}", lambda *_args: (str(path), "")
    )


def test_a_new_record_is_started_from_the_welcome_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for mum"
    choose_file(monkeypatch, "getSaveFileName", chosen)
    window.files.new_action.trigger()
    made = chosen.with_suffix(".survivor")
    assert made.exists()
    assert window.pages.currentWidget() is window.welcome
    assert window.session is not None
    assert window.session.path == made
    record = small_record()
    assert window.start_record(record.person, record.cancers[0])
    window.close()
    with RecordStore.open(made, create=False) as store:
        assert store.person() == record.person


def test_new_record_never_writes_over_a_file(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    before = record_path.read_bytes()
    choose_file(monkeypatch, "getSaveFileName", record_path)
    window.files.new_action.trigger()
    assert record_path.read_bytes() == before
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"


def test_a_copy_is_saved_where_the_person_chooses(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    copy = tmp_path / "copy.survivor"
    choose_file(monkeypatch, "getSaveFileName", copy)
    window.files.save_copy_action.trigger()
    with RecordStore.open(copy, create=False) as store:
        assert store.load() == small_record()


def test_a_copy_onto_the_record_itself_is_refused_calmly(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    choose_file(monkeypatch, "getSaveFileName", record_path)
    shown = message_boxes(monkeypatch, "information")
    window.files.save_copy_action.trigger()
    assert shown == [("Choose another place", "A copy needs another name or another folder.")]


def test_an_import_starts_the_record_from_the_welcome_page(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "record.json"
    exported.write_bytes(write_record(small_record()))
    choose_file(monkeypatch, "getOpenFileName", exported)
    window.files.import_action.trigger()
    assert window.windowTitle() == "Survivorship Tracker — Ana Example"
    window.close()
    with RecordStore.open(record_path, create=False) as store:
        assert store.load() == small_record()


def test_an_import_over_a_record_asks_backs_up_and_can_be_undone(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    replacement = dataclasses.replace(small_record(scans=(BASELINE, SHRUNK)), questions=())
    exported = tmp_path / "record.json"
    exported.write_bytes(write_record(replacement))
    choose_file(monkeypatch, "getOpenFileName", exported)
    asked = message_boxes(monkeypatch, "question")
    window.files.import_action.trigger()
    assert asked[0][0] == "Replace this record?"
    assert window.session is not None
    store = window.session.store
    assert store.load() == replacement
    (backup,) = paths.backups_dir(record_path).glob("*before-import*")
    with RecordStore.open(backup, create=False) as copy:
        assert copy.load() == small_record()
    window.undo_action.trigger()
    assert store.load() == small_record()


def test_a_file_that_cannot_be_imported_changes_nothing(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "survivor-record", "version": 1, "person": {}}')
    choose_file(monkeypatch, "getOpenFileName", broken)
    shown = message_boxes(monkeypatch, "warning")
    window.files.import_action.trigger()
    ((title, text),) = shown
    assert title == "This file cannot be imported"
    assert text.startswith("This file cannot be imported, so nothing was changed.")
    with pytest.raises(ExchangeError) as refused:
        read_record(broken.read_bytes())
    # The place in the file that is wrong, as the exchange format names it.
    assert text.endswith(f"\n\n{refused.value}")
    assert window.session is not None
    assert window.session.store.load() == small_record()


def save_dialog_answers(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[str, str, str]]:
    """Answer the save dialog with ``path``; the list gets each title, suggestion and filter."""
    asked: list[tuple[str, str, str]] = []

    def save(_parent: QWidget, title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append((title, suggested, filters))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def test_the_export_menu_has_one_item_for_each_format(window: MainWindow) -> None:
    assert list(window.files.export_actions) == list(EXPORTERS)
    assert [action.text() for action in window.files.export_actions.values()] == [
        "&JSON…",
        "&CSV (for spreadsheets)…",
        "&FHIR (for health systems)…",
    ]
    # Nothing to export on the welcome page.
    assert not any(action.isEnabled() for action in window.files.export_actions.values())


#: What the save dialog suggests for each export: the file's name (after the record's file,
#: test.survivor, never after the person), and the filter offered first.
SUGGESTED = {
    "json": ("test record {today}.json", "Record files (*.json)"),
    "csv": ("test scans {today}.csv", "Spreadsheet files (*.csv)"),
    "fhir": ("test FHIR {today}.json", "FHIR files (*.json)"),
}


@pytest.mark.parametrize("kind", list(EXPORTERS))
def test_each_export_writes_its_format_for_its_owner_alone(
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    name, filters = SUGGESTED[kind]
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    target = tmp_path / f"export.{kind}"
    asked = save_dialog_answers(monkeypatch, target)
    window.files.export_actions[kind].trigger()
    ((_title, suggested, offered),) = asked
    assert Path(suggested).name == name.format(today=dt.date.today().isoformat())
    assert "Ana" not in suggested
    assert offered.startswith(filters)
    assert target.read_bytes() == EXPORTERS[kind](small_record())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_json_export_reads_back_as_the_record(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    target = tmp_path / "export.json"
    save_dialog_answers(monkeypatch, target)
    window.files.export_actions["json"].trigger()
    assert read_record(target.read_bytes()) == small_record()


def test_a_csv_export_puts_the_marker_sheet_beside_the_scans_sheet(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = dataclasses.replace(small_record(), marker_results=(CA_15_3,))
    write_record_file(record_path, record)
    window.open_record(record_path)
    save_dialog_answers(monkeypatch, tmp_path / "mum scans.csv")
    assert window.files.export("csv") == tmp_path / "mum scans.csv"
    sheet = tmp_path / "mum markers.csv"
    assert sheet.read_bytes() == write_marker_csv(record)
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600


def test_a_marker_sheet_already_there_is_replaced_only_when_the_person_says_yes(
    qtbot: QtBot,
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = dataclasses.replace(small_record(), marker_results=(CA_15_3,))
    write_record_file(record_path, record)
    window.open_record(record_path)
    target, sheet = tmp_path / "mum scans.csv", tmp_path / "mum markers.csv"
    sheet.write_bytes(b"my own sheet")
    save_dialog_answers(monkeypatch, target)
    asked: list[str] = []

    def answer_later(answer: QMessageBox.StandardButton) -> None:
        """Answer the question with the keyboard: Escape for No; Tab to Yes and Space."""

        def press() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                # The question is not up yet: try again once it is.
                QTimer.singleShot(10, press)
                return
            asked.append(box.text())
            if answer is No:
                qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)
                return
            yes = box.button(Yes)
            for _ in range(len(box.buttons())):
                if box.focusWidget() is yes:
                    break
                qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Tab)
            assert box.focusWidget() is yes
            qtbot.keyClick(yes, Qt.Key.Key_Space)

        QTimer.singleShot(0, press)

    # Escape: the question's answer is No, and nothing is written, not the scans' sheet either.
    answer_later(No)
    assert window.files.export("csv") is None
    assert asked == [
        f"“mum markers.csv” already exists in {tmp_path.name}. The export puts the tumour marker "
        "results in a sheet of that name, beside the scans’ sheet. Replace it?"
    ]
    assert sheet.read_bytes() == b"my own sheet"
    assert not target.exists()
    # Yes: both sheets are written, and both are named.
    answer_later(Yes)
    assert window.files.export("csv") == target
    assert len(asked) == 2
    assert sheet.read_bytes() == write_marker_csv(record)
    assert target.read_bytes().startswith(codecs.BOM_UTF8)
    assert window.files.saved_notice.words.text() == (
        f"The export was saved as “mum scans.csv” and “mum markers.csv” in {tmp_path.name}."
    )


def test_a_name_typed_without_its_ending_gets_it(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    save_dialog_answers(monkeypatch, tmp_path / "for the clinic")
    assert window.files.export("csv") == tmp_path / "for the clinic.csv"
    assert (tmp_path / "for the clinic.csv").read_bytes().startswith(codecs.BOM_UTF8)


def test_a_name_that_no_file_may_have_is_made_safe(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A record's file name on Linux may hold what Windows refuses in a name.
    record_path = tmp_path / 'Mum: "first"?.survivor'
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    asked = save_dialog_answers(monkeypatch, tmp_path / "x.json")
    window.files.export_actions["json"].trigger()
    assert Path(asked[0][1]).name.startswith("Mum- -first-- record ")


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    missing = tmp_path / "no such folder"
    save_dialog_answers(monkeypatch, missing / "export.json")
    shown = message_boxes(monkeypatch, "warning")
    assert window.files.export("fhir") is None
    assert shown == [("The file could not be written", NOT_WRITTEN)]
    assert not missing.exists()


def test_a_cancelled_export_writes_nothing(
    window: MainWindow, record_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    before = set(tmp_path.rglob("*"))
    assert window.files.export("json") is None
    assert set(tmp_path.rglob("*")) == before


def test_an_export_never_replaces_the_record_itself(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    save_dialog_answers(monkeypatch, record_path)
    shown = message_boxes(monkeypatch, "information")
    assert window.files.export("json") is None
    assert shown == [("Choose another place", "The export needs another name than the record.")]
    assert window.session is not None
    assert window.session.store.load() == small_record()


# The printed summary


@pytest.fixture
def two_cancers(window: MainWindow, record_path: Path, demo: Record) -> MainWindow:
    """The window on the example's content (two cancers), showing the second, the lung cancer."""
    write_record_file(record_path, demo)
    assert window.open_record(record_path)
    selector = window.view.cancer_selector
    selector.setCurrentIndex(selector.findText("Lung cancer"))
    return window


def test_the_summary_needs_a_record(window: MainWindow) -> None:
    assert not window.files.print_action.isEnabled()
    assert not window.files.export_pdf_action.isEnabled()


def test_print_shows_the_preview_of_the_cancer_in_view(
    qtbot: QtBot,
    two_cancers: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printed.pdf"

    def print_to_file(preview: SummaryPreview) -> int:
        # What the preview's Print button would send to the printer, sent to a PDF instead.
        printer = preview.summary_printer
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        preview.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(SummaryPreview, "exec", print_to_file)
    assert two_cancers.files.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    qtbot.keyClick(two_cancers, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (page,) = pages(printed.read_bytes())
    assert "Margaret Ellis" in page.text
    assert "Lung cancer" in page.text
    assert "Breast cancer" not in page.text


def test_the_summary_is_exported_as_a_pdf_of_the_cancer_in_view(
    two_cancers: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for my doctor.pdf"
    asked = save_dialog_answers(monkeypatch, target)
    two_cancers.files.export_pdf_action.trigger()
    assert asked[0][2] == PDF_FILTER
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (page,) = pages(target.read_bytes())
    assert "Margaret Ellis" in page.text
    assert "Lung cancer" in page.text
    assert "Breast cancer" not in page.text


def test_the_example_and_a_read_only_view_can_be_printed(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_example()
    assert window.files.print_action.isEnabled()
    assert window.files.export_pdf_action.isEnabled()
    write_record_file(record_path, small_record())
    with RecordStore.open(record_path, create=False):
        message_boxes(monkeypatch, "question", Yes)
        assert window.open_record(record_path)
        assert window.files.print_action.isEnabled()
        assert all(action.isEnabled() for action in window.files.export_actions.values())


@pytest.mark.skipif(
    sys.platform != "linux", reason="Qt finds the documents folder through HOME on Linux alone"
)
def test_save_dialogs_open_in_the_folder_last_used_or_the_documents_folder(
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: AppSettings,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    usb = tmp_path / "usb stick"
    usb.mkdir()
    asked = save_dialog_answers(monkeypatch, usb / "x.json")
    window.files.export_actions["json"].trigger()
    window.files.export_pdf_action.trigger()
    window.files.save_copy_action.trigger()
    # The folder last used is remembered between runs; gone, the documents folder takes over.
    window.close()
    again = MainWindow(AppSettings(settings.file), record_path)
    again.open_record(record_path)
    again.files.export_actions["csv"].trigger()
    usb.rename(tmp_path / "unplugged")
    (home / "Documents").mkdir()
    later = save_dialog_answers(monkeypatch, home / "y.json")
    again.files.export_actions["fhir"].trigger()
    again.close()
    assert [Path(suggested).parent for _title, suggested, _filters in asked + later] == [
        home,
        usb,
        usb,
        usb,
        home / "Documents",
    ]


@pytest.mark.parametrize(
    "case",
    [
        ("json", "export.json", "The export was saved as “export.json” in {folder}."),
        ("csv", "export.csv", "The export was saved as “export.csv” in {folder}."),
        ("fhir", "export.json", "The export was saved as “export.json” in {folder}."),
        ("pdf", "summary.pdf", "The summary was saved as “summary.pdf” in {folder}."),
        ("copy", "copy.survivor", "A copy of the record was saved as “copy.survivor” in {folder}."),
    ],
)
def test_every_save_says_what_was_saved_and_can_show_its_folder(
    window: MainWindow,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str, str, str],
) -> None:
    action, chosen, said = case
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    folder = tmp_path / "for the clinic"
    folder.mkdir()
    save_dialog_answers(monkeypatch, folder / chosen)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    notice = window.files.saved_notice
    assert not notice.isVisible()
    actions = {**window.files.export_actions, "pdf": window.files.export_pdf_action}
    actions["copy"] = window.files.save_copy_action
    actions[action].trigger()
    assert (folder / chosen).exists()
    assert notice.isVisible()
    assert notice.words.text() == said.format(folder="for the clinic")
    assert notice.show_folder.text() == "Show in folder"
    notice.show_folder.setFocus()
    QTest.keyClick(notice.show_folder, Qt.Key.Key_Space)
    assert opened == [QUrl.fromLocalFile(str(folder))]


def test_a_cancelled_save_says_nothing(
    window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record())
    window.open_record(record_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    window.files.export_actions["json"].trigger()
    window.files.export_pdf_action.trigger()
    assert not window.files.saved_notice.isVisible()
