"""Tumour marker results in the record file (FORMAT.md version 3): the keys of a result, each read
with its checks and refused by its JSON path, and a result written back exactly as it was read.

A value and an upper limit are JSON strings of the decimal as the lab gave it ("0.10"), so that
no reader turns them into binary floating point and no zero is lost."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain import record_rules as rules
from survivor_app.exchange.json_values import (
    choice_at,
    describe,
    flag_at,
    key_path,
    refuse,
    text_at,
)
from survivor_app.exchange.record_file import ExchangeError, JsonObject

#: The keys of a marker result, in the order export writes them.
MARKER_RESULT_KEYS = (
    "id",
    "cancer",
    "date",
    "marker",
    "value",
    "below_limit",
    "unit",
    "upper_limit",
    "name",
    "lab",
    "notes",
)
#: The keys import needs; the others have defaults (false, null, "").
MARKER_RESULT_REQUIRED = ("id", "cancer", "date", "marker", "value", "unit")

# A decimal written as the format keeps it: digits, at most one point with digits after it, no
# leading zero but the one before a point. The minus sign is matched only to say "below 0".
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_DECIMAL_WORDS = "a number written as a string of digits, such as '0.10'"
# A number longer than this is never a marker result; it is refused before it is read.
_LONGEST_NUMBER = 24


def marker_number_at(
    fields: JsonObject, key: str, path: str, *, above_zero: bool = False
) -> Decimal:
    """A marker result or a lab's limit, exactly as written: a string of a decimal from 0 (above
    0 with ``above_zero``), below a billion, with at most four decimals."""
    value = fields[key]
    where = key_path(path, key)
    if not isinstance(value, str):
        raise ExchangeError(where, f"{describe(value)} is not {_DECIMAL_WORDS}")
    if len(value) > _LONGEST_NUMBER or not _DECIMAL.fullmatch(value):
        raise ExchangeError(where, f"{describe(value)} is not {_DECIMAL_WORDS}")
    number = Decimal(value)
    refuse(path, fields, rules.check_marker_number(number, key, above_zero=above_zero))
    return number


def marker_result_at(
    fields: JsonObject, path: str, *, result_id: str, cancer_id: str, date: dt.date
) -> MarkerResult:
    """The marker result whose keys (checked by ``object_at``) are ``fields``, given its id,
    cancer and date as the record reader has checked them."""
    marker = choice_at(fields, "marker", path, MarkerKind)
    name = text_at(fields, "name", path, rules.MARKER_NAME, default="")
    refuse(path, fields, rules.check_marker_name(marker, name), shown=describe(name))
    below_limit = flag_at(fields, "below_limit", path, default=False)
    value = marker_number_at(fields, "value", path, above_zero=below_limit)
    unit = text_at(fields, "unit", path, rules.MARKER_UNIT)
    refuse(path, fields, rules.check_marker_unit(marker, unit))
    upper_limit = (
        None
        if fields.get("upper_limit") is None
        else marker_number_at(fields, "upper_limit", path, above_zero=True)
    )
    return MarkerResult(
        id=result_id,
        cancer_id=cancer_id,
        date=date,
        marker=marker,
        value=value,
        unit=unit,
        below_limit=below_limit,
        upper_limit=upper_limit,
        name=name,
        lab=text_at(fields, "lab", path, rules.MARKER_LAB, default=""),
        notes=text_at(fields, "notes", path, rules.MARKER_NOTES, default=""),
    )


def marker_result_json(result: MarkerResult) -> dict[str, object]:
    """A marker result as export writes it: every key, in the order of ``MARKER_RESULT_KEYS``."""
    return {
        "id": result.id,
        "cancer": result.cancer_id,
        "date": result.date.isoformat(),
        "marker": result.marker.value,
        "value": rules.decimal_text(result.value),
        "below_limit": result.below_limit,
        "unit": result.unit,
        "upper_limit": (
            None if result.upper_limit is None else rules.decimal_text(result.upper_limit)
        ),
        "name": result.name,
        "lab": result.lab,
        "notes": result.notes,
    }
