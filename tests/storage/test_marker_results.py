"""Tumour marker results (issue 18): kept exactly as typed, in entry order, refused by the
table's own checks when they break the record's rules, and added to an older record by its
migration, after a verified backup."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import closing
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.paths import backups_dir
from survivor_app.storage import BackupFolder, RecordStore, schema
from tests.storage.samples import in_reading_order, sample_record

JAN = dt.date(2023, 1, 10)
CEA = MarkerResult("m9", "c2", JAN, MarkerKind.CEA, Decimal("2.50"), "ng/mL")


def test_a_marker_result_is_added_updated_and_deleted(filled: RecordStore) -> None:
    filled.add_marker_result(CEA)
    assert filled.marker_results("c2")[-1] == CEA
    changed = replace(
        CEA, value=Decimal("0.5"), below_limit=True, upper_limit=Decimal("5.0"), lab="Lab"
    )
    filled.update_marker_result(changed)
    assert filled.marker_results("c2")[-1] == changed
    filled.delete_marker_result("m9")
    assert [m.id for m in filled.marker_results()] == ["m2", "m1", "m3"]


def test_marker_results_come_in_entry_order_not_by_date(filled: RecordStore) -> None:
    assert [m.id for m in filled.marker_results("c1")] == ["m2", "m1"]
    assert [m.date for m in filled.history("c1").marker_results] == [
        dt.date(2022, 6, 3),
        dt.date(2022, 1, 24),
    ]


@pytest.mark.parametrize("typed", ["0.10", "41.50", "0", "100", "999999999.9999", "0.0001"])
def test_a_value_is_kept_with_its_decimals_as_typed(filled: RecordStore, typed: str) -> None:
    filled.add_marker_result(replace(CEA, value=Decimal(typed), upper_limit=Decimal(typed) + 1))
    (kept,) = filled.marker_results("c2")[-1:]
    assert (str(kept.value), kept.upper_limit) == (typed, Decimal(typed) + 1)
    with closing(sqlite3.connect(filled.path)) as connection:
        row = connection.execute("SELECT value FROM marker_result WHERE id = 'm9'").fetchone()
    assert row == (typed,)


def test_a_value_given_with_an_exponent_is_written_in_plain_digits(filled: RecordStore) -> None:
    filled.add_marker_result(replace(CEA, value=Decimal("1.5E+3")))
    assert str(filled.marker_results("c2")[-1].value) == "1500"


@pytest.mark.parametrize(
    "broken",
    [
        replace(CEA, value=Decimal("-1")),
        replace(CEA, value=Decimal("-0")),
        replace(CEA, value=Decimal("0"), below_limit=True),
        replace(CEA, upper_limit=Decimal("0.0")),
        replace(CEA, upper_limit=Decimal("-3")),
        replace(CEA, unit=""),
        replace(CEA, marker=MarkerKind.OTHER),
        replace(CEA, name="CEA again"),
    ],
    ids=[
        "negative",
        "minus zero",
        "below a limit of 0",
        "upper limit 0",
        "negative upper limit",
        "no unit",
        "other without a name",
        "known with a name",
    ],
)
def test_a_result_against_the_rules_is_refused_and_nothing_changes(
    filled: RecordStore, broken: MarkerResult
) -> None:
    before = filled.load()
    with pytest.raises(ValueError, match="refused"):
        filled.add_marker_result(broken)
    assert filled.load() == before


@pytest.mark.parametrize("text", ["1e3", ".5", "5.", "01", "1.2.3", "+1", " 1", "NaN", ""])
def test_the_table_keeps_only_plain_decimals(filled: RecordStore, text: str) -> None:
    with (
        closing(sqlite3.connect(filled.path)) as connection,
        pytest.raises(sqlite3.IntegrityError, match="CHECK"),
    ):
        connection.execute(
            "INSERT INTO marker_result VALUES ('x', 99, 'c1', '2023-01-10', 'CEA', ?, 0,"
            " 'ng/mL', NULL, '', '', '')",
            (text,),
        )


def test_a_marker_result_cannot_belong_to_a_cancer_that_is_not_there(
    filled: RecordStore,
) -> None:
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        filled.add_marker_result(replace(CEA, cancer_id="c9"))


def test_a_marker_result_id_is_not_taken_twice(filled: RecordStore) -> None:
    with pytest.raises(ValueError, match="UNIQUE"):
        filled.add_marker_result(replace(CEA, id="m1"))


def test_a_missing_marker_result_is_a_key_error(filled: RecordStore) -> None:
    with pytest.raises(KeyError, match="missing"):
        filled.update_marker_result(replace(CEA, id="missing"))
    with pytest.raises(KeyError, match="missing"):
        filled.delete_marker_result("missing")


def _version(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    return int(version)


def test_a_record_from_before_markers_gains_them_after_a_verified_backup(
    record_path: Path,
) -> None:
    # Marker results are the latest migration: a record of the version before is today's
    # without their table.
    older = replace(sample_record(), marker_results=())
    with RecordStore.open(record_path) as store:
        store.replace_content(older)
    with closing(sqlite3.connect(record_path)) as connection:
        connection.execute("DROP TABLE marker_result")
        connection.execute(f"PRAGMA user_version = {schema.latest_version() - 1}")
    assert BackupFolder.check(record_path) == schema.latest_version() - 1

    with RecordStore.open(record_path) as store:
        assert store.load() == in_reading_order(older)
        assert store.counts()["marker_results"] == 0
        store.add_marker_result(replace(CEA, cancer_id="c1"))
        assert store.marker_results() == (replace(CEA, cancer_id="c1"),)
    assert _version(record_path) == schema.latest_version()

    (backup,) = backups_dir(record_path).iterdir()
    assert re.fullmatch(r"test-\d{8}T\d{6}Z-before-update\.survivor", backup.name)
    # The backup passes every check a restore makes, and holds the record as it was.
    assert BackupFolder.check(backup) == schema.latest_version() - 1
    with closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as copy:
        tables = {name for (name,) in copy.execute("SELECT name FROM sqlite_master")}
        assert "marker_result" not in tables
        assert copy.execute("SELECT count(*) FROM scan").fetchone() == (len(older.scans),)
