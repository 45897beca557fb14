"""The quick indented JSON writer writes exactly what Python's ``json`` writes with an indent
of two and characters beyond ASCII kept, for any JSON value: nested or flat, empty or not, with
texts that need escaping."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.exchange.json_text import indented_json

PLAIN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
VALUES = st.recursive(
    PLAIN,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400)
@given(VALUES)
def test_indented_json_is_what_json_writes(value: object) -> None:
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


#: Texts made of the characters the writer's separators are made of, so that a text could look
#: like the line break and indent between two objects of a list if the writer got it wrong.
TRICKY = st.text(alphabet='{}[],: \n"\\é', max_size=12)
FLAT_OBJECTS = st.dictionaries(
    st.one_of(st.text(), TRICKY), st.one_of(PLAIN, TRICKY), min_size=1, max_size=5
)
#: Lists of flat objects, and objects whose plain values come before, between and after lists
#: and objects, as in a record's scans with their measurements.
MIXED = st.recursive(
    st.one_of(PLAIN, TRICKY, st.lists(FLAT_OBJECTS, max_size=4)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(FLAT_OBJECTS, max_size=4),
        st.dictionaries(st.one_of(st.text(), TRICKY), st.one_of(inner, TRICKY), max_size=6),
    ),
    max_leaves=40,
)


@settings(max_examples=400)
@given(MIXED)
def test_runs_of_plain_values_and_lists_of_objects_are_what_json_writes(value: object) -> None:
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_an_object_of_plain_values_in_a_list_is_indented_by_its_level() -> None:
    value = {"cancers": [{"a": 1, "b": "é\n"}], "empty": [], "none": {}}
    assert indented_json(value) == (
        '{\n  "cancers": [\n    {\n      "a": 1,\n      "b": "é\\n"\n    }\n  ],\n'
        '  "empty": [],\n  "none": {}\n}'
    )


def test_a_list_of_objects_keeps_a_text_that_looks_like_its_separator() -> None:
    value = {"id": "s1", "m": [{"a": "},\n      {"}, {"a": "}", "b": [1]}, {"c": 2}], "z": 0}
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)
