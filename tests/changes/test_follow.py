"""A cancer's history kept in memory follows each edit exactly as storage would list it after
the edit, and after its undo; where only storage can tell, it says so."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from survivor_app.changes import STATEMENTS, AddCancer, Changed, ChangeScan, Edit
from survivor_app.changes.follow import followed
from survivor_app.storage import RecordStore
from tests.changes.edits import EDITS, FOLLOWED, RECORD, SKIN
from tests.gui.records import BASELINE, STATEMENT


def _named(edit: Edit) -> str:
    return type(edit).__name__


def _edit_then_undo(store: RecordStore, edit: Edit) -> None:
    before = store.history("c1")
    with store.transaction():
        edit.apply(store)
    after = store.history("c1")
    assert followed(before, edit, undone=False) == after
    with store.transaction():
        edit.revert(store)
    assert followed(after, edit, undone=True) == store.history("c1")


@pytest.mark.parametrize("edit", FOLLOWED, ids=_named)
def test_the_history_kept_follows_an_edit_and_its_undo_as_storage_lists_them(
    store: RecordStore, edit: Edit
) -> None:
    _edit_then_undo(store, edit)


def test_edits_in_a_row_are_followed_from_the_history_kept(store: RecordStore) -> None:
    kept = store.history("c1")
    # Every one but the changed scan, whose new spot the scan added before has brought already.
    for edit in [edit for edit in FOLLOWED if not isinstance(edit, ChangeScan)]:
        with store.transaction():
            edit.apply(store)
        following = followed(kept, edit, undone=False)
        assert following is not None
        kept = following
        assert kept == store.history("c1"), edit


@pytest.mark.parametrize("edit", [edit for edit, _touches in EDITS], ids=_named)
def test_an_edit_is_followed_exactly_or_left_to_storage(store: RecordStore, edit: Edit) -> None:
    before = store.history("c1")
    with store.transaction():
        edit.apply(store)
    following = followed(before, edit, undone=False)
    if following is not None:
        assert following == store.history("c1")


def test_what_only_storage_can_tell_is_left_to_it() -> None:
    history = RECORD.history("c1")
    # Moved to another date: its place among that date's things is storage's to tell.
    moved = dataclasses.replace(STATEMENT, date=dt.date(2024, 1, 10))
    assert followed(history, Changed(STATEMENTS, STATEMENT, moved), undone=False) is None
    rescanned = dataclasses.replace(BASELINE, date=dt.date(2024, 2, 1))
    assert followed(history, ChangeScan(BASELINE, rescanned), undone=False) is None
    assert followed(history, AddCancer(SKIN), undone=False) is None
