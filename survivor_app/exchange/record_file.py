"""The record file of FORMAT.md before it is read as a record: its format's name and versions,
the size a record can have, UTF-8 text parsed as JSON, and the error naming where it is wrong."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

FORMAT_NAME = "survivor-record"
#: The version export writes, and the newest import reads.
FORMAT_VERSION = 3
#: Every version import reads: version 2 adds spots without a size (``"sized": false``),
#: version 3 tumour marker results (``marker_results``).
READ_VERSIONS = (1, 2, 3)
#: The first version whose spots may have no size (``sized``, and ``state`` in a measurement).
WITHOUT_A_SIZE_VERSION = 2
#: The first version with tumour marker results.
MARKER_RESULTS_VERSION = 3

#: How an error about the whole file shows its place, where other errors show a JSON path.
WHOLE_FILE = "(file)"
#: The largest file import reads: a record of 30 years is about 6 MB, and reading needs many
#: times the file in memory.
LARGEST_FILE_BYTES = 64 * 1024 * 1024


class ExchangeError(ValueError):
    """A file that cannot be imported: ``path`` names the place ("" for the whole file)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path or WHOLE_FILE}: {message}")


class JsonObject(dict[str, object]):
    """A JSON object as parsed, remembering keys it held more than once (json keeps the last)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        self.repeated = tuple(repeated)


@dataclass(frozen=True, slots=True)
class NotANumber:
    """NaN or Infinity as written in the file, kept so the error can name where it stands."""

    text: str


def read_bounded(path: Path) -> bytes:
    """The bytes of a file to import, or ExchangeError when it is larger than a record can be;
    no more than that is ever read (OSError when the file cannot be read)."""
    with path.open("rb") as file:
        # The size a file says it has refuses it unread; the bounded read catches the rest
        # (a file that grows, or a device with no size such as /dev/zero).
        if os.fstat(file.fileno()).st_size > LARGEST_FILE_BYTES:
            _refuse_size()
        data = file.read(LARGEST_FILE_BYTES + 1)
    check_file_size(data)
    return data


def check_file_size(data: bytes) -> None:
    if len(data) > LARGEST_FILE_BYTES:
        _refuse_size()


def _refuse_size() -> NoReturn:
    raise ExchangeError(
        "",
        f"the file is larger than {LARGEST_FILE_BYTES // (1024 * 1024)} MB, so it cannot be "
        "a record (a record of 30 years is about 6 MB)",
    )


def parse(data: bytes) -> object:
    """The JSON value in the file, with numbers kept exact as Decimal."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(
            "", "the file is not UTF-8 text; save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        # UTF-16 without a byte order mark decodes as UTF-8 when it is plain English.
        raise ExchangeError(
            "", "the file is not UTF-8 text (it looks like UTF-16); save it as UTF-8 and try again"
        )
    if not text.strip():
        raise ExchangeError("", "the file is empty")
    try:
        return json.loads(
            text,
            object_pairs_hook=JsonObject,
            parse_float=Decimal,
            parse_int=Decimal,
            parse_constant=NotANumber,
        )
    except json.JSONDecodeError as error:
        raise ExchangeError(
            "",
            f"the file is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg[:1].lower()}{error.msg[1:]})",
        ) from None
    except RecursionError:
        raise ExchangeError("", "the file is nested too deeply to be a record") from None
