"""Records as an older version of the app could have written them, with what today's rules
refuse (a date such as 0022-05-14, a control character in a name): changed in the file with
SQL, since the app itself no longer writes them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from survivor_app.domain import Record
from survivor_app.storage import RecordStore

#: An escape sequence that would write the clipboard (OSC 52), then a bell and a form feed.
ESCAPES = "\x1b]52;c;aGVsbG8=\x07\x0c\x9b2J"


def older_record(path: Path, record: Record, *changes: tuple[str, tuple[object, ...]]) -> Path:
    """A record file holding ``record``, then changed by each ``(sql, parameters)``."""
    with RecordStore.open(path) as store:
        store.replace_content(record)
    with closing(sqlite3.connect(path)) as connection, connection:
        for sql, parameters in changes:
            assert connection.execute(sql, parameters).rowcount > 0, sql
    return path


def spot_named(spot_id: str, name: str) -> tuple[str, tuple[object, ...]]:
    """The change that renames one spot."""
    return ("UPDATE spot SET name = ? WHERE id = ?", (name, spot_id))


def scan_dated(scan_id: str, date: str) -> tuple[str, tuple[object, ...]]:
    """The change that moves one scan to another date (written as YYYY-MM-DD)."""
    return ("UPDATE scan SET date = ? WHERE id = ?", (date, scan_id))
