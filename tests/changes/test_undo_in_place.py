"""Undoing a delete puts what was deleted back in its place in entry order, in the record and in
the history kept in memory, so that nothing entry order decides (which of two statements of a
day counts, STATUS_RULES.md §6) changes with an Undo."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.changes import (
    MARKER_RESULTS,
    QUESTIONS,
    SCANS,
    STATEMENTS,
    TREATMENTS,
    DeleteCancer,
    DeleteSpot,
    Edit,
    Removed,
)
from survivor_app.changes.follow import followed
from survivor_app.domain import Record, Status
from survivor_app.status import analyse
from survivor_app.storage import RecordStore
from tests.gui.records import BASELINE, SHRUNK, STATEMENT, small_record
from tests.storage.test_any_record import records


def _deletes(store: RecordStore, record: Record) -> list[Edit]:
    """Every delete a person can make to ``record``, as the window makes it."""
    deletes: list[Edit] = [
        DeleteCancer(record.history(cancer.id), store.questions(cancer.id))
        for cancer in record.cancers
    ]
    deletes += [
        DeleteSpot(
            spot,
            tuple(
                scan
                for scan in record.scans
                if any(found.spot_id == spot.id for found in scan.measurements)
            ),
        )
        for spot in record.spots
    ]
    deletes += [Removed(SCANS, scan) for scan in record.scans]
    deletes += [Removed(STATEMENTS, statement) for statement in record.statements]
    deletes += [Removed(TREATMENTS, treatment) for treatment in record.treatments]
    deletes += [Removed(QUESTIONS, question) for question in record.questions]
    deletes += [Removed(MARKER_RESULTS, result) for result in record.marker_results]
    return deletes


def _labels(record: Record) -> dict[str, object]:
    return {cancer.id: analyse(record.history(cancer.id)) for cancer in record.cancers}


@settings(max_examples=60)
@given(record=records(), data=st.data())
def test_deletes_undone_put_the_record_back_as_it_was_in_order(
    store: RecordStore, record: Record, data: st.DataObject
) -> None:
    store.replace_content(record)
    states = [store.load()]
    made: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 4))):
        deletes = _deletes(store, states[-1])
        if not deletes:
            break
        edit = data.draw(st.sampled_from(deletes))
        with store.transaction():
            edit.apply(store)
        made.append(edit)
        states.append(store.load())
    # Undone latest first, as Edit ▸ Undo does, each back to the record before it, in order.
    for edit in reversed(made):
        with store.transaction():
            edit.revert(store)
        states.pop()
        assert store.load() == states[-1]
        assert _labels(store.load()) == _labels(states[-1])
    # Redone and undone again, each delete learns its place afresh.
    for edit in made:
        with store.transaction():
            edit.apply(store)
    for edit in reversed(made):
        with store.transaction():
            edit.revert(store)
    assert store.load() == states[0]


@settings(max_examples=60)
@given(record=records(), data=st.data())
def test_the_history_kept_puts_a_deleted_thing_back_where_storage_does(
    store: RecordStore, record: Record, data: st.DataObject
) -> None:
    store.replace_content(record)
    loaded = store.load()
    things = [edit for edit in _deletes(store, loaded) if isinstance(edit, Removed)]
    things = [edit for edit in things if edit.kind is not QUESTIONS]
    if not things:
        return
    edit = data.draw(st.sampled_from(things))
    cancer_id = edit.thing.cancer_id
    kept = store.history(cancer_id)
    with store.transaction():
        edit.apply(store)
    after = followed(kept, edit, undone=False)
    assert after == store.history(cancer_id)
    assert after is not None
    with store.transaction():
        edit.revert(store)
    assert followed(after, edit, undone=True) == store.history(cancer_id) == kept


def test_a_delete_not_followed_is_put_back_by_storage_alone(store: RecordStore) -> None:
    edit = Removed(STATEMENTS, STATEMENT)
    with store.transaction():
        edit.apply(store)
    after = store.history("c1")
    with store.transaction():
        edit.revert(store)
    # Its place in memory was never learnt: only storage can tell.
    assert followed(after, edit, undone=True) is None


def test_the_first_of_two_statements_of_a_day_deleted_and_undone_keeps_the_label(
    store: RecordStore,
) -> None:
    # Both attach to the scan two days before them; of the two, the last entered counts.
    later = dataclasses.replace(STATEMENT, id="d2", status=Status.PROGRESSED, text="It grew.")
    store.replace_content(
        dataclasses.replace(small_record(scans=(BASELINE, SHRUNK)), statements=(STATEMENT, later))
    )
    before = store.history("c1")
    (labelled,) = [a for a in analyse(before).assessments if a.scan == SHRUNK]
    assert labelled.statement == later
    assert labelled.status is Status.PROGRESSED
    edit = Removed(STATEMENTS, STATEMENT)
    with store.transaction():
        edit.apply(store)
    kept = followed(before, edit, undone=False)
    with store.transaction():
        edit.revert(store)
    assert analyse(store.history("c1")) == analyse(before)
    assert kept is not None
    assert followed(kept, edit, undone=True) == store.history("c1") == before
