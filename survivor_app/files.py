"""Making the files and folders the app writes for the person (records, exports, summaries,
settings): private to them, and never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

    The bytes go to a temporary file in the same folder, are flushed to disk, and then replace
    ``path`` in one step, so a crash or a full disk never leaves a half-written file behind.
    Raises OSError (for example a missing folder, a read-only folder or a full disk).
    """
    path = Path(path)
    # mkstemp creates the file with mode 0600, so it is private from its first byte.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each readable by the owner alone."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    # From the outermost in; ``mkdir(parents=True)`` would give the parents the default mode.
    for each in reversed(missing):
        each.mkdir(mode=0o700)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner alone, before SQLite opens it.

    SQLite gives its journal the database's permissions, so the journal is private as well.
    """
    make_private_folder(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
