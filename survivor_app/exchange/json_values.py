"""The values of an imported JSON file checked one at a time, each refusal naming its JSON path."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from survivor_app.domain import TENTHS_PER_MM, Problem, TextRule, check_size, visible
from survivor_app.domain.words import shorten
from survivor_app.exchange.record_file import ExchangeError, JsonObject, NotANumber

# [0-9] rather than \d, which would also match digits of other scripts.
_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ONE_DECIMAL = Decimal("0.1")
# Long texts and numbers are cut short when a message quotes them.
_QUOTE_LENGTH = 60

_Choice = TypeVar("_Choice", bound=enum.Enum)


def key_path(path: str, key: str) -> str:
    return f"{path}.{quoted(key)}" if path else quoted(key)


def item_path(path: str, index: int) -> str:
    return f"{path}[{index}]"


def quoted(text: str) -> str:
    """Text safe to print, cut to a readable length: a control character or a lone surrogate
    (from a ``\\ud800`` escape) is shown as its escape."""
    return shorten(visible(text), _QUOTE_LENGTH)


def describe(value: object) -> str:
    """A JSON value as a person would recognise it in their file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # A number of ten million digits is read exactly, but never repeated in full.
        return quoted(str(value))
    if isinstance(value, NotANumber):
        return value.text
    if isinstance(value, str):
        return f"'{quoted(value)}'"
    if isinstance(value, list):
        return "a list"
    return "an object"


def object_at(
    value: object, path: str, known: tuple[str, ...], required: tuple[str, ...]
) -> JsonObject:
    """The object at ``path`` once its keys are checked: none twice, none unknown, none missing."""
    if not isinstance(value, JsonObject):
        raise ExchangeError(path, f"{describe(value)} is not an object {{…}}")
    if value.repeated:
        raise ExchangeError(key_path(path, value.repeated[0]), "this key appears more than once")
    for key in value:
        if key not in known:
            raise ExchangeError(key_path(path, key), "unknown key")
    for key in required:
        if key not in value:
            raise ExchangeError(key_path(path, key), "this key is missing")
    return value


def list_at(fields: JsonObject, key: str, path: str) -> list[object]:
    value = fields[key]
    if not isinstance(value, list):
        raise ExchangeError(key_path(path, key), f"{describe(value)} is not a list [...]")
    return value


def text_at(
    fields: JsonObject, key: str, path: str, rule: TextRule, *, default: str | None = None
) -> str:
    """A text that keeps the record's ``rule`` for it; ``default`` is what an optional text
    means when the key is left out."""
    if default is not None and key not in fields:
        return default
    value = fields[key]
    where = key_path(path, key)
    if not isinstance(value, str):
        raise ExchangeError(where, f"{describe(value)} is not text")
    problem = rule.check(value, key)
    if problem is not None:
        raise ExchangeError(where, f"{describe(value)} {problem.fact}")
    return value


def flag_at(fields: JsonObject, key: str, path: str, *, default: bool | None = None) -> bool:
    if default is not None and key not in fields:
        return default
    value = fields[key]
    if not isinstance(value, bool):
        raise ExchangeError(key_path(path, key), f"{describe(value)} is not true or false")
    return value


def choice_at(
    fields: JsonObject, key: str, path: str, choices: Iterable[_Choice], *, or_null: bool = False
) -> _Choice:
    value = fields[key]
    by_value = {str(choice.value): choice for choice in choices}
    if not isinstance(value, str) or value not in by_value:
        allowed = ", ".join(by_value) + (", null" if or_null else "")
        raise ExchangeError(key_path(path, key), f"{describe(value)} is not one of: {allowed}")
    return by_value[value]


def optional_choice_at(
    fields: JsonObject, key: str, path: str, choices: Iterable[_Choice]
) -> _Choice | None:
    if fields.get(key) is None:
        return None
    return choice_at(fields, key, path, choices, or_null=True)


def refuse(
    path: str, fields: JsonObject, problem: Problem | None, *, shown: str | None = None
) -> None:
    """Refuse the object at ``path`` for a problem with one of its fields (None: nothing),
    quoting the field's value as the file has it, or as ``shown`` (a date, as read)."""
    if problem is not None:
        value = describe(fields.get(problem.field)) if shown is None else shown
        raise ExchangeError(key_path(path, problem.field), f"{value} {problem.fact}")


def date_at(fields: JsonObject, key: str, path: str) -> dt.date:
    value = fields[key]
    where = key_path(path, key)
    if not isinstance(value, str) or not _DATE_PATTERN.fullmatch(value):
        raise ExchangeError(where, f"{describe(value)} is not a date written as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ExchangeError(where, f"{value} is not a real date") from None


def size_at(fields: JsonObject, key: str, path: str) -> int | None:
    """A size in mm as whole tenths, exactly as written: never rounded."""
    value = fields.get(key)
    if value is None:
        return None
    where = key_path(path, key)
    if not isinstance(value, Decimal):
        raise ExchangeError(where, f"{describe(value)} is not a number")
    refuse(path, fields, check_size(value, key))
    return int(value.quantize(_ONE_DECIMAL) * TENTHS_PER_MM)
