"""One open record: opening it (created, locked, brought up to date, or read-only), closing it,
copying it and taking in a backup's content, with the reads and writes of its tables inherited."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from types import TracebackType

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
from survivor_app.storage.tables import generation
from survivor_app.storage.writing import RecordWriter

#: Why a record cannot be opened read-only: only a window that may write can update it.
_NOT_UP_TO_DATE = (
    "This record needs a small update before it can be shown, and a read-only view cannot "
    "make it. Close the record in the other window, then open it again."
)


class RecordStore(RecordWriter):
    """One record file open for reading and writing, or for reading only.

    Reads return domain objects in entry order (scans and statements by date, then entry
    order). Each write is one transaction, or part of the enclosing ``transaction()``, and
    gives the record a new change mark. While a store may write, it holds the record's lock:
    no other store, in this program or another, can open the record for writing.
    """

    path: Path

    def __init__(
        self, path: Path, connection: sqlite3.Connection, lock: RecordLock | None = None
    ) -> None:
        """Wrap an open connection (and the lock held for writing, if any); use
        ``RecordStore.open`` to get one."""
        super().__init__(connection, read_only=lock is None)
        self.path = path
        self._lock = lock

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
