"""What version 1 held stays as it was in versions 2 and 3: a version-1 file imports with the
same facts, and a version-1 record opened (so migrated) then exported keeps every fact it held."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from survivor_app.domain import Record
from survivor_app.exchange import read_record, write_record
from survivor_app.storage import RecordStore
from tests.exchange.documents import TODAY, base_document, dumps, records
from tests.older_records import version_1_record
from tests.shared_files import EXAMPLE_RECORDS, SCHEMA, SCHEMA_1
from tests.storage.samples import in_reading_order

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
VALIDATOR_1 = jsonschema.Draft202012Validator(json.loads(SCHEMA_1.read_text("utf-8")))
VERSION_1_FILES = [
    pytest.param(dumps(base_document()), id="base-document"),
    *(
        pytest.param(path.read_bytes(), id=path.name)
        for path in EXAMPLE_RECORDS
        if json.loads(path.read_text("utf-8"))["version"] == 1
    ),
]


def as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """A version-3 document with what versions 2 and 3 added taken out: each spot's ``sized``
    (every one true), the marker results (none) and the version; a state in a measurement would
    stay and fail the schema."""
    older = copy.deepcopy(document)
    assert all(spot.pop("sized") is True for spot in older["spots"])
    assert older.pop("marker_results") == []
    return {**older, "version": 1}


@pytest.mark.parametrize("data", VERSION_1_FILES)
def test_a_version_1_file_imports_with_the_same_facts(data: bytes) -> None:
    VALIDATOR_1.validate(json.loads(data))
    record = read_record(data, today=TODAY)
    assert all(spot.sized for spot in record.spots)
    assert all(m.state is None for scan in record.scans for m in scan.measurements)
    written = json.loads(write_record(record))
    VALIDATOR.validate(written)
    assert written["version"] == 3
    older = as_version_1(written)
    VALIDATOR_1.validate(older)
    assert read_record(dumps(older), today=TODAY) == record


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(without_a_size=False, markers=False))
def test_a_version_1_record_opened_then_exported_keeps_every_fact(record: Record) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = version_1_record(Path(folder) / "old.survivor", record)
        with RecordStore.open(path) as store:
            loaded = store.load() or Record(record.person)
    exported = write_record(loaded)
    document = json.loads(exported)
    VALIDATOR.validate(document)
    assert all(spot["sized"] is True for spot in document["spots"])
    assert all("state" not in m for scan in document["scans"] for m in scan["measurements"])
    # What version 1 could say, it says as the record did before the update.
    VALIDATOR_1.validate(as_version_1(document))
    assert read_record(exported, today=TODAY) == in_reading_order(record)
