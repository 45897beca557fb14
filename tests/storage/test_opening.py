"""Opening a record: new ones are private, and anything that is not a sound record of this
version is refused and left exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from survivor_app.storage import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
    RecordMissingError,
    RecordStore,
    RecordWriteError,
)
from survivor_app.storage.schema import APPLICATION_ID, latest_version
from tests.storage.samples import in_reading_order, sample_record

PAGE = 4096


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in ``folder`` with the hash of its bytes and its modification time."""
    return {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
    }


def filled_record(path: Path, copies: int = 1) -> None:
    """A closed record holding the sample, its notes long enough to span many pages."""
    record = sample_record()
    long_notes = "A long note about how the day went. " * 40
    with RecordStore.open(path) as store, store.transaction():
        store.replace_content(record)
        for number in range(copies * 30):
            store.set_setting(f"note-{number}", long_notes)


def read_only(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))


def test_a_new_record_and_its_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "mine.survivor"
    with RecordStore.open(path) as store:
        store.set_person(sample_record().person)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


def test_a_record_carries_the_app_s_id_and_version(record_path: Path) -> None:
    RecordStore.open(record_path).close()
    with read_only(record_path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert connection.execute("PRAGMA user_version").fetchone() == (latest_version(),)


def test_the_connection_keeps_every_edit_safe(store: RecordStore) -> None:
    # The settings live on the connection itself, so only the store's own one can show them.
    connection = store._connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.isolation_level is None
    # What a file's schema says is data: no function of it runs as code.
    assert connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0


@pytest.mark.skipif(
    not hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"), reason="Python offers it from 3.12"
)
def test_every_connection_is_defensive_where_python_offers_it(filled: RecordStore) -> None:
    defensive = sqlite3.SQLITE_DBCONFIG_DEFENSIVE
    assert filled._connection.getconfig(defensive)
    with RecordStore.open(filled.path, read_only=True) as view:
        assert view._connection.getconfig(defensive)


def test_a_read_only_view_trusts_no_schema(filled: RecordStore) -> None:
    with RecordStore.open(filled.path, read_only=True) as view:
        assert view._connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_the_journal_is_private_while_a_change_is_written(store: RecordStore) -> None:
    journal = store.path.with_name(store.path.name + "-journal")
    with store.transaction():
        store.set_person(sample_record().person)
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert not journal.exists()


def test_a_missing_record_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "record.survivor"
    with pytest.raises(RecordMissingError):
        RecordStore.open(path, create=False)
    assert not path.parent.exists()


def test_a_record_opens_again_with_its_content(record_path: Path) -> None:
    filled_record(record_path)
    with RecordStore.open(record_path, create=False) as store:
        assert store.load() == in_reading_order(sample_record())


def test_an_empty_file_becomes_a_record(record_path: Path) -> None:
    record_path.touch()
    with RecordStore.open(record_path, create=False) as store:
        assert store.is_empty()


def test_an_empty_sqlite_file_becomes_a_record(record_path: Path) -> None:
    with closing(sqlite3.connect(record_path)) as connection:
        connection.execute("PRAGMA user_version = 0")
        connection.execute("VACUUM")  # writes the header, with no table in the file
    assert record_path.stat().st_size > 0
    with RecordStore.open(record_path) as store:
        assert store.is_empty()


def refused(path: Path, error: type[RecordError]) -> None:
    """Opening ``path`` raises ``error``, and nothing in its folder changes."""
    before = fingerprint(path.parent)
    with pytest.raises(error) as raised:
        RecordStore.open(path)
    assert fingerprint(path.parent) == before
    sentence = str(raised.value)
    assert sentence.endswith(".")
    assert "sqlite" not in sentence.lower()


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Scan on Monday. Bring the letter.\n" * 10)
    refused(path, NotARecordError)


def test_a_short_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.survivor"
    path.write_bytes(b"SQLite format 3\x00")
    refused(path, NotARecordError)


def test_a_picture_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    refused(path, NotARecordError)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.survivor"
    folder.mkdir()
    with pytest.raises(NotARecordError):
        RecordStore.open(folder)
    assert list(folder.iterdir()) == []


def test_another_application_s_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA application_id = 1234")
        connection.execute("CREATE TABLE photo (name TEXT)")
        connection.execute("INSERT INTO photo VALUES ('beach')")
        connection.commit()
    refused(path, NotARecordError)


def test_a_database_without_an_application_id_but_with_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (name TEXT)")
    refused(path, NotARecordError)


def test_a_record_from_a_newer_version_is_refused(record_path: Path) -> None:
    filled_record(record_path)
    with closing(sqlite3.connect(record_path)) as connection:
        connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    refused(record_path, NewerRecordError)


@pytest.mark.parametrize(
    ("offset", "damage"),
    [(0, bytes(range(7, 256, 3)) * (3 * PAGE // 83)), (8, b"\xa5" * 16)],
    ids=["three-pages-overwritten", "cell-pointers-overwritten"],
)
def test_a_record_with_damaged_pages_is_refused(
    record_path: Path, offset: int, damage: bytes
) -> None:
    filled_record(record_path, copies=3)
    size = record_path.stat().st_size
    assert size > 20 * PAGE
    with record_path.open("r+b") as file:
        file.seek(size // PAGE // 2 * PAGE + offset)
        file.write(damage)
    refused(record_path, DamagedRecordError)


def test_a_record_whose_first_page_is_damaged_is_refused(record_path: Path) -> None:
    filled_record(record_path)
    with record_path.open("r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 400)
    refused(record_path, DamagedRecordError)


def test_an_edit_cut_short_by_a_crash_is_undone_on_opening(tmp_path: Path) -> None:
    live = tmp_path / "live.survivor"
    filled_record(live)
    crashed = tmp_path / "crashed.survivor"
    with closing(sqlite3.connect(live, isolation_level=None)) as writer:
        # A one-page cache makes SQLite write changed pages into the file before the commit,
        # as a large edit does; copying the file and its journal now is what a crash leaves.
        writer.execute("PRAGMA cache_size = 1")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE setting SET value = 'changed'")
        writer.execute("DELETE FROM scan")
        shutil.copyfile(live, crashed)
        shutil.copyfile(f"{live}-journal", f"{crashed}-journal")
        writer.execute("ROLLBACK")
    assert crashed.read_bytes() != live.read_bytes()
    with RecordStore.open(crashed, create=False) as store:
        assert store.load() == in_reading_order(sample_record())
        assert store.setting("note-0") != "changed"
    assert not Path(f"{crashed}-journal").exists()


def test_another_application_s_database_cut_short_by_a_crash_is_left_alone(
    tmp_path: Path,
) -> None:
    live = tmp_path / "photos.db"
    with closing(sqlite3.connect(live)) as connection:
        connection.execute("CREATE TABLE photo (name TEXT)")
        connection.executemany("INSERT INTO photo VALUES (?)", [("x" * 500,)] * 200)
        connection.commit()
    crashed = tmp_path / "crashed" / "photos.db"
    crashed.parent.mkdir()
    with closing(sqlite3.connect(live, isolation_level=None)) as writer:
        writer.execute("PRAGMA cache_size = 1")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE photo SET name = 'changed'")
        shutil.copyfile(live, crashed)
        shutil.copyfile(f"{live}-journal", f"{crashed}-journal")
        writer.execute("ROLLBACK")
    refused(crashed, NotARecordError)


def test_a_record_that_cannot_be_created_is_a_write_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    with pytest.raises(RecordWriteError, match="could not be saved"):
        RecordStore.open(blocker / "record.survivor")
