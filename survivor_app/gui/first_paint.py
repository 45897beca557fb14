"""Work a window leaves until it is on screen: what the first paint need not wait for (reading
and labelling the cancer shown, filling its tables, the day's backup) runs right after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs work once ``widget`` has first been painted: at once when it has been."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        #: What is left for after the first paint, in the order asked; None once painted.
        self._waiting: list[Callable[[], None]] | None = []
        widget.installEventFilter(self)

    def run(self, work: Callable[[], None]) -> None:
        """Run ``work`` now if the widget has been painted, else once right after its first
        paint (once, however often it is asked for until then)."""
        if self._waiting is None:
            work()
        elif work not in self._waiting:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            watched.removeEventFilter(self)
            # Queued at the paint, so they run once it has ended, before whatever the widgets
            # inside queue at their own first paint (the plot loads matplotlib then).
            for work in waiting:
                QTimer.singleShot(0, self, work)
        return False
