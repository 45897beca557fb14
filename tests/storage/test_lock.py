"""One writer: while a store may write to a record, no other store (in this program or another)
can open it for writing, and a read-only view can show it without writing."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from survivor_app.domain import Cancer, Person, Question, Record
from survivor_app.paths import backups_dir
from survivor_app.storage import (
    BackupFolder,
    NotARecordError,
    RecordError,
    RecordLockedError,
    RecordMissingError,
    RecordStore,
    RecordWriteError,
    lock,
    schema,
)
from tests.storage.samples import in_reading_order, sample_record

SAMPLE = in_reading_order(sample_record())

#: A second program that opens the record for writing and keeps it open until its input ends.
HOLDER = (
    "import sys; from pathlib import Path; from survivor_app.storage import RecordStore;"
    "store = RecordStore.open(Path(sys.argv[1])); print('open', flush=True); sys.stdin.read()"
)


@contextmanager
def held_by_another_program(path: Path) -> Iterator[subprocess.Popen[str]]:
    """A running program that holds ``path`` open for writing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "open\n"
        yield holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()


def test_a_second_store_in_the_same_program_cannot_write(filled: RecordStore) -> None:
    with pytest.raises(RecordLockedError) as raised:
        RecordStore.open(filled.path)
    assert str(raised.value) == (
        "This record is open in another window of Survivorship Tracker. "
        "Close it there first, or open a read-only view."
    )
    assert isinstance(raised.value, RecordError)
    # The first store goes on as before.
    filled.add_question(Question("q9", "Is the lock fair?"))
    assert filled.questions()[-1].id == "q9"


def test_the_record_can_be_opened_again_once_closed(record_path: Path) -> None:
    with RecordStore.open(record_path) as first:
        first.replace_content(sample_record())
    with RecordStore.open(record_path) as second:
        assert second.load() == SAMPLE


def test_a_store_that_fails_to_open_leaves_no_lock(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Scan on Monday.\n" * 20)
    for _ in range(2):
        with pytest.raises(NotARecordError):
            RecordStore.open(text)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_the_lock_file_is_private_while_held_and_gone_after(record_path: Path) -> None:
    lock_file = record_path.with_name(f"{record_path.name}.lock")
    with RecordStore.open(record_path):
        assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    assert not lock_file.exists()


def test_another_name_for_the_same_file_shares_its_lock(
    filled: RecordStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "elsewhere" / "link.survivor"
    link.parent.mkdir()
    link.symlink_to(filled.path)
    with pytest.raises(RecordLockedError):
        RecordStore.open(link)
    monkeypatch.chdir(filled.path.parent)
    with pytest.raises(RecordLockedError):
        RecordStore.open(Path(filled.path.name))


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks only the record's name")
def test_a_hard_link_to_the_record_shares_its_lock(filled: RecordStore, tmp_path: Path) -> None:
    # A second name in another folder: the lock file beside it would be another one.
    link = tmp_path / "elsewhere" / "second name.survivor"
    link.parent.mkdir()
    os.link(filled.path, link)
    with pytest.raises(RecordLockedError):
        RecordStore.open(link)
    # Reading through it still works, as through the record's own name.
    with RecordStore.open(link, read_only=True) as view:
        assert view.load() == filled.load()
    filled.close()
    with RecordStore.open(link) as store:
        with pytest.raises(RecordLockedError):
            RecordStore.open(filled.path)
        store.set_setting("through", "the link")
    assert not (link.parent / "second name.survivor.lock").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks only the record's name")
def test_a_new_record_is_locked_under_every_name_at_once(record_path: Path) -> None:
    with RecordStore.open(record_path):
        link = record_path.with_name("second.survivor")
        os.link(record_path, link)
        with pytest.raises(RecordLockedError):
            RecordStore.open(link)


def test_a_lock_file_removed_while_being_taken_is_taken_again(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_file = record_path.with_name(f"{record_path.name}.lock")
    real_try = lock._try_lock
    tries: list[int] = []

    def released_meanwhile(handle: int) -> bool:
        # As when the window before gives the record up between our open and our lock.
        tries.append(handle)
        if len(tries) == 1:
            lock_file.unlink()
        return real_try(handle)

    monkeypatch.setattr(lock, "_try_lock", released_meanwhile)
    with RecordStore.open(record_path):
        # Twice on the lock file; then (but on Windows) once on the new record file itself.
        assert len(tries) == (2 if sys.platform == "win32" else 3)
        monkeypatch.setattr(lock, "_try_lock", real_try)
        # The lock now held is the one on the file that others will find.
        with pytest.raises(RecordLockedError):
            RecordStore.open(record_path)


def test_another_program_holding_the_record_keeps_this_one_out(record_path: Path) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    with held_by_another_program(record_path):
        with pytest.raises(RecordLockedError):
            RecordStore.open(record_path)
        with RecordStore.open(record_path, read_only=True) as view:
            assert view.load() == SAMPLE


def test_this_program_holding_the_record_keeps_another_out(filled: RecordStore) -> None:
    result = subprocess.run(
        [sys.executable, "-c", HOLDER, str(filled.path)],
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "RecordLockedError" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_dies_with_the_program_that_crashed(record_path: Path) -> None:
    RecordStore.open(record_path).close()
    with held_by_another_program(record_path) as holder:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        # The crashed program's lock file is still there, but no one holds it.
        assert record_path.with_name(f"{record_path.name}.lock").exists()
        with RecordStore.open(record_path) as store:
            store.set_person(Person("Ana"))


def test_a_read_only_view_sees_what_the_writer_commits(store: RecordStore) -> None:
    with RecordStore.open(store.path, read_only=True) as view:
        assert view.read_only
        assert not store.read_only
        assert view.load() is None
        store.replace_content(sample_record())
        assert view.load() == SAMPLE
        assert view.change_mark() == store.change_mark()


def every_write(record: Record) -> list[Callable[[RecordStore], object]]:
    """Each way a store can be asked to write, once."""
    cancer = record.cancers[0]
    return [
        lambda s: s.set_person(Person("Ben")),
        lambda s: s.add_cancer(Cancer("c9", "Lung cancer", "right lung")),
        lambda s: s.update_cancer(cancer),
        lambda s: s.delete_cancer(cancer.id),
        lambda s: s.add_spot(record.spots[0]),
        lambda s: s.update_spot(record.spots[0]),
        lambda s: s.delete_spot(record.spots[0].id),
        lambda s: s.add_scan(record.scans[0]),
        lambda s: s.update_scan(record.scans[0]),
        lambda s: s.delete_scan(record.scans[0].id),
        lambda s: s.add_statement(record.statements[0]),
        lambda s: s.update_statement(record.statements[0]),
        lambda s: s.delete_statement(record.statements[0].id),
        lambda s: s.add_treatment(record.treatments[0]),
        lambda s: s.update_treatment(record.treatments[0]),
        lambda s: s.delete_treatment(record.treatments[0].id),
        lambda s: s.add_question(record.questions[0]),
        lambda s: s.update_question(record.questions[0]),
        lambda s: s.delete_question(record.questions[0].id),
        lambda s: s.replace_content(Record(Person("Ben"))),
        lambda s: s.set_setting("colour", "blue"),
        lambda s: s.transaction().__enter__(),
    ]


@pytest.mark.parametrize("write", range(len(every_write(sample_record()))))
def test_a_read_only_view_refuses_every_write(filled: RecordStore, write: int) -> None:
    before = filled.change_mark()
    with RecordStore.open(filled.path, read_only=True) as view:
        with pytest.raises(RecordWriteError) as raised:
            every_write(sample_record())[write](view)
        assert str(raised.value) == "This record is open read-only."
        assert view.load() == SAMPLE
    assert filled.change_mark() == before


def test_a_read_only_view_can_be_copied_but_not_restored(filled: RecordStore) -> None:
    with RecordStore.open(filled.path, read_only=True) as view:
        backup = BackupFolder(view.path).make(view, "by-hand")
        with pytest.raises(RecordWriteError, match="read-only"):
            BackupFolder(view.path).restore(backup, view)
    with RecordStore.open(backup, read_only=True) as copy:
        assert copy.load() == SAMPLE


def test_a_read_only_view_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "record.survivor"
    with pytest.raises(RecordMissingError):
        RecordStore.open(missing, read_only=True)
    assert not missing.parent.exists()
    text = tmp_path / "notes.txt"
    text.write_text("Scan on Monday.\n" * 20)
    with pytest.raises(NotARecordError):
        RecordStore.open(text, read_only=True)
    record = tmp_path / "record.survivor"
    RecordStore.open(record).close()
    with RecordStore.open(record, read_only=True) as view:
        assert view.is_empty()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt", "record.survivor"]


def test_a_read_only_view_does_not_update_an_older_record(
    record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RecordStore.open(record_path) as store:
        store.replace_content(sample_record())
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, lambda c: None))
    with pytest.raises(RecordError, match="needs a small update"):
        RecordStore.open(record_path, read_only=True)
    assert not backups_dir(record_path).exists()


def test_a_folder_that_refuses_the_lock_file_is_said_plainly(
    filled: RecordStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "common" / "record.survivor"
    filled.backup_to(record)
    text = tmp_path / "common" / "notes.txt"
    text.write_text("Scan on Monday.\n" * 20)
    real_open = os.open

    def read_only_folder(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_folder)
    with pytest.raises(RecordWriteError) as raised:
        RecordStore.open(record)
    assert str(raised.value).startswith("Changes to this record cannot be saved")
    assert "read-only view" in str(raised.value)
    with pytest.raises(NotARecordError):
        RecordStore.open(text)
    with pytest.raises(RecordWriteError, match="The new record could not be saved"):
        RecordStore.open(tmp_path / "common" / "new.survivor")
    with RecordStore.open(record, read_only=True) as view:
        assert view.load() == SAMPLE


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_refuses_writing_but_not_reading(
    filled: RecordStore, tmp_path: Path
) -> None:
    folder = tmp_path / "read-only"
    record = folder / "record.survivor"
    filled.backup_to(record)
    folder.chmod(0o500)
    try:
        with pytest.raises(RecordWriteError, match="folder cannot be written to"):
            RecordStore.open(record)
        with RecordStore.open(record, read_only=True) as view:
            assert view.load() == SAMPLE
    finally:
        folder.chmod(0o700)
