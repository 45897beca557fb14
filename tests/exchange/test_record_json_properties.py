"""Properties of record JSON over generated records: any valid record survives a round trip
exactly, and any one corruption of a valid file is refused at the place corrupted."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import Any

import jsonschema
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from survivor_app.domain import Record
from survivor_app.exchange import ExchangeError, read_record, write_record
from tests.exchange.documents import DROP, TODAY, change, dumps, records, steps
from tests.shared_files import EXAMPLE_RECORDS, SCHEMA

SCHEMA_DOCUMENT: dict[str, Any] = json.loads(SCHEMA.read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA_DOCUMENT)
EXAMPLES = [read_record(example.read_bytes(), today=TODAY) for example in EXAMPLE_RECORDS]
#: Values of each JSON kind; the schema decides which of them are wrong at a given place.
WRONG_KINDS: list[object] = [7, 2.5, "seven", True, False, None, [], {}, ["x"], {"x": 1}]
#: Keys whose value is a date (the schema's date and date_or_null).
DATE_KEYS = {"birth_date", "diagnosed_on", "date", "start", "end", "asked_on"}
#: Keys whose value refers to an id in another list.
REFERENCE_KEYS = {"cancer", "spot"}


@given(records())
def test_a_valid_record_survives_write_and_read_exactly(record: Record) -> None:
    written = write_record(record)
    VALIDATOR.validate(json.loads(written))
    again = read_record(written, today=TODAY)
    assert again == record
    assert write_record(again) == written


@dataclass(frozen=True)
class Place:
    """One key of one object in a document, with the schema of its value."""

    path: str
    parent: dict[str, Any]
    key: str
    schema: dict[str, Any]
    required: bool

    @property
    def value(self) -> Any:
        return self.parent[self.key]


def places(document: dict[str, Any]) -> tuple[list[Place], list[tuple[str, dict[str, Any]]]]:
    """Every key of every object in the document, and every object with its schema."""
    keys: list[Place] = []
    objects: list[tuple[str, dict[str, Any]]] = []

    def visit(value: Any, path: str, schema: dict[str, Any]) -> None:
        if isinstance(value, dict):
            objects.append((path, schema))
            for key, item in value.items():
                item_path = f"{path}.{key}" if path else key
                item_schema = schema["properties"][key]
                required = key in schema["required"]
                keys.append(Place(item_path, value, key, item_schema, required))
                visit(item, item_path, item_schema)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, f"{path}[{index}]", schema["items"])

    visit(document, "", SCHEMA_DOCUMENT)
    return keys, objects


@functools.cache
def schema_refuses(schema: str, value_index: int) -> bool:
    """Whether a schema, as JSON text, refuses one of WRONG_KINDS (cached: few schemas repeat)."""
    validator = jsonschema.Draft202012Validator(
        {**json.loads(schema), "$defs": SCHEMA_DOCUMENT["$defs"]}
    )
    return not validator.is_valid(WRONG_KINDS[value_index])


def wrong_values(keys: list[Place]) -> list[tuple[Place, object]]:
    """Each place with each value its schema refuses there."""
    return [
        (place, value)
        for place in keys
        for index, value in enumerate(WRONG_KINDS)
        if schema_refuses(json.dumps(place.schema, sort_keys=True), index)
        # An object or list in place of one would be refused for what it holds, not where it is.
        and not (isinstance(place.value, dict | list) and type(value) is type(place.value))
    ]


def targets(corruption: str, keys: list[Place]) -> list[Place]:
    """The places of a document where a corruption can be made."""
    if corruption == "drop a required key":
        return [place for place in keys if place.required]
    if corruption in {"push a size out of range", "give a size two decimals"}:
        return [place for place in keys if place.key == "size_mm" and place.value is not None]
    if corruption == "break a reference":
        return [place for place in keys if place.key in REFERENCE_KEYS]
    if corruption in {"make a date unreal", "put a date in the future"}:
        return [place for place in keys if place.key in DATE_KEYS and place.value is not None]
    # Every document has objects, and keys whose schema refuses some kind of value.
    return keys


def unused_id(document: dict[str, Any], wanted: str) -> str:
    """An id like ``wanted`` that no list of the document uses."""
    taken = {
        item["id"]
        for section in ("cancers", "spots", "scans", "statements", "treatments", "questions")
        for item in document[section]
    }
    while wanted in taken:
        wanted += "?"
    return wanted


CORRUPTIONS = (
    "drop a required key",
    "add an unknown key",
    "set a wrong type",
    "push a size out of range",
    "give a size two decimals",
    "break a reference",
    "make a date unreal",
    "put a date in the future",
)


@st.composite
def corrupted_files(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A valid file with one thing made wrong: what was done, the file, the path of the place."""
    corruption = draw(st.sampled_from(CORRUPTIONS))
    document = json.loads(write_record(draw(records())))
    keys, objects = places(document)
    if not targets(corruption, keys):
        # A small generated record may have no size or no date; every example has them all.
        document = json.loads(write_record(draw(st.sampled_from(EXAMPLES))))
        keys, objects = places(document)
    if corruption == "add an unknown key":
        path, schema = draw(st.sampled_from(objects))
        # A key of printable characters: one that is not is shown escaped (tested elsewhere).
        printable = st.characters(exclude_categories=["Cc", "Cs"])
        key = draw(
            st.text(printable, min_size=1, max_size=10).filter(
                lambda k: k not in schema["properties"]
            )
        )
        target: Any = document
        for step in steps(path):
            target = target[step]
        target[key] = draw(st.sampled_from(WRONG_KINDS))
        return corruption, dumps(document), f"{path}.{key}" if path else key
    if corruption == "set a wrong type":
        place, wrong = draw(st.sampled_from(wrong_values(keys)))
        change(document, place.path, wrong)
        return corruption, dumps(document), place.path
    place = draw(st.sampled_from(targets(corruption, keys)))
    if corruption == "drop a required key":
        value: object = DROP
    elif corruption == "push a size out of range":
        tenths = draw(st.integers(1, 10**7))
        value = -tenths / 10 if draw(st.booleans()) else (5000 + tenths) / 10
    elif corruption == "give a size two decimals":
        # A hundredth that is not 0, on any size from 0 to 500.
        value = (draw(st.integers(0, 4999)) * 10 + draw(st.integers(1, 9))) / 100
    elif corruption == "break a reference":
        value = unused_id(document, draw(st.text(min_size=1, max_size=10)))
    elif corruption == "make a date unreal":
        year = draw(st.integers(1900, TODAY.year))
        month, day = draw(st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (13, 1), (0, 5)]))
        value = f"{year:04d}-{month:02d}-{day:02d}"
    else:
        value = (TODAY + dt.timedelta(days=draw(st.integers(1, 3650)))).isoformat()
    change(document, place.path, value)
    return corruption, dumps(document), place.path


@given(corrupted_files())
def test_one_corruption_is_refused_at_its_place(corrupted: tuple[str, bytes, str]) -> None:
    corruption, data, path = corrupted
    event(corruption)
    # Any other exception than ExchangeError fails the test as it stands.
    with pytest.raises(ExchangeError) as refused:
        read_record(data, today=TODAY)
    assert refused.value.path == path, str(refused.value)
