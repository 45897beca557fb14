"""Copies of a record kept in the ``backups/`` folder beside it: made, listed, checked, pruned,
and copied out again; each one is named ``<record name>-<UTC time>-<reason>.survivor``."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from survivor_app import paths
from survivor_app.storage import schema
from survivor_app.storage.connection import connect_read_only, inspect_record, write_copy
from survivor_app.storage.digest import matches
from survivor_app.storage.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordMissingError,
)
from survivor_app.storage.tables import change_mark, count_content

if TYPE_CHECKING:
    from survivor_app.storage.store import RecordStore

#: A reason names why a copy was made, and becomes part of its file name.
_REASON = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
#: How many of the newest backups are always kept; older ones are kept one a month.
KEEP_NEWEST = 14
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


def make_backup(store: RecordStore, reason: str, *, now: dt.datetime | None = None) -> Path:
    """Copy the record to ``<backups>/<record name>-<UTC time>-<reason>.survivor``; the copy's path.

    ``reason`` is a short lower-case word such as ``before-import``. A second copy within the
    same second gets ``-2`` (then ``-3``, ...) after its reason, so no copy replaces another.
    The copy is written through SQLite's backup API, checked, and made owner-only; a failure is
    RecordWriteError and leaves no file behind.
    """
    target = new_backup_path(store.path, reason, now)
    store.backup_to(target, "The backup")
    return target


def new_backup_path(record: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Where a backup of ``record`` made ``now`` (default: this moment) for ``reason`` goes: a
    name no file has yet, in the record's backups folder."""
    if not _REASON.fullmatch(reason):
        raise ValueError(f"A backup reason is lower-case words joined by '-', not {reason!r}.")
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    folder = paths.backups_dir(record)
    stem = f"{record.stem}-{moment:{_TIME_FORMAT}}-{reason}"
    target = folder / f"{stem}.survivor"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}.survivor"
    return target


def backup_if_due(store: RecordStore, now: dt.datetime | None = None) -> Path | None:
    """Make the daily backup when it is due; its path, or None when none was needed. ``now`` (an
    aware datetime) defaults to this moment.

    It is due when the newest backup of the record is a day old or older and the record has
    changed since it (or there is none yet and the record holds something). A read-only store
    makes none. Old backups are pruned each time. Raises RecordWriteError when the backup is due
    but cannot be written (the record itself is not touched).
    """
    if store.read_only:
        return None
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    made = _backups_of(store.path)
    if made:
        newest = made[0]
        # The mark is read only when the age allows a backup: it means opening the newest one.
        due = moment - newest.made >= DAILY and _mark_of(newest.path) != store.change_mark()
    else:
        due = not store.is_empty()
    backup = make_backup(store, "daily", now=moment) if due else None
    prune_backups(store.path)
    return backup


def prune_backups(record: Path, keep: int = KEEP_NEWEST) -> list[Path]:
    """Remove the record's older backups, keeping the newest ``keep`` and the newest one of each
    month; the paths removed. Only this record's backups are looked at; one that cannot be
    removed now is left for the next time."""
    made = _backups_of(record)
    kept = {backup.path for backup in made[:keep]}
    months: set[tuple[int, int]] = set()
    for backup in made:
        month = (backup.made.year, backup.made.month)
        if month not in months:
            months.add(month)
            kept.add(backup.path)
    removed = []
    for backup in made:
        if backup.path in kept:
            continue
        try:
            backup.path.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(backup.path)
    return removed


def list_backups(record: Path) -> list[BackupInfo]:
    """Every backup of the record, newest first, each opened read-only to see what it holds; a
    damaged or foreign one is listed with its ``problem``, never raised."""
    return [_described(backup) for backup in _backups_of(record)]


def newest_good_backup(record: Path) -> Path | None:
    """The newest backup of the record that can be used, or None: for a damaged record, the
    one to offer opening as a copy (``copy_backup``)."""
    for backup in _backups_of(record):
        try:
            check_backup(backup.path)
        except RecordError:
            continue
        return backup.path
    return None


def check_backup(backup: Path) -> int:
    """The version of the record a backup holds, once it is known to be sound.

    Raises RecordMissingError, NotARecordError, DamagedRecordError, NewerRecordError (or a plain
    RecordError when it cannot be read), each with a sentence about a backup; a backup whose
    content no longer matches the digest it was made with is DamagedRecordError too. The backup is
    read, never changed (but for SQLite's own undoing of a write a crash cut short, as when any
    record is opened).
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
    try:
        with closing(connect_read_only(backup)) as connection:
            sound = matches(connection)
    except sqlite3.Error:
        raise DamagedRecordError(_BACKUP_DAMAGED) from None
    if not sound:
        raise DamagedRecordError(_BACKUP_ALTERED)
    return version


def copy_backup(backup: Path, target: Path) -> None:
    """Write a checked, owner-only copy of a backup to ``target`` (e.g. to open a damaged
    record's backup as a new record, leaving the damaged one untouched).

    A bad backup is refused as ``check_backup`` says; a record at ``target`` that is open in
    another window is not replaced (RecordLockedError); a failure to write is RecordWriteError
    and leaves no file behind. The copy is opened with ``RecordStore.open``, which brings a
    backup from an older version up to date.
    """
    if target.resolve() == backup.resolve():
        raise ValueError("A backup cannot be copied onto itself.")
    check_backup(backup)
    with closing(connect_read_only(backup)) as source:
        write_copy(source, target)


# Inside

_NUMBER = re.compile(r"(?P<reason>.+?)(?:-(?P<number>[2-9]|[1-9][0-9]+))?")


@dataclass(frozen=True, slots=True)
class _Named:
    """A backup as its name tells it: where, when, why, and its place among those of its second."""

    path: Path
    made: dt.datetime
    reason: str
    number: int


def _backups_of(record: Path) -> list[_Named]:
    """The record's backups by their names alone, newest first."""
    pattern = re.compile(
        rf"{re.escape(record.stem)}-(?P<time>[0-9]{{8}}T[0-9]{{6}}Z)-(?P<rest>{_REASON.pattern})"
        r"\.survivor"
    )
    try:
        names = list(paths.backups_dir(record).iterdir())
    except OSError:
        return []
    found = []
    for path in names:
        whole = pattern.fullmatch(path.name)
        if whole is None or not path.is_file():
            continue
        try:
            made = dt.datetime.strptime(whole["time"], _TIME_FORMAT).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        parts = _NUMBER.fullmatch(whole["rest"])
        assert parts is not None  # any reason matches, with or without a number
        found.append(_Named(path, made, parts["reason"], int(parts["number"] or 1)))
    found.sort(key=lambda backup: (backup.made, backup.number), reverse=True)
    return found


def _described(backup: _Named) -> BackupInfo:
    try:
        version = check_backup(backup.path)
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
    """The change mark a backup holds; None when it has none or cannot be read."""
    try:
        with closing(connect_read_only(backup)) as connection:
            return change_mark(connection)
    except (sqlite3.Error, OSError):
        # An unreadable backup counts as older than any change.
        return None
