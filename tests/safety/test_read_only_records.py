"""Reading needs no write: a record in a folder, or a file, that cannot be written to is still
read by ``periods``, ``export`` and ``summary`` (and shown read-only by the window), while every
command that writes is refused in one line. Each fault is patched in (as root, permissions do not
bind) and made for real with chmod where they do."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from survivor_app.exchange import read_record, write_record
from survivor_app.storage import RecordNotWritableError, RecordStore
from tests.safety.test_crafted_records import refused_in_one_line, sample_at, state
from tests.safety.test_faults import needs_permissions, read_only_folder, run
from tests.storage.samples import in_reading_order, sample_record

SAMPLE = in_reading_order(sample_record())


def folder_refuses_the_lock_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The record's folder refuses new files, as a read-only folder does."""
    real_open = os.open

    def refusing(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, mode, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


def file_refuses_writes(monkeypatch: pytest.MonkeyPatch, record: Path) -> None:
    """The record file itself may be read but not written, as a file made read-only is."""
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == record and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    path.chmod(0o400)
    try:
        yield
    finally:
        path.chmod(0o600)


def reads_and_refuses_writes(capsys: pytest.CaptureFixture[str], record: Path) -> None:
    """Every command that only reads works; one that writes is refused in one line."""
    before = state(record)
    outcome = run(capsys, "periods", "--record", record)
    assert outcome.code == 0, outcome.err
    assert SAMPLE.cancers[0].name in outcome.out
    outcome = run(capsys, "export", "--format", "json", "--record", record, "-o", "-")
    assert outcome.code == 0, outcome.err
    assert read_record(outcome.out.encode()) == SAMPLE
    pdf = record.parent.parent / "summary.pdf"
    outcome = run(capsys, "summary", "--record", record, "-o", pdf)
    assert outcome.code == 0, outcome.err
    assert pdf.read_bytes().startswith(b"%PDF")
    source = record.parent.parent / "import.json"
    source.write_bytes(write_record(sample_record()))
    assert "cannot be written to" in refused_in_one_line(
        capsys, "import", source, "--record", record, "--replace"
    )
    assert state(record) == before


@pytest.fixture
def record(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    return sample_at(folder / "record.survivor")


def test_a_record_in_a_folder_that_refuses_writes_is_read(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_refuses_the_lock_file(monkeypatch)
    with pytest.raises(RecordNotWritableError, match="its folder cannot be written to"):
        RecordStore.open(record)
    reads_and_refuses_writes(capsys, record)


def test_a_record_file_that_refuses_writes_is_read(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_refuses_writes(monkeypatch, record)
    with pytest.raises(RecordNotWritableError) as raised:
        RecordStore.open(record)
    assert str(raised.value) == RecordNotWritableError.FILE
    # Nothing is left held: the lock is given up with the refusal.
    assert sorted(path.name for path in record.parent.iterdir()) == ["record.survivor"]
    reads_and_refuses_writes(capsys, record)


@needs_permissions
def test_a_record_in_a_read_only_folder_is_read(
    capsys: pytest.CaptureFixture[str], record: Path
) -> None:
    with read_only_folder(record.parent):
        with pytest.raises(RecordNotWritableError):
            RecordStore.open(record)
        reads_and_refuses_writes(capsys, record)


@needs_permissions
def test_a_read_only_record_file_is_read(capsys: pytest.CaptureFixture[str], record: Path) -> None:
    with read_only_file(record):
        with pytest.raises(RecordNotWritableError):
            RecordStore.open(record)
        reads_and_refuses_writes(capsys, record)
