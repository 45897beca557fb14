"""The problems with a record file that are nobody's bug, each worded for the person, and the
one place that tells them apart from bugs when SQLite refuses a write."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class RecordError(Exception):
    """A known problem with the record file; ``str()`` is a sentence for the person."""

    sentence = "Something went wrong with this record. Please try again."

    def __init__(self, sentence: str | None = None) -> None:
        super().__init__(sentence or self.sentence)


class NotARecordError(RecordError):
    """The file is not a Survivorship Tracker record (another kind of file, or another app's)."""

    sentence = "This file is not a Survivorship Tracker record. Choose another file."


class DamagedRecordError(RecordError):
    """The record is damaged; it was left exactly as it was."""

    sentence = (
        "This record is damaged, so it cannot be opened. Nothing in it was changed. "
        "You can restore it from a backup."
    )


class NewerRecordError(RecordError):
    """The record was written by a newer version of the app."""

    sentence = (
        "This record was saved by a newer version of Survivorship Tracker. "
        "Update the app to open it."
    )


class RecordMissingError(RecordError):
    """There is no file where the record should be."""

    sentence = "There is no record at this place. Choose another file, or start a new record."


class RecordLockedError(RecordError):
    """Another open window (of this copy of the app or another) is writing to the record."""

    sentence = (
        "This record is open in another window of Survivorship Tracker. "
        "Close it there first, or open a read-only view."
    )


class RecordWriteError(RecordError):
    """A change or a copy could not be written: a full disk, a read-only folder, a busy file,
    or a record opened read-only."""

    #: Said when something tries to change a record opened with ``read_only=True``.
    READ_ONLY = "This record is open read-only."

    @classmethod
    def about(cls, error: sqlite3.Error | OSError, what: str = "Your change") -> RecordWriteError:
        """The sentence that best names what stopped ``what`` (e.g. "The copy") being saved."""
        if isinstance(error, OSError):
            full = error.errno == errno.ENOSPC
            busy = False
            read_only = error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
        else:
            code = _primary_code(error)
            full = code == sqlite3.SQLITE_FULL
            busy = code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            read_only = code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM)
        if full:
            return cls(
                f"{what} could not be saved because the disk is full. "
                "Free some space, then try again."
            )
        if busy:
            return cls(
                f"{what} could not be saved because another copy of the app is using "
                "this record. Close the other copy, then try again."
            )
        if read_only:
            return cls(
                f"{what} could not be saved because the folder cannot be written to. "
                "Choose another folder, or ask for help with its permissions."
            )
        return cls(
            f"{what} could not be saved. Check that the disk has free space "
            "and that the folder can be written to, then try again."
        )


class RecordNotWritableError(RecordWriteError):
    """The record's folder, or the file itself, cannot be written to: it can still be read, and
    a read-only view shows it."""

    sentence = (
        "Changes to this record cannot be saved, because its folder cannot be written to. "
        "You can open a read-only view, or ask for help with the folder's permissions."
    )
    #: Said when the folder may be written to but the file may not.
    FILE = (
        "Changes to this record cannot be saved, because the file cannot be written to. "
        "You can open a read-only view, or ask for help with the file's permissions."
    )


# SQLite's primary result codes that mean the disk, the folder or another program stopped a
# write; every other code is a bug in this program and stays an ordinary exception.
_WRITE_FAILURES = frozenset(
    {
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
    }
)
_DAMAGE = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


@contextmanager
def write_errors(what: str = "Your change") -> Iterator[None]:
    """Turn SQLite's refusals of a write into the app's errors.

    A broken rule of the record (a duplicate id, a spot of another cancer) is the program's bug
    and becomes ValueError; a full disk, a busy file or a read-only folder becomes
    RecordWriteError; damage found on the way becomes DamagedRecordError.
    """
    try:
        yield
    except sqlite3.IntegrityError as error:
        raise ValueError(f"The record refused this change: {error}") from error
    except sqlite3.Error as error:
        code = _primary_code(error)
        if code in _DAMAGE:
            raise DamagedRecordError from error
        if code in _WRITE_FAILURES:
            raise RecordWriteError.about(error, what) from error
        raise


def _primary_code(error: sqlite3.Error) -> int:
    # Errors raised by the sqlite3 module itself (a closed connection) carry no code.
    code: int = getattr(error, "sqlite_errorcode", 0)
    return code & 0xFF  # the primary code, without the extended part
