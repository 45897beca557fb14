"""Making the files and folders the app writes for the person (records, exports, summaries,
settings): private to them, and never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (``write_private_files`` of one)."""
    write_private_files([(path, data)])


def write_private_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each file's bytes to its path, all or none, with mode 0600.

    The bytes of every file go to a temporary file in its folder and are flushed to disk; only
    when all are written does each replace its path, in one step each. So a crash, a full disk or
    a folder that cannot be written never leaves a half-written file, nor one file of an export
    written without the other. Raises OSError (for example a missing folder, a read-only folder
    or a full disk).
    """
    written: list[tuple[str, Path]] = []
    try:
        for name, data in files:
            path = Path(name)
            # mkstemp creates the file with mode 0600, so it is private from its first byte.
            handle, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.parent
            )
            written.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        for temporary, path in written:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in written:
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
