"""The edits a person makes one at a time, each a frozen object that writes itself through the
typed methods of ``RecordStore``, takes itself back and says what it touches (what every change
is, and the writes the window makes on its own, are in ``writes``).

Imported when first used (``survivor_app.changes`` gives them on first asking): a window that
opens a record starts without making these classes, which only an edit needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from survivor_app.changes.writes import EVERYTHING, Edit, Part, Touches
from survivor_app.domain import (
    Cancer,
    CancerHistory,
    MarkerResult,
    Person,
    Question,
    Record,
    Scan,
    Spot,
    Statement,
    Treatment,
)
from survivor_app.storage import CancerPlaces, RecordStore


class OfCancer(Protocol):
    """A thing recorded about a cancer (or, for a question, perhaps about none)."""

    @property
    def id(self) -> str: ...

    @property
    def cancer_id(self) -> str | None: ...


Thing = TypeVar("Thing", bound=OfCancer)


@dataclass(frozen=True, slots=True)
class Kind(Generic[Thing]):
    """One kind of thing a person adds, changes and deletes one at a time, and how the store
    writes it (through the store's own methods, looked up on the store at each write)."""

    noun: str
    part: Part
    #: Adds a thing after the others, or at a place a delete returned (for Undo).
    add: Callable[[RecordStore, Thing, int | None], None]
    update: Callable[[RecordStore, Thing], None]
    #: Deletes a thing and returns its place in entry order.
    delete: Callable[[RecordStore, str], int]


SCANS: Kind[Scan] = Kind(
    "scan",
    Part.SCANS,
    lambda store, thing, at: store.add_scan(thing, at=at),
    lambda store, thing: store.update_scan(thing),
    lambda store, thing_id: store.delete_scan(thing_id),
)
STATEMENTS: Kind[Statement] = Kind(
    "statement",
    Part.STATEMENTS,
    lambda store, thing, at: store.add_statement(thing, at=at),
    lambda store, thing: store.update_statement(thing),
    lambda store, thing_id: store.delete_statement(thing_id),
)
TREATMENTS: Kind[Treatment] = Kind(
    "treatment",
    Part.TREATMENTS,
    lambda store, thing, at: store.add_treatment(thing, at=at),
    lambda store, thing: store.update_treatment(thing),
    lambda store, thing_id: store.delete_treatment(thing_id),
)
QUESTIONS: Kind[Question] = Kind(
    "question",
    Part.QUESTIONS,
    lambda store, thing, at: store.add_question(thing, at=at),
    lambda store, thing: store.update_question(thing),
    lambda store, thing_id: store.delete_question(thing_id),
)
MARKER_RESULTS: Kind[MarkerResult] = Kind(
    "marker result",
    Part.MARKERS,
    lambda store, thing, at: store.add_marker_result(thing, at=at),
    lambda store, thing: store.update_marker_result(thing),
    lambda store, thing_id: store.delete_marker_result(thing_id),
)


@dataclass(frozen=True, slots=True)
class Added(Edit, Generic[Thing]):
    """One thing added; undo deletes it again."""

    kind: Kind[Thing]
    thing: Thing

    @property
    def name(self) -> str:
        return f"add {self.kind.noun}"

    @property
    def touches(self) -> Touches:
        return Touches(self.kind.part, self.thing.cancer_id)

    def apply(self, store: RecordStore) -> None:
        self.kind.add(store, self.thing, None)

    def revert(self, store: RecordStore) -> None:
        self.kind.delete(store, self.thing.id)


@dataclass(frozen=True, slots=True)
class Changed(Edit, Generic[Thing]):
    """One thing changed; undo puts back what it was."""

    kind: Kind[Thing]
    before: Thing
    after: Thing

    @property
    def name(self) -> str:
        return f"change {self.kind.noun}"

    @property
    def touches(self) -> Touches:
        # A question moved to another cancer (or to none) touches both.
        same = self.before.cancer_id == self.after.cancer_id
        return Touches(self.kind.part, self.after.cancer_id if same else None)

    def apply(self, store: RecordStore) -> None:
        self.kind.update(store, self.after)

    def revert(self, store: RecordStore) -> None:
        self.kind.update(store, self.before)


@dataclass(slots=True)
class Place:
    """Where a deleted thing stood, learnt as it is deleted, so that Undo puts it back there
    and not after the others (entry order decides, for one, which of two statements of a day
    counts)."""

    #: Its place in storage's entry order, from the delete.
    seq: int | None = None
    #: Its index in its cancer's history kept in memory (see ``follow``), when followed.
    index: int | None = None


@dataclass(frozen=True, slots=True)
class Removed(Edit, Generic[Thing]):
    """One thing deleted (a scan with its measurements); undo adds it back whole, in its place."""

    kind: Kind[Thing]
    thing: Thing
    #: Filled in by each ``apply``: not part of what the edit is.
    place: Place = field(default_factory=Place, compare=False, repr=False)

    @property
    def name(self) -> str:
        return f"delete {self.kind.noun}"

    @property
    def touches(self) -> Touches:
        return Touches(self.kind.part, self.thing.cancer_id)

    def apply(self, store: RecordStore) -> None:
        self.place.seq = self.kind.delete(store, self.thing.id)

    def revert(self, store: RecordStore) -> None:
        self.kind.add(store, self.thing, self.place.seq)


@dataclass(frozen=True, slots=True)
class AddScan(Edit):
    """A scan added with the spots first seen in it; undo removes the scan and those spots."""

    scan: Scan
    new_spots: tuple[Spot, ...] = ()

    @property
    def name(self) -> str:
        return "add scan"

    @property
    def touches(self) -> Touches:
        return Touches(
            Part.SCANS | (Part.SPOTS if self.new_spots else Part(0)), self.scan.cancer_id
        )

    def apply(self, store: RecordStore) -> None:
        for spot in self.new_spots:
            store.add_spot(spot)
        store.add_scan(self.scan)

    def revert(self, store: RecordStore) -> None:
        store.delete_scan(self.scan.id)
        for spot in self.new_spots:
            store.delete_spot(spot.id)


@dataclass(frozen=True, slots=True)
class ChangeScan(Edit):
    """A scan and its measurements changed, with any spot first seen in it; undo restores it."""

    before: Scan
    after: Scan
    new_spots: tuple[Spot, ...] = ()

    @property
    def name(self) -> str:
        return "change scan"

    @property
    def touches(self) -> Touches:
        return Touches(
            Part.SCANS | (Part.SPOTS if self.new_spots else Part(0)), self.after.cancer_id
        )

    def apply(self, store: RecordStore) -> None:
        for spot in self.new_spots:
            store.add_spot(spot)
        store.update_scan(self.after)

    def revert(self, store: RecordStore) -> None:
        store.update_scan(self.before)
        for spot in self.new_spots:
            store.delete_spot(spot.id)


@dataclass(frozen=True, slots=True)
class AddCancer(Edit):
    """Another cancer to follow; undo deletes it again."""

    cancer: Cancer

    @property
    def name(self) -> str:
        return "add cancer"

    @property
    def touches(self) -> Touches:
        return Touches(Part.CANCERS, self.cancer.id)

    def apply(self, store: RecordStore) -> None:
        store.add_cancer(self.cancer)

    def revert(self, store: RecordStore) -> None:
        store.delete_cancer(self.cancer.id)


@dataclass(frozen=True, slots=True)
class ChangeCancer(Edit):
    """What the record says about a cancer changed; undo puts back what it said."""

    before: Cancer
    after: Cancer

    @property
    def name(self) -> str:
        return "change cancer"

    @property
    def touches(self) -> Touches:
        return Touches(Part.CANCERS, self.after.id)

    def apply(self, store: RecordStore) -> None:
        store.update_cancer(self.after)

    def revert(self, store: RecordStore) -> None:
        store.update_cancer(self.before)


@dataclass(slots=True)
class CancerPlace:
    """Where a deleted cancer and everything deleted with it stood in entry order, learnt as
    it is deleted, so that Undo puts each back there."""

    places: CancerPlaces | None = None


@dataclass(frozen=True, slots=True)
class DeleteCancer(Edit):
    """A cancer deleted with everything recorded about it; undo brings all of it back at once."""

    history: CancerHistory
    questions: tuple[Question, ...] = ()
    #: Filled in by each ``apply``: not part of what the edit is.
    place: CancerPlace = field(default_factory=CancerPlace, compare=False, repr=False)

    @property
    def name(self) -> str:
        return "delete cancer"

    @property
    def touches(self) -> Touches:
        return Touches(Part.HISTORY | Part.QUESTIONS, self.history.cancer.id)

    def apply(self, store: RecordStore) -> None:
        self.place.places = store.delete_cancer(self.history.cancer.id)

    def revert(self, store: RecordStore) -> None:
        places = self.place.places
        assert places is not None, "a cancer put back that was never deleted"
        store.add_cancer(self.history.cancer, at=places.cancer)
        for spot in self.history.spots:
            store.add_spot(spot, at=places.spots.get(spot.id))
        for scan in self.history.scans:
            store.add_scan(scan, at=places.scans.get(scan.id))
        for statement in self.history.statements:
            store.add_statement(statement, at=places.statements.get(statement.id))
        for treatment in self.history.treatments:
            store.add_treatment(treatment, at=places.treatments.get(treatment.id))
        for result in self.history.marker_results:
            store.add_marker_result(result, at=places.marker_results.get(result.id))
        for question in self.questions:
            store.add_question(question, at=places.questions.get(question.id))


@dataclass(frozen=True, slots=True)
class ChangePerson(Edit):
    """What the record says about the person changed; undo puts back what it said."""

    before: Person
    after: Person

    @property
    def name(self) -> str:
        return "change person"

    @property
    def touches(self) -> Touches:
        return Touches(Part.PERSON)

    def apply(self, store: RecordStore) -> None:
        store.set_person(self.after)

    def revert(self, store: RecordStore) -> None:
        store.set_person(self.before)


@dataclass(frozen=True, slots=True)
class ReplaceContent(Edit):
    """Everything in the record replaced with an imported record; undo puts the old content
    back."""

    before: Record
    after: Record

    @property
    def name(self) -> str:
        return "import"

    @property
    def touches(self) -> Touches:
        return EVERYTHING

    def apply(self, store: RecordStore) -> None:
        store.replace_content(self.after)

    def revert(self, store: RecordStore) -> None:
        store.replace_content(self.before)
