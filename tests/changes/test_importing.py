"""Importing a whole record, the one rule the window and the command line share: a record with
content is backed up first, then replaced by a change that can be taken back; an empty one is
filled without a backup."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from survivor_app.changes import Fill, ReplaceContent, Write, import_record, write_now
from survivor_app.domain import Person
from survivor_app.storage import BackupFolder, RecordStore
from tests.changes.edits import RECORD

OTHER = dataclasses.replace(RECORD, person=Person("Someone Else", RECORD.person.birth_date))


def test_a_record_with_content_is_backed_up_then_replaced(store: RecordStore) -> None:
    written: list[Write] = []

    def write(change: Write) -> None:
        written.append(change)
        write_now(store)(change)

    backup = import_record(store, OTHER, write)

    assert backup is not None
    assert [info.path for info in BackupFolder(store.path).backups()] == [backup]
    with RecordStore.open(backup, read_only=True) as kept:
        assert kept.person() == RECORD.person
    assert store.person() == OTHER.person
    assert written == [ReplaceContent(RECORD, OTHER)]


def test_an_empty_record_is_filled_without_a_backup(record_path: Path) -> None:
    with RecordStore.open(record_path, create=True) as store:
        written: list[Write] = []
        assert import_record(store, RECORD, written.append) is None
        assert written == [Fill(RECORD)]
        assert BackupFolder(store.path).backups() == []
        assert store.is_empty()
