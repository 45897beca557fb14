"""The claim one open window holds on a record, so that a second window (in this copy of the app
or another) never writes beside it: an exclusive lock on ``<record>.lock``, held until closing,
and (on POSIX) one on the record file itself, so that a second name for the same file (a hard
link, in any folder) is kept out as well.

SQLite's own ``locking_mode = EXCLUSIVE`` is not used: it shuts out readers as well, so a second
window could not even show the record, and in rollback-journal mode it keeps the journal file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from survivor_app.storage.errors import RecordLockedError

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def lock_path(record: Path) -> Path:
    """The lock file of a record: ``<record>.lock`` beside it, under its real name, so that two
    names of one file (a link, a relative path) share one lock."""
    real = Path(os.path.realpath(record))
    return real.with_name(f"{real.name}.lock")


class RecordLock:
    """An exclusive, non-blocking lock on a record, released by ``release`` or when the program
    ends in any way (the operating system drops it with the process, even after a crash)."""

    def __init__(self, path: Path, handle: int) -> None:
        """Wrap a lock already taken; use ``RecordLock.take`` to get one."""
        self.path = path
        self._handle: int | None = handle
        self._file: int | None = None

    @classmethod
    def take(cls, record: Path) -> RecordLock:
        """Lock ``record`` for this caller alone.

        Raises RecordLockedError when someone holds it, and OSError when the lock file cannot be
        made (a read-only folder). The lock file is made readable by the owner alone.
        """
        path = lock_path(record)
        while True:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                locked = _try_lock(handle)
            except OSError:
                # A file system that cannot lock at all.
                os.close(handle)
                raise
            if not locked:
                os.close(handle)
                raise RecordLockedError
            # The last holder removes the file on release; if it did so between our open and our
            # lock, we hold a file no one else will find, so take the lock again on a new one.
            if _same_file(handle, path):
                break
            os.close(handle)
        lock = cls(path, handle)
        if record.exists():
            try:
                lock.hold_file(record)
            except BaseException:
                lock.release()
                raise
        return lock

    def hold_file(self, record: Path) -> None:
        """Lock the record file itself (``take`` does so when it exists; call this once a new
        record has been created): every name of the file, a hard link too, shares this lock.

        Raises RecordLockedError when another holds it. ``flock`` does not touch the POSIX locks
        SQLite takes, so reading goes on; on Windows, whose locks would stop SQLite reading the
        file, only the lock file is used.
        """
        if sys.platform == "win32" or self._file is not None:
            return
        handle = os.open(record, os.O_RDONLY)
        if not _try_lock(handle):
            os.close(handle)
            raise RecordLockedError
        self._file = handle

    def release(self) -> None:
        """Give the record up; nothing happens when it was already given up."""
        file, self._file = self._file, None
        if file is not None:
            os.close(file)
        handle, self._handle = self._handle, None
        if handle is None:
            return
        if sys.platform == "win32":
            # Windows refuses to remove an open file, so unlock and close before removing, and
            # leave the file be when another window has opened it meanwhile.
            _unlock(handle)
            os.close(handle)
            with contextlib.suppress(OSError):
                self.path.unlink()
        else:
            # Removed while still locked, so that whoever opened it meanwhile sees it has gone.
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(handle)


@contextlib.contextmanager
def held(record: Path) -> Iterator[RecordLock]:
    """Hold the lock of ``record`` for the length of a block."""
    lock = RecordLock.take(record)
    try:
        yield lock
    finally:
        lock.release()


def claim(handle: int) -> int | None:
    """Mark an open file (a copy being written) as in use until the handle returned is closed:
    while it is, ``remove_if_abandoned`` leaves the file alone. On Windows, which refuses to
    remove or rename an open file, the handle is closed at once and None returned."""
    if sys.platform == "win32":
        os.close(handle)
        return None
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def remove_if_abandoned(path: Path) -> bool:
    """Remove a copy that nobody is writing any more (its writer was killed); True if removed.

    A copy still being written (``claim``) is left alone, as is one that cannot be removed."""
    try:
        if sys.platform == "win32":
            path.unlink()
            return True
        handle = os.open(path, os.O_RDONLY)
        try:
            if not _try_lock(handle):
                return False
            path.unlink()
            return True
        finally:
            os.close(handle)
    except OSError:
        return False


def _same_file(handle: int, path: Path) -> bool:
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(handle)
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


if sys.platform == "win32":

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(handle: int) -> bool:
        # flock belongs to the open file, not the process: two stores in one program exclude
        # each other as two programs do, where POSIX record locks (lockf) would not.
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
