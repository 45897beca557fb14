"""The undo history: what Edit ▸ Undo and Edit ▸ Redo would take, as edits are made, taken back
and made again."""

from __future__ import annotations

import dataclasses

from survivor_app.changes import QUESTIONS, AddScan, Changed, History
from tests.gui.records import QUESTION, SHRUNK

ADD = AddScan(SHRUNK)
ASK = Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, answer="Months."))


def test_a_new_history_has_nothing_to_undo_or_redo() -> None:
    history = History()
    assert history.to_undo() is None
    assert history.to_redo() is None


def test_edits_are_undone_newest_first_and_redone_in_order() -> None:
    history = History()
    history.done(ADD)
    history.done(ASK)
    assert history.to_undo() == ASK
    history.undone()
    assert (history.to_undo(), history.to_redo()) == (ADD, ASK)
    history.undone()
    assert (history.to_undo(), history.to_redo()) == (None, ADD)
    history.redone()
    assert (history.to_undo(), history.to_redo()) == (ADD, ASK)


def test_a_new_edit_after_an_undo_cannot_be_followed_by_the_old_redo() -> None:
    history = History()
    history.done(ADD)
    history.undone()
    history.done(ASK)
    assert (history.to_undo(), history.to_redo()) == (ASK, None)
    history.undone()
    assert history.to_undo() is None


def test_a_cleared_history_forgets_every_edit() -> None:
    history = History()
    history.done(ADD)
    history.done(ASK)
    history.undone()
    history.clear()
    assert (history.to_undo(), history.to_redo()) == (None, None)
