"""Crash safety: a program killed (SIGKILL) in the middle of writing leaves a record that opens
cleanly and holds every edit it had committed, and an import killed half way leaves the record
exactly as it was before it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from survivor_app.exchange import write_record
from survivor_app.storage import RecordStore
from survivor_app.storage.connection import is_sound
from tests.safety import busy_writer
from tests.storage.samples import in_reading_order, sample_record

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and SIGSTOP are POSIX")

ROOT = Path(__file__).resolve().parents[2]
#: Scans in the imported record: enough that swapping it in takes a tenth of a second or more.
BIG = 3000


def writer(*args: object) -> subprocess.Popen[str]:
    """Start the busy writer (tests/safety/busy_writer.py) with these arguments."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.safety.busy_writer", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


#: The first bytes of a rollback journal that SQLite must play back ("hot"); SQLite writes
#: them only just before it first changes the record's file.
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def journal_of(record: Path) -> Path:
    return record.with_name(f"{record.name}-journal")


def journal_size(record: Path) -> int:
    """The size of the record's rollback journal; 0 when there is none."""
    try:
        return journal_of(record).stat().st_size
    except FileNotFoundError:
        return 0


def opened_cleanly(path: Path) -> bytes:
    """Open the record as the app does after a crash; check it, and export its content."""
    with RecordStore.open(path, create=False) as store:
        assert is_sound(store._connection)
        record = store.load()
    # An interrupted write's journal has been played back and removed. One cut short before
    # the record's file was touched may stay, but not as one to play back: SQLite ignores it,
    # and the next write replaces it.
    if journal_size(path):
        assert not journal_of(path).read_bytes().startswith(JOURNAL_MAGIC)
    assert record is not None
    return write_record(record)


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the writer never got there"
        time.sleep(0.0005)


def test_every_committed_edit_survives_a_kill(record_path: Path) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(busy_writer.starting_record())
    chosen = random.Random(20240620)
    for run in range(8):
        prefix = f"run{run}"
        child = writer("scans", prefix, record_path)
        assert child.stdout is not None
        printed: list[str] = []
        for _ in range(chosen.randint(1, 40)):
            line = child.stdout.readline()
            assert line, "the writer stopped by itself"
            printed.append(line.strip())
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=10)
        # Whatever it printed before it died was committed before it was printed.
        printed += rest.split()

        opened_cleanly(record_path)
        with RecordStore.open(record_path, create=False) as store:
            kept = [scan for scan in store.scans() if scan.id.startswith(f"{prefix}-")]
        kept_ids = [scan.id for scan in kept]
        assert kept_ids[: len(printed)] == printed
        # At most the one edit committed in the instant before its id could be printed.
        assert kept_ids[len(printed) :] in ([], [f"{prefix}-{len(printed)}"])
        # Each scan is whole: every measurement that was written with it, and nothing else.
        assert kept == [
            busy_writer.scan(scan_id, number) for number, scan_id in enumerate(kept_ids)
        ]


def test_an_import_killed_half_way_leaves_the_record_as_it_was(
    record_path: Path, tmp_path: Path
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
        store.backup_to(tmp_path / "scratch.survivor")
    # How long a whole import takes on this machine, timed on a copy.
    child = writer("import", BIG, tmp_path / "scratch.survivor")
    assert child.stdout is not None
    assert child.stdout.readline() == "start\n"
    started = time.monotonic()
    assert child.stdout.readline() == "done\n"
    duration = time.monotonic() - started
    child.communicate(timeout=10)

    journal = journal_of(record_path)
    chosen = random.Random(19610409)
    attempts = 6
    cut_short = cut_short_after_the_file_changed = 0
    for attempt in range(attempts):
        before = opened_cleanly(record_path)
        scans = BIG + attempt  # each import brings something new
        child = writer("import", scans, record_path)
        assert child.stdout is not None
        assert child.stdout.readline() == "start\n"
        # The journal holds something from the import's first change until the moment the
        # import is committed, when it is removed.
        wait_until(lambda: journal_size(record_path) > 0)
        # Kills spread over the whole import, each at a random moment of its own stretch.
        time.sleep((attempt + chosen.random()) / attempts * duration)
        # Freeze the writer first, so that whether the import was committed is known for sure.
        os.kill(child.pid, signal.SIGSTOP)
        os.waitpid(child.pid, os.WUNTRACED)
        committed = not journal.exists()
        # A journal to play back: part of the import is already in the record's own file.
        file_changed = not committed and journal.read_bytes().startswith(JOURNAL_MAGIC)
        child.kill()
        child.communicate(timeout=10)

        after = opened_cleanly(record_path)
        if committed:
            assert after == write_record(in_reading_order(busy_writer.big_record(scans)))
        else:
            cut_short += 1
            cut_short_after_the_file_changed += file_changed
            assert after == before
    assert cut_short >= 2, "the imports were not killed half way"
    assert cut_short_after_the_file_changed >= 1, "no import had changed the file when killed"
