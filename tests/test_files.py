"""Exported files are private to their owner and never left half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from survivor_app.files import write_private, write_private_files


def test_writes_the_bytes_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_private(target, b"{}\n")
    assert target.read_bytes() == b"{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_replacing_a_file_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_private(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_private(tmp_path / "nowhere" / "out.json", b"x")


def test_a_failed_second_file_leaves_neither_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An export of two files: the disk fills up while the second is written.
    scans, markers = tmp_path / "out.csv", tmp_path / "out markers.csv"
    scans.write_bytes(b"old scans")
    fsyncs: list[int] = []
    real_fsync = os.fsync

    def full_on_the_second(fd: int) -> None:
        fsyncs.append(fd)
        if len(fsyncs) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("os.fsync", full_on_the_second)
    with pytest.raises(OSError, match="No space"):
        write_private_files([(scans, b"new scans"), (markers, b"new markers")])
    assert scans.read_bytes() == b"old scans"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_both_files_are_written_private(tmp_path: Path) -> None:
    files = [(tmp_path / "a.csv", b"a"), (tmp_path / "a markers.csv", b"b")]
    write_private_files(files)
    for path, data in files:
        assert path.read_bytes() == data
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
