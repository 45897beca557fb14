"""A record whose rows break its own schema's rules, written by a tool that switched SQLite's
checks off (a value no column allows, text where a size goes, a reference to a spot that is not
there), is refused as damaged by every way in, in one calm line, and left as it was; such a file
is never restored over a good record."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from survivor_app.storage import BackupFolder, DamagedRecordError, RecordStore
from tests.safety.test_crafted_records import refused_in_one_line, sample_at, state

DAMAGED = "This record is damaged"

#: Each kind of damage, made with plain SQLite on a real record holding the sample.
BROKEN_ROWS = {
    "a value no column allows": (
        "PRAGMA ignore_check_constraints = ON; UPDATE spot SET area = 'nowhere'"
    ),
    "text where a size goes": (
        "PRAGMA ignore_check_constraints = ON; "
        "UPDATE measurement SET size_tenths = 'big' WHERE size_tenths IS NOT NULL"
    ),
    "a reference to a spot that is not there": (
        "PRAGMA foreign_keys = OFF; DELETE FROM spot WHERE id IN (SELECT spot_id FROM measurement)"
    ),
}

kinds = pytest.mark.parametrize("kind", sorted(BROKEN_ROWS))


def broken_record(path: Path, kind: str) -> Path:
    sample_at(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.executescript(BROKEN_ROWS[kind])
    return path


@kinds
def test_the_command_line_refuses_it_as_damaged_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    broken = broken_record(tmp_path / "broken.survivor", kind)
    before = state(broken)
    for args in (
        ("periods", "--record", broken),
        ("export", "--format", "json", "--record", broken, "-o", tmp_path / "out.json"),
        ("summary", "--record", broken, "-o", tmp_path / "out.pdf"),
    ):
        assert DAMAGED in refused_in_one_line(capsys, *args)
    assert state(broken) == before
    assert not (tmp_path / "out.json").exists()


@kinds
def test_it_is_never_restored_over_a_good_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    broken = broken_record(tmp_path / "broken.survivor", kind)
    record = sample_at(tmp_path / "good.survivor")
    before, record_before = state(broken), state(record)
    with pytest.raises(DamagedRecordError):
        BackupFolder(record).check(broken)
    refused_in_one_line(capsys, "restore", broken, "--record", record)
    assert (state(broken), state(record)) == (before, record_before)
    with RecordStore.open(record) as store:
        assert store.load() is not None
