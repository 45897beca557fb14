"""Putting a backup back in place of a record: into the record in one step when it opens, or in
place of a damaged record file, whose bytes are first kept among its backups."""

from __future__ import annotations

import os
import shutil
from contextlib import closing
from pathlib import Path

from survivor_app.files import make_private_folder
from survivor_app.storage.backups import check_backup, new_backup_path, prune_backups
from survivor_app.storage.connection import connect_read_only, write_copy
from survivor_app.storage.errors import DamagedRecordError, RecordWriteError
from survivor_app.storage.store import RecordStore


def restore_backup(backup: Path, record: Path) -> Path:
    """Restore ``backup`` as the record at ``record``; the path of the copy of the record as it
    was before, kept in its backups folder.

    The backup is checked first (``check_backup``), so a damaged or foreign one changes nothing.
    A record that opens is copied, then its whole content is swapped for the backup's in one
    step (``RecordStore.restore_from``); a missing one is created first. A damaged record is
    kept byte for byte as ``<name>-<time>-damaged.survivor`` among its backups, and a checked
    copy of the backup takes its place in one step. A file that is not a record, or a record of
    a newer version, is refused and left untouched, and a record open in another window raises
    RecordLockedError. Old backups are pruned afterwards.
    """
    check_backup(backup)
    try:
        store = RecordStore.open(record)
    except DamagedRecordError:
        before = _replace_damaged(backup, record)
    else:
        with store:
            before = store.restore_from(backup)
    prune_backups(record)
    return before


def _replace_damaged(backup: Path, record: Path) -> Path:
    kept = new_backup_path(record, "damaged")
    journal = record.with_name(f"{record.name}-journal")
    try:
        make_private_folder(kept.parent)
        # Owner-only from its first byte, like every record.
        with (
            record.open("rb") as damaged,
            os.fdopen(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as copy,
        ):
            shutil.copyfileobj(damaged, copy)
        # A journal left beside the damaged file belongs to it, never to the restored one.
        if journal.exists():
            os.replace(journal, kept.with_name(f"{kept.name}-journal"))
    except OSError as error:
        kept.unlink(missing_ok=True)
        raise RecordWriteError.about(error, "The damaged record's copy") from error
    with closing(connect_read_only(backup)) as source:
        write_copy(source, record, "The restored record")
    return kept
