"""Writing a record's tables: each write is one transaction, or part of the enclosing
``transaction()``, and gives the record a new change mark."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from survivor_app.domain import (
    Cancer,
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
from survivor_app.domain import record_rules as rules
from survivor_app.storage.errors import RecordWriteError, write_errors
from survivor_app.storage.reading import RecordReader
from survivor_app.storage.tables import (
    CANCERS,
    CHANGE_MARK,
    CONTENT,
    MARKER_RESULTS,
    MEASUREMENT_COLUMNS,
    MEASUREMENT_READ,
    QUESTIONS,
    SCANS,
    SPOTS,
    STATEMENTS,
    TREATMENTS,
    Item,
    Table,
    generation,
    measurement_from,
    measurement_values,
    new_mark,
    person_values,
)


@dataclass(frozen=True, slots=True)
class CancerPlaces:
    """Where a deleted cancer stood in entry order, and each thing deleted with it (each
    kind's ids to their places): what Undo gives back to the ``at`` of the add methods."""

    cancer: int
    spots: Mapping[str, int]
    scans: Mapping[str, int]
    statements: Mapping[str, int]
    treatments: Mapping[str, int]
    questions: Mapping[str, int]
    marker_results: Mapping[str, int]


class RecordWriter(RecordReader):
    """The writes of an open record, each in one transaction or in the enclosing group."""

    #: True for a record opened with ``read_only=True``: every write raises RecordWriteError.
    read_only: bool

    def __init__(self, connection: sqlite3.Connection, *, read_only: bool) -> None:
        super().__init__(connection)
        self.read_only = read_only
        # How many transaction() blocks are open: the outermost one is BEGIN ... COMMIT, each
        # one inside it a savepoint, so a write that fails inside a group leaves no half.
        self._depth = 0
        # The highest generation of change mark this store has seen: a restore brings back an
        # older one, and the next mark must still come after every earlier content.
        self._generation = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: when the block ends they are all kept, when it raises none of them is."""
        if self.read_only:
            raise RecordWriteError(RecordWriteError.READ_ONLY)
        depth = self._depth
        savepoint = f"group_{depth}"
        with write_errors():
            self._execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
        self._depth += 1
        try:
            with write_errors():
                yield
                if depth == 0:
                    self._mark_change()
                self._execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")
        except BaseException:
            self._undo(depth, savepoint)
            raise
        finally:
            self._depth = depth

    def set_person(self, person: Person) -> None:
        """Enter the person, or replace what was entered about them."""
        with self.transaction():
            self._execute(
                "INSERT INTO person (id, name, birth_date, notes) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET"
                " name = excluded.name, birth_date = excluded.birth_date, notes = excluded.notes",
                person_values(person),
            )

    def add_cancer(self, cancer: Cancer, *, at: int | None = None) -> None:
        """Add a cancer after the others (or at the place ``at`` a delete returned, for Undo);
        ValueError when its id is taken."""
        with self.transaction():
            self._add(CANCERS, cancer, at)

    def update_cancer(self, cancer: Cancer) -> None:
        """Replace the cancer with this id; KeyError when there is none."""
        with self.transaction():
            self._update(CANCERS, cancer)

    def delete_cancer(self, cancer_id: str) -> CancerPlaces:
        """Remove a cancer with everything recorded about it, its questions included; where
        each of them stood in entry order is returned, for Undo to put them back there."""
        with self.transaction():
            kept = {
                table.name: {
                    row["id"]: row["seq"]
                    for row in self._execute(
                        f"SELECT id, seq FROM {table.name} WHERE cancer_id = ?", (cancer_id,)
                    )
                }
                for table in (SPOTS, SCANS, STATEMENTS, TREATMENTS, QUESTIONS, MARKER_RESULTS)
            }
            return CancerPlaces(
                cancer=self._delete(CANCERS, cancer_id),
                spots=kept[SPOTS.name],
                scans=kept[SCANS.name],
                statements=kept[STATEMENTS.name],
                treatments=kept[TREATMENTS.name],
                questions=kept[QUESTIONS.name],
                marker_results=kept[MARKER_RESULTS.name],
            )

    def add_spot(self, spot: Spot, *, at: int | None = None) -> None:
        """Add a spot after the others (or at the place ``at`` a delete returned, for Undo);
        ValueError when its id is taken or its cancer missing."""
        with self.transaction():
            self._add(SPOTS, spot, at)

    def update_spot(self, spot: Spot) -> None:
        """Replace the spot with this id, keeping its place; KeyError when there is none, and
        ValueError when it would no longer match what its scans say of it (a size, or a state
        for a spot without a size)."""
        with self.transaction():
            self._update(SPOTS, spot)
            cursor = self._connection.cursor()
            cursor.row_factory = None
            cursor.execute(
                f"SELECT {', '.join(MEASUREMENT_READ)} FROM measurement WHERE spot_id = ?",
                (spot.id,),
            )
            for values in cursor:
                _check_kind(measurement_from(*values), sized=spot.sized)

    def delete_spot(self, spot_id: str) -> int:
        """Remove a spot and its measurements in every scan; its place in entry order is
        returned."""
        with self.transaction():
            return self._delete(SPOTS, spot_id)

    def add_scan(self, scan: Scan, *, at: int | None = None) -> None:
        """Add a scan with its measurements, after the others (or at the place ``at`` a delete
        returned, for Undo); ValueError when one measures another cancer's spot."""
        with self.transaction():
            self._add(SCANS, scan, at)
            self._add_measurements(scan)

    def update_scan(self, scan: Scan) -> None:
        """Replace the scan with this id and all its measurements, keeping its place."""
        with self.transaction():
            self._execute("DELETE FROM measurement WHERE scan_id = ?", (scan.id,))
            self._update(SCANS, scan)
            self._add_measurements(scan)

    def delete_scan(self, scan_id: str) -> int:
        """Remove a scan and its measurements; its place in entry order is returned."""
        with self.transaction():
            return self._delete(SCANS, scan_id)

    def add_statement(self, statement: Statement, *, at: int | None = None) -> None:
        """Add a doctor's statement after the others (or at the place ``at`` a delete returned,
        for Undo)."""
        with self.transaction():
            self._add(STATEMENTS, statement, at)

    def update_statement(self, statement: Statement) -> None:
        """Replace the statement with this id, keeping its place among those of its date."""
        with self.transaction():
            self._update(STATEMENTS, statement)

    def delete_statement(self, statement_id: str) -> int:
        """Remove a statement; its place in entry order is returned."""
        with self.transaction():
            return self._delete(STATEMENTS, statement_id)

    def add_treatment(self, treatment: Treatment, *, at: int | None = None) -> None:
        """Add a treatment after the others (or at the place ``at`` a delete returned,
        for Undo)."""
        with self.transaction():
            self._add(TREATMENTS, treatment, at)

    def update_treatment(self, treatment: Treatment) -> None:
        """Replace the treatment with this id, keeping its place."""
        with self.transaction():
            self._update(TREATMENTS, treatment)

    def delete_treatment(self, treatment_id: str) -> int:
        """Remove a treatment; its place in entry order is returned."""
        with self.transaction():
            return self._delete(TREATMENTS, treatment_id)

    def add_question(self, question: Question, *, at: int | None = None) -> None:
        """Add a question after the others (or at the place ``at`` a delete returned,
        for Undo)."""
        with self.transaction():
            self._add(QUESTIONS, question, at)

    def update_question(self, question: Question) -> None:
        """Replace the question with this id, keeping its place."""
        with self.transaction():
            self._update(QUESTIONS, question)

    def delete_question(self, question_id: str) -> int:
        """Remove a question; its place in entry order is returned."""
        with self.transaction():
            return self._delete(QUESTIONS, question_id)

    def add_marker_result(self, result: MarkerResult, *, at: int | None = None) -> None:
        """Add a tumour marker result after the others (or at the place ``at`` a delete returned,
        for Undo)."""
        with self.transaction():
            self._add(MARKER_RESULTS, result, at)

    def update_marker_result(self, result: MarkerResult) -> None:
        """Replace the marker result with this id, keeping its place."""
        with self.transaction():
            self._update(MARKER_RESULTS, result)

    def delete_marker_result(self, result_id: str) -> int:
        """Remove a marker result; its place in entry order is returned."""
        with self.transaction():
            return self._delete(MARKER_RESULTS, result_id)

    def replace_content(self, record: Record) -> None:
        """Swap the whole content for ``record`` in one transaction; the settings stay."""
        with self.transaction():
            for table in (*reversed(CONTENT), "person"):
                self._execute(f"DELETE FROM {table}")
            self.set_person(record.person)
            for cancer in record.cancers:
                self._add(CANCERS, cancer)
            for spot in record.spots:
                self._add(SPOTS, spot)
            sized = {spot.id: spot.sized for spot in record.spots}
            for scan in record.scans:
                self._add(SCANS, scan)
                self._add_measurements(scan, sized)
            for statement in record.statements:
                self._add(STATEMENTS, statement)
            for treatment in record.treatments:
                self._add(TREATMENTS, treatment)
            for question in record.questions:
                self._add(QUESTIONS, question)
            for result in record.marker_results:
                self._add(MARKER_RESULTS, result)

    def set_setting(self, key: str, value: str) -> None:
        """Keep one of the app's settings for this record."""
        with self.transaction():
            self._execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _mark_change(self) -> None:
        # Inside the write's own transaction, so the mark and the change are kept together.
        self._generation = max(self._generation, generation(self.change_mark()))
        mark = new_mark(self._generation)
        self._generation += 1
        self._execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (CHANGE_MARK, mark),
        )

    def _undo(self, depth: int, savepoint: str) -> None:
        # SQLite has already rolled the whole transaction back after some failures (a full
        # disk, an I/O error); then there is nothing left to undo.
        if not self._connection.in_transaction:
            return
        # Should undoing fail too, the error that made us undo is the one worth reporting.
        with suppress(sqlite3.Error):
            if depth == 0:
                self._execute("ROLLBACK")
            else:
                self._execute(f"ROLLBACK TO {savepoint}")
                self._execute(f"RELEASE {savepoint}")

    def _add(self, table: Table[Item], item: Item, at: int | None = None) -> None:
        """Add ``item`` after the others, or at the place ``at`` in entry order (Undo putting
        back what was deleted): when another item holds that place now, it and those after it
        move one place on, so ``item`` comes just before it."""
        columns = ", ".join(table.columns)
        marks = ", ".join("?" for _ in table.columns)
        if at is None:
            self._execute(
                f"INSERT INTO {table.name} (seq, {columns})"
                f" VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM {table.name}), {marks})",
                table.values(item),
            )
            return
        taken = self._execute(f"SELECT 1 FROM {table.name} WHERE seq = ?", (at,)).fetchone()
        if taken is not None:
            # In two steps, through negative places, as seq is unique row by row.
            self._execute(f"UPDATE {table.name} SET seq = -(seq + 1) WHERE seq >= ?", (at,))
            self._execute(f"UPDATE {table.name} SET seq = -seq WHERE seq < 0")
        self._execute(
            f"INSERT INTO {table.name} (seq, {columns}) VALUES (?, {marks})",
            (at, *table.values(item)),
        )

    def _update(self, table: Table[Item], item: Item) -> None:
        # The id is the first column; seq is left alone, so the item keeps its place.
        item_id, *rest = table.values(item)
        assignments = ", ".join(f"{column} = ?" for column in table.columns[1:])
        cursor = self._execute(
            f"UPDATE {table.name} SET {assignments} WHERE id = ?", (*rest, item_id)
        )
        if cursor.rowcount == 0:
            raise KeyError(item_id)

    def _delete(self, table: Table[Item], item_id: str) -> int:
        row = self._execute(
            f"DELETE FROM {table.name} WHERE id = ? RETURNING seq", (item_id,)
        ).fetchone()
        if row is None:
            raise KeyError(item_id)
        return int(row[0])

    def _add_measurements(self, scan: Scan, sized: Mapping[str, bool] | None = None) -> None:
        """Add the measurements of ``scan``, each of the kind its spot takes (``sized`` maps
        each spot's id to whether it has a size; read from the record when None)."""
        if sized is None:
            rows = self._execute(
                "SELECT id, sized FROM spot WHERE cancer_id = ?", (scan.cancer_id,)
            ).fetchall()
            sized = {row["id"]: bool(row["sized"]) for row in rows}
        for measurement in scan.measurements:
            # A spot that is not there (or of another cancer) is refused by the foreign key.
            if measurement.spot_id in sized:
                _check_kind(measurement, sized=sized[measurement.spot_id])
        columns = ", ".join(MEASUREMENT_COLUMNS)
        marks = ", ".join("?" for _ in MEASUREMENT_COLUMNS)
        self._connection.executemany(
            f"INSERT INTO measurement ({columns}) VALUES ({marks})",
            (
                measurement_values(scan, position, measurement)
                for position, measurement in enumerate(scan.measurements)
            ),
        )


def _check_kind(measurement: Measurement, *, sized: bool) -> None:
    """A measurement that does not match its spot (a state for a spot with a size, a size for
    one without) is the writing program's bug, refused like any broken rule of the record."""
    problem = rules.check_measurement_kind(measurement, sized=sized)
    if problem is not None:
        raise ValueError(
            f"The record refused this change: spot '{measurement.spot_id}': {problem.sentence}"
        )
