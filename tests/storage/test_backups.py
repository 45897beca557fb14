"""The backups folder: the daily backup of a changed record, pruning to the newest 14 and one a
month, the list the window shows, copying a backup out, and restoring one."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import stat
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from survivor_app.domain import Cancer, Person, Question, Record
from survivor_app.paths import backups_dir
from survivor_app.storage import (
    BackupFolder,
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordLockedError,
    RecordMissingError,
    RecordStore,
    RecordWriteError,
    schema,
)
from survivor_app.storage import (
    store as store_module,
)
from survivor_app.storage.backup_files import named_backups, new_backup_path
from survivor_app.storage.tables import generation
from tests.storage.damage import damage_pages
from tests.storage.samples import in_reading_order, sample_record

SAMPLE = in_reading_order(sample_record())
OTHER = Record(
    Person("Ben Other"),
    cancers=(Cancer("x1", "Lung cancer", "right lung"),),
    questions=(Question("q1", "Who do I call?", "x1"),),
)
NOW = dt.datetime(2024, 6, 20, 9, 30, tzinfo=dt.UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def content_of(path: Path) -> Record | None:
    with RecordStore.open(path, read_only=True) as copy:
        return copy.load()


def mark_of(path: Path) -> str | None:
    with RecordStore.open(path, read_only=True) as copy:
        return copy.change_mark()


# The change mark: how "changed since the last backup" is known.


def test_every_write_gives_the_record_a_new_change_mark(store: RecordStore) -> None:
    marks = [store.change_mark()]
    store.set_person(Person("Ana"))
    marks.append(store.change_mark())
    store.add_cancer(Cancer("c1", "Breast cancer", "left breast"))
    marks.append(store.change_mark())
    with store.transaction():
        store.add_question(Question("q1", "What next?"))
        store.add_question(Question("q2", "And then?"))
    marks.append(store.change_mark())
    assert None not in marks
    assert len(set(marks)) == len(marks)
    store.load()
    store.counts()
    assert store.change_mark() == marks[-1]
    with pytest.raises(ValueError, match="UNIQUE"):
        store.add_question(Question("q1", "Again?"))
    assert store.change_mark() == marks[-1]


def test_a_backup_holds_the_mark_of_the_record_it_copies(filled: RecordStore) -> None:
    backup = BackupFolder(filled.path).make(filled, "by-hand")
    assert mark_of(backup) == filled.change_mark()


# The daily backup.


def test_an_empty_record_needs_no_daily_backup(store: RecordStore) -> None:
    assert BackupFolder(store.path).make_if_due(store, NOW) is None
    assert not backups_dir(store.path).exists()


def test_the_first_daily_backup_comes_once_the_record_holds_something(
    filled: RecordStore,
) -> None:
    backup = BackupFolder(filled.path).make_if_due(filled, NOW)
    assert backup is not None
    assert backup.name == "test-20240620T093000Z-daily.survivor"
    assert content_of(backup) == SAMPLE
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_a_daily_backup_waits_a_day_after_the_last_backup(filled: RecordStore) -> None:
    BackupFolder(filled.path).make(filled, "before-import", now=NOW)
    filled.set_person(Person("Ana Changed"))
    assert (
        BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(hours=23, minutes=59))
        is None
    )
    backup = BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(days=1))
    assert backup is not None
    assert content_of(backup) == replace(SAMPLE, person=Person("Ana Changed"))


def test_a_daily_backup_waits_for_a_change(filled: RecordStore) -> None:
    BackupFolder(filled.path).make(filled, "daily", now=NOW)
    assert BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(days=30)) is None
    filled.add_question(Question("q9", "Did anything change?"))
    assert BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(days=30)) is not None
    assert len(list(backups_dir(filled.path).iterdir())) == 2


def test_a_damaged_last_backup_does_not_hold_the_daily_one_back(filled: RecordStore) -> None:
    last = BackupFolder(filled.path).make(filled, "daily", now=NOW)
    damage_pages(last)
    backup = BackupFolder(filled.path).make_if_due(filled, NOW + dt.timedelta(days=2))
    assert backup is not None
    assert content_of(backup) == SAMPLE


def test_a_read_only_view_makes_no_daily_backup(filled: RecordStore) -> None:
    with RecordStore.open(filled.path, read_only=True) as view:
        assert BackupFolder(view.path).make_if_due(view, NOW) is None
    assert not backups_dir(filled.path).exists()


# Pruning.


def fake_backups(record: Path, times: list[dt.datetime], reason: str = "daily") -> list[Path]:
    """Empty files named as backups of ``record`` made at ``times``: pruning goes by name alone."""
    made = []
    for moment in times:
        target = new_backup_path(record, reason, moment)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.write_bytes(b"")
        made.append(target)
    return made


def day(month: int, number: int, year: int = 2024) -> dt.datetime:
    return dt.datetime(year, month, number, 8, tzinfo=dt.UTC)


def test_pruning_keeps_the_newest_14_and_the_newest_of_each_month(record_path: Path) -> None:
    june = fake_backups(record_path, [day(6, n) for n in range(1, 21)])
    may = fake_backups(record_path, [day(5, 5), day(5, 15), day(5, 25)])
    march = fake_backups(record_path, [day(3, 1), day(3, 28)])
    december = fake_backups(record_path, [day(12, 31, 2023)])
    removed = BackupFolder(record_path).prune()
    assert sorted(removed) == sorted([*june[:6], *may[:2], march[0]])
    left = {path.name for path in backups_dir(record_path).iterdir()}
    assert left == {path.name for path in [*june[6:], may[2], march[1], *december]}


def test_a_name_with_an_impossible_time_is_not_a_backup(record_path: Path) -> None:
    (made,) = fake_backups(record_path, [day(6, 1)])
    folder = made.parent
    for time in ("20241301T080000Z", "20240230T080000Z", "20240601T246000Z"):
        (folder / f"test-{time}-daily.survivor").write_bytes(b"")
    assert [named.path for named in named_backups(record_path)] == [made]
    assert named_backups(record_path)[0].made == day(6, 1)


def test_pruning_leaves_other_records_and_other_files_alone(record_path: Path) -> None:
    mine = fake_backups(record_path, [day(6, n) for n in range(1, 21)])
    theirs = fake_backups(record_path.with_name("other.survivor"), [day(6, 1), day(6, 2)])
    stray = backups_dir(record_path) / "notes about test.txt"
    stray.write_text("keep me")
    removed = BackupFolder(record_path).prune()
    assert sorted(removed) == sorted(mine[:6])
    assert all(path.exists() for path in [*theirs, stray])


def test_backups_of_one_second_are_pruned_newest_number_first(record_path: Path) -> None:
    moment = day(6, 1)
    same_second = fake_backups(record_path, [moment, moment, moment])
    assert [path.name for path in same_second] == [
        "test-20240601T080000Z-daily.survivor",
        "test-20240601T080000Z-daily-2.survivor",
        "test-20240601T080000Z-daily-3.survivor",
    ]
    assert BackupFolder(record_path).prune(keep=2) == [same_second[0]]


def test_the_daily_backup_prunes_the_old_ones(filled: RecordStore) -> None:
    fake_backups(filled.path, [NOW - dt.timedelta(days=n) for n in range(2, 22)])
    backup = BackupFolder(filled.path).make_if_due(filled, NOW)
    assert backup is not None
    left = BackupFolder(filled.path).backups()
    assert len(left) == 14 + 1  # and the newest of May, the month before
    assert left[0].path == backup


def test_every_backup_prunes_the_old_ones_by_itself(filled: RecordStore) -> None:
    old = fake_backups(filled.path, [NOW - dt.timedelta(days=n) for n in range(1, 21)])
    made = BackupFolder(filled.path).make(filled, "by-hand", now=NOW)
    left = {info.path for info in BackupFolder(filled.path).backups()}
    # The newest 14 (this one and 13 of June), and the newest of May.
    assert left == {made, *old[:13], old[-1]}


def test_the_backup_before_an_update_prunes_the_old_ones_too(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    old = fake_backups(record_path, [day(6, n) for n in range(1, 21)])
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, lambda connection: None))
    RecordStore.open(record_path).close()
    left = BackupFolder(record_path).backups()
    # The newest 14: this one, and 13 of June (with the newest of that month).
    assert left[0].reason == "before-update"
    assert {info.path for info in left[1:]} == set(old[-13:])


def test_a_backup_folder_takes_only_its_own_record_s_store(
    filled: RecordStore, tmp_path: Path
) -> None:
    other = BackupFolder(tmp_path / "other.survivor")
    with pytest.raises(ValueError, match="not the record"):
        other.make(filled, "by-hand")
    with pytest.raises(ValueError, match="not the record"):
        other.make_if_due(filled, NOW)
    assert not backups_dir(filled.path).exists()
    assert not backups_dir(other.record).exists()


# The list of backups.


def test_the_list_shows_each_backup_newest_first_with_what_it_holds(filled: RecordStore) -> None:
    first = BackupFolder(filled.path).make(filled, "daily", now=NOW)
    filled.replace_content(OTHER)
    second = BackupFolder(filled.path).make(
        filled, "before-import", now=NOW + dt.timedelta(minutes=5)
    )
    (newer, older) = BackupFolder(filled.path).backups()
    assert (newer.path, newer.reason, newer.made) == (
        second,
        "before-import",
        NOW + dt.timedelta(minutes=5),
    )
    assert newer.person == "Ben Other"
    assert newer.counts == {
        "cancers": 1,
        "spots": 0,
        "scans": 0,
        "measurements": 0,
        "statements": 0,
        "treatments": 0,
        "questions": 1,
        "marker_results": 0,
    }
    assert (older.path, older.reason, older.made, older.person) == (
        first,
        "daily",
        NOW,
        "Ana Example",
    )
    assert older.counts is not None
    assert older.counts["scans"] == 3
    assert newer.is_good
    assert older.is_good


def test_damaged_foreign_empty_and_newer_backups_are_listed_with_their_problem(
    filled: RecordStore,
) -> None:
    good = BackupFolder(filled.path).make(filled, "daily", now=NOW)
    damaged = BackupFolder(filled.path).make(filled, "daily", now=NOW + dt.timedelta(hours=1))
    damage_pages(damaged)
    foreign = new_backup_path(filled.path, "daily", NOW + dt.timedelta(hours=2))
    foreign.write_text("Dear Dr. Osei,\n" * 100)
    empty = new_backup_path(filled.path, "daily", NOW + dt.timedelta(hours=3))
    empty.write_bytes(b"")
    newer = BackupFolder(filled.path).make(filled, "daily", now=NOW + dt.timedelta(hours=4))
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("PRAGMA user_version = 99")
    listed = {info.path: info for info in BackupFolder(filled.path).backups()}
    assert listed[good].is_good
    problems = {path: listed[path].problem for path in (damaged, foreign, empty, newer)}
    assert problems == {
        damaged: "This backup is damaged, so it cannot be used. Choose another one.",
        foreign: "This file is not a Survivorship Tracker backup. Choose another one.",
        empty: "This backup is empty, so it cannot be used. Choose another one.",
        newer: (
            "This backup was saved by a newer version of Survivorship Tracker. "
            "Update the app to use it."
        ),
    }
    assert all(listed[path].counts is None for path in problems)
    assert BackupFolder(filled.path).newest_good() == good


def test_a_backup_from_an_older_version_is_good_but_not_counted(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, lambda connection: None))
    RecordStore.open(record_path).close()
    (before_update,) = BackupFolder(record_path).backups()
    assert before_update.reason == "before-update"
    assert before_update.is_good
    assert before_update.counts is None


def test_there_is_no_good_backup_without_backups(filled: RecordStore) -> None:
    assert BackupFolder(filled.path).backups() == []
    assert BackupFolder(filled.path).newest_good() is None
    damage_pages(BackupFolder(filled.path).make(filled, "daily"))
    assert BackupFolder(filled.path).newest_good() is None


# Copying a backup out, e.g. to open a damaged record's backup as a new record.


def test_a_backup_copied_out_is_private_and_whole(filled: RecordStore, tmp_path: Path) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    before = digest(backup)
    target = tmp_path / "restored copy" / "Ana.survivor"
    BackupFolder.copy_out(backup, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert names(target.parent) == ["Ana.survivor"]
    assert content_of(target) == SAMPLE
    assert digest(backup) == before


def test_a_damaged_backup_is_not_copied(filled: RecordStore, tmp_path: Path) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    damage_pages(backup)
    with pytest.raises(DamagedRecordError, match="This backup is damaged"):
        BackupFolder.copy_out(backup, tmp_path / "copy.survivor")
    assert not (tmp_path / "copy.survivor").exists()


def test_a_backup_is_not_copied_over_a_record_open_elsewhere(
    filled: RecordStore, tmp_path: Path
) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    with RecordStore.open(tmp_path / "open.survivor") as other:
        other.replace_content(OTHER)
        with pytest.raises(RecordLockedError):
            BackupFolder.copy_out(backup, other.path)
        assert other.load() == OTHER
    with pytest.raises(ValueError, match="onto itself"):
        BackupFolder.copy_out(backup, backup)


# Restoring into an open record.


def test_restoring_puts_back_the_backup_s_content_and_settings(filled: RecordStore) -> None:
    filled.set_setting("colour", "blue")
    backup = BackupFolder(filled.path).make(filled, "daily")
    identity = filled.path.stat().st_ino
    filled.replace_content(OTHER)
    filled.set_setting("colour", "red")
    before = BackupFolder(filled.path).restore(backup, filled)
    assert filled.load() == SAMPLE
    assert filled.setting("colour") == "blue"
    # The restored content is the newest now: its mark comes after the one it replaced.
    assert generation(filled.change_mark()) > generation(mark_of(before)) > 0
    # The same file, still the person's alone: the content was swapped inside it.
    assert filled.path.stat().st_ino == identity
    assert stat.S_IMODE(filled.path.stat().st_mode) == 0o600
    assert before.name.endswith("-before-restore.survivor")
    assert content_of(before) == OTHER
    with RecordStore.open(before, read_only=True) as copy:
        assert copy.setting("colour") == "red"


@pytest.mark.parametrize("kind", ["missing", "foreign", "empty", "damaged", "newer"])
def test_a_bad_backup_is_refused_and_changes_nothing(
    filled: RecordStore, tmp_path: Path, kind: str
) -> None:
    backup = tmp_path / f"{kind}.survivor"
    expected: type[RecordError] = DamagedRecordError
    if kind == "foreign":
        backup.write_text("Dear Dr. Osei,\n" * 100)
        expected = NotARecordError
    elif kind == "empty":
        backup.write_bytes(b"")
    elif kind == "missing":
        expected = RecordMissingError
    else:
        filled.backup_to(backup)
        if kind == "damaged":
            damage_pages(backup)
        else:
            with closing(sqlite3.connect(backup)) as connection:
                connection.execute("PRAGMA user_version = 99")
            expected = NewerRecordError
    before = digest(filled.path)
    with pytest.raises(expected) as raised:
        BackupFolder(filled.path).restore(backup, filled)
    assert "backup" in str(raised.value)
    assert digest(filled.path) == before
    assert not backups_dir(filled.path).exists()
    assert filled.load() == SAMPLE


def big_backup(tmp_path: Path) -> Path:
    """A backup far larger than the sample record."""
    with RecordStore.open(tmp_path / "big" / "big.survivor") as big:
        big.replace_content(sample_record())
        with big.transaction():
            for number in range(200):
                big.set_setting(f"note-{number}", "A long note. " * 100)
        return BackupFolder(big.path).make(big, "by-hand")


def test_a_restore_stopped_by_a_full_disk_changes_nothing(
    filled: RecordStore, tmp_path: Path
) -> None:
    backup = big_backup(tmp_path)
    # SQLite's own limit on the record's size: the disk is "full" at the size it has now.
    (pages,) = filled._connection.execute("PRAGMA page_count").fetchone()
    filled._connection.execute(f"PRAGMA max_page_count = {pages}")
    mark = filled.change_mark()
    with pytest.raises(RecordWriteError, match="disk is full"):
        BackupFolder(filled.path).restore(backup, filled)
    assert filled.load() == SAMPLE
    assert filled.change_mark() == mark
    assert filled._connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_restore_that_fails_its_check_is_put_back(
    filled: RecordStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.set_setting("colour", "blue")
    backup = BackupFolder(filled.path).make(filled, "daily")
    filled.replace_content(OTHER)
    monkeypatch.setattr(store_module, "is_sound", lambda connection: False)
    with pytest.raises(RecordWriteError, match="put back as it was"):
        BackupFolder(filled.path).restore(backup, filled)
    assert filled.load() == OTHER
    assert filled.setting("colour") == "blue"


def test_an_older_backup_is_brought_up_to_date_when_restored(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
        old = BackupFolder(store.path).make(store, "daily")
        store.replace_content(OTHER)

    def add_diary(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE diary (day TEXT NOT NULL)")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, add_diary))
    with RecordStore.open(record_path) as store:
        BackupFolder(store.path).restore(old, store)
        assert store.load() == SAMPLE
        assert tuple(store._connection.execute("PRAGMA user_version").fetchone()) == (
            len(schema.MIGRATIONS),
        )
        assert tuple(store._connection.execute("SELECT count(*) FROM diary").fetchone()) == (0,)


def test_a_restore_is_refused_inside_a_group_or_from_the_record_itself(
    filled: RecordStore,
) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    with filled.transaction(), pytest.raises(RuntimeError, match="group"):
        BackupFolder(filled.path).restore(backup, filled)
    with pytest.raises(ValueError, match="itself"):
        BackupFolder(filled.path).restore(filled.path, filled)


# Restoring a record by its path, as the command line does.


def test_a_damaged_record_is_kept_aside_and_replaced_by_its_backup(record_path: Path) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
        backup = BackupFolder(store.path).make(store, "daily")
    damage_pages(record_path)
    damaged = digest(record_path)
    with pytest.raises(DamagedRecordError):
        RecordStore.open(record_path)
    kept = BackupFolder(record_path).restore(backup)
    assert kept.parent == backups_dir(record_path)
    assert kept.name.endswith("-damaged.survivor")
    assert digest(kept) == damaged
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(record_path.stat().st_mode) == 0o600
    with RecordStore.open(record_path) as store:
        assert store.load() == SAMPLE
    listed = {info.path: info for info in BackupFolder(record_path).backups()}
    assert not listed[kept].is_good
    assert listed[backup].is_good
    assert BackupFolder(record_path).newest_good() == backup


def test_a_restore_never_writes_over_a_file_that_is_not_a_record(
    filled: RecordStore, tmp_path: Path
) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    letter = tmp_path / "letter" / "letter.survivor"
    letter.parent.mkdir()
    letter.write_text("Dear Dr. Osei,\n" * 100)
    with pytest.raises(NotARecordError):
        BackupFolder(letter).restore(backup)
    assert letter.read_text() == "Dear Dr. Osei,\n" * 100
    assert names(letter.parent) == ["letter.survivor"]


def test_a_restore_waits_for_the_record_to_be_closed(filled: RecordStore) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    filled.replace_content(OTHER)
    with pytest.raises(RecordLockedError):
        BackupFolder(filled.path).restore(backup)
    assert filled.load() == OTHER
    filled.close()
    BackupFolder(filled.path).restore(backup)
    assert content_of(filled.path) == SAMPLE


def test_a_backup_restored_to_a_new_place_makes_a_record_there(
    filled: RecordStore, tmp_path: Path
) -> None:
    backup = BackupFolder(filled.path).make(filled, "daily")
    target = tmp_path / "new folder" / "again.survivor"
    BackupFolder(target).restore(backup)
    assert content_of(target) == SAMPLE
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_restoring_prunes_the_old_backups(filled: RecordStore) -> None:
    old = fake_backups(filled.path, [NOW - dt.timedelta(days=n) for n in range(1, 21)])
    backup = BackupFolder(filled.path).make(filled, "daily")
    filled.close()
    shutil.copyfile(backup, old[-1])  # the oldest of the lot, the one chosen
    BackupFolder(filled.path).restore(old[-1])
    left = [info.path for info in BackupFolder(filled.path).backups()]
    # The newest 14, and the newest of the month before the fakes' last: the one restored.
    assert len(left) == 14 + 1
    assert old[-1] in left
    assert content_of(filled.path) == SAMPLE


def test_an_old_backup_that_pruning_would_remove_is_restored_first(filled: RecordStore) -> None:
    old = fake_backups(filled.path, [NOW - dt.timedelta(days=n) for n in range(1, 14)])
    chosen = old[-1]  # the oldest: the copy kept before the restore crowds it out
    shutil.copyfile(BackupFolder(filled.path).make(filled, "daily", now=NOW), chosen)
    for backup in old[:-1]:
        shutil.copyfile(chosen, backup)
    filled.replace_content(OTHER)
    BackupFolder(filled.path).restore(chosen, filled)
    assert filled.load() == SAMPLE
