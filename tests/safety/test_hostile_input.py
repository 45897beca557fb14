"""Hostile input to the JSON import: any bytes, any JSON value anywhere, odd text, huge numbers and
deep nesting give a record or an ExchangeError and nothing else; a refused file changes nothing in
the record; accepted text is stored exactly as given.

tests/exchange covers each rule of the format one by one; these fuzz what lies between them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from survivor_app.cli import main
from survivor_app.domain import Record
from survivor_app.exchange import ExchangeError, read_record, write_record
from survivor_app.storage import RecordStore
from tests.exchange.documents import TODAY, Raw, base_document, changed, dumps, steps
from tests.storage.samples import in_reading_order

BASE_FILE = dumps(base_document())

#: Text that has broken programs before: direction marks, joined emoji, controls, a byte order
#: mark, combining marks, the last code point, scripts of every direction.
ODD_TEXTS = [
    "مرحبا، هل الورم أصغر؟",
    "שלום \u202eevil\u202c שלום",
    "\u200f\u200e\u2066\u2069\u061c",
    "👩🏽‍⚕️🎗️👨‍👩‍👧‍👦🏳️‍🌈",
    "\x00\x01\x07\x08\x1b[31m\x7f\x9f",
    "\ufeffstarts with a byte order mark",
    "line\r\nbreaks\rand\u2028separators\u2029",
    "e" + "\u0301" * 150,
    "\U0010ffff\U000e0001\ufffd\ufffe",
    "ﷺ ﷽ 𒐫 𝕬𝖓𝖆",
    "'; DROP TABLE scan; --",
    "   ",
]


def repeated(text: str, size: int) -> str:
    """``text`` again and again, ``size`` characters in all."""
    return (text * size)[:size]


#: Any text JSON can carry (lone surrogates cannot be stored, and are refused as not text).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
TEXTS = st.one_of(
    ANY_TEXT,
    st.sampled_from(ODD_TEXTS),
    # Around the longest a name (200) and a note (20000) may be.
    st.builds(repeated, st.sampled_from(ODD_TEXTS[:5]), st.integers(195, 205)),
    st.builds(repeated, st.sampled_from(ODD_TEXTS[:5]), st.integers(19_995, 20_005)),
)
#: Every text of the base file a person writes, and one id nothing refers to.
TEXT_PLACES = [
    "person.name",
    "person.notes",
    "cancers[0].name",
    "cancers[0].primary_site",
    "cancers[1].notes",
    "spots[0].name",
    "spots[2].location",
    "scans[0].facility",
    "scans[1].notes",
    "statements[0].text",
    "statements[1].clinician",
    "treatments[0].name",
    "questions[0].id",
    "questions[0].text",
    "questions[1].answer",
]

HUGE_NUMBERS = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.builds(lambda digits: "9" * digits, st.integers(300, 6000)),
    st.builds(
        lambda mantissa, exponent: f"{mantissa}e{exponent}",
        st.integers(-(10**20), 10**20),
        st.integers(-(10**12), 10**12),
    ),
    st.sampled_from(["1e309", "-1e309", "1e-400", "0.1e-999999999", "NaN", "-Infinity", "-0"]),
)


def nested(depth: int) -> Raw:
    """A list inside a list ``depth`` times, and an object at the bottom."""
    return Raw("[" * depth + '{"x": 1}' + "]" * depth)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=12,
)
HOSTILE_VALUES = st.one_of(
    JSON_VALUES,
    HUGE_NUMBERS.map(Raw),
    st.integers(1, 20_000).map(nested),
)


def all_places(document: Any, path: str = "") -> list[str]:
    """The JSON path of every value in a document, the document itself aside."""
    found = []
    items = (
        document.items()
        if isinstance(document, dict)
        else enumerate(document)
        if isinstance(document, list)
        else []
    )
    for key, value in items:
        place = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
        found.append(place)
        found.extend(all_places(value, place))
    return found


PLACES = all_places(base_document())


def value_at(document: Any, path: str) -> Any:
    for step in steps(path):
        document = document[step]
    return document


def read_or_refuse(data: bytes) -> Record | None:
    """The record in ``data``, or None when it is refused; any other exception fails the test."""
    try:
        record = read_record(data, today=TODAY)
    except ExchangeError:
        event("refused")
        return None
    event("accepted")
    return record


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    """A valid file cut short, or with some of its bytes changed, added or removed."""
    data = bytearray(BASE_FILE)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["cut", "change", "add", "remove"]))
        if how == "cut":
            del data[where:]
        elif how == "change" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif how == "add":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[where : where + draw(st.integers(1, 8))]
    return bytes(data)


@given(st.one_of(st.binary(max_size=400), damaged_files()))
def test_any_bytes_give_a_record_or_an_exchange_error(data: bytes) -> None:
    read_or_refuse(data)


@given(place=st.sampled_from(PLACES), value=HOSTILE_VALUES)
def test_any_value_anywhere_gives_a_record_or_an_exchange_error(place: str, value: object) -> None:
    read_or_refuse(with_value(place, value))


@given(value=HOSTILE_VALUES)
def test_any_json_document_gives_a_record_or_an_exchange_error(value: object) -> None:
    read_or_refuse(dumps(value))


@pytest.mark.parametrize("depth", [900, 1000, 2000, 5000, 50_000])
def test_deep_nesting_at_a_place_is_refused(depth: int) -> None:
    with pytest.raises(ExchangeError):
        read_record(changed({"scans[0].notes": nested(depth)}), today=TODAY)


@settings(max_examples=60)
@given(place=st.sampled_from(TEXT_PLACES), text=TEXTS)
def test_accepted_text_is_stored_exactly_as_given(record_path: Path, place: str, text: str) -> None:
    record = read_or_refuse(changed({place: text}))
    if record is None:
        return
    # The reader keeps the text exactly...
    assert value_at(json.loads(write_record(record)), place) == text
    # ...and so does the record, whatever else is in it.
    with RecordStore.open(record_path) as store:
        store.replace_content(record)
    with RecordStore.open(record_path, read_only=True) as store:
        assert store.load() == in_reading_order(record)


def with_value(place: str, value: object) -> bytes:
    """The base file with ``value`` at ``place``."""
    return changed({place: value})


@st.composite
def refused_files(draw: st.DrawFn) -> bytes:
    """A file the import refuses, of any of the kinds above."""
    data = draw(
        st.one_of(
            st.binary(max_size=200),
            damaged_files(),
            st.builds(with_value, st.sampled_from(PLACES), HOSTILE_VALUES),
        )
    )
    try:
        read_record(data, today=TODAY)
    except ExchangeError:
        return data
    # A change that happened to leave a valid record: make it refused for sure.
    return data + b"]"


@settings(max_examples=30)
@given(data=refused_files())
def test_a_refused_file_changes_nothing_in_the_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes
) -> None:
    record = tmp_path / "record.survivor"
    if not record.exists():
        assert main(["demo", "--record", str(record)]) == 0
    before = hashlib.sha256(record.read_bytes()).hexdigest()
    hostile = tmp_path / "hostile.json"
    hostile.write_bytes(data)
    with pytest.raises(SystemExit) as stopped:
        main(["import", str(hostile), "--record", str(record), "--replace"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert hashlib.sha256(record.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()
