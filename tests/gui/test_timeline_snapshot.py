"""The picture of the last drawn timeline: kept privately, shown at the next start only while
the record is unchanged, and replaced by the live plot."""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from survivor_app import paths
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.timeline_snapshot import TimelineSnapshot
from survivor_app.storage import RecordStore
from tests.gui.plotting import is_ready
from tests.gui.records import BASELINE, QUESTION, SHRUNK, small_record, write_record_file

pytestmark = pytest.mark.usefixtures("uk_dates")


@pytest.fixture
def store(record_path: Path) -> Iterator[RecordStore]:
    """A record with one cancer, open."""
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    with RecordStore.open(record_path) as opened:
        yield opened


def a_drawing(qtbot: QtBot) -> QWidget:
    """A widget with something on it, standing in for the plot's canvas."""
    label = QLabel("A timeline")
    qtbot.addWidget(label)
    label.resize(300, 200)
    return label


def opened_window(qtbot: QtBot, settings: AppSettings, record: Path) -> MainWindow:
    """A main window on ``record``, not shown yet."""
    main = MainWindow(settings, record)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.start_at(record)
    return main


def picture_shown(main: MainWindow) -> QImage | None:
    """The picture standing in for the plot, if any."""
    stand_in = main.view.plot.findChild(QLabel)
    if stand_in is None or stand_in.pixmap().isNull():
        return None
    return stand_in.pixmap().toImage()


def test_a_picture_is_read_back_only_while_the_record_is_unchanged(
    qtbot: QtBot, store: RecordStore
) -> None:
    snapshot = TimelineSnapshot(store)
    assert snapshot.load("c1") is None
    snapshot.keep_soon(a_drawing(qtbot), "c1")
    snapshot.keep_now()
    picture = snapshot.load("c1")
    assert picture is not None
    drawing = a_drawing(qtbot)
    scale = drawing.devicePixelRatioF()
    assert (picture.width(), picture.height()) == (round(300 * scale), round(200 * scale))
    assert picture.devicePixelRatio() == scale
    # Another cancer of the same record has a timeline of its own.
    assert snapshot.load("c2") is None
    store.add_question(dataclasses.replace(QUESTION, id="q9"))
    assert snapshot.load("c1") is None


def test_the_picture_is_private_and_kept_apart_from_the_record(
    qtbot: QtBot, store: RecordStore, record_path: Path
) -> None:
    record_bytes = record_path.read_bytes()
    snapshot = TimelineSnapshot(store)
    snapshot.keep_soon(a_drawing(qtbot), "c1")
    snapshot.keep_now()
    assert snapshot.path == paths.timeline_snapshot_path(record_path)
    assert snapshot.path.is_relative_to(paths.cache_dir())
    assert record_path.name in snapshot.path.name
    assert stat.S_IMODE(snapshot.path.stat().st_mode) == 0o600
    for folder in (snapshot.path.parent, paths.cache_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert record_path.read_bytes() == record_bytes
    # Another record of the same name, in another folder, keeps its own picture.
    elsewhere = record_path.parent / "elsewhere" / record_path.name
    assert paths.timeline_snapshot_path(elsewhere) != snapshot.path


def test_a_broken_or_foreign_picture_is_left_unused(qtbot: QtBot, store: RecordStore) -> None:
    snapshot = TimelineSnapshot(store)
    snapshot.keep_soon(a_drawing(qtbot), "c1")
    snapshot.keep_now()
    whole = snapshot.path.read_bytes()
    snapshot.path.write_bytes(whole[: len(whole) // 2])
    assert snapshot.load("c1") is None
    snapshot.path.write_bytes(b"not a picture at all")
    assert snapshot.load("c1") is None
    foreign = QImage(40, 30, QImage.Format.Format_RGB32)
    foreign.fill(QColor("teal"))
    assert QImageWriter(str(snapshot.path), b"png").write(foreign)
    assert snapshot.load("c1") is None


def test_the_next_start_shows_the_picture_until_the_live_plot_replaces_it(
    qtbot: QtBot, settings: AppSettings, record_path: Path
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    first = opened_window(qtbot, settings, record_path)
    assert picture_shown(first) is None
    first.show()
    qtbot.waitUntil(lambda: is_ready(first.view.plot))
    kept = paths.timeline_snapshot_path(record_path)
    qtbot.waitUntil(kept.is_file)
    first.close()

    second = opened_window(qtbot, settings, record_path)
    picture = picture_shown(second)
    assert picture is not None
    assert picture.size() == QImage(str(kept)).size()
    with qtbot.waitSignal(second.view.plot.drawn):
        second.show()
    qtbot.waitUntil(lambda: picture_shown(second) is None)
    assert second.view.plot.canvas is not None
    assert second.view.plot.canvas.isVisible()
    second.close()


def test_a_record_changed_since_starts_without_the_picture(
    qtbot: QtBot, settings: AppSettings, record_path: Path
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    first = opened_window(qtbot, settings, record_path)
    with qtbot.waitSignal(first.view.plot.drawn):
        first.show()
    # Closing the record keeps the picture at once, without waiting for drawing to settle.
    first.close()
    assert paths.timeline_snapshot_path(record_path).is_file()
    with RecordStore.open(record_path) as store:
        store.add_question(dataclasses.replace(QUESTION, id="q9"))
    second = opened_window(qtbot, settings, record_path)
    assert picture_shown(second) is None
