"""Fixtures of the storage tests: a fresh record for each test, empty or holding the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from survivor_app.storage import RecordStore
from tests.storage.samples import sample_record


@pytest.fixture
def store(record_path: Path) -> Iterator[RecordStore]:
    """A new, empty record."""
    with RecordStore.open(record_path) as opened:
        yield opened


@pytest.fixture
def filled(store: RecordStore) -> RecordStore:
    """A record holding the sample record."""
    store.replace_content(sample_record())
    return store
