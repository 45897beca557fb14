"""A digest of a record's content, carried inside the copy it describes: SHA-256 over every
table's rows in primary-key order, kept as the setting ``content-digest`` with the change mark it
was taken at. SQLite checks its pages, never what they say: the digest shows a backup whose text
was altered in place."""

from __future__ import annotations

import hashlib
import sqlite3

from survivor_app.storage.tables import change_mark

#: The setting that holds ``<change mark>:<SHA-256 hex>``; it is left out of its own digest.
DIGEST = "content-digest"


def content_digest(connection: sqlite3.Connection) -> str:
    """The SHA-256 (hex) of every row of every table, the digest's own setting aside.

    Each row is written as SQLite's ``quote()`` writes each of its values (which tells a number
    from text, and a null from an empty text), table by table in name order, each in the order
    of its primary key. Only call it on a file whose schema has been checked to be the app's own.
    """
    digest = hashlib.sha256()
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
        key = [row[1] for row in sorted(columns, key=lambda row: row[5]) if row[5]]
        values = " || ',' || ".join(f'quote("{row[1]}")' for row in columns)
        order = ", ".join(f'"{name}"' for name in key) or "rowid"
        skip = f" WHERE key IS NOT '{DIGEST}'" if table == "setting" else ""
        cursor = connection.cursor()
        cursor.row_factory = None
        cursor.execute(f'SELECT {values} FROM "{table}"{skip} ORDER BY {order}')
        digest.update(f"{table}\n".encode())
        digest.update("\n".join(row[0] for row in cursor).encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def stamp(connection: sqlite3.Connection) -> None:
    """Write the content's digest, with the change mark it belongs to, into the database behind
    ``connection`` (a copy being made, before it is given its name)."""
    value = f"{change_mark(connection) or ''}:{content_digest(connection)}"
    connection.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (DIGEST, value),
    )


def matches(connection: sqlite3.Connection) -> bool:
    """False when the content is not what its digest says, though the app has not changed it
    since (its change mark is still the one stamped); True otherwise, also when it carries no
    digest (a record, or a backup made before digests) or was changed by the app after it."""
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (DIGEST,)).fetchone()
    if row is None:
        return True
    mark, _, expected = str(row[0]).rpartition(":")
    if mark != (change_mark(connection) or ""):
        return True
    return content_digest(connection) == expected
