"""The record file: SQLite through the standard library, and the only place with SQL."""

from survivor_app.storage.backups import make_backup
from survivor_app.storage.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordMissingError,
    RecordWriteError,
)
from survivor_app.storage.store import RecordStore

__all__ = [
    "DamagedRecordError",
    "NewerRecordError",
    "NotARecordError",
    "RecordError",
    "RecordMissingError",
    "RecordStore",
    "RecordWriteError",
    "make_backup",
]
