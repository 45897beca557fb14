"""Spots without a size in storage: version 2 of the tables, what a version-1 record becomes when
it opens (after a verified backup), and the rule that a measurement is of its spot's kind."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from survivor_app.domain import (
    Area,
    Cancer,
    Measurement,
    Person,
    Record,
    Scan,
    ScanKind,
    Spot,
    SpotState,
)
from survivor_app.paths import backups_dir
from survivor_app.storage import BackupFolder, NotARecordError, RecordStore, schema
from survivor_app.storage.connection import holds_own_schema
from survivor_app.storage.digest import DIGEST
from survivor_app.storage.tables import CHANGE_MARK
from tests.older_records import version_1_record
from tests.storage.samples import in_reading_order, sample_record

JAN = dt.date(2023, 1, 10)
FEB = dt.date(2023, 2, 10)

#: Every table of version 1 with its columns, as version 1 made them.
Rows = dict[str, list[tuple[object, ...]]]


def version_1_columns() -> dict[str, list[str]]:
    with closing(sqlite3.connect(":memory:")) as connection:
        schema.MIGRATIONS[0](connection)
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            for table in tables
        }


def version_1_rows(path: Path, *, leave_out: tuple[str, ...] = (DIGEST,)) -> Rows:
    """The rows of every table of version 1, in its columns, sorted; the settings named in
    ``leave_out`` aside."""
    rows: Rows = {}
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        for table, columns in version_1_columns().items():
            found = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            if table == "setting":
                found = [row for row in found if row[0] not in leave_out]
            rows[table] = sorted(found, key=repr)
    return rows


def before_markers() -> Record:
    """The sample record as version 1 could hold it: without marker results (version 3)."""
    return replace(sample_record(), marker_results=())


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_a_version_1_record_is_backed_up_then_each_spot_gets_a_size_and_nothing_else_changes(
    record_path: Path,
) -> None:
    version_1_record(record_path, before_markers())
    before = version_1_rows(record_path)
    assert user_version(record_path) == 1
    with RecordStore.open(record_path) as store:
        assert store.load() == in_reading_order(before_markers())
        assert all(spot.sized for spot in store.spots())
        assert holds_own_schema(store._connection)
    assert user_version(record_path) == schema.latest_version()
    (backup,) = backups_dir(record_path).iterdir()
    assert backup.name.endswith("-before-update.survivor")
    # The backup is checked (its pages, its schema of version 1 and its digest) and holds the
    # record exactly as it was.
    assert BackupFolder.check(backup) == 1
    assert version_1_rows(backup) == before
    # The update changed the record's mark, and nothing else that version 1 held.
    assert version_1_rows(record_path, leave_out=(DIGEST, CHANGE_MARK)) == version_1_rows(
        backup, leave_out=(DIGEST, CHANGE_MARK)
    )
    with closing(sqlite3.connect(record_path)) as connection:
        assert connection.execute("SELECT DISTINCT sized FROM spot").fetchall() == [(1,)]
        assert connection.execute("SELECT DISTINCT state FROM measurement").fetchall() == [(None,)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_version_1_backup_is_restored_and_brought_up_to_date(record_path: Path) -> None:
    old = version_1_record(record_path.with_name("old.survivor"), before_markers())
    with RecordStore.open(record_path) as store:
        store.set_person(Person("Someone else"))
        BackupFolder(store.path).restore(old, store)
        assert store.load() == in_reading_order(before_markers())
    assert user_version(record_path) == schema.latest_version()


def measured(store: RecordStore) -> None:
    """A cancer with a spot with a size and a spot without one, each measured once."""
    store.set_person(Person("Ana Example"))
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    store.add_spot(Spot("s1", "c1", "Tumour", Area.PRIMARY, False))
    store.add_spot(Spot("s2", "c1", "Bone spots", Area.DISTANT, False, "spine", sized=False))
    store.add_scan(
        Scan(
            "sc1",
            "c1",
            JAN,
            ScanKind.CT,
            (Measurement("s1", 200), Measurement("s2", None, state=SpotState.PRESENT)),
        )
    )


@pytest.mark.parametrize("state", list(SpotState))
def test_a_spot_without_a_size_and_its_states_come_back(
    store: RecordStore, state: SpotState
) -> None:
    measured(store)
    scan = Scan(
        "sc2",
        "c1",
        FEB,
        ScanKind.MRI,
        (Measurement("s2", None, uncertain=True, state=state), Measurement("s1", 0)),
        no_evidence_of_disease=state is SpotState.GONE,
    )
    store.add_scan(scan)
    assert store.spots()[1].sized is False
    assert store.scans()[1] == scan
    store.update_scan(replace(scan, measurements=(Measurement("s2", None, state=state),)))
    assert store.scans()[1].measurements == (Measurement("s2", None, state=state),)


def test_a_whole_record_with_spots_without_a_size_is_swapped_in_and_out(store: RecordStore) -> None:
    measured(store)
    record = store.load()
    assert record is not None
    store.replace_content(Record(Person("Nobody")))
    store.replace_content(record)
    assert store.load() == record


@pytest.mark.parametrize(
    ("measurement", "said"),
    [
        (Measurement("s1", None, state=SpotState.PRESENT), "has a size in the reports"),
        (Measurement("s2", 100), "has no size in the reports"),
        (Measurement("s2", None, too_small=True), "has no size in the reports"),
        (Measurement("s2", None), "there, gone or clearly growing"),
    ],
    ids=["state-of-a-sized-spot", "size-without-one", "too-small-without-a-size", "no-state"],
)
def test_a_measurement_of_the_wrong_kind_for_its_spot_is_refused_whole(
    store: RecordStore, measurement: Measurement, said: str
) -> None:
    measured(store)
    before = store.load()
    assert before is not None
    scan = Scan("sc2", "c1", FEB, ScanKind.CT, (Measurement("s1", 100), measurement))
    with pytest.raises(
        ValueError, match=f"refused this change: spot '{measurement.spot_id}'.*{said}"
    ):
        store.add_scan(scan)
    with pytest.raises(ValueError, match=said):
        store.update_scan(replace(scan, id="sc1"))
    with pytest.raises(ValueError, match=said):
        store.replace_content(replace(before, scans=(scan,)))
    assert store.load() == before


@pytest.mark.parametrize("spot_id", ["s1", "s2"])
def test_a_measured_spot_keeps_its_kind(store: RecordStore, spot_id: str) -> None:
    measured(store)
    before = store.load()
    spot = next(spot for spot in store.spots() if spot.id == spot_id)
    with pytest.raises(ValueError, match=f"spot '{spot_id}'"):
        store.update_spot(replace(spot, sized=not spot.sized))
    assert store.load() == before
    # Once its measurements are gone, it can change kind.
    store.delete_scan("sc1")
    store.update_spot(replace(spot, sized=not spot.sized))
    assert store.spots()[int(spot_id[1]) - 1].sized is not spot.sized


@pytest.mark.parametrize(
    ("size_tenths", "too_small", "state"),
    [
        (100, 0, "present"),
        (None, 1, "gone"),
        (None, 0, None),
        (100, 1, None),
        (None, 0, "shrinking"),
    ],
    ids=["size-and-state", "too-small-and-state", "nothing", "size-and-too-small", "unknown-state"],
)
def test_the_measurement_table_refuses_what_no_measurement_is(
    store: RecordStore, size_tenths: int | None, too_small: int, state: str | None
) -> None:
    measured(store)
    store.add_scan(Scan("sc2", "c1", FEB, ScanKind.CT))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        store._connection.execute(
            "INSERT INTO measurement"
            " (scan_id, spot_id, cancer_id, position, size_tenths, too_small, uncertain, state)"
            " VALUES ('sc2', 's2', 'c1', 0, ?, ?, 0, ?)",
            (size_tenths, too_small, state),
        )


def set_user_version(path: Path, version: int) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {version}")


def test_each_version_is_accepted_with_its_own_tables_only(record_path: Path) -> None:
    # Version 2's tables under version 1's number, and version 1's under version 2's: neither is
    # a record this app wrote, and each is refused untouched.
    current = record_path.with_name("current.survivor")
    RecordStore.open(current).close()
    set_user_version(current, 1)
    older = version_1_record(record_path, sample_record())
    set_user_version(older, 2)
    for path in (current, older):
        before = path.read_bytes()
        with pytest.raises(NotARecordError):
            RecordStore.open(path)
        assert path.read_bytes() == before
    assert not backups_dir(record_path).exists()
