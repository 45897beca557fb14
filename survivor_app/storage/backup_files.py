"""The files of a record's backups folder, by their names alone: where a new backup goes, which
backups are there, and clearing away old ones and half-written copies. No SQL and no store:
``backups.BackupFolder`` is what the rest of the app uses, and the store reaches this module
only to keep a copy of a record before it updates it.

Each backup is named ``<record name>-<UTC time>-<reason>.survivor`` in ``backups/<record file
name>/`` beside the record. Backups from before each record had its own folder, side by side
in ``backups/``, are still found, and moved into the record's own folder when no other file in
its folder could claim them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from survivor_app import paths
from survivor_app.files import make_private_folder
from survivor_app.storage.connection import PARTIAL
from survivor_app.storage.lock import remove_if_abandoned

#: A reason names why a copy was made, and becomes part of its file name.
_REASON = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
_NUMBER = re.compile(r"(?P<reason>.+?)(?:-(?P<number>[2-9]|[1-9][0-9]+))?")
#: How many of the newest backups are always kept; older ones are kept one a month.
KEEP_NEWEST = 14


@dataclass(frozen=True, slots=True)
class Named:
    """A backup as its name tells it: where, when, why, and its place among those of its second."""

    path: Path
    #: When it was made (UTC).
    made: dt.datetime
    reason: str
    number: int
    #: True for a backup from before each record had its own folder, which another record in
    #: the same folder (``mum`` beside ``mum.survivor``) could also claim.
    shared: bool = False


def moment_of(now: dt.datetime | None) -> dt.datetime:
    """``now`` in UTC, or this moment when None."""
    return dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)


def write_backup(
    record: Path, reason: str, write: Callable[[Path], None], now: dt.datetime | None = None
) -> Path:
    """Name a new backup of ``record`` made ``now`` (default: this moment) for ``reason``, have
    ``write`` write it there, and return its path. Copies that a killed backup left
    half-written are removed first. Pruning is the caller's next step."""
    tidy(record)
    target = new_backup_path(record, reason, now)
    write(target)
    return target


def new_backup_path(record: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Where a backup of ``record`` made ``now`` (default: this moment) for ``reason`` goes: a
    name no file has yet, in the record's backups folder.

    ``reason`` is a short lower-case word such as ``before-import``. A second copy within the
    same second gets ``-2`` (then ``-3``, ...) after its reason, so no copy replaces another.
    """
    if not _REASON.fullmatch(reason):
        raise ValueError(f"A backup reason is lower-case words joined by '-', not {reason!r}.")
    folder = paths.backups_dir(record)
    stem = f"{record.stem}-{moment_of(now):{_TIME_FORMAT}}-{reason}"
    target = folder / f"{stem}.survivor"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}.survivor"
    return target


def named_backups(record: Path) -> list[Named]:
    """The record's backups by their names alone, newest first: those in its own folder, and
    those from before it had one still in the shared ``backups/`` folder."""
    return sorted(
        [*_named_in(paths.backups_dir(record), record), *_old_backups(record)],
        key=lambda backup: (backup.made, backup.number),
        reverse=True,
    )


def prune(record: Path, keep: int = KEEP_NEWEST, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove the record's older backups, keeping the newest ``keep`` and the newest one of each
    month; the paths removed. Only this record's backups are looked at; one dated later than
    ``now`` (default: this moment) is always kept, and counts for nothing; one that cannot be
    removed now is left for the next time, and one from before each record had its own folder
    that another file could claim is never removed."""
    moment = moment_of(now)
    tidy(record)
    made = [
        backup for backup in named_backups(record) if backup.made <= moment and not backup.shared
    ]
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


def tidy(record: Path) -> None:
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


# Inside


def _old_backups(record: Path) -> list[Named]:
    """The record's backups from before it had its own folder."""
    return [
        Named(backup.path, backup.made, backup.reason, backup.number, shared=True)
        for backup in _named_in(paths.shared_backups_dir(record), record)
    ]


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


def _named_in(folder: Path, record: Path) -> list[Named]:
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
            # The basic ISO form the name was written in (see _TIME_FORMAT), read in UTC; not
            # strptime, whose module (_strptime, ~1 ms) the window's start would import for it.
            made = dt.datetime.fromisoformat(whole["time"])
        except ValueError:
            continue
        parts = _NUMBER.fullmatch(whole["rest"])
        assert parts is not None  # any reason matches, with or without a number
        found.append(Named(path, made, parts["reason"], int(parts["number"] or 1)))
    return found
