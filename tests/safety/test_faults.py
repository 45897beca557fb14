"""Faults of the computer, not the person: a full disk or a folder that cannot be written to,
while saving an edit, exporting or backing up, gives one plain sentence and leaves the record as
it was. Each fault is made for real where SQLite can make it (its page limit, its read-only
switch) and patched in where only the operating system could; the variants with a read-only
folder run only where permissions bind (not as root)."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from survivor_app.cli import main
from survivor_app.domain import Question
from survivor_app.paths import backups_dir
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
    RecordWriteError,
)
from tests.shared_files import READABLE_EXAMPLES
from tests.storage.samples import in_reading_order, sample_record

SAMPLE = in_reading_order(sample_record())
AS_ROOT = os.name == "posix" and os.geteuid() == 0
needs_permissions = pytest.mark.skipif(
    os.name != "posix" or AS_ROOT, reason="root writes into read-only folders"
)


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Outcome:
    try:
        code = main([str(argument) for argument in args])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def one_plain_line(outcome: Outcome, *fragments: str) -> None:
    assert outcome.code == 2
    assert outcome.err.count("\n") == 1, outcome.err
    assert "Traceback" not in outcome.err
    for fragment in fragments:
        assert fragment in outcome.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def record(record_path: Path) -> Path:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    return record_path


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    folder.chmod(0o500)
    try:
        yield
    finally:
        folder.chmod(0o700)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every copy SQLite writes beside its target (backups, copies) finds the disk full."""
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(database, *args, **kwargs)
        if str(database).endswith(".partial"):
            connection.execute("PRAGMA max_page_count = 1")
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)


def refused_by_the_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every temporary file (of an export, a backup, a copy) is refused, as by a read-only
    folder."""

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


# Saving an edit.


def test_an_edit_on_a_full_disk_is_refused_and_the_record_kept(record: Path) -> None:
    with RecordStore.open(record) as store:
        (pages,) = store._connection.execute("PRAGMA page_count").fetchone()
        store._connection.execute(f"PRAGMA max_page_count = {pages}")
        # Far more than a page: the record must grow to hold it.
        long_question = Question("q9", "Is there room for this? " * 2000)
        with pytest.raises(RecordWriteError) as raised:
            store.add_question(long_question)
        assert str(raised.value) == (
            "Your change could not be saved because the disk is full. "
            "Free some space, then try again."
        )
        assert store.load() == SAMPLE
        # Once there is room again, the same edit goes through.
        store._connection.execute("PRAGMA max_page_count = 1073741823")
        store.add_question(long_question)
        assert store.questions()[-1] == long_question


def test_an_edit_the_disk_will_not_take_is_refused_and_the_record_kept(record: Path) -> None:
    with RecordStore.open(record) as store:
        mark = store.change_mark()
        store._connection.execute("PRAGMA query_only = ON")
        with pytest.raises(RecordWriteError, match="the folder cannot be written to"):
            store.add_question(Question("q9", "Will this be kept?"))
        assert store.load() == SAMPLE
        assert store.change_mark() == mark


@needs_permissions
def test_an_edit_in_a_folder_made_read_only_is_refused(record: Path) -> None:
    with RecordStore.open(record) as store, read_only_folder(record.parent):
        with pytest.raises(RecordWriteError, match="could not be saved"):
            store.add_question(Question("q9", "Will this be kept?"))
        assert store.load() == SAMPLE


# Exporting.


def test_an_export_on_a_full_disk_leaves_no_file(
    capsys: pytest.CaptureFixture[str],
    record: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fsync(handle: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = digest(record)
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(os, "fsync", fsync)
    for name in ("json", "csv", "fhir"):
        outcome = run(capsys, "export", "--format", name, "--record", record, "-o", out / name)
        one_plain_line(outcome, "cannot be written", os.strerror(errno.ENOSPC))
    assert list(out.iterdir()) == []
    assert digest(record) == before


def test_an_export_into_a_folder_that_refuses_it_leaves_no_file(
    capsys: pytest.CaptureFixture[str],
    record: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused_by_the_folder(monkeypatch)
    outcome = run(capsys, "export", "--record", record, "-o", tmp_path / "out.json")
    one_plain_line(outcome, "cannot be written", os.strerror(errno.EACCES))
    assert not (tmp_path / "out.json").exists()


@needs_permissions
def test_an_export_into_a_read_only_folder_leaves_no_file(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    with read_only_folder(out):
        one_plain_line(run(capsys, "export", "--record", record, "-o", out / "x.json"))
    assert list(out.iterdir()) == []


# Backing up.


def test_a_backup_on_a_full_disk_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups_dir(record).mkdir(mode=0o700, parents=True)
    before = digest(record)
    full_disk(monkeypatch)
    one_plain_line(
        run(capsys, "backup", "--record", record),
        "The backup could not be saved because the disk is full.",
    )
    with RecordStore.open(record) as store:
        with pytest.raises(RecordWriteError, match="disk is full"):
            BackupFolder(store.path).make_if_due(store)
        with pytest.raises(RecordWriteError, match="disk is full"):
            store.backup_to(record.with_name("copy.survivor"))
        assert store.load() == SAMPLE
    assert digest(record) == before
    assert list(backups_dir(record).iterdir()) == []
    assert sorted(path.name for path in record.parent.iterdir()) == ["backups", record.name]


def test_a_backup_into_a_folder_that_refuses_it_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(record)
    refused_by_the_folder(monkeypatch)
    one_plain_line(
        run(capsys, "backup", "--record", record),
        "The backup could not be saved because the folder cannot be written to.",
    )
    assert digest(record) == before
    assert not any(backups_dir(record).iterdir())


@needs_permissions
def test_a_backup_into_a_read_only_backups_folder_is_refused(record: Path) -> None:
    backups = backups_dir(record)
    backups.mkdir(mode=0o700)
    with RecordStore.open(record) as store, read_only_folder(backups):
        with pytest.raises(RecordWriteError, match="folder cannot be written to"):
            BackupFolder(store.path).make(store, "by-hand")
        assert store.load() == SAMPLE
    assert list(backups.iterdir()) == []


def test_an_import_whose_backup_fails_changes_nothing(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(record)
    full_disk(monkeypatch)
    example = READABLE_EXAMPLES[0]
    one_plain_line(run(capsys, "import", example, "--record", record, "--replace"), "disk is full")
    assert digest(record) == before


# Where the record goes.


def test_a_record_in_folders_not_there_yet_is_made_with_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = tmp_path / "a" / "b" / "record.survivor"
    assert run(capsys, "demo", "--record", record).code == 0
    assert record.is_file()


def test_a_record_where_no_folder_can_be_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    one_plain_line(
        run(capsys, "demo", "--record", blocker / "record.survivor"),
        "The new record could not be saved.",
    )
    assert blocker.read_text() == "in the way"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a file"]


@needs_permissions
def test_a_record_in_a_read_only_folder_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only_folder(folder):
        one_plain_line(
            run(capsys, "demo", "--record", folder / "new" / "record.survivor"),
            "folder cannot be written to",
        )
    assert list(folder.iterdir()) == []
