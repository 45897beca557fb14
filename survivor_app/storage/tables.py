"""How each kind of thing a record holds lies in its table: the columns, the order it comes back
in, and the conversions between a row and a domain object."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from survivor_app.domain import (
    EARLIEST_DATE,
    Area,
    Cancer,
    MarkerKind,
    MarkerResult,
    Measurement,
    Person,
    Question,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)
from survivor_app.domain.record_rules import decimal_text
from survivor_app.storage.errors import RecordWriteError

Item = TypeVar("Item")

#: The values a row binds to, in the order of its table's columns.
Values = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Table(Generic[Item]):
    """One kind of item with a text ``id`` (its first column) and an entry-order ``seq``."""

    name: str
    columns: tuple[str, ...]
    #: The ORDER BY that lists the items: entry order, or by date and then entry order.
    order: str
    values: Callable[[Item], Values]
    item: Callable[[sqlite3.Row], Item]


#: Why a date before 1900 is not written (only a program that skips the domain's rules or an
#: older version's import could give one).
BEFORE_EARLIEST = (
    f"A date before {EARLIEST_DATE.year} cannot be saved: it may be a typo, such as 0022 "
    "for 2022. Nothing was changed."
)


def _stored(day: dt.date) -> str:
    if day < EARLIEST_DATE:
        raise RecordWriteError(BEFORE_EARLIEST)
    return day.isoformat()


def _text(day: dt.date | None) -> str | None:
    return None if day is None else _stored(day)


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _required_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def person_values(person: Person) -> Values:
    """The person's row: name, birth_date, notes."""
    return (person.name, _text(person.birth_date), person.notes)


def person_from(row: sqlite3.Row) -> Person:
    """The person a row holds."""
    return Person(name=row["name"], birth_date=_day(row["birth_date"]), notes=row["notes"])


#: The measurement table's columns, in the order of ``measurement_values``.
MEASUREMENT_COLUMNS = (
    "scan_id",
    "spot_id",
    "cancer_id",
    "position",
    "size_tenths",
    "too_small",
    "uncertain",
    "state",
)


def measurement_values(scan: Scan, position: int, measurement: Measurement) -> Values:
    """The row of one measurement of ``scan``; ``position`` keeps the order it was entered in."""
    return (
        scan.id,
        measurement.spot_id,
        scan.cancer_id,
        position,
        measurement.size_tenths,
        int(measurement.too_small),
        int(measurement.uncertain),
        None if measurement.state is None else measurement.state.value,
    )


#: The columns ``measurement_from`` takes, in its order.
MEASUREMENT_READ = ("spot_id", "size_tenths", "too_small", "uncertain", "state")


def measurement_from(
    spot_id: str, size_tenths: int | None, too_small: int, uncertain: int, state: str | None
) -> Measurement:
    """The measurement held in a row's ``MEASUREMENT_READ`` columns (read as a plain tuple, not
    a sqlite3.Row: a long record holds tens of thousands of them)."""
    return Measurement(
        spot_id,
        size_tenths,
        bool(too_small),
        bool(uncertain),
        None if state is None else SpotState(state),
    )


CANCERS: Table[Cancer] = Table(
    name="cancer",
    columns=("id", "name", "primary_site", "diagnosed_on", "notes"),
    order="seq",
    values=lambda c: (c.id, c.name, c.primary_site, _text(c.diagnosed_on), c.notes),
    item=lambda row: Cancer(
        id=row["id"],
        name=row["name"],
        primary_site=row["primary_site"],
        diagnosed_on=_day(row["diagnosed_on"]),
        notes=row["notes"],
    ),
)

SPOTS: Table[Spot] = Table(
    name="spot",
    columns=("id", "cancer_id", "name", "area", "lymph_node", "location", "sized"),
    order="seq",
    values=lambda s: (
        s.id,
        s.cancer_id,
        s.name,
        s.area.value,
        int(s.lymph_node),
        s.location,
        int(s.sized),
    ),
    item=lambda row: Spot(
        id=row["id"],
        cancer_id=row["cancer_id"],
        name=row["name"],
        area=Area(row["area"]),
        lymph_node=bool(row["lymph_node"]),
        location=row["location"],
        sized=bool(row["sized"]),
    ),
)

#: Scans come back without their measurements; the store reads those from their own table.
SCANS: Table[Scan] = Table(
    name="scan",
    columns=(
        "id",
        "cancer_id",
        "date",
        "kind",
        "facility",
        "no_evidence_of_disease",
        "new_baseline",
        "notes",
    ),
    order="date, seq",
    values=lambda s: (
        s.id,
        s.cancer_id,
        _stored(s.date),
        s.kind.value,
        s.facility,
        int(s.no_evidence_of_disease),
        int(s.new_baseline),
        s.notes,
    ),
    item=lambda row: scan_from(row, ()),
)


def scan_from(row: Sequence[Any], measurements: tuple[Measurement, ...]) -> Scan:
    """The scan a row of ``SCANS.columns`` holds (a plain tuple or a sqlite3.Row), with the
    measurements read from their own table."""
    scan_id, cancer_id, date, kind, facility, no_evidence, new_baseline, notes = row
    return Scan(
        id=scan_id,
        cancer_id=cancer_id,
        date=_required_day(date),
        kind=ScanKind(kind),
        measurements=measurements,
        facility=facility,
        no_evidence_of_disease=bool(no_evidence),
        new_baseline=bool(new_baseline),
        notes=notes,
    )


# The status engine breaks ties between statements of one date by entry order.
STATEMENTS: Table[Statement] = Table(
    name="statement",
    columns=("id", "cancer_id", "date", "text", "clinician", "status", "recurrence_type"),
    order="date, seq",
    values=lambda s: (
        s.id,
        s.cancer_id,
        _stored(s.date),
        s.text,
        s.clinician,
        None if s.status is None else s.status.value,
        None if s.recurrence_type is None else s.recurrence_type.value,
    ),
    item=lambda row: Statement(
        id=row["id"],
        cancer_id=row["cancer_id"],
        date=_required_day(row["date"]),
        text=row["text"],
        clinician=row["clinician"],
        status=None if row["status"] is None else Status(row["status"]),
        recurrence_type=(
            None if row["recurrence_type"] is None else RecurrenceType(row["recurrence_type"])
        ),
    ),
)

TREATMENTS: Table[Treatment] = Table(
    name="treatment",
    columns=("id", "cancer_id", "kind", "name", "start_date", "end_date"),
    order="seq",
    values=lambda t: (
        t.id,
        t.cancer_id,
        t.kind.value,
        t.name,
        _stored(t.start),
        _text(t.end),
    ),
    item=lambda row: Treatment(
        id=row["id"],
        cancer_id=row["cancer_id"],
        kind=TreatmentKind(row["kind"]),
        name=row["name"],
        start=_required_day(row["start_date"]),
        end=_day(row["end_date"]),
    ),
)

QUESTIONS: Table[Question] = Table(
    name="question",
    columns=("id", "cancer_id", "text", "asked_on", "answer"),
    order="seq",
    values=lambda q: (q.id, q.cancer_id, q.text, _text(q.asked_on), q.answer),
    item=lambda row: Question(
        id=row["id"],
        cancer_id=row["cancer_id"],
        text=row["text"],
        asked_on=_day(row["asked_on"]),
        answer=row["answer"],
    ),
)

MARKER_RESULTS: Table[MarkerResult] = Table(
    name="marker_result",
    columns=(
        "id",
        "cancer_id",
        "date",
        "marker",
        "value",
        "below_limit",
        "unit",
        "upper_limit",
        "name",
        "lab",
        "notes",
    ),
    order="seq",
    values=lambda m: (
        m.id,
        m.cancer_id,
        _stored(m.date),
        m.marker.value,
        decimal_text(m.value),
        int(m.below_limit),
        m.unit,
        None if m.upper_limit is None else decimal_text(m.upper_limit),
        m.name,
        m.lab,
        m.notes,
    ),
    item=lambda row: MarkerResult(
        id=row["id"],
        cancer_id=row["cancer_id"],
        date=_required_day(row["date"]),
        marker=MarkerKind(row["marker"]),
        value=Decimal(row["value"]),
        unit=row["unit"],
        below_limit=bool(row["below_limit"]),
        upper_limit=None if row["upper_limit"] is None else Decimal(row["upper_limit"]),
        name=row["name"],
        lab=row["lab"],
        notes=row["notes"],
    ),
)

#: The tables of a record's content besides the person, each after the ones it points to.
CONTENT = (
    "cancer",
    "spot",
    "scan",
    "measurement",
    "statement",
    "treatment",
    "question",
    "marker_result",
)

#: The setting that changes with every write: a new mark each time, so "has the record changed
#: since this backup?" is one comparison with the mark the backup holds. A mark is
#: ``<generation>-<random hex>``: the generation counts the record's writes, so of two copies of
#: one record the one with the higher generation holds the later content, whatever the clock
#: said when each was made. Marks written before generations are random hex alone (generation 0).
CHANGE_MARK = "last-change"
_GENERATION = re.compile(r"([0-9]{1,18})-[0-9a-f]{32}")


def generation(mark: str | None) -> int:
    """The generation a change mark carries; 0 for none, or for a mark from before them."""
    found = None if mark is None else _GENERATION.fullmatch(mark)
    return 0 if found is None else int(found[1])


def new_mark(after: int) -> str:
    """A new change mark, one generation after ``after``."""
    return f"{after + 1}-{uuid.uuid4().hex}"


def count_content(connection: sqlite3.Connection) -> dict[str, int]:
    """How many of each kind a record holds: ``cancers``, ``spots``, ``scans``, ..."""
    return {
        f"{table}s": int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in CONTENT
    }


def change_mark(connection: sqlite3.Connection) -> str | None:
    """The mark of the record's latest write, or None for a record written before marks."""
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (CHANGE_MARK,)).fetchone()
    return None if row is None else str(row[0])
