"""Opening a record file: made private when new, inspected read-only before anything writes to it,
then connected with the settings every record uses; and writing a checked copy of one."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path

from survivor_app.files import make_private_folder
from survivor_app.storage import schema
from survivor_app.storage.digest import stamp
from survivor_app.storage.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordWriteError,
    write_errors,
)
from survivor_app.storage.lock import claim, held

#: How the name of a copy being written ends (``.<target name>.<random>.partial``).
PARTIAL = ".partial"
#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Where the header keeps ``PRAGMA application_id`` (four bytes, big-endian).
_APPLICATION_ID_BYTES = slice(68, 72)
#: A SQLite file is at least one page, and its header alone is 100 bytes.
_HEADER_SIZE = 100
#: Where the header keeps the file format's read version: 1 for a rollback journal, 2 for WAL.
_READ_VERSION = 19
_WAL = 2


def inspect_record(path: Path) -> int:
    """The version of the record at ``path`` (0 when it is new and empty), read without writing.

    Raises NotARecordError, DamagedRecordError or NewerRecordError for a file that must be
    refused; such a file is left byte for byte as it was. The one write allowed is SQLite's own
    undoing of an edit of this app's record that a crash cut short.
    """
    header = _read_header(path)
    if not header:
        return 0
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        raise NotARecordError
    if header[_READ_VERSION] == _WAL:
        # This app never writes a record in WAL mode, and one cannot be checked without
        # writing beside it. A leftover "-wal" file beside a record in the usual mode is read
        # through by the checks below, and removed by the first read-write connection.
        raise DamagedRecordError
    try:
        return _inspect_database(path)
    except _InterruptedWrite:
        if int.from_bytes(header[_APPLICATION_ID_BYTES], "big") != schema.APPLICATION_ID:
            raise NotARecordError from None
        _recover(path)
        return _inspect_database(path)


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the record's settings; transactions are the caller's."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        guard(connection)
        # The rollback journal (not WAL) keeps a record one self-contained file at rest, and
        # FULL sync makes each committed edit survive a power cut.
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        connection.close()
        raise
    connection.row_factory = sqlite3.Row
    return connection


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read: SQLite refuses every write through it."""
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
    )
    try:
        guard(connection)
    except sqlite3.Error:
        connection.close()
        raise
    connection.row_factory = sqlite3.Row
    return connection


def guard(connection: sqlite3.Connection) -> None:
    """Treat what a file's schema says as data, never as code: no function that could do harm
    runs from a CHECK, a view or a trigger (``trusted_schema``), and nothing may write the schema
    or the file behind SQLite's back (defensive mode, where Python offers it: 3.12 and later).

    Every record is also compared with the app's own schema before it is used
    (``inspect_record``); this is the second wall, for whatever that comparison could miss.
    """
    connection.execute("PRAGMA trusted_schema = OFF")
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if defensive is not None:
        getattr(connection, "setconfig")(defensive, True)  # noqa: B009 (absent before 3.12)


def is_sound(connection: sqlite3.Connection) -> bool:
    """True when the database behind ``connection`` is this app's record, with exactly its
    schema, and passes SQLite's check of its pages."""
    try:
        return holds_own_schema(connection) and _rows_sound(connection)
    except sqlite3.DatabaseError:
        return False


def holds_own_schema(connection: sqlite3.Connection) -> bool:
    """True when the database behind ``connection`` is this app's record of a version this app
    knows, with exactly that version's schema: only then may its rows be read, since reading a
    view (or a table a trigger watches) would run the file's own SQL. Reads ``sqlite_master``
    alone."""
    version = _pragma(connection, "user_version")
    return (
        _pragma(connection, "application_id") == schema.APPLICATION_ID
        and 0 < version <= schema.latest_version()
        and schema.entries(connection) == schema.expected_entries(version)
    )


def write_copy(source: sqlite3.Connection, target: Path, what: str = "The copy") -> None:
    """Write a checked copy of the database behind ``source`` to ``target``, owner-only.

    The copy is made beside the target (through SQLite's backup API, so it is consistent even
    while others write), carries the digest of its content (``digest.stamp``), and is put in
    its place only once SQLite has checked it: a failed copy never
    leaves a half-written file under the target's name. A record at ``target`` that is open in
    another window is not replaced (RecordLockedError). Every other failure is RecordWriteError,
    its sentence starting with ``what``.
    """
    try:
        make_private_folder(target.parent)
        # mkstemp creates the file 0600, like every record.
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent
        )
    except OSError as error:
        raise RecordWriteError.about(error, what) from error
    partial = Path(name)
    claimed: int | None = handle
    try:
        # Held until the copy is done: a copy left by a writer that was killed is removed by
        # the next backup (``remove_if_abandoned``), this one never.
        claimed = claim(handle)
        with (
            write_errors(what),
            closing(sqlite3.connect(partial, isolation_level=None)) as copy,
        ):
            guard(copy)
            source.backup(copy)
            stamp(copy)
        try:
            inspect_record(partial)
        except RecordError as error:
            raise RecordWriteError(
                f"{what} could not be checked, so it was not kept. Please try again."
            ) from error
        # A window writing to the file it would replace would lose its later changes.
        with held(target) if target.exists() else nullcontext():
            os.replace(partial, target)
    except OSError as error:
        raise RecordWriteError.about(error, what) from error
    finally:
        partial.unlink(missing_ok=True)
        if claimed is not None:
            os.close(claimed)


class _InterruptedWrite(Exception):
    """The file has a hot journal: a write was cut short, and only a read-write open undoes it."""


def _read_header(path: Path) -> bytes:
    if not path.is_file():
        raise NotARecordError
    try:
        with path.open("rb") as file:
            return file.read(_HEADER_SIZE)
    except OSError as error:
        raise RecordError(
            "This record cannot be read. Check that your account may open it, then try again."
        ) from error


def _inspect_database(path: Path) -> int:
    try:
        with _read_only(path) as connection:
            application_id = _pragma(connection, "application_id")
            version = _pragma(connection, "user_version")
            if application_id != schema.APPLICATION_ID:
                # A SQLite file with nothing in it yet may become a record.
                if application_id == 0 and version == 0 and not _has_tables(connection):
                    return 0
                raise NotARecordError
            if version > schema.latest_version():
                raise NewerRecordError
            # Only the app's own tables, word for word: a trigger, a view, a virtual table or
            # a changed column would otherwise run its SQL on the person's own edits.
            if not holds_own_schema(connection):
                raise NotARecordError
            if not _rows_sound_read_only(connection, version):
                raise DamagedRecordError
            return version
    except sqlite3.Error as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_READONLY_ROLLBACK:
            raise _InterruptedWrite from error
        raise DamagedRecordError from error


def _rows_sound(connection: sqlite3.Connection) -> bool:
    """True when SQLite's check of the pages (and of NOT NULL and CHECK constraints) passes and
    every reference points at a row that exists: a file written with foreign keys switched off
    could name a spot that is not there."""
    return (
        connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        and connection.execute("PRAGMA foreign_key_check").fetchone() is None
    )


def _rows_sound_read_only(connection: sqlite3.Connection, version: int) -> bool:
    """``_rows_sound`` on a connection that can only read, in one read of the file. SQLite
    reads no CHECK constraint from a file it may not write, so there ``quick_check`` checks
    the pages and NOT NULL alone; each table's CHECK constraints are checked by a query of
    their own (``schema.check_queries``), made from the app's SQL that the file's schema was
    found to equal. The file is never copied, nor written (a file in WAL mode was refused
    before, by its header)."""
    connection.execute("BEGIN")
    try:
        return (
            connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            and not any(
                connection.execute(query).fetchone() for query in schema.check_queries(version)
            )
            and connection.execute("PRAGMA foreign_key_check").fetchone() is None
        )
    finally:
        # SQLite may have ended the transaction itself on an error, which then goes on.
        if connection.in_transaction:
            connection.execute("ROLLBACK")


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect_read_only(path)) as connection:
        yield connection


def _pragma(connection: sqlite3.Connection, name: str) -> int:
    value = connection.execute(f"PRAGMA {name}").fetchone()[0]
    return int(value)


def _has_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def _recover(path: Path) -> None:
    """Let SQLite roll back an interrupted write of our own record: the edit that was cut short
    is undone, every committed one is kept."""
    with (
        write_errors("The record"),
        closing(sqlite3.connect(path, isolation_level=None)) as connection,
    ):
        guard(connection)
        connection.execute("PRAGMA schema_version").fetchone()
