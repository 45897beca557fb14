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


def test_an_object_of_plain_values_in_a_list_is_indented_by_its_level() -> None:
    value = {"cancers": [{"a": 1, "b": "é\n"}], "empty": [], "none": {}}
    assert indented_json(value) == (
        '{\n  "cancers": [\n    {\n      "a": 1,\n      "b": "é\\n"\n    }\n  ],\n'
        '  "empty": [],\n  "none": {}\n}'
    )
