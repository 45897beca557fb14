"""Run in a process of its own by ``test_small_screen``: Qt's scale factor is chosen before the
application starts, so the test sets it, and a 1024 × 600 offscreen screen, in the environment
of this probe, and gives the folder for its files as its argument. It opens the window and every
dialog on the example record and prints, as JSON, each button that lies outside the screen and
the plot's height (in the screen's own points)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from survivor_app.domain import CancerHistory, Record, Spot
from survivor_app.exchange import demo_record
from survivor_app.gui.app import make_application
from survivor_app.gui.dialogs import (
    CancerDialog,
    PersonDialog,
    QuestionDialog,
    RestoreDialog,
    ScanDialog,
    SpotDialog,
    StatementDialog,
    TreatmentDialog,
)
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.gui.summary_actions import summary_preview
from survivor_app.storage import BackupFolder, RecordStore


def off_screen(window: QWidget) -> list[str]:
    """Each visible button of ``window`` that cannot be brought onto the screen's available
    area: one inside a scrolling area counts where the area shows it, as scrolling reaches it."""
    screen = window.screen().availableGeometry()
    outside = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        shown: QWidget = button
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(button):
                shown = parent.viewport()
            parent = parent.parentWidget()
        place = QRect(shown.mapToGlobal(shown.rect().topLeft()), shown.size())
        if not screen.contains(place):
            outside.append(f"{type(window).__name__}: {button.text() or button.accessibleName()}")
    frame = window.frameGeometry()
    if not screen.contains(window.geometry()):
        outside.append(f"{type(window).__name__} itself: {frame.getRect()} on {screen.getRect()}")
    return outside


def main(folder: Path) -> None:
    """Open everything with its files in ``folder`` and print what does not fit."""
    app = make_application()
    record = demo_record()
    # Every spot of the example on one cancer: the tallest scan dialog the example can give.
    history = record.history("c1")
    spots = history.spots + tuple(
        Spot(f"extra{n}", "c1", f"Another spot {n}", spot.area, spot.lymph_node)
        for n, spot in enumerate(record.spots)
    )
    history = CancerHistory(history.cancer, spots, history.scans, history.statements)
    path = folder / "record.survivor"
    with RecordStore.open(path, create=True) as store:
        store.replace_content(record)
        BackupFolder(path).make(store, "before-import")
    person = record.person
    dialogs: dict[str, Callable[[], QWidget]] = {
        "scan": lambda: ScanDialog(None, person=person, history=history),
        "scan being changed": lambda: ScanDialog(
            None, person=person, history=history, scan=history.scans[0]
        ),
        "spot": lambda: SpotDialog(None, cancer=history.cancer),
        "statement": lambda: StatementDialog(None, person=person, cancer=history.cancer),
        "treatment": lambda: TreatmentDialog(None, person=person, cancer=history.cancer),
        "question": lambda: QuestionDialog(None, person=person, cancers=list(record.cancers)),
        "person": lambda: PersonDialog(None, person=person),
        "cancer": lambda: CancerDialog(None, person=person),
        "restore": lambda: RestoreDialog(None, record=path),
        "print preview": lambda: _preview(record),
    }
    outside: list[str] = []
    # The welcome page, as the app first opens, then the record.
    welcome = MainWindow(AppSettings(folder / "welcome.ini"), folder / "new.survivor")
    welcome.start_at(folder / "new.survivor")
    welcome.show()
    app.processEvents()
    outside += [f"welcome page: {words}" for words in off_screen(welcome)]
    welcome.close()
    window = MainWindow(AppSettings(folder / "settings.ini"), path)
    window.start_at(path)
    window.show()
    app.processEvents()
    outside += off_screen(window)
    plot = window.view.plot.height()
    font_height = window.view.plot.fontMetrics().lineSpacing()
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        app.processEvents()
        outside += [f"{name}: {words}" for words in off_screen(dialog)]
        dialog.close()
        dialog.deleteLater()
    window.close()
    json.dump(
        {
            "screen": list(window.screen().availableGeometry().getRect()),
            "outside": outside,
            "plot_height": plot,
            "font_height": font_height,
        },
        sys.stdout,
    )


def _preview(record: Record) -> QWidget:
    preview = summary_preview(None, record, "c1")
    assert preview is not None
    return preview


if __name__ == "__main__":
    main(Path(sys.argv[1]))
