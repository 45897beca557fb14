"""One open record: domain objects in and out, every write in one transaction."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from types import TracebackType

from survivor_app.domain import (
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Question,
    Record,
    Scan,
    Spot,
    Statement,
    Treatment,
)
from survivor_app.files import create_private_file, make_private_folder
from survivor_app.storage import schema
from survivor_app.storage.backup_files import prune, write_backup
from survivor_app.storage.connection import (
    connect,
    connect_read_only,
    inspect_record,
    is_sound,
    write_copy,
)
from survivor_app.storage.errors import (
    RecordError,
    RecordMissingError,
    RecordNotWritableError,
    RecordWriteError,
    write_errors,
)
from survivor_app.storage.lock import RecordLock
from survivor_app.storage.tables import (
    CANCERS,
    CHANGE_MARK,
    CONTENT,
    MEASUREMENT_COLUMNS,
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
    generation,
    measurement_from,
    measurement_values,
    new_mark,
    person_from,
    person_values,
    scan_from,
)

#: Why a record cannot be opened read-only: only a window that may write can update it.
_NOT_UP_TO_DATE = (
    "This record needs a small update before it can be shown, and a read-only view cannot "
    "make it. Close the record in the other window, then open it again."
)


class RecordStore:
    """One record file open for reading and writing, or for reading only.

    Reads return domain objects in entry order (scans and statements by date, then entry
    order). Each write is one transaction, or part of the enclosing ``transaction()``, and
    gives the record a new change mark. While a store may write, it holds the record's lock:
    no other store, in this program or another, can open the record for writing.
    """

    path: Path
    #: True for a store opened with ``read_only=True``: every write raises RecordWriteError.
    read_only: bool

    def __init__(
        self, path: Path, connection: sqlite3.Connection, lock: RecordLock | None = None
    ) -> None:
        """Wrap an open connection (and the lock held for writing, if any); use
        ``RecordStore.open`` to get one."""
        self.path = path
        self.read_only = lock is None
        self._connection = connection
        self._lock = lock
        # How many transaction() blocks are open: the outermost one is BEGIN ... COMMIT, each
        # one inside it a savepoint, so a write that fails inside a group leaves no half.
        self._depth = 0
        # The highest generation of change mark this store has seen: a restore brings back an
        # older one, and the next mark must still come after every earlier content.
        self._generation = 0

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> RecordStore:
        """Open the record at ``path``, bringing it up to this version of the app.

        A missing file is created (with its folders, owner-only) when ``create`` is true, else
        RecordMissingError. A file that is not a record, is damaged, or was written by a newer
        version is refused with a RecordError and left untouched. Before an older record is
        updated, a copy of it is made in its backups folder.

        A record open for writing elsewhere (under this name or another: a link) raises
        RecordLockedError; one in a folder, or a file, that cannot be written to raises
        RecordNotWritableError. Either can still be opened with
        ``read_only=True``: nothing is created, locked or updated, and every write raises
        RecordWriteError ("This record is open read-only.").
        """
        if read_only:
            return cls._open_read_only(path)
        if not path.exists():
            if not create:
                raise RecordMissingError
            try:
                make_private_folder(path.parent)
            except OSError as error:
                raise RecordWriteError.about(error, "The new record") from error
        lock = cls._lock_for_writing(path)
        try:
            if not path.exists():
                try:
                    create_private_file(path)
                except OSError as error:
                    raise RecordWriteError.about(error, "The new record") from error
                lock.hold_file(path)
            version = inspect_record(path)
            if not os.access(path, os.W_OK):
                # SQLite would open it read-only without a word, and refuse each edit later.
                raise RecordNotWritableError(RecordNotWritableError.FILE)
            with write_errors("The record"):
                connection = connect(path)
        except BaseException:
            lock.release()
            raise
        store = cls(path, connection, lock)
        try:
            store._migrate(version)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _lock_for_writing(cls, path: Path) -> RecordLock:
        try:
            return RecordLock.take(path)
        except OSError as error:
            if not path.exists():
                raise RecordWriteError.about(error, "The new record") from error
            # A file that is no record at all is better refused as such.
            inspect_record(path)
            # The folder refuses the lock file, so it would refuse every change's journal too.
            raise RecordNotWritableError from error

    @classmethod
    def _open_read_only(cls, path: Path) -> RecordStore:
        if not path.exists():
            raise RecordMissingError
        if inspect_record(path) != schema.latest_version():
            raise RecordError(_NOT_UP_TO_DATE)
        with write_errors("The record"):
            connection = connect_read_only(path)
        return cls(path, connection)

    def close(self) -> None:
        """Close the record and give up its lock; anything not committed is dropped."""
        self._connection.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

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

    # Reading

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
        """One cancer with its spots, scans, statements and treatments."""
        return CancerHistory(
            cancer=self.cancer(cancer_id),
            spots=self.spots(cancer_id),
            scans=self.scans(cancer_id),
            statements=self.statements(cancer_id),
            treatments=self.treatments(cancer_id),
        )

    def spots(self, cancer_id: str | None = None) -> tuple[Spot, ...]:
        """The spots of one cancer (of all when None), in entry order."""
        return self._list(SPOTS, cancer_id)

    def scans(self, cancer_id: str | None = None) -> tuple[Scan, ...]:
        """The scans of one cancer (of all when None) with their measurements, by date."""
        measured: dict[str, list[Measurement]] = {}
        where, parameters = _of_cancer(cancer_id)
        # One query for all the measurements and one for all the scans, whatever their number;
        # the measurements as plain tuples, which SQLite hands over faster than rows.
        cursor = self._connection.cursor()
        cursor.row_factory = None
        cursor.execute(
            f"SELECT scan_id, {', '.join(MEASUREMENT_READ)} FROM measurement{where}"
            " ORDER BY scan_id, position",
            parameters,
        )
        for scan_id, *values in cursor:
            measured.setdefault(scan_id, []).append(measurement_from(*values))
        columns = ", ".join(SCANS.columns)
        rows = self._execute(
            f"SELECT {columns} FROM scan{where} ORDER BY {SCANS.order}", parameters
        )
        return tuple(scan_from(row, tuple(measured.get(row["id"], ()))) for row in rows)

    def statements(self, cancer_id: str | None = None) -> tuple[Statement, ...]:
        """The statements of one cancer (of all when None), by date, then in entry order."""
        return self._list(STATEMENTS, cancer_id)

    def treatments(self, cancer_id: str | None = None) -> tuple[Treatment, ...]:
        """The treatments of one cancer (of all when None), in entry order."""
        return self._list(TREATMENTS, cancer_id)

    def questions(self, cancer_id: str | None = None) -> tuple[Question, ...]:
        """The questions about one cancer, or every question when None, in entry order."""
        return self._list(QUESTIONS, cancer_id)

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

    # Writing

    def set_person(self, person: Person) -> None:
        """Enter the person, or replace what was entered about them."""
        with self.transaction():
            self._execute(
                "INSERT INTO person (id, name, birth_date, notes) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET"
                " name = excluded.name, birth_date = excluded.birth_date, notes = excluded.notes",
                person_values(person),
            )

    def add_cancer(self, cancer: Cancer) -> None:
        """Add a cancer after the others; ValueError when its id is taken."""
        with self.transaction():
            self._add(CANCERS, cancer)

    def update_cancer(self, cancer: Cancer) -> None:
        """Replace the cancer with this id; KeyError when there is none."""
        with self.transaction():
            self._update(CANCERS, cancer)

    def delete_cancer(self, cancer_id: str) -> None:
        """Remove a cancer with everything recorded about it, its questions included."""
        with self.transaction():
            self._delete(CANCERS, cancer_id)

    def add_spot(self, spot: Spot) -> None:
        """Add a spot after the others; ValueError when its id is taken or its cancer missing."""
        with self.transaction():
            self._add(SPOTS, spot)

    def update_spot(self, spot: Spot) -> None:
        """Replace the spot with this id, keeping its place; KeyError when there is none."""
        with self.transaction():
            self._update(SPOTS, spot)

    def delete_spot(self, spot_id: str) -> None:
        """Remove a spot and its measurements in every scan."""
        with self.transaction():
            self._delete(SPOTS, spot_id)

    def add_scan(self, scan: Scan) -> None:
        """Add a scan with its measurements; ValueError when one measures another cancer's spot."""
        with self.transaction():
            self._add(SCANS, scan)
            self._add_measurements(scan)

    def update_scan(self, scan: Scan) -> None:
        """Replace the scan with this id and all its measurements, keeping its place."""
        with self.transaction():
            self._execute("DELETE FROM measurement WHERE scan_id = ?", (scan.id,))
            self._update(SCANS, scan)
            self._add_measurements(scan)

    def delete_scan(self, scan_id: str) -> None:
        """Remove a scan and its measurements."""
        with self.transaction():
            self._delete(SCANS, scan_id)

    def add_statement(self, statement: Statement) -> None:
        """Add a doctor's statement after the others."""
        with self.transaction():
            self._add(STATEMENTS, statement)

    def update_statement(self, statement: Statement) -> None:
        """Replace the statement with this id, keeping its place among those of its date."""
        with self.transaction():
            self._update(STATEMENTS, statement)

    def delete_statement(self, statement_id: str) -> None:
        """Remove a statement."""
        with self.transaction():
            self._delete(STATEMENTS, statement_id)

    def add_treatment(self, treatment: Treatment) -> None:
        """Add a treatment after the others."""
        with self.transaction():
            self._add(TREATMENTS, treatment)

    def update_treatment(self, treatment: Treatment) -> None:
        """Replace the treatment with this id, keeping its place."""
        with self.transaction():
            self._update(TREATMENTS, treatment)

    def delete_treatment(self, treatment_id: str) -> None:
        """Remove a treatment."""
        with self.transaction():
            self._delete(TREATMENTS, treatment_id)

    def add_question(self, question: Question) -> None:
        """Add a question after the others."""
        with self.transaction():
            self._add(QUESTIONS, question)

    def update_question(self, question: Question) -> None:
        """Replace the question with this id, keeping its place."""
        with self.transaction():
            self._update(QUESTIONS, question)

    def delete_question(self, question_id: str) -> None:
        """Remove a question."""
        with self.transaction():
            self._delete(QUESTIONS, question_id)

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
            for scan in record.scans:
                self._add(SCANS, scan)
                self._add_measurements(scan)
            for statement in record.statements:
                self._add(STATEMENTS, statement)
            for treatment in record.treatments:
                self._add(TREATMENTS, treatment)
            for question in record.questions:
                self._add(QUESTIONS, question)

    def set_setting(self, key: str, value: str) -> None:
        """Keep one of the app's settings for this record."""
        with self.transaction():
            self._execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def backup_to(self, target: Path, what: str = "The copy") -> None:
        """Write a checked copy of the record to ``target``, readable by the owner alone.

        The copy is made beside the target and put in its place only once SQLite has checked
        it, so a failed copy never leaves a half-written file under the target's name. A record
        open in another window is never replaced (RecordLockedError); a failure to write is
        RecordWriteError, its sentence starting with ``what``. A read-only store can be copied.
        """
        if target.resolve() == self.path.resolve():
            raise ValueError("A record cannot be copied onto itself.")
        write_copy(self._connection, target, what)

    def take_content_of(self, source: Path, keep: Callable[[], Path]) -> Path:
        """Swap the record's whole content, its settings too, for that of the checked record
        file at ``source``; ``keep`` makes a copy of the record as it is first, and its path is
        returned. ``BackupFolder.restore`` is the one caller: it checks the backup, and keeps
        the copy among the record's backups.

        The content is swapped in one step through SQLite's backup API, under the record's
        journal, so the file (and its owner-only permissions) stays and a failure or a crash
        part way leaves the record as it was. The result is checked; if it fails the check,
        the kept copy's content is put back and RecordWriteError is raised. Older content is
        then brought up to this version, and its change mark comes after every earlier one.
        """
        if self.read_only:
            raise RecordWriteError(RecordWriteError.READ_ONLY)
        if self._depth:
            raise RuntimeError("A backup cannot be restored inside a group of writes.")
        before = keep()
        self._generation = max(self._generation, generation(self.change_mark()))
        self._take_content_of(source)
        if not is_sound(self._connection):
            self._take_content_of(before)
            raise RecordWriteError(
                "The backup could not be restored, so your record was put back as it was. "
                "Please try again, or choose another backup."
            )
        (version,) = self._execute("PRAGMA user_version").fetchone()
        self._migrate(version)
        # The restored content is the newest now: its mark comes after the one it replaced.
        with self.transaction():
            pass
        return before

    # Inside

    def _execute(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
        return self._connection.execute(sql, parameters)

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

    def _take_content_of(self, source: Path) -> None:
        # One backup step copies every page in one write transaction of the record.
        with (
            write_errors("The restored record"),
            closing(connect_read_only(source)) as copy,
        ):
            copy.backup(self._connection)

    def _migrate(self, version: int) -> None:
        pending = schema.MIGRATIONS[version:]
        if version > 0 and pending:
            # Kept like any backup, so pruned like one: the store cannot reach BackupFolder,
            # which opens stores itself.
            write_backup(
                self.path, "before-update", lambda target: self.backup_to(target, "The backup")
            )
            prune(self.path)
        for number, migration in enumerate(pending, start=version + 1):
            with self.transaction():
                migration(self._connection)
                self._execute(f"PRAGMA user_version = {number}")

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

    def _list(self, table: Table[Item], cancer_id: str | None = None) -> tuple[Item, ...]:
        columns = ", ".join(table.columns)
        where, parameters = _of_cancer(cancer_id)
        rows = self._execute(
            f"SELECT {columns} FROM {table.name}{where} ORDER BY {table.order}", parameters
        )
        return tuple(table.item(row) for row in rows)

    def _add(self, table: Table[Item], item: Item) -> None:
        columns = ", ".join(table.columns)
        marks = ", ".join("?" for _ in table.columns)
        self._execute(
            f"INSERT INTO {table.name} (seq, {columns})"
            f" VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM {table.name}), {marks})",
            table.values(item),
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

    def _delete(self, table: Table[Item], item_id: str) -> None:
        cursor = self._execute(f"DELETE FROM {table.name} WHERE id = ?", (item_id,))
        if cursor.rowcount == 0:
            raise KeyError(item_id)

    def _add_measurements(self, scan: Scan) -> None:
        columns = ", ".join(MEASUREMENT_COLUMNS)
        marks = ", ".join("?" for _ in MEASUREMENT_COLUMNS)
        self._connection.executemany(
            f"INSERT INTO measurement ({columns}) VALUES ({marks})",
            (
                measurement_values(scan, position, measurement)
                for position, measurement in enumerate(scan.measurements)
            ),
        )


def _of_cancer(cancer_id: str | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause that keeps one cancer's rows, or none when ``cancer_id`` is None."""
    return ("", ()) if cancer_id is None else (" WHERE cancer_id = ?", (cancer_id,))
