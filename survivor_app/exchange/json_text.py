"""JSON text indented by two spaces, the same text as ``json.dumps(value, indent=2,
ensure_ascii=False)`` but quicker for long documents.

With an indent, Python's ``json`` writes everything in Python, one value at a time. Here
``json``'s C writer writes whole runs at once, its separators carrying the line break and the
indent of their level: each object or list that holds plain values only (the assessments of a
long history, thousands of them), each run of plain values in an object (a scan's fields before
its measurements), and each list of objects of plain values (a scan's measurements).
"""

from __future__ import annotations

import json
from itertools import chain
from typing import cast

_PLAIN = (str, int, float, type(None))
#: The types of plain values, looked up by type alone: a value of another type (a subclass of
#: one of them, say) is written as ``json`` writes it, one value at a time.
_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))
_INDENT = "  "


def indented_json(value: object) -> str:
    """``value`` (made of dicts with text keys, lists, texts, numbers, booleans and None) as
    JSON indented by two spaces, without escaping characters beyond ASCII."""
    parts: list[str] = []
    _write(value, "\n", parts)
    return "".join(parts)


def _write(value: object, line: str, parts: list[str]) -> None:
    """Append ``value`` whose first line is indented as ``line`` (a line break and spaces)."""
    if isinstance(value, dict):
        items: list[object] = list(value.values())
    elif isinstance(value, list):
        items = value
    else:
        parts.append(json.dumps(value, ensure_ascii=False))
        return
    if not items:
        parts.append("{}" if isinstance(value, dict) else "[]")
        return
    inner = line + _INDENT
    encoder = _encoder(inner)
    if all(isinstance(item, _PLAIN) for item in items):
        # bool is an int: plain too.
        flat = encoder.encode(value)
        parts.append(f"{flat[0]}{inner}{flat[1:-1]}{line}{flat[-1]}")
        return
    if isinstance(value, dict):
        _write_object(value, line, parts)
    elif _flat_objects(items):
        _write_flat_objects(items, line, parts)
    else:
        parts.append("[")
        for index, item in enumerate(items):
            parts.append(("," if index else "") + inner)
            _write(item, inner, parts)
        parts.append(line + "]")


def _write_object(value: dict[str, object], line: str, parts: list[str]) -> None:
    """Append an object holding at least one object or list: each run of plain values in one
    call of the C writer, as a flat object without its braces."""
    inner = line + _INDENT
    encoder = _encoder(inner)
    parts.append("{")
    comma = ""
    run: dict[str, object] = {}
    for key, item in value.items():
        if isinstance(item, _PLAIN):
            run[key] = item
            continue
        if run:
            parts.append(f"{comma}{inner}{encoder.encode(run)[1:-1]}")
            comma, run = ",", {}
        parts.append(f"{comma}{inner}{encoder.encode(key)}: ")
        comma = ","
        _write(item, inner, parts)
    if run:
        parts.append(f"{comma}{inner}{encoder.encode(run)[1:-1]}")
    parts.append(line + "}")


def _flat_objects(items: list[object]) -> bool:
    """Whether ``items`` are all objects that are not empty and hold plain values only (looked
    at by the C code behind ``map`` and ``set``: a long list holds thousands)."""
    if set(map(type, items)) != {dict} or not all(items):
        return False
    values = chain.from_iterable(map(dict.values, cast(list[dict[str, object]], items)))
    return set(map(type, values)) <= _PLAIN_TYPES


def _write_flat_objects(items: list[object], line: str, parts: list[str]) -> None:
    """Append a list of objects that are not empty and hold plain values only, in one call of
    the C writer with the separator of the objects' entries. Between two objects it writes
    ``},`` and that separator before ``{``: a text never holds a raw line break (JSON writes it
    ``\\n``), so that sequence is found only there, and is given the list's own indent."""
    inner = line + _INDENT
    entry = inner + _INDENT
    flat = _encoder(entry).encode(items)
    # flat is [{...},<entry>{...}]: without "[{" and "}]", the objects' entries between them.
    objects = flat[2:-2].split("}," + entry + "{")
    between = f"{inner}}},{inner}{{{entry}"
    parts.append(f"[{inner}{{{entry}{between.join(objects)}{inner}}}{line}]")


_ENCODERS: dict[str, json.JSONEncoder] = {}


def _encoder(inner: str) -> json.JSONEncoder:
    """A writer of one flat object or list whose items start on lines indented as ``inner``."""
    encoder = _ENCODERS.get(inner)
    if encoder is None:
        encoder = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
        _ENCODERS[inner] = encoder
    return encoder
