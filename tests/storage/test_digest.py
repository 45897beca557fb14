"""Each backup carries a digest of its content: one whose text was altered in place (which
SQLite's own check cannot see) is refused for restoring and never offered, and left alone."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from survivor_app.storage import (
    BackupFolder,
    DamagedRecordError,
    RecordStore,
    schema,
)
from survivor_app.storage.digest import DIGEST, content_digest
from tests.storage.damage import damage_pages
from tests.storage.samples import in_reading_order, sample_record

ALTERED = (
    "This backup has changed since it was made, so it cannot be trusted. "
    "It was left as it is. Choose another one."
)


def digest_setting(path: Path) -> str | None:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        row = connection.execute("SELECT value FROM setting WHERE key = ?", (DIGEST,)).fetchone()
        return None if row is None else str(row[0])


def hashed(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Change text inside the file's pages, as an editor of bytes would: SQLite sees a sound
    file."""
    assert len(old) == len(new)
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))


def run_sql(path: Path, sql: str, parameters: tuple[object, ...] = ()) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute(sql, parameters)


def remove_scan(path: Path, scan_id: str) -> None:
    """Take a scan out with its measurements, leaving every reference whole."""
    run_sql(path, "DELETE FROM measurement WHERE scan_id = ?", (scan_id,))
    run_sql(path, "DELETE FROM scan WHERE id = ?", (scan_id,))


def test_a_backup_carries_the_digest_of_its_content_and_mark(filled: RecordStore) -> None:
    backup = BackupFolder(filled.path).make(filled, "by-hand")
    value = digest_setting(backup)
    assert value is not None
    mark, _, digest = value.rpartition(":")
    assert mark == filled.change_mark()
    with closing(sqlite3.connect(backup)) as connection:
        assert content_digest(connection) == digest
    assert BackupFolder.check(backup) == schema.latest_version()


def test_the_digest_tells_every_kind_of_value_apart(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "a.db")) as connection:
        connection.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value)")
        seen = set()
        for value in (1, "1", 1.0, None, "", b"1", "Ana", "Ana "):
            connection.execute("DELETE FROM setting")
            connection.execute("INSERT INTO setting VALUES ('k', ?)", (value,))
            seen.add(content_digest(connection))
    assert len(seen) == 8


@pytest.mark.parametrize(
    "alter",
    [
        lambda path: edit_in_place(path, b"Ana Example", b"Ann Example"),
        lambda path: run_sql(path, "UPDATE measurement SET size_tenths = 288 WHERE spot_id = 's1'"),
        lambda path: remove_scan(path, "sc3"),
        lambda path: run_sql(path, "UPDATE marker_result SET value = '4.15' WHERE id = 'm1'"),
        lambda path: run_sql(
            path,
            "UPDATE setting SET value = substr(value, 1, instr(value, ':')) || ?"
            f" WHERE key = '{DIGEST}'",
            ("0" * 64,),
        ),
    ],
    ids=["bytes-of-a-name", "a-size", "a-scan-removed", "a-marker-result", "the-digest-itself"],
)
def test_a_backup_altered_in_place_is_refused_and_left_alone(
    filled: RecordStore, alter: Callable[[Path], None]
) -> None:
    older = BackupFolder(filled.path).make(filled, "by-hand")
    filled.set_setting("after", "the first backup")
    backup = BackupFolder(filled.path).make(filled, "by-hand")
    alter(backup)
    with closing(sqlite3.connect(backup)) as connection:
        # SQLite itself sees nothing wrong.
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    before = hashed(backup)
    with pytest.raises(DamagedRecordError) as raised:
        BackupFolder.check(backup)
    assert str(raised.value) == ALTERED
    record_before = filled.load()
    filled.close()
    with pytest.raises(DamagedRecordError, match="has changed since it was made"):
        BackupFolder(filled.path).restore(backup)
    with RecordStore.open(filled.path) as store:
        assert store.load() == record_before
    # The list does not read every row of every backup: both are listed, the restore refuses.
    assert {info.path for info in BackupFolder(filled.path).backups()} == {backup, older}
    damage_pages(filled.path)
    # Offered for a damaged record: the older backup whose content is what it says.
    assert BackupFolder(filled.path).newest_good() == older
    assert hashed(backup) == before


def test_a_backup_without_a_digest_is_still_restored(filled: RecordStore) -> None:
    # As a backup made before digests, or a record file copied by hand.
    backup = BackupFolder(filled.path).make(filled, "by-hand")
    run_sql(backup, f"DELETE FROM setting WHERE key = '{DIGEST}'")
    assert BackupFolder.check(backup) == schema.latest_version()


def test_a_copy_changed_by_the_app_since_is_still_restored(
    filled: RecordStore, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.survivor"
    filled.backup_to(copy)
    with RecordStore.open(copy) as store:
        store.set_setting("kept", "in the copy")
    # The digest belongs to a mark the copy no longer has: the app changed it, nobody else.
    assert BackupFolder.check(copy) == schema.latest_version()
    filled.close()
    BackupFolder(filled.path).restore(copy)
    with RecordStore.open(filled.path) as store:
        assert store.load() == in_reading_order(sample_record())
        assert store.setting("kept") == "in the copy"
