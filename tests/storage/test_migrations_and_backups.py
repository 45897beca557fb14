"""Copies of a record, and the updates of an older record that a copy always comes before."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from survivor_app.paths import backups_dir
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
    RecordWriteError,
    schema,
)
from tests.storage.samples import in_reading_order, sample_record

SAMPLE = in_reading_order(sample_record())


def version_and_tables(path: Path) -> tuple[int, set[str]]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    return version, tables


def add_diary(connection: sqlite3.Connection) -> None:
    """A migration of the test's own, after the app's: it adds a table."""
    connection.execute("CREATE TABLE diary (day TEXT NOT NULL)")


def test_a_new_record_needs_no_backup(record_path: Path) -> None:
    RecordStore.open(record_path).close()
    assert not backups_dir(record_path).exists()


def test_an_older_record_is_copied_before_it_is_updated(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    current = schema.MIGRATIONS
    monkeypatch.setattr(schema, "MIGRATIONS", (*current, add_diary))
    with RecordStore.open(record_path) as store:
        assert store.load() == SAMPLE
    assert version_and_tables(record_path)[0] == len(current) + 1
    assert "diary" in version_and_tables(record_path)[1]
    (backup,) = backups_dir(record_path).iterdir()
    assert re.fullmatch(r"test-\d{8}T\d{6}Z-before-update\.survivor", backup.name)
    version, tables = version_and_tables(backup)
    assert version == len(current)
    assert "diary" not in tables
    # Only undo the migration: undo() would also undo the isolation of the test's folders.
    monkeypatch.setattr(schema, "MIGRATIONS", current)
    with RecordStore.open(backup, create=False) as copy:
        assert copy.load() == SAMPLE


def test_a_failed_update_leaves_the_record_as_it_was(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())

    def add_diary_then_fail(connection: sqlite3.Connection) -> None:
        add_diary(connection)
        connection.execute("INSERT INTO nowhere VALUES (1)")

    current = schema.MIGRATIONS
    monkeypatch.setattr(schema, "MIGRATIONS", (*current, add_diary_then_fail))
    with pytest.raises(sqlite3.OperationalError, match="no such table: nowhere"):
        RecordStore.open(record_path)
    version, tables = version_and_tables(record_path)
    assert version == len(current)
    assert "diary" not in tables
    assert len(list(backups_dir(record_path).iterdir())) == 1


def test_a_copy_holds_the_same_record_and_is_private(filled: RecordStore, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "for the doctor.survivor"
    filled.backup_to(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["for the doctor.survivor"]
    with RecordStore.open(target, create=False) as copy:
        assert copy.load() == SAMPLE


def test_a_copy_replaces_a_file_already_there(filled: RecordStore, tmp_path: Path) -> None:
    target = tmp_path / "copy.survivor"
    target.write_text("old")
    target.chmod(0o644)
    filled.backup_to(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with RecordStore.open(target, create=False) as copy:
        assert copy.load() == SAMPLE


def test_a_record_is_not_copied_onto_itself(filled: RecordStore) -> None:
    with pytest.raises(ValueError, match="onto itself"):
        filled.backup_to(filled.path)
    assert filled.load() == SAMPLE


def test_a_copy_that_cannot_be_written_leaves_nothing(filled: RecordStore, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    with pytest.raises(RecordWriteError, match="The copy could not be saved"):
        filled.backup_to(blocker / "copy.survivor")
    assert blocker.read_text() == "in the way"


def test_a_backup_is_named_after_the_record_the_time_and_the_reason(filled: RecordStore) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    backup = BackupFolder(filled.path).make(filled, "before-import")
    assert backup.parent == backups_dir(filled.path)
    match = re.fullmatch(r"test-(\d{8}T\d{6}Z)-before-import\.survivor", backup.name)
    assert match is not None
    made = dt.datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    assert before <= made <= dt.datetime.now(dt.UTC)
    with RecordStore.open(backup, create=False) as copy:
        assert copy.load() == SAMPLE


def test_backups_within_one_second_are_all_kept(filled: RecordStore) -> None:
    moment = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    made = [BackupFolder(filled.path).make(filled, "daily", now=moment) for _ in range(3)]
    assert [path.name for path in made] == [
        "test-20240506T070809Z-daily.survivor",
        "test-20240506T070809Z-daily-2.survivor",
        "test-20240506T070809Z-daily-3.survivor",
    ]
    assert sorted(backups_dir(filled.path).iterdir()) == sorted(made)


@pytest.mark.parametrize(
    "reason",
    ["", "../escape", "Daily", "two words", "end-"],  # not a path of ours: hostile input
)
def test_a_backup_reason_is_a_plain_word(filled: RecordStore, reason: str) -> None:
    with pytest.raises(ValueError, match="reason"):
        BackupFolder(filled.path).make(filled, reason)
    assert not backups_dir(filled.path).exists()
