"""Records as an older version of the app could have written them, with what today's rules
refuse (a date such as 0022-05-14, a control character in a name): changed in the file with
SQL, since the app itself no longer writes them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from survivor_app.domain import Record
from survivor_app.storage import RecordStore, schema
from survivor_app.storage.tables import CONTENT

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


def version_1_record(path: Path, record: Record) -> Path:
    """A record file of version 1 (before spots without a size) holding ``record``, whose spots
    must all have a size, and which holds no marker results (version 3): written by this
    version, then copied column by column into the tables of version 1, as the app before
    version 2 wrote them."""
    assert all(spot.sized for spot in record.spots)
    assert not record.marker_results
    current = path.with_name(f"{path.name}.current")
    with RecordStore.open(current) as store:
        store.replace_content(record)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        schema.MIGRATIONS[0](connection)
        connection.execute("ATTACH DATABASE ? AS current", (str(current),))
        connection.execute("BEGIN")
        for table in ("person", *CONTENT, "setting"):
            if table == "marker_result":
                continue
            columns = ", ".join(
                row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")
            )
            connection.execute(
                f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM current.{table}"
            )
        connection.execute("PRAGMA user_version = 1")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE current")
    current.unlink()
    return path
