"""The record's tables, built by an ordered list of migrations: migration N makes version N."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

#: Written into every record's header (``PRAGMA application_id``): 'SURV' in ASCII.
APPLICATION_ID = 0x53555256

#: A step that brings a record from the version before it to its own; it runs inside the
#: transaction that also raises ``user_version``.
Migration = Callable[[sqlite3.Connection], None]

# Version 1, frozen: a later change to the tables is a new migration, never an edit here, so the
# enum values below are spelled out rather than read from the domain.
_VERSION_1 = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE person (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        birth_date TEXT CHECK (birth_date IS date(birth_date)),
        notes TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE cancer (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        primary_site TEXT NOT NULL,
        diagnosed_on TEXT CHECK (diagnosed_on IS date(diagnosed_on)),
        notes TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE spot (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT NOT NULL REFERENCES cancer (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        area TEXT NOT NULL CHECK (area IN ('primary', 'regional_node', 'distant')),
        lymph_node INTEGER NOT NULL CHECK (lymph_node IN (0, 1)),
        location TEXT NOT NULL,
        UNIQUE (id, cancer_id)
    )
    """,
    """
    CREATE TABLE scan (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT NOT NULL REFERENCES cancer (id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date IS date(date)),
        kind TEXT NOT NULL CHECK (kind IN ('CT', 'MRI', 'PET-CT', 'PET', 'X-ray', 'ultrasound',
                                           'mammogram', 'bone scan', 'other')),
        facility TEXT NOT NULL,
        no_evidence_of_disease INTEGER NOT NULL CHECK (no_evidence_of_disease IN (0, 1)),
        new_baseline INTEGER NOT NULL CHECK (new_baseline IN (0, 1)),
        notes TEXT NOT NULL,
        UNIQUE (id, cancer_id)
    )
    """,
    # The measurement repeats its scan's cancer so that both composite keys below hold it: a
    # spot of another cancer cannot be measured in this scan.
    """
    CREATE TABLE measurement (
        scan_id TEXT NOT NULL,
        spot_id TEXT NOT NULL,
        cancer_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        size_tenths INTEGER CHECK (
            size_tenths IS NULL
            OR (typeof(size_tenths) = 'integer' AND size_tenths BETWEEN 0 AND 5000)
        ),
        too_small INTEGER NOT NULL CHECK (too_small IN (0, 1)),
        uncertain INTEGER NOT NULL CHECK (uncertain IN (0, 1)),
        CHECK ((size_tenths IS NULL) = (too_small = 1)),
        PRIMARY KEY (scan_id, spot_id),
        UNIQUE (scan_id, position),
        FOREIGN KEY (scan_id, cancer_id) REFERENCES scan (id, cancer_id) ON DELETE CASCADE,
        FOREIGN KEY (spot_id, cancer_id) REFERENCES spot (id, cancer_id) ON DELETE CASCADE
    )
    """,
    """
    CREATE TABLE statement (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT NOT NULL REFERENCES cancer (id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date IS date(date)),
        text TEXT NOT NULL,
        clinician TEXT NOT NULL,
        status TEXT CHECK (status IN ('complete_remission', 'partial_remission', 'stable',
                                      'progressed', 'recurred')),
        recurrence_type TEXT CHECK (
            recurrence_type IS NULL
            OR (status = 'recurred' AND recurrence_type IN ('local', 'regional', 'distant'))
        )
    )
    """,
    """
    CREATE TABLE treatment (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT NOT NULL REFERENCES cancer (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('surgery', 'chemotherapy', 'radiation',
                                           'hormone therapy', 'immunotherapy',
                                           'targeted therapy', 'other')),
        name TEXT NOT NULL,
        start_date TEXT NOT NULL CHECK (start_date IS date(start_date)),
        end_date TEXT CHECK (end_date IS date(end_date))
    )
    """,
    """
    CREATE TABLE question (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT REFERENCES cancer (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        asked_on TEXT CHECK (asked_on IS date(asked_on)),
        answer TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE setting (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    )
    """,
)


def _create_tables(connection: sqlite3.Connection) -> None:
    """Version 1: every table of a record, empty."""
    for statement in _VERSION_1:
        connection.execute(statement)


# Version 2, frozen like version 1: spots without a size (STATUS_RULES.md §1). Every spot a
# version-1 record holds has a size, which the column's default says. A measurement of a spot
# without a size holds a state instead of a size: SQLite cannot change a table's CHECKs, so the
# measurement table is rebuilt the documented way (a new table, the rows copied, the old one
# dropped, the new one renamed), inside the migration's transaction. No table refers to
# measurement, so no reference is left dangling, and the rows keep their foreign keys.
_VERSION_2 = (
    "ALTER TABLE spot ADD COLUMN sized INTEGER NOT NULL DEFAULT 1 CHECK (sized IN (0, 1))",
    """
    CREATE TABLE measurement_2 (
        scan_id TEXT NOT NULL,
        spot_id TEXT NOT NULL,
        cancer_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        size_tenths INTEGER CHECK (
            size_tenths IS NULL
            OR (typeof(size_tenths) = 'integer' AND size_tenths BETWEEN 0 AND 5000)
        ),
        too_small INTEGER NOT NULL CHECK (too_small IN (0, 1)),
        uncertain INTEGER NOT NULL CHECK (uncertain IN (0, 1)),
        state TEXT CHECK (state IN ('present', 'gone', 'growing')),
        CHECK (state IS NOT NULL OR (size_tenths IS NULL) = (too_small = 1)),
        CHECK (state IS NULL OR (size_tenths IS NULL AND too_small = 0)),
        PRIMARY KEY (scan_id, spot_id),
        UNIQUE (scan_id, position),
        FOREIGN KEY (scan_id, cancer_id) REFERENCES scan (id, cancer_id) ON DELETE CASCADE,
        FOREIGN KEY (spot_id, cancer_id) REFERENCES spot (id, cancer_id) ON DELETE CASCADE
    )
    """,
    """
    INSERT INTO measurement_2
        (scan_id, spot_id, cancer_id, position, size_tenths, too_small, uncertain, state)
    SELECT scan_id, spot_id, cancer_id, position, size_tenths, too_small, uncertain, NULL
    FROM measurement
    """,
    "DROP TABLE measurement",
    "ALTER TABLE measurement_2 RENAME TO measurement",
)


def _add_spots_without_a_size(connection: sqlite3.Connection) -> None:
    """Version 2: a spot has a size or not; a measurement of one without a size is a state."""
    for statement in _VERSION_2:
        connection.execute(statement)


# Version 3 (issue 18), frozen like version 1: tumour marker results. ``value`` and
# ``upper_limit`` are decimals exactly as typed ("0.10" keeps its zero), written in plain digits
# with at most one decimal point: no sign, no exponent, no leading zero but the one before the
# point. An upper limit of normal is above 0; so is a value given as below the lab's limit.
_CANONICAL_DECIMAL = """
    {column} GLOB '[0-9]*'
    AND {column} NOT GLOB '*[^0-9.]*'
    AND {column} NOT GLOB '*.*.*'
    AND {column} NOT GLOB '*.'
    AND {column} NOT GLOB '0[0-9]*'
    AND length({column}) <= 24"""
_VERSION_3 = (
    f"""
    CREATE TABLE marker_result (
        id TEXT PRIMARY KEY NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        cancer_id TEXT NOT NULL REFERENCES cancer (id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date IS date(date)),
        marker TEXT NOT NULL CHECK (marker IN ('CA-125', 'CEA', 'PSA', 'CA 19-9', 'CA 15-3',
                                               'AFP', 'hCG', 'other')),
        value TEXT NOT NULL CHECK ({_CANONICAL_DECIMAL.format(column="value")}
        ),
        below_limit INTEGER NOT NULL CHECK (
            below_limit = 0 OR (below_limit = 1 AND value GLOB '*[1-9]*')
        ),
        unit TEXT NOT NULL CHECK (unit <> ''),
        upper_limit TEXT CHECK (
            upper_limit IS NULL
            OR ({_CANONICAL_DECIMAL.format(column="upper_limit")}
                AND upper_limit GLOB '*[1-9]*')
        ),
        name TEXT NOT NULL CHECK ((marker = 'other') = (name <> '')),
        lab TEXT NOT NULL,
        notes TEXT NOT NULL
    )
    """,
)


def _add_marker_results(connection: sqlite3.Connection) -> None:
    """Version 3: tumour marker results, each of one cancer (issue 18)."""
    for statement in _VERSION_3:
        connection.execute(statement)


#: Migration N (counting from 1) brings a record to version N; the last one is the current
#: version. Read at the moment a record opens, so a test can add a migration of its own.
MIGRATIONS: tuple[Migration, ...] = (
    _create_tables,
    _add_spots_without_a_size,
    _add_marker_results,
)


def latest_version() -> int:
    """The version a record has once every migration has run."""
    return len(MIGRATIONS)


#: One entry of ``sqlite_master`` as compared: its type, name, table and SQL text (the root
#: page is left out: it differs from file to file).
SchemaEntry = tuple[str, str, str, str | None]


def entries(connection: sqlite3.Connection) -> frozenset[SchemaEntry]:
    """What the schema of the database behind ``connection`` declares, read from
    ``sqlite_master`` alone: nothing in the file is run."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((str(kind), str(name), str(table), sql) for kind, name, table, sql in rows)


def expected_entries(version: int) -> frozenset[SchemaEntry]:
    """The exact schema a record of ``version`` has: its migrations run on an empty database in
    memory, so the SQL text is the app's own, word for word."""
    return _built(MIGRATIONS[:version])


_BUILT: dict[tuple[Migration, ...], frozenset[SchemaEntry]] = {}


def _built(migrations: tuple[Migration, ...]) -> frozenset[SchemaEntry]:
    if migrations not in _BUILT:
        connection = sqlite3.connect(":memory:", isolation_level=None)
        try:
            for migration in migrations:
                migration(connection)
            _BUILT[migrations] = entries(connection)
        finally:
            connection.close()
    return _BUILT[migrations]


def check_queries(version: int) -> tuple[str, ...]:
    """For each table of a record of ``version`` with CHECK constraints, a query that finds a
    row breaking one of them (a CHECK is broken where its expression is false, not null).

    SQLite reads no CHECK constraint from a file it may not write, so its ``quick_check`` there
    checks pages and NOT NULL only; these queries check the rest on a read-only connection.
    They are made from the app's own SQL (``expected_entries``), which a file's schema must
    equal word for word before its rows are read."""
    return _check_queries(MIGRATIONS[:version])


_CHECK_QUERIES: dict[tuple[Migration, ...], tuple[str, ...]] = {}

#: The tokens of SQL text: a quoted text or name (quotes inside doubled), a bracketed name, a
#: word, or any other character but a space.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\[[^\]]*\]|\w+|\S")


def _check_queries(migrations: tuple[Migration, ...]) -> tuple[str, ...]:
    if migrations not in _CHECK_QUERIES:
        queries = []
        tables = sorted(
            (name, sql) for kind, name, _, sql in _built(migrations) if kind == "table" and sql
        )
        for name, sql in tables:
            checks = _check_expressions(sql)
            if checks:
                broken = " OR ".join(f"NOT ({check})" for check in checks)
                queries.append(f'SELECT 1 FROM "{name}" WHERE {broken} LIMIT 1')
        _CHECK_QUERIES[migrations] = tuple(queries)
    return _CHECK_QUERIES[migrations]


def _check_expressions(sql: str) -> list[str]:
    """The expression of every CHECK constraint in a ``CREATE TABLE`` statement of the app's
    own, on a column or on the table, in order, as written."""
    tokens = list(_TOKEN.finditer(sql))
    found = []
    for index, token in enumerate(tokens):
        if token.group().upper() != "CHECK":
            continue
        opening = tokens[index + 1]
        if opening.group() != "(":
            raise ValueError(f"CHECK without its expression in {sql!r}")
        depth = 0
        for closing in tokens[index + 1 :]:
            depth += {"(": 1, ")": -1}.get(closing.group(), 0)
            if depth == 0:
                found.append(sql[opening.end() : closing.start()])
                break
    return found
