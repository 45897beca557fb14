"""Importing a whole record: the one rule the window and the command line share, "back up, then
replace"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from survivor_app.changes.kinds import ReplaceContent
from survivor_app.changes.writes import Fill, Write
from survivor_app.domain import Record
from survivor_app.storage import BackupFolder, RecordStore


def import_record(
    store: RecordStore, record: Record, write: Callable[[Write], object]
) -> Path | None:
    """Put ``record``'s content in ``store`` through ``write``: a record holding anything is
    first backed up; then an empty one is filled, one with content replaced (a change that can be
    taken back).

    The backup made, or None when the record was empty. RecordError (and nothing written) when
    the backup cannot be made; ``write`` reports its own failures.
    """
    backup = None if store.is_empty() else BackupFolder(store.path).make(store, "before-import")
    before = store.load()
    write(Fill(record) if before is None else ReplaceContent(before, record))
    return backup


def write_now(store: RecordStore) -> Callable[[Write], None]:
    """A ``write`` for ``import_record`` outside the window: the change in one transaction."""

    def write(change: Write) -> None:
        with store.transaction():
            change.apply(store)

    return write
