"""Copies of a record kept in the ``backups/`` folder beside it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from survivor_app import paths

if TYPE_CHECKING:
    from survivor_app.storage.store import RecordStore

#: A reason names why a copy was made, and becomes part of its file name.
_REASON = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def make_backup(store: RecordStore, reason: str) -> Path:
    """Copy the record to ``<backups>/<record name>-<UTC time>-<reason>.survivor``; the copy's path.

    ``reason`` is a short lower-case word such as ``before-import``. A second copy within the
    same second gets ``-2`` (then ``-3``, ...) after its reason, so no copy replaces another.
    """
    if not _REASON.fullmatch(reason):
        raise ValueError(f"A backup reason is lower-case words joined by '-', not {reason!r}.")
    folder = paths.backups_dir(store.path)
    stem = f"{store.path.stem}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{reason}"
    target = folder / f"{stem}.survivor"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}.survivor"
    store.backup_to(target)
    return target
