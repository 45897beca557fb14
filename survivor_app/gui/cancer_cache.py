"""The history and analysis of the cancer in view, read and worked out once, then kept until a
change touches them."""

from __future__ import annotations

from survivor_app.changes import Part, Touches
from survivor_app.domain import CancerHistory
from survivor_app.status import CancerAnalysis, analyse
from survivor_app.storage import RecordStore


class CancerCache:
    """One cancer's history and analysis at a time: the window asks again after every change,
    and storage is read (and the rules run) only when the change touched that cancer."""

    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self._kept: tuple[str, CancerHistory, CancerAnalysis] | None = None

    def get(self, cancer_id: str) -> tuple[CancerHistory, CancerAnalysis]:
        """The cancer's history as storage holds it, and its analysis."""
        if self._kept is None or self._kept[0] != cancer_id:
            history = self._store.history(cancer_id)
            self._kept = (cancer_id, history, analyse(history))
        return self._kept[1], self._kept[2]

    def forget(self, touches: Touches) -> None:
        """Drop what a change has made out of date."""
        if self._kept is not None and touches.concern(Part.HISTORY, self._kept[0]):
            self._kept = None
