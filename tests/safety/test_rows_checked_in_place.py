"""The check of a record's rows on opening reads the file where it is, read-only, rather than a
copy in memory: it refuses exactly the files the copy's check refused.

SQLite reads no CHECK constraint from a file it may not write, so ``PRAGMA quick_check`` on a
read-only connection checks the pages and NOT NULL only; the app checks each table's CHECK
constraints with queries made from its own schema (``schema.check_queries``). Here the check
that reads a copy in memory (as the app did before) is the reference: for rows broken at random
with SQLite's checks switched off, for each CHECK constraint broken on its own, and for files
in other journal modes, both checks give the same verdict, and the file is left as it was."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survivor_app.storage import DamagedRecordError, RecordError, RecordStore, schema
from survivor_app.storage.connection import guard, inspect_record
from tests.safety.test_crafted_records import sample_at, state

#: Values a tool that skips SQLite's checks could leave in any column.
ODD_VALUES = (
    None,
    0,
    1,
    2,
    -1,
    5000,
    5001,
    1.5,
    "",
    "x",
    "1",
    "2024-02-30",
    "2024-02-03",
    "present",
    "gone",
    "growing",
    "CT",
    "primary",
    "other",
    "0.10",
    "01",
    "1.",
    b"\x00",
)


def copy_verdict(path: Path) -> bool:
    """The reference: SQLite's check of a copy in memory, which it may write, so that it
    checks CHECK constraints too, and of every reference."""
    with closing(sqlite3.connect(":memory:")) as memory:
        guard(memory)
        memory.deserialize(path.read_bytes())
        return (
            memory.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            and memory.execute("PRAGMA foreign_key_check").fetchone() is None
        )


def app_verdict(path: Path) -> bool:
    """True when the app opens the file; False when it refuses it as damaged."""
    try:
        inspect_record(path)
    except DamagedRecordError:
        return False
    return True


def assert_same_verdict(record: Path) -> None:
    """The app opens ``record`` exactly when the copy's check passes, and leaves it as it was."""
    before = state(record)
    try:
        opened = app_verdict(record)
    except RecordError:
        opened = False
    try:
        reference = copy_verdict(record)
    except sqlite3.Error:
        reference = False
    assert opened == reference
    assert state(record) == before


def columns(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return [
            (table, row[1])
            for table in tables
            for row in connection.execute(f'PRAGMA table_info("{table}")')
        ]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_at(tmp_path_factory.mktemp("sample") / "sample.survivor")


@pytest.fixture(scope="module")
def sample_columns(sample: Path) -> list[tuple[str, str]]:
    return columns(sample)


def broken_copy(sample: Path, target: Path, sql: str, *parameters: object) -> Path:
    target.write_bytes(sample.read_bytes())
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        # NOT NULL, UNIQUE and the keys still hold with the checks off: then nothing changed.
        with suppress(sqlite3.IntegrityError):
            connection.execute(sql, parameters)
    return target


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_rows_broken_at_random_get_the_same_verdict(
    tmp_path: Path, sample: Path, sample_columns: list[tuple[str, str]], data: st.DataObject
) -> None:
    table, column = data.draw(st.sampled_from(sample_columns))
    value = data.draw(st.sampled_from(ODD_VALUES))
    broken = broken_copy(
        sample,
        tmp_path / "broken.survivor",
        f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = (SELECT min(rowid) FROM "{table}")',
        value,
    )
    before = state(broken)
    assert app_verdict(broken) == copy_verdict(broken)
    assert state(broken) == before


def test_every_check_constraint_broken_on_its_own_is_refused(tmp_path: Path, sample: Path) -> None:
    """Each CHECK of the current schema, broken by a row of its own that breaks no other."""
    refused = 0
    for query in schema.check_queries(schema.latest_version()):
        table = re.match(r'SELECT 1 FROM "(\w+)"', query)
        assert table is not None
        for column in (c for t, c in columns(sample) if t == table.group(1)):
            for value in ODD_VALUES:
                broken = broken_copy(
                    sample,
                    tmp_path / "broken.survivor",
                    f'UPDATE "{table.group(1)}" SET "{column}" = ? '
                    f'WHERE rowid = (SELECT min(rowid) FROM "{table.group(1)}")',
                    value,
                )
                verdict = copy_verdict(broken)
                assert app_verdict(broken) == verdict, (table.group(1), column, value)
                refused += not verdict
    # Many of them break a CHECK; none of them slipped through.
    assert refused > 50


def test_each_table_with_checks_has_one_query_naming_each_of_its_checks() -> None:
    for version in range(1, schema.latest_version() + 1):
        written = sum(
            len(re.findall(r"\bCHECK\b", sql))
            for kind, _, _, sql in schema.expected_entries(version)
            if kind == "table" and sql
        )
        queries = schema.check_queries(version)
        assert sum(query.count("NOT (") for query in queries) == written


@pytest.mark.parametrize("mode", ["WAL", "TRUNCATE", "PERSIST", "MEMORY", "OFF"])
def test_a_record_in_another_journal_mode_gets_the_same_verdict(
    tmp_path: Path, sample: Path, mode: str
) -> None:
    record = tmp_path / "record.survivor"
    record.write_bytes(sample.read_bytes())
    with closing(sqlite3.connect(record, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA journal_mode = {mode}")
    assert_same_verdict(record)


@pytest.mark.parametrize("write_version", [1, 2, 3])
@pytest.mark.parametrize("read_version", [1, 2, 3])
def test_a_header_naming_other_file_format_versions_gets_the_same_verdict(
    tmp_path: Path, sample: Path, write_version: int, read_version: int
) -> None:
    """Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL, more for a format
    SQLite does not know."""
    content = bytearray(sample.read_bytes())
    content[18], content[19] = write_version, read_version
    record = tmp_path / "record.survivor"
    record.write_bytes(bytes(content))
    assert_same_verdict(record)


def test_a_good_record_with_a_leftover_wal_file_beside_it_opens(
    tmp_path: Path, sample: Path
) -> None:
    # A sync tool or a crashed SQLite tool can leave a "-wal" file that holds nothing SQLite
    # can use: the record, in the usual journal mode, is sound.
    record = tmp_path / "record.survivor"
    record.write_bytes(sample.read_bytes())
    record.with_name(record.name + "-wal").write_bytes(b"\x00" * 1000)
    with RecordStore.open(record, create=False) as store:
        assert store.cancers()
    assert not record.with_name(record.name + "-wal").exists()


def test_rows_that_break_a_check_in_a_leftover_wal_file_are_refused(
    tmp_path: Path, sample: Path
) -> None:
    # A "-wal" file whose committed rows break a CHECK, beside a record whose header says it
    # uses the usual journal: SQLite reads the rows through it, and so do the checks.
    work = tmp_path / "work.survivor"
    work.write_bytes(sample.read_bytes())
    with closing(sqlite3.connect(work, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("UPDATE measurement SET too_small = 7")
        record = tmp_path / "record.survivor"
        content = bytearray(work.read_bytes())
        content[18] = content[19] = 1
        record.write_bytes(bytes(content))
        wal = work.with_name(work.name + "-wal").read_bytes()
    record.with_name(record.name + "-wal").write_bytes(wal)
    before = state(record)
    with pytest.raises(DamagedRecordError):
        RecordStore.open(record, create=False)
    assert state(record) == before
