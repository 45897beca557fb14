"""The history and analysis of the cancer in view, read and worked out once, then kept up to
date by the changes that touch them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from survivor_app.changes import Change, Part
from survivor_app.domain import CancerHistory
from survivor_app.storage import RecordStore

if TYPE_CHECKING:
    from survivor_app.status import CancerAnalysis, Relabel


class CancerCache:
    """One cancer's history and analysis at a time.

    The window asks again after every change. A change that touched the cancer is applied to
    the history kept (an added scan, a changed statement, ...), or, where only storage can
    tell the result, the history is read again; the rules then relabel the new history from the
    first assessment the change made different.
    """

    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self._cancer_id: str | None = None
        self._history: CancerHistory | None = None
        self._analysis: CancerAnalysis | None = None
        self._relabel: Relabel | None = None

    def get(self, cancer_id: str) -> tuple[CancerHistory, CancerAnalysis]:
        """The cancer's history as storage holds it, and its analysis."""
        if self._history is None or self._cancer_id != cancer_id:
            if self._cancer_id != cancer_id:
                self._relabel = None
            self._cancer_id = cancer_id
            self._history = self._store.history(cancer_id)
            self._analysis = None
        if self._analysis is None:
            if self._relabel is None:
                # Imported here, when the window first shows a cancer (after its first paint).
                from survivor_app.status import Relabel

                self._relabel = Relabel()
            self._analysis = self._relabel.analyse(self._history)
        return self._history, self._analysis

    def follow(self, change: Change, *, undone: bool = False) -> None:
        """Bring what is kept up to date after ``change`` (taken back when ``undone``)."""
        if self._history is None or not change.touches.concern(Part.HISTORY, self._cancer_id):
            return
        # Imported here, at the first change: it works with the edits' classes, which a
        # window that only shows a record never makes.
        from survivor_app.changes.follow import followed

        self._history = followed(self._history, change, undone=undone)
        self._analysis = None
