"""Copies of a record kept in its own folder, ``backups/<record file name>/`` beside it: made,
listed, checked, pruned, and copied out again; each one is named
``<record name>-<UTC time>-<reason>.survivor``. Backups from before each record had its own
folder, side by side in ``backups/``, are still found, and moved into the record's own folder
when no other file in its folder could claim them."""

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
from survivor_app.files import make_private_folder
from survivor_app.storage import schema
from survivor_app.storage.connection import (
    PARTIAL,
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
)
from survivor_app.storage.lock import remove_if_abandoned
from survivor_app.storage.tables import change_mark, count_content, generation

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
    RecordWriteError and leaves no file behind. Copies that a killed backup left half-written
    (``.partial``) are removed first.
    """
    _tidy(store.path)
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

    It is due when the record has changed since its last backup (no backup holds its change
    mark: neither the newest one made until now, nor any dated later than now) and that last
    backup is a day old or older (or there is none yet and the record holds something). A
    backup dated in the future (made while the clock was ahead) is kept, but never holds a new
    one back. A read-only store makes none. Old backups are pruned each time. Raises
    RecordWriteError when the backup is due but cannot be written (the record is not touched).
    """
    if store.read_only:
        return None
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    made = _backups_of(store.path)
    past = [backup for backup in made if backup.made <= moment]
    if past and moment - past[0].made < DAILY:
        due = False
    elif not made:
        due = not store.is_empty()
    else:
        # The marks are read only when the age allows a backup: it means opening the backups.
        latest = [*(backup for backup in made if backup.made > moment), *past[:1]]
        due = store.change_mark() not in {_mark_of(backup.path) for backup in latest}
    backup = make_backup(store, "daily", now=moment) if due else None
    prune_backups(store.path, now=moment)
    return backup


def prune_backups(
    record: Path, keep: int = KEEP_NEWEST, *, now: dt.datetime | None = None
) -> list[Path]:
    """Remove the record's older backups, keeping the newest ``keep`` and the newest one of each
    month; the paths removed. Only this record's backups are looked at; one dated later than
    ``now`` (default: this moment) is always kept, and counts for nothing; one that cannot be
    removed now is left for the next time, and one from before each record had its own folder
    that another file could claim is never removed."""
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    _tidy(record)
    made = [backup for backup in _backups_of(record) if backup.made <= moment and not backup.shared]
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
    damaged or foreign one is listed with its ``problem``, never raised. Digests are not read
    here (that reads every row of every backup): a restore checks the one chosen."""
    return [_described(backup) for backup in _backups_of(record)]


def newest_good_backup(record: Path) -> Path | None:
    """The backup of the record holding its latest content that can be used, or None: for a
    damaged record, the one to offer opening as a copy (``copy_backup``).

    Latest by content, not by name: the backup whose change mark has the highest generation
    (the most writes), so one named with a clock that was wrong is not taken for the newest;
    among equals, the newest by name. Each is checked (``check_backup``, its digest too)."""
    backups = _backups_of(record)
    generations = {backup.path: generation(_mark_of(backup.path)) for backup in backups}
    backups.sort(key=lambda backup: generations[backup.path], reverse=True)
    for backup in backups:
        try:
            check_backup(backup.path)
        except RecordError:
            continue
        return backup.path
    return None


def check_backup(backup: Path, *, content: bool = True) -> int:
    """The version of the record a backup holds, once it is known to be sound.

    Raises RecordMissingError, NotARecordError, DamagedRecordError, NewerRecordError (or a plain
    RecordError when it cannot be read), each with a sentence about a backup; a backup whose
    content no longer matches the digest it was made with is DamagedRecordError too (unless
    ``content`` is false: reading every row takes long on a long record). The backup is
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
    #: True for a backup from before each record had its own folder, which another record in
    #: the same folder (``mum`` beside ``mum.survivor``) could also claim.
    shared: bool = False


def _backups_of(record: Path) -> list[_Named]:
    """The record's backups by their names alone, newest first: those in its own folder, and
    those from before it had one still in the shared ``backups/`` folder."""
    return sorted(
        [*_named_in(paths.backups_dir(record), record), *_old_backups(record)],
        key=lambda backup: (backup.made, backup.number),
        reverse=True,
    )


def _old_backups(record: Path) -> list[_Named]:
    """The record's backups from before it had its own folder."""
    return [
        _Named(backup.path, backup.made, backup.reason, backup.number, shared=True)
        for backup in _named_in(paths.shared_backups_dir(record), record)
    ]


def _tidy(record: Path) -> None:
    """Move the record's old backups into its own folder, unless another file beside the record
    could claim them; remove copies that a killed backup or restore left half-written."""
    own = paths.backups_dir(record)
    old = _old_backups(record)
    if old and not _stem_is_shared(record):
        try:
            make_private_folder(own)
            for backup in old:
                target = own / backup.path.name
                if not target.exists():
                    backup.path.rename(target)
        except OSError:
            # Left where they are, and still found there.
            pass
    # In the backups folders, every copy; beside the record, only the record's own (a restore
    # writes one there), never another program's.
    for folder, start in (
        (own, "."),
        (paths.shared_backups_dir(record), "."),
        (record.parent, f".{record.name}."),
    ):
        try:
            partials = [
                path
                for path in folder.iterdir()
                if path.name.startswith(start) and path.name.endswith(PARTIAL)
            ]
        except OSError:
            continue
        for partial in partials:
            remove_if_abandoned(partial)


def _stem_is_shared(record: Path) -> bool:
    """True when another file beside the record has its name without the ending (``mum`` for
    ``mum.survivor``), so that backups named ``mum-...`` may be that one's."""
    try:
        beside = list(record.parent.iterdir())
    except OSError:
        return True
    return any(
        path.stem == record.stem
        and path.name != record.name
        and path.is_file()
        and not path.name.endswith(("-journal", ".lock"))
        for path in beside
    )


def _named_in(folder: Path, record: Path) -> list[_Named]:
    """The files in ``folder`` named as backups of ``record``, in no order."""
    pattern = re.compile(
        rf"{re.escape(record.stem)}-(?P<time>[0-9]{{8}}T[0-9]{{6}}Z)-(?P<rest>{_REASON.pattern})"
        r"\.survivor"
    )
    try:
        names = list(folder.iterdir())
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
    return found


def _described(backup: _Named) -> BackupInfo:
    try:
        version = check_backup(backup.path, content=False)
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
