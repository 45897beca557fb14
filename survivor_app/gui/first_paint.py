"""Work a window leaves until it is on screen: what the first paint need not wait for (reading
and labelling the cancer shown, filling its tables, the day's backup) runs right after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs work once ``widget`` has first been painted: at once when it has been."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        #: What is left for after the first paint, in the order asked; None once it has run.
        self._waiting: list[Callable[[], None]] | None = []
        widget.installEventFilter(self)

    def run(self, work: Callable[[], None]) -> None:
        """Run ``work`` now if the widget has been painted (and what waited has run), else once
        right after its first paint, however often it is asked for until then."""
        if self._waiting is None:
            work()
        elif work not in self._waiting:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued at the paint, so it runs once the paint has ended, before whatever the
            # widgets inside queue at their own first paint (the plot loads matplotlib then).
            QTimer.singleShot(0, self, self._run_waiting)
        return False

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting or [], None
        failed: Exception | None = None
        for work in waiting:
            # What fails does not keep the rest from running (the day's backup comes last);
            # the first failure is raised once all has run, for the app's calm message.
            try:
                work()
            except Exception as error:
                failed = failed or error
        # Laid out at once for what the work showed, so that the plot's first drawing is made
        # for its final size (a resize after it would draw it all again).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if failed is not None:
            raise failed
