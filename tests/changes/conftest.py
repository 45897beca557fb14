"""The record every test of the changes starts from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from survivor_app.storage import RecordStore
from tests.changes.edits import RECORD
from tests.gui.records import write_record_file


@pytest.fixture
def store(record_path: Path) -> Iterator[RecordStore]:
    """The small record, open for writing."""
    write_record_file(record_path, RECORD)
    with RecordStore.open(record_path, create=False) as opened:
        yield opened
