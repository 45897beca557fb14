"""The benchmark's window driver, run by ``bench/run.py`` in a fresh process on Qt's offscreen
platform. It prints ``drawn`` on its own line when the timeline's first drawing is done.

``app RECORD``: the app's own start-up (``survivor-app --record RECORD``), closed once drawn (as
a person closes it, so the picture of the timeline is kept for the next start); it also prints
``painted`` when the window is first painted, before the plot is drawn in it, and ``visible``
when the timeline is first on screen: at that paint when the picture of the last drawn timeline
stands in for the plot, else once the live plot is drawn.
``bare``: the baseline, a bare PySide6 window holding an empty matplotlib canvas, quit once drawn.
``edit RECORD COUNT``: the app on RECORD; once drawn, adds COUNT scans one at a time, as Edit ▸
Add scan does, and prints ``edit SECONDS`` for each: from the change until the plot is drawn
again and every event the change caused has been handled.
``redraw RECORD COUNT``: the same, with the plot cleared and drawn again from nothing after each
scan (as the window did before it updated the plot in place), for comparison; the plot's update
in place is still made first, so this is, if anything, slower than the old way by its cost.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Any


def bare() -> int:
    """A window with an empty canvas, shown; quits once the canvas has drawn."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    canvas = FigureCanvasQTAgg(Figure())
    window.setCentralWidget(canvas)
    # The size the app's window takes on a first run, so both draw as many pixels.
    screen = window.screen().availableGeometry()
    window.resize(min(1280, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))

    def drawn(_event: object) -> None:
        # Once the paint that made this drawing has ended, as for the app's window below.
        QTimer.singleShot(0, done)

    def done() -> None:
        print("drawn", flush=True)
        app.quit()

    canvas.mpl_connect("draw_event", drawn)
    window.show()
    return app.exec()


def app(record: str, edits: int = 0, *, redraw: bool = False) -> int:
    """The app's window on ``record`` through the command line's own path."""
    # In the order ``python -m survivor_app`` loads them: the command line before Qt.
    from survivor_app import cli  # noqa: I001

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QLabel

    from survivor_app.gui.app import make_application
    from survivor_app.gui.main_window import MainWindow
    from survivor_app.gui.widgets.timeline import TimelinePlot

    # The same application ``run`` makes; it takes this one rather than making another.
    application = make_application()

    def window_and_plot() -> tuple[MainWindow, TimelinePlot]:
        (window,) = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
        plot = window.findChild(TimelinePlot)
        assert plot is not None
        return window, plot

    def first_drawn() -> None:
        _window, plot = window_and_plot()
        plot.drawn.disconnect(first_drawn)
        # Once the paint that made this drawing has ended.
        QTimer.singleShot(0, shown)

    visible: list[bool] = []

    def timeline_visible() -> None:
        if not visible:
            visible.append(True)
            print("visible", flush=True)

    def shown() -> None:
        window, plot = window_and_plot()
        timeline_visible()
        print("drawn", flush=True)
        if edits:
            _add_scans(window, plot, edits, redraw=redraw)
        else:
            window.close()

    def watch() -> None:
        # The first turn of the event loop: the window is shown, its plot not yet drawn.
        window, plot = window_and_plot()
        window.installEventFilter(first_paint)
        plot.drawn.connect(first_drawn)

    class FirstPaint(QObject):
        """Prints ``painted`` when the window is first painted, with the plot still to come."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                _window, plot = window_and_plot()
                # The plot's stand-in, until matplotlib has loaded: a picture, or a sentence.
                stand_in = plot.findChild(QLabel)
                if stand_in is not None and not stand_in.pixmap().isNull():
                    timeline_visible()
                watched.removeEventFilter(self)
            return False

    first_paint = FirstPaint()

    QTimer.singleShot(0, watch)
    return cli.main(["--record", record])


def _add_scans(window: Any, plot: Any, count: int, *, redraw: bool) -> None:
    """Add ``count`` scans to the cancer shown, each a copy of its latest one on a new day;
    ``redraw``: draw the whole plot again from nothing after each."""
    from dataclasses import replace

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from survivor_app.changes import AddScan
    from survivor_app.domain import ScanKind, new_id

    session = window.session
    history = session.store.history(window.view.cancer_selector.currentData())
    latest = max(history.scans, key=lambda scan: scan.date)
    for number in range(count):
        # A kind the record has no scan of, so that no two scans share a kind and a day.
        scan = replace(
            latest,
            id=new_id("scan"),
            date=dt.date.today() - dt.timedelta(days=number + 1),
            kind=ScanKind.OTHER,
            new_baseline=False,
        )
        loop = QEventLoop()
        plot.drawn.connect(loop.quit)
        start = time.perf_counter()
        if not session.push(AddScan(scan)):
            raise SystemExit("the scan could not be added")
        if redraw:
            plot.redraw()
        loop.exec()
        QApplication.processEvents()
        elapsed = time.perf_counter() - start
        plot.drawn.disconnect(loop.quit)
        print(f"edit {elapsed:.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    """Run the mode named on the command line."""
    mode, *rest = sys.argv[1:]
    if mode == "bare":
        return bare()
    if mode == "app":
        return app(rest[0])
    if mode in {"edit", "redraw"}:
        return app(rest[0], int(rest[1]), redraw=mode == "redraw")
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(main())
