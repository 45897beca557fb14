"""Backups that follow time as it is: a backup dated in the future (the clock was ahead) is kept
but never holds a new one back, "newest" means the latest content, each record has a backups
folder of its own, and copies a killed backup left half-written go with the next backup."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from survivor_app.domain import Question
from survivor_app.paths import backups_dir, shared_backups_dir
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
)
from survivor_app.storage.lock import claim
from tests.storage.damage import damage_pages
from tests.storage.samples import sample_record

NOW = dt.datetime(2024, 6, 20, 9, 30, tzinfo=dt.UTC)
A_YEAR = dt.timedelta(days=365)
A_DAY = dt.timedelta(days=1)


def test_a_backup_dated_in_the_future_never_holds_a_new_one_back(filled: RecordStore) -> None:
    # Made while the clock was a year ahead; then the clock was put right.
    ahead = BackupFolder(filled.path).make(filled, "daily", now=NOW + A_YEAR)
    # Nothing has changed since it: no backup is needed.
    assert BackupFolder(filled.path).make_if_due(filled, NOW) is None
    filled.add_question(Question("q9", "Written once the clock was right"))
    made = BackupFolder(filled.path).make_if_due(filled, NOW)
    assert made is not None
    assert ahead.exists()
    # The day's backup now holds the next one back for a day, as ever; then lets it through.
    filled.add_question(Question("q10", "And the next day"))
    assert BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(hours=23)) is None
    assert BackupFolder(filled.path).make_if_due(filled, NOW + A_DAY) is not None
    assert ahead.exists()


def test_backups_dated_in_the_future_are_kept_and_never_crowd_out_new_ones(
    filled: RecordStore,
) -> None:
    # Made on 20 days while the clock was a year ahead, each pruning by the clock of its day.
    for n in range(20):
        BackupFolder(filled.path).make(filled, "daily", now=NOW + A_YEAR + n * A_DAY)
    ahead = [info.path for info in BackupFolder(filled.path).backups()]
    assert len(ahead) >= 14
    filled.add_question(Question("q9", "Written once the clock was right"))
    made = BackupFolder(filled.path).make_if_due(filled, NOW)
    assert made is not None
    BackupFolder(filled.path).prune(now=NOW)
    assert made.exists()
    assert all(path.exists() for path in ahead)


def test_the_newest_backup_offered_is_the_one_with_the_latest_content(
    filled: RecordStore,
) -> None:
    stale = BackupFolder(filled.path).make(filled, "daily", now=NOW + A_YEAR)
    filled.add_question(Question("q9", "Written once the clock was right"))
    latest = BackupFolder(filled.path).make(filled, "daily", now=NOW)
    # By name the stale one is newer; by content it is not.
    assert BackupFolder(filled.path).backups()[0].path == stale
    filled.close()
    damage_pages(filled.path)
    assert BackupFolder(filled.path).newest_good() == latest


def test_mum_and_mum_survivor_each_have_their_own_backups(tmp_path: Path) -> None:
    records = [tmp_path / "mum", tmp_path / "mum.survivor"]
    for record in records:
        with RecordStore.open(record) as store:
            store.replace_content(sample_record())
            for day in range(20):
                BackupFolder(store.path).make(store, "daily", now=NOW - day * A_DAY)
    assert backups_dir(records[0]) != backups_dir(records[1])
    for record in records:
        BackupFolder(record).prune(now=NOW)
        assert len(BackupFolder(record).backups()) == 14
        assert all(
            info.path.parent == backups_dir(record) for info in BackupFolder(record).backups()
        )


def old_style_backups(record: Path, count: int) -> list[Path]:
    """Backups as they were kept before each record had its own folder: in ``backups/``."""
    folder = shared_backups_dir(record)
    folder.mkdir(mode=0o700, exist_ok=True)
    with RecordStore.open(record) as store:
        store.replace_content(sample_record())
        made = [
            BackupFolder(store.path).make(store, "daily", now=NOW - (day + 1) * A_DAY)
            for day in range(count)
        ]
    for backup in made:
        backup.rename(folder / backup.name)
    backups_dir(record).rmdir()
    return [folder / backup.name for backup in made]


def test_old_backups_move_into_the_record_s_own_folder(record_path: Path) -> None:
    old = old_style_backups(record_path, 3)
    assert {info.path for info in BackupFolder(record_path).backups()} == set(old)
    with RecordStore.open(record_path) as store:
        new = BackupFolder(store.path).make(store, "by-hand", now=NOW)
    moved = [backups_dir(record_path) / path.name for path in old]
    assert {info.path for info in BackupFolder(record_path).backups()} == {new, *moved}
    assert not any(path.exists() for path in old)


def test_old_backups_two_records_could_claim_are_left_and_never_pruned(tmp_path: Path) -> None:
    mum = tmp_path / "mum.survivor"
    old = old_style_backups(mum, 20)
    other = tmp_path / "mum"
    with RecordStore.open(other) as store:
        store.replace_content(sample_record())
    for record in (mum, other):
        BackupFolder(record).prune(now=NOW)
        with RecordStore.open(record) as store:
            BackupFolder(store.path).make(store, "by-hand", now=NOW)
        # Found by both (they may be either's), removed by neither.
        assert set(old) <= {info.path for info in BackupFolder(record).backups()}
    assert all(path.exists() for path in old)


@pytest.mark.skipif(os.name != "posix", reason="Windows removes no file that is open")
def test_a_copy_left_half_written_goes_with_the_next_backup(filled: RecordStore) -> None:
    first = BackupFolder(filled.path).make(filled, "by-hand", now=NOW)
    folder = backups_dir(filled.path)
    abandoned = folder / f".{first.name}.k1ll3d.partial"
    abandoned.write_bytes(b"SQLite format 3\x00 cut short")
    beside = filled.path.with_name(f".{filled.path.name}.r3st0r3.partial")
    beside.write_bytes(b"SQLite format 3\x00 cut short")
    someone_else_s = filled.path.with_name(".their file.partial")
    someone_else_s.write_bytes(b"not ours")
    in_progress = folder / ".another.w0rk1ng.partial"
    in_progress.write_bytes(b"being written")
    writing = claim(os.open(in_progress, os.O_RDWR))
    assert writing is not None
    try:
        BackupFolder(filled.path).make(filled, "by-hand", now=NOW + A_DAY)
        assert not abandoned.exists()
        assert not beside.exists()
        assert someone_else_s.exists()
        # Another program's backup still being written is left alone.
        assert in_progress.exists()
    finally:
        os.close(writing)
