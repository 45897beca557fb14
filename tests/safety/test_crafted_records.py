"""A record file is data, never code: a record whose schema is not the app's own, word for word
(a trigger, a view, a virtual table, a generated column, a changed or missing table, an extra
index, another schema), is refused as "not a record" by every way in, and left byte for byte as
it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from survivor_app.cli import main
from survivor_app.exchange import write_record
from survivor_app.paths import backups_dir
from survivor_app.storage import (
    BackupFolder,
    NotARecordError,
    RecordStore,
)
from tests.safety.crafted import CHANGES, crafted_record
from tests.storage.damage import damage_pages
from tests.storage.samples import sample_record

NOT_A_RECORD = "This file is not a Survivorship Tracker record. Choose another file."
NOT_A_BACKUP = "This file is not a Survivorship Tracker backup. Choose another one."

NOW = dt.datetime(2024, 6, 20, 9, 30, tzinfo=dt.UTC)

kinds = pytest.mark.parametrize("kind", sorted(CHANGES))


def state(path: Path) -> tuple[str, int]:
    """The file's bytes (as their hash) and its modification time."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def sample_at(path: Path) -> Path:
    """A record at ``path`` holding the sample; ``path``."""
    with RecordStore.open(path) as store:
        store.replace_content(sample_record())
    return path


def refused_in_one_line(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    with pytest.raises(SystemExit) as stop:
        main([str(argument) for argument in args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected" not in err
    return err


@kinds
def test_a_crafted_record_is_not_opened_for_writing_or_reading(tmp_path: Path, kind: str) -> None:
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    for read_only in (False, True):
        with pytest.raises(NotARecordError) as raised:
            RecordStore.open(crafted, read_only=read_only)
        assert str(raised.value) == NOT_A_RECORD
    assert state(crafted) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["crafted.survivor"]


@kinds
def test_the_command_line_refuses_a_crafted_record_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    exported = tmp_path / "out.json"
    source = tmp_path / "import.json"
    source.write_bytes(write_record(sample_record()))
    for args in (
        ("periods", "--record", crafted),
        ("export", "--format", "json", "--record", crafted, "-o", exported),
        ("summary", "--record", crafted, "-o", tmp_path / "out.pdf"),
        ("backup", "--record", crafted),
        # Writes: the edit never reaches the file.
        ("import", source, "--record", crafted, "--replace"),
    ):
        assert NOT_A_RECORD in refused_in_one_line(capsys, *args)
    assert state(crafted) == before
    assert not exported.exists()
    assert not backups_dir(crafted).exists()


@kinds
def test_a_crafted_backup_is_never_restored_offered_or_copied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    record = sample_at(tmp_path / "mine.survivor")
    record_before = state(record)
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    with pytest.raises(NotARecordError, match=NOT_A_BACKUP):
        BackupFolder.check(crafted)
    with pytest.raises(NotARecordError, match=NOT_A_BACKUP):
        BackupFolder(record).restore(crafted)
    with pytest.raises(NotARecordError, match=NOT_A_BACKUP):
        BackupFolder.copy_out(crafted, tmp_path / "copy.survivor")
    assert NOT_A_BACKUP in refused_in_one_line(capsys, "restore", crafted, "--record", record)
    assert state(crafted) == before
    assert state(record) == record_before
    assert not (tmp_path / "copy.survivor").exists()


@kinds
def test_a_crafted_record_is_never_restored_over(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    good = sample_at(tmp_path / "good.survivor")
    crafted = crafted_record(tmp_path / "crafted.survivor", kind)
    before = state(crafted)
    assert NOT_A_RECORD in refused_in_one_line(capsys, "restore", good, "--record", crafted)
    assert state(crafted) == before


@kinds
def test_a_crafted_file_among_the_backups_is_never_offered(tmp_path: Path, kind: str) -> None:
    record = sample_at(tmp_path / "mine.survivor")
    folder = backups_dir(record)
    folder.mkdir(mode=0o700, parents=True)
    crafted = crafted_record(folder / "mine-20260101T000000Z-daily.survivor", kind)
    before = state(crafted)
    damage_pages(record)
    assert BackupFolder(record).newest_good() is None
    (listed,) = BackupFolder(record).backups()
    assert listed.problem == NOT_A_BACKUP
    assert state(crafted) == before


def test_no_mark_is_read_from_a_crafted_file_among_the_backups(tmp_path: Path) -> None:
    record = sample_at(tmp_path / "mine.survivor")
    with RecordStore.open(record) as store:
        mark = store.change_mark()
        crafted = BackupFolder(store.path).make(store, "daily", now=NOW - dt.timedelta(days=2))
        # A view that says "nothing has changed since": believed, no daily backup would come.
        with closing(sqlite3.connect(crafted, isolation_level=None)) as connection:
            connection.executescript(
                "DROP TABLE setting;"
                f"CREATE VIEW setting (key, value) AS SELECT 'last-change', '{mark}';"
            )
        before = state(crafted)
        made = BackupFolder(store.path).make_if_due(store, NOW)
    assert made is not None
    assert BackupFolder(record).newest_good() == made
    assert state(crafted) == before
