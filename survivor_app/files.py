"""Writing files the person owns (exports, summaries): private to them, never half-written."""

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
