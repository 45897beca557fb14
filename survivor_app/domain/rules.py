"""The rules every record keeps, whoever writes it: texts that are clean and not too long, and
possible dates. Each check returns a Problem naming the field and its code, which the importer
turns into a message after a JSON path and the dialogs into a sentence beside the field."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

#: The first day a record's dates can be: a year such as 0022 is a typo, and no one alive
#: was born before this.
EARLIEST_DATE = dt.date(1900, 1, 1)

_LINE_BREAK = "\n"
# What text may not hold: the control characters (Unicode's category Cc, all of them but tab),
# halves of UTF-16 pairs (Cs), and the "not a character" code points a byte order mark turns
# into. A line break is added for a field of one line. One regular expression, so that a
# record of 30 years (6 MB of JSON) is checked in a few milliseconds.
_UNCLEAN = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_UNCLEAN_IN_LINES = re.compile(f"[{_UNCLEAN}]")
_UNCLEAN_IN_A_LINE = re.compile(f"[{_UNCLEAN}\n]")
# The same characters as UTF-8 bytes, for a long text (the periods of a 30-year record, 2 MB):
# each control character up to U+007F is one byte of its own; U+0080-U+009F begin with 0xC2;
# U+FFFE and U+FFFF are these three bytes each; a half of a UTF-16 pair cannot be encoded.
_NOT_CONTROL_BYTES = bytes(
    b for b in range(256) if not ((b < 0x20 and b not in b"\t\n") or b == 0x7F)
)
_UNCLEAN_UTF8 = (b"\xc2", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
#: From this length on a text is looked at as bytes first (quicker than the expression).
_LONG_TEXT = 10_000


class ProblemCode(enum.StrEnum):
    """What is wrong with a field."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    LINE_BREAK = "line_break"
    NOT_A_CHARACTER = "not_a_character"
    BEFORE_EARLIEST = "before_earliest"
    IN_THE_FUTURE = "in_the_future"
    BEFORE_BIRTH = "before_birth"
    AFTER_A_RECORDED_DATE = "after_a_recorded_date"
    NOT_A_NUMBER = "not_a_number"
    BELOW_ZERO = "below_zero"
    ABOVE_LARGEST = "above_largest"
    FINER_THAN_A_STEP = "finer_than_a_step"
    LYMPH_NODE_WHERE_IT_STARTED = "lymph_node_where_it_started"
    END_BEFORE_START = "end_before_start"
    SIZE_WITH_NO_EVIDENCE = "size_with_no_evidence"
    SAME_SCAN_DAY = "same_scan_day"
    RECURRENCE_WITHOUT_RECURRED = "recurrence_without_recurred"
    STATE_OF_A_SIZED_SPOT = "state_of_a_sized_spot"
    SIZE_OF_A_SPOT_WITHOUT_ONE = "size_of_a_spot_without_one"
    NO_STATE = "no_state"
    NOT_ABOVE_ZERO = "not_above_zero"
    UNIT_NOT_OF_MARKER = "unit_not_of_marker"
    NAME_WITHOUT_OTHER = "name_without_other"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one field of a record, said two ways."""

    #: The field's name in the record format, e.g. ``name`` or ``date``.
    field: str
    code: ProblemCode
    #: A sentence for the person, shown beside the field: "This date is in the future."
    sentence: str
    #: What follows the value in a message that quotes it: "is after today".
    fact: str


@dataclass(frozen=True, slots=True)
class TextRule:
    """What one text of a record may be: how long, whether of several lines, and whether it
    may be left empty (``missing`` is then None; otherwise the sentence that asks for it)."""

    longest: int
    lines: bool = False
    missing: str | None = None

    def check(self, text: str, field: str) -> Problem | None:
        """Why ``text`` cannot be kept as ``field``, or None: empty where something is needed,
        too long, or not clean."""
        if self.missing is not None and not text:
            return Problem(
                field, ProblemCode.EMPTY, self.missing, "is empty; something must be written here"
            )
        if len(text) > self.longest:
            return Problem(
                field,
                ProblemCode.TOO_LONG,
                f"This is too long: please keep it to {self.longest:,} characters or fewer.",
                f"is {len(text)} characters long; the most is {self.longest}",
            )
        return check_text(text, field, lines=self.lines)


def _python_escape(character: str) -> str:
    """A character as Python writes it in a string: ``\\x1b``, ``\\ufffe``."""
    return character.encode("unicode_escape").decode("ascii")


def json_escape(character: str) -> str:
    """A character of the first 65,536 as JSON writes it in a string: ``\\u001b``."""
    return f"\\u{ord(character):04x}"


def _code_point(character: str) -> str:
    """How a character is named in a message: ``U+001B``."""
    return f"U+{ord(character):04X}"


def _unclean(lines: bool) -> re.Pattern[str]:
    return _UNCLEAN_IN_LINES if lines else _UNCLEAN_IN_A_LINE


def check_text(text: str, field: str, *, lines: bool = False) -> Problem | None:
    """Why ``text`` cannot be kept in ``field`` (of several lines when ``lines``), or None."""
    found = _unclean(lines).search(text)
    if found is None:
        return None
    character = found.group()
    named = _code_point(character)
    if character == _LINE_BREAK:
        return Problem(
            field,
            ProblemCode.LINE_BREAK,
            "This must be one line. Please remove the line break.",
            "holds a line break, but this text is one line",
        )
    if unicodedata.category(character) == "Cc":
        return Problem(
            field,
            ProblemCode.CONTROL_CHARACTER,
            f"This holds a control character ({named}) that a record cannot keep. "
            "Please remove it.",
            f"holds a control character ({named}) that a record cannot keep",
        )
    return Problem(
        field,
        ProblemCode.NOT_A_CHARACTER,
        f"This holds {named}, which is not a character a record can keep. Please remove it.",
        f"holds {named}, which is not a character a record can keep",
    )


def before_earliest(field: str) -> Problem:
    """The problem of a date before the earliest a record holds (a year such as 0022)."""
    return Problem(
        field,
        ProblemCode.BEFORE_EARLIEST,
        f"Please type a date from {EARLIEST_DATE.year} on.",
        f"is before {EARLIEST_DATE.year}, the earliest year a record holds",
    )


def check_date(
    date: dt.date, field: str, *, birth_date: dt.date | None, today: dt.date
) -> Problem | None:
    """Why ``date`` cannot be one of the record's dates, or None: it must be from 1900 on, not
    after ``today``, and not before the date of birth."""
    if date < EARLIEST_DATE:
        return before_earliest(field)
    if date > today:
        return Problem(
            field, ProblemCode.IN_THE_FUTURE, "This date is in the future.", "is after today"
        )
    if birth_date is not None and date < birth_date:
        return Problem(
            field,
            ProblemCode.BEFORE_BIRTH,
            "This date is before your date of birth.",
            f"is before the birth date {birth_date.isoformat()}",
        )
    return None


def visible(text: str, escape: Callable[[str], str] = _python_escape) -> str:
    """The text with every character that is not clean (line breaks and tabs kept) written as
    its ``escape``, such as ``\\x1b``: safe to show in a terminal, a message or a plot."""
    if len(text) >= _LONG_TEXT and _clean_in_lines(text):
        return text
    return _UNCLEAN_IN_LINES.sub(lambda found: escape(found.group()), text)


def _clean_in_lines(text: str) -> bool:
    """True when ``text`` holds none of the characters ``_UNCLEAN_IN_LINES`` finds; False
    when it may (a U+0080-U+00BF, which also begin with 0xC2, is then looked at again)."""
    try:
        data = text.encode()
    except UnicodeEncodeError:
        return False
    return not data.translate(None, _NOT_CONTROL_BYTES) and not any(
        part in data for part in _UNCLEAN_UTF8
    )
