"""The record file: SQLite through the standard library, and the only place with SQL."""

from survivor_app.storage.backups import (
    BackupInfo,
    backup_if_due,
    check_backup,
    copy_backup,
    list_backups,
    make_backup,
    newest_good_backup,
    prune_backups,
)
from survivor_app.storage.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordLockedError,
    RecordMissingError,
    RecordNotWritableError,
    RecordWriteError,
)
from survivor_app.storage.restore import restore_backup
from survivor_app.storage.store import RecordStore

__all__ = [
    "BackupInfo",
    "DamagedRecordError",
    "NewerRecordError",
    "NotARecordError",
    "RecordError",
    "RecordLockedError",
    "RecordMissingError",
    "RecordNotWritableError",
    "RecordStore",
    "RecordWriteError",
    "backup_if_due",
    "check_backup",
    "copy_backup",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "prune_backups",
    "restore_backup",
]
