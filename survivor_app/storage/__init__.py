"""The record file: SQLite through the standard library, and the only place with SQL."""

from survivor_app.storage.backups import BackupFolder, BackupInfo
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
from survivor_app.storage.store import RecordStore
from survivor_app.storage.writing import CancerPlaces

__all__ = [
    "BackupFolder",
    "BackupInfo",
    "CancerPlaces",
    "DamagedRecordError",
    "NewerRecordError",
    "NotARecordError",
    "RecordError",
    "RecordLockedError",
    "RecordMissingError",
    "RecordNotWritableError",
    "RecordStore",
    "RecordWriteError",
]
