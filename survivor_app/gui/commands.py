"""Undo commands for every change the window makes to a record, each holding the domain objects
from before and after the change.

A command only knows how to write its change (``apply``) and how to take it back (``revert``);
``RecordSession`` runs these inside one transaction and moves the undo stack only once the
write has succeeded, so a failed write never leaves the stack out of step with the record.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from survivor_app.domain import (
    Cancer,
    CancerHistory,
    Person,
    Question,
    Record,
    Scan,
    Spot,
    Statement,
    Treatment,
)
from survivor_app.storage import RecordStore

#: The things a person adds, changes and deletes one at a time.
Thing = Cancer | Spot | Scan | Statement | Treatment | Question

# The word RecordStore uses for each kind in its method names (add_scan, update_scan, ...).
_NOUNS: dict[type[Thing], str] = {
    Cancer: "cancer",
    Spot: "spot",
    Scan: "scan",
    Statement: "statement",
    Treatment: "treatment",
    Question: "question",
}


def noun(thing: Thing) -> str:
    """What the person calls this kind of thing: ``scan``, ``statement``, ``question``, ..."""
    return _NOUNS[type(thing)]


def _add(store: RecordStore, thing: Thing) -> None:
    getattr(store, f"add_{noun(thing)}")(thing)


def _update(store: RecordStore, thing: Thing) -> None:
    getattr(store, f"update_{noun(thing)}")(thing)


def _delete(store: RecordStore, thing: Thing) -> None:
    getattr(store, f"delete_{noun(thing)}")(thing.id)


class RecordCommand(QUndoCommand):
    """One change to the record that Edit ▸ Undo can take back; its text names it in the menu."""

    def apply(self, store: RecordStore) -> None:
        """Write the change (the first time, and on Redo)."""
        raise NotImplementedError

    def revert(self, store: RecordStore) -> None:
        """Take the change back (on Undo)."""
        raise NotImplementedError


class AddCommand(RecordCommand):
    """Add one thing; undo deletes it again."""

    def __init__(self, thing: Thing) -> None:
        super().__init__(f"add {noun(thing)}")
        self.thing = thing

    def apply(self, store: RecordStore) -> None:
        _add(store, self.thing)

    def revert(self, store: RecordStore) -> None:
        _delete(store, self.thing)


class EditCommand(RecordCommand):
    """Change one thing; undo puts back what it was."""

    def __init__(self, before: Thing, after: Thing) -> None:
        super().__init__(f"change {noun(after)}")
        self.before = before
        self.after = after

    def apply(self, store: RecordStore) -> None:
        _update(store, self.after)

    def revert(self, store: RecordStore) -> None:
        _update(store, self.before)


class DeleteCommand(RecordCommand):
    """Delete one thing (a scan with its measurements); undo adds it back whole."""

    def __init__(self, thing: Statement | Treatment | Question | Scan) -> None:
        super().__init__(f"delete {noun(thing)}")
        self.thing = thing

    def apply(self, store: RecordStore) -> None:
        _delete(store, self.thing)

    def revert(self, store: RecordStore) -> None:
        _add(store, self.thing)


class AddScanCommand(RecordCommand):
    """Add a scan with the spots first seen in it; undo removes the scan and those spots."""

    def __init__(self, scan: Scan, new_spots: Sequence[Spot]) -> None:
        super().__init__("add scan")
        self.scan = scan
        self.new_spots = tuple(new_spots)

    def apply(self, store: RecordStore) -> None:
        for spot in self.new_spots:
            store.add_spot(spot)
        store.add_scan(self.scan)

    def revert(self, store: RecordStore) -> None:
        store.delete_scan(self.scan.id)
        for spot in self.new_spots:
            store.delete_spot(spot.id)


class EditScanCommand(RecordCommand):
    """Change a scan and its measurements, adding any spot first seen in it; undo restores it."""

    def __init__(self, before: Scan, after: Scan, new_spots: Sequence[Spot]) -> None:
        super().__init__("change scan")
        self.before = before
        self.after = after
        self.new_spots = tuple(new_spots)

    def apply(self, store: RecordStore) -> None:
        for spot in self.new_spots:
            store.add_spot(spot)
        store.update_scan(self.after)

    def revert(self, store: RecordStore) -> None:
        store.update_scan(self.before)
        for spot in self.new_spots:
            store.delete_spot(spot.id)


class DeleteCancerCommand(RecordCommand):
    """Delete a cancer with everything recorded about it; undo brings all of it back at once."""

    def __init__(self, history: CancerHistory, questions: Sequence[Question]) -> None:
        super().__init__("delete cancer")
        self.history = history
        self.questions = tuple(questions)

    def apply(self, store: RecordStore) -> None:
        store.delete_cancer(self.history.cancer.id)

    def revert(self, store: RecordStore) -> None:
        store.add_cancer(self.history.cancer)
        for spot in self.history.spots:
            store.add_spot(spot)
        for scan in self.history.scans:
            store.add_scan(scan)
        for statement in self.history.statements:
            store.add_statement(statement)
        for treatment in self.history.treatments:
            store.add_treatment(treatment)
        for question in self.questions:
            store.add_question(question)


class EditPersonCommand(RecordCommand):
    """Change what the record says about the person; undo puts back what it said."""

    def __init__(self, before: Person, after: Person) -> None:
        super().__init__("change person")
        self.before = before
        self.after = after

    def apply(self, store: RecordStore) -> None:
        store.set_person(self.after)

    def revert(self, store: RecordStore) -> None:
        store.set_person(self.before)


class ReplaceContentCommand(RecordCommand):
    """Replace everything in the record with an imported record; undo puts the old content back."""

    def __init__(self, before: Record, after: Record) -> None:
        super().__init__("import")
        self.before = before
        self.after = after

    def apply(self, store: RecordStore) -> None:
        store.replace_content(self.after)

    def revert(self, store: RecordStore) -> None:
        store.replace_content(self.before)
