"""What every change to a record is, and the writes the window makes on its own.

``Write`` is any change made in one transaction; an ``Edit`` can also take itself back, so
Edit ▸ Undo can offer it. ``Restored`` is the one change written another way (a backup swapped
in whole, see ``RecordStore.restore_from``): it only says what happened. ``Fill`` and
``StartRecord`` fill a record with no content yet.

Apart from ``kinds``, the edits a person makes one at a time: a window that opens a record
needs only these until the first edit, so it starts without making the edits' classes.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from survivor_app.domain import Cancer, Person, Record
from survivor_app.storage import RecordStore


class Part(enum.Flag):
    """The parts of a record a change can touch; a view redraws only for the parts it shows."""

    PERSON = enum.auto()
    CANCERS = enum.auto()
    SPOTS = enum.auto()
    SCANS = enum.auto()
    STATEMENTS = enum.auto()
    TREATMENTS = enum.auto()
    QUESTIONS = enum.auto()
    MARKERS = enum.auto()
    #: What a cancer's history holds, and its analysis is worked out from: a change here means
    #: a new analysis. Marker results never decide a label (STATUS_RULES.md §9), but they are
    #: drawn on the timeline, put in plain words and may propose a question.
    HISTORY = CANCERS | SPOTS | SCANS | STATEMENTS | TREATMENTS | MARKERS
    EVERYTHING = PERSON | HISTORY | QUESTIONS


@dataclass(frozen=True, slots=True)
class Touches:
    """What a change touched: some parts of the record, of one cancer or of any."""

    parts: Part
    #: The one cancer whose things changed; None when it may be any (a general question, an
    #: import, a question moved to another cancer).
    cancer_id: str | None = None

    def concern(self, parts: Part, cancer_id: str | None) -> bool:
        """True when the change touched any of ``parts`` of the cancer ``cancer_id`` (None:
        of the record as a whole)."""
        if not self.parts & parts:
            return False
        return self.cancer_id is None or cancer_id is None or self.cancer_id == cancer_id


#: What an import, a restore or a new record touches.
EVERYTHING = Touches(Part.EVERYTHING)


class Change(ABC):
    """Something that happened to the record, as views learn of it."""

    @property
    @abstractmethod
    def touches(self) -> Touches:
        """What the change touched."""


class Write(Change):
    """A change written in one transaction; it cannot be taken back (the undo history starts
    afresh after it)."""

    @abstractmethod
    def apply(self, store: RecordStore) -> None:
        """Write the change (inside the caller's transaction)."""


class Edit(Write):
    """A change Edit ▸ Undo can take back."""

    @property
    @abstractmethod
    def name(self) -> str:
        """What the change is called in the Edit menu: ``add scan``, ``change person``, ..."""

    @abstractmethod
    def revert(self, store: RecordStore) -> None:
        """Take the change back (inside the caller's transaction)."""


@dataclass(frozen=True, slots=True)
class Fill(Write):
    """A record with no content yet filled with a whole record: an import, or the example."""

    record: Record

    @property
    def touches(self) -> Touches:
        return EVERYTHING

    def apply(self, store: RecordStore) -> None:
        store.replace_content(self.record)


@dataclass(frozen=True, slots=True)
class StartRecord(Write):
    """A record started from the welcome page: the person and their first cancer."""

    person: Person
    cancer: Cancer

    @property
    def touches(self) -> Touches:
        return EVERYTHING

    def apply(self, store: RecordStore) -> None:
        store.set_person(self.person)
        store.add_cancer(self.cancer)


@dataclass(frozen=True, slots=True)
class Restored(Change):
    """A backup's content put in place of the record's; ``kept`` is the copy of the record as
    it was before."""

    backup: Path
    kept: Path

    @property
    def touches(self) -> Touches:
        return EVERYTHING
