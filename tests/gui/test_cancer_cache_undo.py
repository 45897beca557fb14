"""The history the window keeps takes a deleted thing back in its place on Undo, without
reading the cancer again, and so keeps the labels entry order gives."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from survivor_app.changes import STATEMENTS, Edit, Removed
from survivor_app.domain import CancerHistory, Status
from survivor_app.gui.cancer_cache import CancerCache
from survivor_app.storage import RecordStore
from tests.gui.records import BASELINE, SHRUNK, STATEMENT, small_record, write_record_file


def test_a_statement_deleted_and_undone_comes_back_in_its_place_without_a_read(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = dataclasses.replace(STATEMENT, id="d2", status=Status.PROGRESSED, text="It grew.")
    write_record_file(
        record_path,
        dataclasses.replace(small_record(scans=(BASELINE, SHRUNK)), statements=(STATEMENT, later)),
    )
    with RecordStore.open(record_path, create=False) as store:
        cache = CancerCache(store)
        before, analysis = cache.get("c1")
        reads: list[str] = []
        real = RecordStore.history

        def history(self: RecordStore, cancer_id: str) -> CancerHistory:
            reads.append(cancer_id)
            return real(self, cancer_id)

        monkeypatch.setattr(RecordStore, "history", history)
        edit: Edit = Removed(STATEMENTS, STATEMENT)
        for undone, write in ((False, edit.apply), (True, edit.revert)):
            with store.transaction():
                write(store)
            cache.follow(edit, undone=undone)
        kept, again = cache.get("c1")
        assert reads == []
        assert kept == before == real(store, "c1")
        # Of the two statements of the day, the last entered still gives the label.
        assert again == analysis
        assert [a.status for a in again.assessments if a.scan == SHRUNK] == [Status.PROGRESSED]
