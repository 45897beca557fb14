"""A record's backups, with one owner: ``BackupFolder(record)`` makes them (and prunes the old
ones after each, by itself), lists them, checks them, copies one out, and restores one. They are
kept in ``backups/<record file name>/`` beside the record (``backup_files`` names them)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from survivor_app.files import make_private_folder
from survivor_app.storage import schema
from survivor_app.storage.backup_files import (
    KEEP_NEWEST,
    Named,
    moment_of,
    named_backups,
    prune,
    write_backup,
)
from survivor_app.storage.connection import (
    connect_read_only,
    holds_own_schema,
    inspect_record,
    write_copy,
)
from survivor_app.storage.digest import matches
from survivor_app.storage.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordMissingError,
    RecordWriteError,
)
from survivor_app.storage.store import RecordStore
from survivor_app.storage.tables import change_mark, count_content, generation

#: The automatic backup is made at most this often, and only when the record has changed.
DAILY = dt.timedelta(days=1)

#: Sentences for a backup that cannot be restored, in place of the ones for an open record.
_BACKUP_MISSING = "There is no backup at this place. Choose another one."
_BACKUP_FOREIGN = "This file is not a Survivorship Tracker backup. Choose another one."
_BACKUP_DAMAGED = "This backup is damaged, so it cannot be used. Choose another one."
_BACKUP_EMPTY = "This backup is empty, so it cannot be used. Choose another one."
_BACKUP_NEWER = (
    "This backup was saved by a newer version of Survivorship Tracker. Update the app to use it."
)
_BACKUP_UNREADABLE = "This backup cannot be read. Check that your account may open it."
_BACKUP_ALTERED = (
    "This backup has changed since it was made, so it cannot be trusted. "
    "It was left as it is. Choose another one."
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup of a record, as the list of backups shows it."""

    path: Path
    #: When it was made (UTC), read from its name.
    made: dt.datetime
    #: Why it was made: ``daily``, ``by-hand``, ``before-import``, ``before-restore``, ...
    reason: str
    #: What it holds (``{"cancers": 2, "spots": 3, ...}``); None when that cannot be read (a
    #: damaged backup, or one from an older version whose tables differ).
    counts: Mapping[str, int] | None = None
    #: The name of the person whose record it is, when it can be read and has one.
    person: str | None = None
    #: None for a sound backup; else the sentence that says why it cannot be used.
    problem: str | None = None

    @property
    def is_good(self) -> bool:
        """True when the backup can be restored or opened as a copy."""
        return self.problem is None


class BackupFolder:
    """The backups of the record at ``record``: the one place that makes, lists, checks,
    prunes and restores them. Making one always prunes the old ones afterwards."""

    def __init__(self, record: Path) -> None:
        self.record = record

    def make(self, store: RecordStore, reason: str, *, now: dt.datetime | None = None) -> Path:
        """Copy the record open in ``store`` to ``<record name>-<UTC time>-<reason>.survivor``
        in this folder, then prune the old backups; the copy's path.

        ``reason`` is a short lower-case word such as ``before-import``. The copy is written
        through SQLite's backup API, checked, and made owner-only; a failure is
        RecordWriteError and leaves no file behind. ``now`` (an aware datetime) defaults to
        this moment. A read-only store can be backed up.
        """
        backup = self._write(store, reason, now)
        prune(self.record, now=now)
        return backup

    def make_if_due(self, store: RecordStore, now: dt.datetime | None = None) -> Path | None:
        """Make the daily backup when it is due; its path, or None when none was needed. ``now``
        (an aware datetime) defaults to this moment.

        It is due when the record has changed since its last backup (no backup holds its
        change mark: neither the newest one made until now, nor any dated later than now) and
        that last backup is a day old or older (or there is none yet and the record holds
        something). A backup dated in the future (made while the clock was ahead) is kept, but
        never holds a new one back. A read-only store makes none. Old backups are pruned each
        time. Raises RecordWriteError when the backup is due but cannot be written (the record
        is not touched).
        """
        self._belongs(store)
        if store.read_only:
            return None
        moment = moment_of(now)
        made = named_backups(self.record)
        past = [backup for backup in made if backup.made <= moment]
        if past and moment - past[0].made < DAILY:
            due = False
        elif not made:
            due = not store.is_empty()
        else:
            # The marks are read only when the age allows a backup: it means opening them.
            latest = [*(backup for backup in made if backup.made > moment), *past[:1]]
            due = store.change_mark() not in {_mark_of(backup.path) for backup in latest}
        backup = self._write(store, "daily", moment) if due else None
        prune(self.record, now=moment)
        return backup

    def prune(self, keep: int = KEEP_NEWEST, *, now: dt.datetime | None = None) -> list[Path]:
        """Remove the older backups, keeping the newest ``keep`` and the newest one of each
        month; the paths removed. Making a backup does this by itself. One dated later than
        ``now`` (default: this moment) is always kept, and counts for nothing; one that cannot
        be removed now is left for the next time, and one from before each record had its own
        folder that another file could claim is never removed."""
        return prune(self.record, keep, now=now)

    def backups(self) -> list[BackupInfo]:
        """Every backup of the record, newest first, each opened read-only to see what it
        holds; a damaged or foreign one is listed with its ``problem``, never raised. Digests
        are not read here (that reads every row of every backup): a restore checks the one
        chosen."""
        return [_described(backup) for backup in named_backups(self.record)]

    def newest_good(self) -> Path | None:
        """The backup holding the record's latest content that can be used, or None: for a
        damaged record, the one to offer opening as a copy (``copy_out``).

        Latest by content, not by name: the backup whose change mark has the highest
        generation (the most writes), so one named with a clock that was wrong is not taken
        for the newest; among equals, the newest by name. Each is checked (``check``, its
        digest too)."""
        backups = named_backups(self.record)
        generations = {backup.path: generation(_mark_of(backup.path)) for backup in backups}
        backups.sort(key=lambda backup: generations[backup.path], reverse=True)
        for backup in backups:
            try:
                self.check(backup.path)
            except RecordError:
                continue
            return backup.path
        return None

    @staticmethod
    def check(backup: Path, *, content: bool = True) -> int:
        """The version of the record a backup holds, once it is known to be sound.

        Raises RecordMissingError, NotARecordError, DamagedRecordError, NewerRecordError (or a
        plain RecordError when it cannot be read), each with a sentence about a backup; a
        backup whose content no longer matches the digest it was made with is
        DamagedRecordError too (unless ``content`` is false: reading every row takes long on a
        long record). The backup is read, never changed (but for SQLite's own undoing of a
        write a crash cut short, as when any record is opened).
        """
        if not backup.exists():
            raise RecordMissingError(_BACKUP_MISSING)
        try:
            version = inspect_record(backup)
        except NotARecordError:
            raise NotARecordError(_BACKUP_FOREIGN) from None
        except DamagedRecordError:
            raise DamagedRecordError(_BACKUP_DAMAGED) from None
        except NewerRecordError:
            raise NewerRecordError(_BACKUP_NEWER) from None
        except RecordError:
            raise RecordError(_BACKUP_UNREADABLE) from None
        if version == 0:
            # Only a file cut short has nothing in it: every backup of a record has its tables.
            raise DamagedRecordError(_BACKUP_EMPTY)
        if not content:
            return version
        try:
            with closing(connect_read_only(backup)) as connection:
                sound = matches(connection)
        except sqlite3.Error:
            raise DamagedRecordError(_BACKUP_DAMAGED) from None
        if not sound:
            raise DamagedRecordError(_BACKUP_ALTERED)
        return version

    @staticmethod
    def copy_out(backup: Path, target: Path) -> None:
        """Write a checked, owner-only copy of a backup to ``target`` (e.g. to open a damaged
        record's backup as a new record, leaving the damaged one untouched).

        A bad backup is refused as ``check`` says; a record at ``target`` that is open in
        another window is not replaced (RecordLockedError); a failure to write is
        RecordWriteError and leaves no file behind. The copy is opened with
        ``RecordStore.open``, which brings a backup from an older version up to date.
        """
        if target.resolve() == backup.resolve():
            raise ValueError("A backup cannot be copied onto itself.")
        BackupFolder.check(backup)
        with closing(connect_read_only(backup)) as source:
            write_copy(source, target)

    def restore(self, backup: Path, store: RecordStore | None = None) -> Path:
        """Put ``backup`` back in place of the record; the path of the copy of the record as it
        was, kept in this folder. Old backups are pruned afterwards.

        ``store`` is the record when it is already open for writing here (the window's);
        without it the record is opened for the restore, and created when missing. The backup
        is checked first (``check``), so a damaged or foreign one changes nothing. A copy of the
        record is made, then its whole content, settings too, is swapped for the backup's in
        one step inside the same file (``RecordStore.take_content_of``): a failure part way
        leaves the record as it was. An older backup is brought up to this version.

        A damaged record is kept byte for byte as ``<name>-<time>-damaged.survivor`` in this
        folder, and a checked copy of the backup takes its place in one step. A file that is
        not a record, or a record of a newer version, is refused and left untouched; a record
        open in another window raises RecordLockedError, a read-only store RecordWriteError.
        """
        if store is not None:
            self._belongs(store)
            return self._restore_into(store, backup)
        self.check(backup)
        try:
            opened = RecordStore.open(self.record)
        except DamagedRecordError:
            return self._replace_damaged(backup)
        with opened:
            return self._restore_into(opened, backup)

    # Inside

    def _belongs(self, store: RecordStore) -> None:
        if store.path != self.record:
            raise ValueError(f"{store.path} is not the record of the backups of {self.record}.")

    def _write(self, store: RecordStore, reason: str, now: dt.datetime | None) -> Path:
        self._belongs(store)
        return write_backup(
            self.record, reason, lambda target: store.backup_to(target, "The backup"), now
        )

    def _restore_into(self, store: RecordStore, backup: Path) -> Path:
        if store.read_only:
            raise RecordWriteError(RecordWriteError.READ_ONLY)
        if backup.resolve() == self.record.resolve():
            raise ValueError("A record cannot be restored from itself.")
        self.check(backup)
        # Pruned only once the backup is in: the one chosen may be among the oldest.
        before = store.take_content_of(backup, lambda: self._write(store, "before-restore", None))
        prune(self.record)
        return before

    def _replace_damaged(self, backup: Path) -> Path:
        kept = write_backup(self.record, "damaged", self._keep_damaged)
        with closing(connect_read_only(backup)) as source:
            write_copy(source, self.record, "The restored record")
        prune(self.record)
        return kept

    def _keep_damaged(self, kept: Path) -> None:
        journal = self.record.with_name(f"{self.record.name}-journal")
        try:
            make_private_folder(kept.parent)
            # Owner-only from its first byte, like every record.
            with (
                self.record.open("rb") as damaged,
                os.fdopen(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as copy,
            ):
                shutil.copyfileobj(damaged, copy)
            # A journal left beside the damaged file belongs to it, never to the restored one.
            if journal.exists():
                os.replace(journal, kept.with_name(f"{kept.name}-journal"))
        except OSError as error:
            kept.unlink(missing_ok=True)
            raise RecordWriteError.about(error, "The damaged record's copy") from error


# Inside


def _described(backup: Named) -> BackupInfo:
    try:
        version = BackupFolder.check(backup.path, content=False)
    except RecordError as error:
        return BackupInfo(backup.path, backup.made, backup.reason, problem=str(error))
    if version != schema.latest_version():
        # Sound, and restorable (it is brought up to date), but its tables are not this
        # version's, so what it holds is not counted.
        return BackupInfo(backup.path, backup.made, backup.reason)
    try:
        with closing(connect_read_only(backup.path)) as connection:
            counts = count_content(connection)
            row = connection.execute("SELECT name FROM person").fetchone()
    except (sqlite3.Error, OSError):
        return BackupInfo(backup.path, backup.made, backup.reason, problem=_BACKUP_DAMAGED)
    return BackupInfo(
        backup.path, backup.made, backup.reason, counts, None if row is None else str(row[0])
    )


def _mark_of(backup: Path) -> str | None:
    """The change mark a backup holds; None when it has none, cannot be read, or is not a
    record this app made (whose ``setting`` could be a view running its own SQL)."""
    try:
        with closing(connect_read_only(backup)) as connection:
            return change_mark(connection) if holds_own_schema(connection) else None
    except (sqlite3.Error, OSError):
        # An unreadable backup counts as older than any change.
        return None
