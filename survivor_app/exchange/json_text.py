"""JSON text indented by two spaces, the same text as ``json.dumps(value, indent=2,
ensure_ascii=False)`` but quicker for long documents.

With an indent, Python's ``json`` writes everything in Python, one value at a time. Here each
object or list that holds plain values only (the assessments of a long history, thousands of
them) is written by ``json``'s C writer in one call, its separators carrying the line break and
the indent of its level.
"""

from __future__ import annotations

import json

_PLAIN = (str, int, float, type(None))
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
    if all(isinstance(item, _PLAIN) for item in items):
        # bool is an int: plain too.
        flat = _encoder(inner).encode(value)
        parts.append(f"{flat[0]}{inner}{flat[1:-1]}{line}{flat[-1]}")
        return
    if isinstance(value, dict):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            parts.append(("," if index else "") + inner + json.dumps(key, ensure_ascii=False))
            parts.append(": ")
            _write(item, inner, parts)
        parts.append(line + "}")
        return
    parts.append("[")
    for index, item in enumerate(items):
        parts.append(("," if index else "") + inner)
        _write(item, inner, parts)
    parts.append(line + "]")


_ENCODERS: dict[str, json.JSONEncoder] = {}


def _encoder(inner: str) -> json.JSONEncoder:
    """A writer of one flat object or list whose items start on lines indented as ``inner``."""
    encoder = _ENCODERS.get(inner)
    if encoder is None:
        encoder = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
        _ENCODERS[inner] = encoder
    return encoder
