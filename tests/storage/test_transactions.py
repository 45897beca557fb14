"""Writes are whole or absent: a group of them, a swap of the whole record, a failed write."""

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
    Question,
    Record,
    Scan,
    ScanKind,
    Spot,
)
from survivor_app.storage import DamagedRecordError, RecordStore, RecordWriteError
from tests.storage.samples import in_reading_order, sample_record

CANCER = Cancer("c1", "Breast cancer", "left breast")
SPOT = Spot("s1", "c1", "Tumour", Area.PRIMARY, False)


class Interrupted(Exception):
    """Raised by a test in the middle of a group of writes."""


def names_seen_by_another_reader(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as reader:
        return [name for (name,) in reader.execute("SELECT name FROM cancer")]


def test_a_group_of_writes_is_seen_only_once_it_is_complete(store: RecordStore) -> None:
    with store.transaction():
        store.add_cancer(CANCER)
        store.add_spot(SPOT)
        assert store.spots() == (SPOT,)
        assert names_seen_by_another_reader(store.path) == []
    assert names_seen_by_another_reader(store.path) == ["Breast cancer"]
    assert store.spots() == (SPOT,)


def test_a_group_that_raises_leaves_nothing_behind(store: RecordStore) -> None:
    def write_then_fail() -> None:
        with store.transaction():
            store.set_person(Person("Ana"))
            store.add_cancer(CANCER)
            store.add_spot(SPOT)
            raise Interrupted

    with pytest.raises(Interrupted):
        write_then_fail()
    assert store.is_empty()
    store.add_cancer(CANCER)
    assert store.cancers() == (CANCER,)


def test_groups_inside_groups_are_kept_or_dropped_with_the_outermost(store: RecordStore) -> None:
    def write_then_fail() -> None:
        with store.transaction():
            with store.transaction():
                store.add_cancer(CANCER)
            store.add_spot(SPOT)
            raise Interrupted

    with pytest.raises(Interrupted):
        write_then_fail()
    assert store.is_empty()


def test_a_failed_write_inside_a_group_leaves_no_half_of_itself(store: RecordStore) -> None:
    other = Cancer("c2", "Skin cancer", "back")
    with store.transaction():
        store.add_cancer(CANCER)
        store.add_cancer(other)
        store.add_spot(SPOT)
        # The scan row goes in first, then its measurement of another cancer's spot fails.
        with pytest.raises(ValueError, match="FOREIGN KEY"):
            store.add_scan(
                Scan("sc1", "c2", dt.date(2023, 1, 1), ScanKind.CT, (Measurement("s1", 5),))
            )
        store.add_question(Question("q1", "What next?"))
    assert store.scans() == ()
    assert store.counts() == {
        "cancers": 2,
        "spots": 1,
        "scans": 0,
        "measurements": 0,
        "statements": 0,
        "treatments": 0,
        "questions": 1,
        "marker_results": 0,
    }


def test_a_swap_that_fails_half_way_keeps_the_old_content(filled: RecordStore) -> None:
    before = filled.load()
    new = Record(
        person=Person("Ben"),
        cancers=(Cancer("x1", "Lung cancer", "right lung"),),
        # The last thing swapped in points at a cancer that is not there.
        questions=(Question("q1", "Who do I call?", "x1"), Question("q2", "And then?", "c1")),
    )
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        filled.replace_content(new)
    assert filled.load() == before == in_reading_order(sample_record())


def test_an_error_of_the_caller_s_own_passes_through_unchanged(store: RecordStore) -> None:
    def write_then_divide() -> float:
        with store.transaction():
            store.add_cancer(CANCER)
            return 1 / 0

    with pytest.raises(ZeroDivisionError):
        write_then_divide()
    assert store.cancers() == ()


def test_a_folder_gone_while_the_record_is_open_is_a_write_error(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    with RecordStore.open(folder / "record.survivor") as store:
        store.add_cancer(CANCER)
        # As when a memory stick is pulled out: the record's journal can no longer be made.
        folder.rename(tmp_path / "elsewhere")
        with pytest.raises(RecordWriteError, match="could not be saved"):
            store.update_cancer(replace(CANCER, name="Lung cancer"))
        (tmp_path / "elsewhere").rename(folder)
        assert store.cancers() == (CANCER,)


def test_damage_found_while_writing_is_a_damaged_record(record_path: Path) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
        size = record_path.stat().st_size
        with record_path.open("r+b") as file:
            # Every page after the first, where the tables start.
            file.seek(4096)
            file.write(b"\xa5" * (size - 4096))
            # A new change counter tells the open connection to read the pages again.
            file.seek(24)
            file.write(b"\x7f\x7f\x7f\x7f")
        with pytest.raises(DamagedRecordError, match="damaged"):
            store.add_cancer(replace(CANCER, id="c9"))
