"""The window's first paint at start (issue 15): its frame, title and the picture of the timeline
last drawn come first; the cancer is read and its tables filled right after that paint, to the
very content a window already on screen shows at once, in every case of opening a record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.domain import Record
from survivor_app.gui import edit_actions
from survivor_app.gui.first_paint import AfterFirstPaint
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.widgets.welcome import WelcomePage
from survivor_app.storage import BackupFolder, RecordStore
from tests.gui.answers import Yes, message_boxes
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.gui.tables import shown_ids
from tests.gui.test_main_window import damage
from tests.gui.test_timeline_snapshot import picture_shown
from tests.safety.test_crafted_records import NOT_A_RECORD
from tests.safety.test_read_only_records import file_refuses_writes

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def what_is_shown(main: MainWindow) -> dict[str, Any]:
    """Everything the window shows of the record open, as a person (or a screen reader) reads it."""
    view = main.view
    tabs = (
        view.scans_tab,
        view.spots_tab,
        view.statements_tab,
        view.treatments_tab,
        view.markers_tab,
        view.questions_tab,
    )
    periods = view.periods_model
    return {
        "title": main.windowTitle(),
        "banner": view.banner_text.text() if view.banner.isVisibleTo(main) else None,
        "summary": view.summary.text(),
        "periods": [periods.index(row, 0).data() for row in range(periods.rowCount())],
        "period chosen": view.period_list.selected_period(),
        "explanation": view.explanation.toPlainText(),
        "tables": {tab.table.accessibleName(): shown_ids(tab.model) for tab in tabs},
        "suggested": view.suggestions.stringList(),
        "marker words": view.marker_words.toPlainText(),
        "add a scan": main.edits.adding[edit_actions.SCAN].isEnabled(),
        "add buttons": [tab.add_button.isEnabled() for tab in tabs],
    }


class FirstPaint(QObject):
    """Calls ``look`` when ``window`` is first painted, and keeps what it returns."""

    def __init__(self, window: MainWindow, look: Callable[[], Any]) -> None:
        super().__init__(window)
        self.seen: list[Any] = []
        self._look = look
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen.append(self._look())
        return False


def started(qtbot: QtBot, settings: AppSettings, record: Path) -> MainWindow:
    """The window as the app starts it on ``record``: opened first, then shown."""
    main = MainWindow(settings, record)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.start_at(record)
    return main


@pytest.fixture
def record(record_path: Path) -> Path:
    return write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))


def test_the_first_paint_shows_the_picture_and_the_tables_fill_right_after(
    qtbot: QtBot, settings: AppSettings, record: Path
) -> None:
    first = started(qtbot, settings, record)
    with qtbot.waitSignal(first.view.plot.drawn):
        first.show()
    first.close()
    assert paths.timeline_snapshot_path(record).is_file()

    second = started(qtbot, settings, record)
    scans = second.view.scans_tab.model
    at_paint = FirstPaint(second, lambda: (picture_shown(second) is not None, scans.rowCount()))
    second.show()
    qtbot.waitUntil(lambda: bool(at_paint.seen))
    # The picture stands in for the plot at the first paint; the tables come right after.
    assert at_paint.seen == [(True, 0)]
    qtbot.waitUntil(lambda: scans.rowCount() == 2)
    assert set(shown_ids(scans)) == {SHRUNK.id, BASELINE.id}
    assert len(what_is_shown(second)["periods"]) == 2
    qtbot.waitUntil(lambda: is_ready(second.view.plot))
    qtbot.waitUntil(lambda: picture_shown(second) is None)


@pytest.fixture
def opening_case(
    request: pytest.FixtureRequest, record: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The record in one of the cases of opening, with the question asked answered Yes."""
    case: str = request.param
    message_boxes(monkeypatch, "question", Yes)
    if case == "damaged":
        with RecordStore.open(record, create=False) as store:
            BackupFolder(store.path).make(store, "by-hand")
        damage(record)
    elif case == "cannot be written":
        file_refuses_writes(monkeypatch, record)
    if case == "open elsewhere":
        with RecordStore.open(record, create=False):
            yield case
    else:
        yield case


@pytest.mark.parametrize(
    "opening_case", ["own", "open elsewhere", "cannot be written", "damaged"], indirect=True
)
def test_the_window_filled_after_its_first_paint_shows_what_an_open_window_shows(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, record: Path, opening_case: str
) -> None:
    # A window already on screen shows a record opened from its File menu at once.
    assert window.open_record(record)
    expected = what_is_shown(window)
    assert expected["tables"]["Scans"] == [SHRUNK.id, BASELINE.id]
    window.close()

    main = started(qtbot, settings, record)
    main.show()
    qtbot.waitUntil(lambda: what_is_shown(main) == expected)
    # Once filled, the keyboard walks it as before: the periods list is reached from the top.
    assert main.view.period_list.selected_period() == len(expected["periods"]) - 1


def test_a_window_that_opens_a_record_at_start_never_makes_the_welcome_page(
    qtbot: QtBot, settings: AppSettings, record: Path
) -> None:
    main = started(qtbot, settings, record)
    with qtbot.waitSignal(main.view.plot.drawn):
        main.show()
    assert main.pages.currentWidget() is main.view
    assert main.findChildren(WelcomePage) == []


def test_a_window_made_for_a_record_offers_no_edit_before_the_record_is_open(
    qtbot: QtBot, settings: AppSettings, record: Path
) -> None:
    main = MainWindow(settings, record)
    qtbot.addWidget(main)
    (edit_menu,) = [a.menu() for a in main.menuBar().actions() if a.text() == "&Edit"]
    offered = [a.text() for a in edit_menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert offered == []
    assert main.windowTitle() == "Survivorship Tracker"
    assert main.findChildren(WelcomePage) == []


def test_a_record_that_cannot_be_opened_at_start_leaves_the_window_on_the_welcome_page(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_record = tmp_path / "notes.survivor"
    not_a_record.write_bytes(b"Not a record at all. " * 50)
    shown = message_boxes(monkeypatch, "warning")
    main = started(qtbot, settings, not_a_record)
    assert [text for _title, text in shown] == [NOT_A_RECORD]
    assert main.session is None
    assert main.pages.currentWidget() is main.welcome
    assert main.windowTitle() == "Survivorship Tracker"
    main.show()
    assert main.focusWidget() is main.welcome.name.editor


def test_a_record_opened_after_the_first_paint_is_shown_at_once(
    qtbot: QtBot, settings: AppSettings, record: Path
) -> None:
    main = started(qtbot, settings, record)
    with qtbot.waitSignal(main.view.plot.drawn):
        main.show()
    assert main.open_example()
    # No moment shows the example's title over the record's rows, or the other way round.
    assert main.session is not None
    example = main.session.store.history(main.view.cancer_selector.currentData())
    assert set(shown_ids(main.view.scans_tab.model)) == {scan.id for scan in example.scans}
    assert main.windowTitle().endswith("(example)")


def test_the_daily_backup_at_start_is_made_once_the_window_is_on_screen(
    qtbot: QtBot, settings: AppSettings, record: Path
) -> None:
    main = started(qtbot, settings, record)
    assert not paths.backups_dir(record).exists()
    main.show()
    qtbot.waitUntil(lambda: paths.backups_dir(record).exists())
    (backup,) = paths.backups_dir(record).iterdir()
    assert "daily" in backup.name


def test_work_that_fails_after_the_first_paint_does_not_keep_the_rest_from_running(
    qtbot: QtBot,
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    after = AfterFirstPaint(widget)
    ran: list[str] = []

    def fails() -> None:
        ran.append("fill")
        raise RuntimeError("the fill failed")

    after.run(fails)
    after.run(lambda: ran.append("backup"))
    with qtbot.capture_exceptions() as raised:
        widget.show()
        qtbot.waitUntil(lambda: len(ran) == 2)
    assert ran == ["fill", "backup"]
    # The failure still reaches the app's calm message, once everything has run.
    assert [str(error) for _kind, error, _trace in raised] == ["the fill failed"]


def test_the_timeline_is_drawn_once_at_start_for_the_window_as_filled(
    qtbot: QtBot, settings: AppSettings, record_path: Path, demo: Record
) -> None:
    # The example: filling it shows the marker words too, which changes the window's layout.
    main = started(qtbot, settings, write_record_file(record_path, demo))
    drawings: list[None] = []
    main.view.plot.drawn.connect(lambda: drawings.append(None))
    main.show()
    qtbot.waitUntil(lambda: bool(drawings))
    # The window is laid out for its filled tables before the plot first draws: no resize
    # comes after that drawing to draw it all again (150 ms after it).
    qtbot.wait(500)
    assert len(drawings) == 1


#: What the window's first paint never waits for: the rules, the exchange formats, reading
#: reports, the terminal's text and the summary.
NOT_BEFORE_THE_FIRST_PAINT = (
    "survivor_app.status",
    "survivor_app.exchange",
    "survivor_app.reading",
    "survivor_app.terminal",
    "survivor_app.report",
    "matplotlib",
)

#: Starts the app's window on a record through the command line, as a person does, and lists
#: the modules loaded when the window is first painted.
_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from survivor_app import cli
from survivor_app.gui.main_window import MainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched.close)
        return False

first_paint = FirstPaint()

def watch():
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window.installEventFilter(first_paint)

QTimer.singleShot(0, watch)
sys.exit(cli.main(["--record", sys.argv[1]]))
"""


def test_the_first_paint_waits_for_no_module_only_the_filled_window_needs(
    tmp_path: Path, demo: Record
) -> None:
    record = write_record_file(tmp_path / "record.survivor", demo)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(record)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SURVIVOR_APP_HOME": str(tmp_path)},
        timeout=120,
    )
    loaded = json.loads(result.stdout.splitlines()[0])
    assert "survivor_app.gui.main_window" in loaded
    early = [
        name
        for name in loaded
        if any(
            name == later or name.startswith(f"{later}.") for later in NOT_BEFORE_THE_FIRST_PAINT
        )
    ]
    assert early == []
