"""Every kind of change against a real record: it writes itself, takes itself back to exactly the
record it found, and says which cancer and which parts of the record it touched."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from survivor_app.changes import (
    Edit,
    Fill,
    Part,
    StartRecord,
    Touches,
)
from survivor_app.domain import Record
from survivor_app.storage import RecordStore
from tests.changes.edits import EDITS, RECORD
from tests.gui.records import CANCER, PERSON


def _content(store: RecordStore) -> Record | None:
    # Undone things go back after the others in entry order: the content is the same.
    record = store.load()
    if record is None:
        return None
    return dataclasses.replace(
        record,
        **{
            kind: tuple(sorted(getattr(record, kind), key=repr))
            for kind in (
                "cancers",
                "spots",
                "scans",
                "statements",
                "treatments",
                "questions",
                "marker_results",
            )
        },
    )


@pytest.mark.parametrize(("edit", "touches"), EDITS, ids=lambda value: type(value).__name__)
def test_an_edit_writes_itself_and_takes_itself_back(
    store: RecordStore, edit: Edit, touches: Touches
) -> None:
    before = _content(store)
    with store.transaction():
        edit.apply(store)
    assert _content(store) != before
    with store.transaction():
        edit.revert(store)
    assert _content(store) == before
    assert edit.touches == touches


def test_edits_are_named_for_the_edit_menu() -> None:
    names = [edit.name for edit, _touches in EDITS]
    assert names[:4] == ["add scan", "add scan", "change scan", "delete scan"]
    assert "change question" in names
    assert "delete cancer" in names
    assert {"add marker result", "change marker result", "delete marker result"} <= set(names)
    assert names[-2:] == ["change person", "import"]


def test_a_new_record_is_filled_or_started_in_one_go(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "filled.survivor") as filled:
        Fill(RECORD).apply(filled)
        assert filled.load() == RECORD
    with RecordStore.open(tmp_path / "started.survivor") as started:
        StartRecord(PERSON, CANCER).apply(started)
        assert started.load() == Record(PERSON, cancers=(CANCER,))
    assert Fill(RECORD).touches == StartRecord(PERSON, CANCER).touches == Touches(Part.EVERYTHING)


def test_what_a_change_touched_concerns_only_the_views_of_those_parts() -> None:
    scan_of_c1 = Touches(Part.SCANS, "c1")
    assert scan_of_c1.concern(Part.HISTORY, "c1")
    assert not scan_of_c1.concern(Part.HISTORY, "c2")
    assert not scan_of_c1.concern(Part.QUESTIONS, "c1")
    # A view of the whole record (no cancer in particular) cares about every cancer.
    assert scan_of_c1.concern(Part.SCANS, None)
    general_question = Touches(Part.QUESTIONS)
    assert general_question.concern(Part.QUESTIONS, "c2")
    assert not general_question.concern(Part.HISTORY, "c2")
    # A marker result is part of its cancer's history: the timeline and its words show it.
    marker_of_c1 = Touches(Part.MARKERS, "c1")
    assert marker_of_c1.concern(Part.HISTORY, "c1")
    assert not marker_of_c1.concern(Part.HISTORY, "c2")
    assert not marker_of_c1.concern(Part.SCANS | Part.QUESTIONS, "c1")
