"""Reading a record's tables: the person, each kind of item in entry order, the counts, the
change mark and the settings, as domain objects."""

from __future__ import annotations

import sqlite3
from itertools import groupby
from operator import itemgetter

from survivor_app.domain import (
    Cancer,
    CancerHistory,
    MarkerResult,
    Measurement,
    Person,
    Question,
    Record,
    Scan,
    Spot,
    Statement,
    Treatment,
)
from survivor_app.storage.tables import (
    CANCERS,
    MARKER_RESULTS,
    MEASUREMENT_READ,
    QUESTIONS,
    SCANS,
    SPOTS,
    STATEMENTS,
    TREATMENTS,
    Item,
    Table,
    change_mark,
    count_content,
    measurement_from,
    person_from,
    scan_from,
)


class RecordReader:
    """The reads of an open record: each returns domain objects in entry order (scans and
    statements by date, then entry order)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def is_empty(self) -> bool:
        """True when the record holds no person and nothing else (its settings aside)."""
        return self.person() is None and not any(self.counts().values())

    def person(self) -> Person | None:
        """The person whose record this is, or None before they have been entered."""
        row = self._execute("SELECT name, birth_date, notes FROM person").fetchone()
        return None if row is None else person_from(row)

    def load(self) -> Record | None:
        """The whole content of the record, or None when no person has been entered yet."""
        person = self.person()
        if person is None:
            return None
        return Record(
            person=person,
            cancers=self.cancers(),
            spots=self.spots(),
            scans=self.scans(),
            statements=self.statements(),
            treatments=self.treatments(),
            questions=self.questions(),
            marker_results=self.marker_results(),
        )

    def cancers(self) -> tuple[Cancer, ...]:
        """Every cancer, in entry order."""
        return self._list(CANCERS)

    def cancer(self, cancer_id: str) -> Cancer:
        """One cancer; KeyError when the record has none with this id."""
        columns = ", ".join(CANCERS.columns)
        row = self._execute(f"SELECT {columns} FROM cancer WHERE id = ?", (cancer_id,)).fetchone()
        if row is None:
            raise KeyError(cancer_id)
        return CANCERS.item(row)

    def history(self, cancer_id: str) -> CancerHistory:
        """One cancer with its spots, scans, statements, treatments and marker results."""
        return CancerHistory(
            cancer=self.cancer(cancer_id),
            spots=self.spots(cancer_id),
            scans=self.scans(cancer_id),
            statements=self.statements(cancer_id),
            treatments=self.treatments(cancer_id),
            marker_results=self.marker_results(cancer_id),
        )

    def spots(self, cancer_id: str | None = None) -> tuple[Spot, ...]:
        """The spots of one cancer (of all when None), in entry order."""
        return self._list(SPOTS, cancer_id)

    def scans(self, cancer_id: str | None = None) -> tuple[Scan, ...]:
        """The scans of one cancer (of all when None) with their measurements, by date."""
        where, parameters = _of_cancer(cancer_id)
        # One query for all the measurements and one for all the scans, whatever their number,
        # as plain tuples, which SQLite hands over faster than rows.
        cursor = self._connection.cursor()
        cursor.row_factory = None
        cursor.execute(
            f"SELECT scan_id, {', '.join(MEASUREMENT_READ)} FROM measurement{where}"
            " ORDER BY scan_id, position",
            parameters,
        )
        # A long record says the same of a spot again and again (the same size, gone): equal
        # measurements are one object, made once. The rows come ordered by scan, so each scan's
        # are one group: ``groupby`` only joins rows that are next to each other.
        made: dict[tuple[object, ...], Measurement] = {}
        measured = {
            scan_id: tuple(
                [
                    made.get(values := row[1:])
                    or made.setdefault(values, measurement_from(*values))
                    for row in rows
                ]
            )
            for scan_id, rows in groupby(cursor, itemgetter(0))
        }
        cursor.execute(
            f"SELECT {', '.join(SCANS.columns)} FROM scan{where} ORDER BY {SCANS.order}",
            parameters,
        )
        return tuple(scan_from(row, measured.get(row[0], ())) for row in cursor)

    def statements(self, cancer_id: str | None = None) -> tuple[Statement, ...]:
        """The statements of one cancer (of all when None), by date, then in entry order."""
        return self._list(STATEMENTS, cancer_id)

    def treatments(self, cancer_id: str | None = None) -> tuple[Treatment, ...]:
        """The treatments of one cancer (of all when None), in entry order."""
        return self._list(TREATMENTS, cancer_id)

    def questions(self, cancer_id: str | None = None) -> tuple[Question, ...]:
        """The questions about one cancer, or every question when None, in entry order."""
        return self._list(QUESTIONS, cancer_id)

    def marker_results(self, cancer_id: str | None = None) -> tuple[MarkerResult, ...]:
        """The tumour marker results of one cancer (of all when None), in entry order."""
        return self._list(MARKER_RESULTS, cancer_id)

    def counts(self) -> dict[str, int]:
        """How many of each kind the record holds: ``cancers``, ``spots``, ``scans``, ..."""
        return count_content(self._connection)

    def change_mark(self) -> str | None:
        """A mark that is new after every write: equal marks mean equal content."""
        return change_mark(self._connection)

    def setting(self, key: str) -> str | None:
        """One of the app's settings for this record, or None when it was never set."""
        row = self._execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def _execute(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
        return self._connection.execute(sql, parameters)

    def _list(self, table: Table[Item], cancer_id: str | None = None) -> tuple[Item, ...]:
        columns = ", ".join(table.columns)
        where, parameters = _of_cancer(cancer_id)
        rows = self._execute(
            f"SELECT {columns} FROM {table.name}{where} ORDER BY {table.order}", parameters
        )
        return tuple(table.item(row) for row in rows)


def _of_cancer(cancer_id: str | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause that keeps one cancer's rows, or none when ``cancer_id`` is None."""
    return ("", ()) if cancer_id is None else (" WHERE cancer_id = ?", (cancer_id,))
