"""Record files crafted as the red team crafted them: the app's real record, holding the sample,
with one change to its schema each, made with plain SQLite as a stranger's tool would."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from survivor_app.storage import RecordStore
from survivor_app.storage.schema import APPLICATION_ID
from tests.storage.samples import sample_record

#: The statement that, run on a real record holding the sample, makes each kind of crafted file.
CHANGES = {
    "trigger-rewriting-a-size": """
        CREATE TRIGGER shrink AFTER INSERT ON measurement BEGIN
            UPDATE measurement SET size_tenths = 288
            WHERE scan_id = new.scan_id AND spot_id = new.spot_id AND size_tenths IS NOT NULL;
        END
    """,
    "trigger-deleting-rows": """
        CREATE TRIGGER empty AFTER INSERT ON scan BEGIN DELETE FROM cancer; END
    """,
    "view-in-place-of-person": """
        DROP TABLE person;
        CREATE VIEW person (id, name, birth_date, notes) AS
            SELECT 1, 'Somebody Else', NULL, '';
    """,
    "virtual-table": "CREATE VIRTUAL TABLE diary USING fts5(text)",
    "generated-column": """
        DROP TABLE person;
        CREATE TABLE person (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            birth_date TEXT CHECK (birth_date IS date(birth_date)),
            notes TEXT NOT NULL,
            shouted TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL
        );
    """,
    "expensive-check": """
        DROP TABLE setting;
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL CHECK (length(printf('%.*c', 1000000000, 'x')) > 0)
        );
    """,
    "extra-table": "CREATE TABLE diary (day TEXT NOT NULL, text TEXT NOT NULL)",
    "wrong-column-type": """
        DROP TABLE setting;
        CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
    """,
    "missing-table": "DROP TABLE question",
    "extra-index": "CREATE INDEX scan_by_facility ON scan (facility)",
    "foreign-schema": f"""
        DROP TABLE measurement; DROP TABLE statement; DROP TABLE treatment;
        DROP TABLE question; DROP TABLE spot; DROP TABLE scan; DROP TABLE cancer;
        DROP TABLE person; DROP TABLE setting;
        CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT);
        PRAGMA application_id = {APPLICATION_ID};
    """,
}


def has_fts5() -> bool:
    """True when this Python's SQLite can make an fts5 table."""
    with closing(sqlite3.connect(":memory:")) as connection:
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        except sqlite3.OperationalError:
            return False
    return True


def crafted_record(path: Path, kind: str) -> Path:
    """Write the sample record to ``path`` with the change ``kind`` made to it; ``path``."""
    with RecordStore.open(path) as store:
        store.replace_content(sample_record())
    change = CHANGES[kind]
    if kind == "virtual-table" and not has_fts5():
        change = "CREATE VIRTUAL TABLE diary USING rtree(id, start, stop)"
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.executescript(change)
    return path
