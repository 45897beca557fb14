"""The rules every record keeps, whoever writes it: clean text and possible dates. Each check
returns a Problem naming the field and its code, which the importer turns into a message after
a JSON path and the dialogs into a sentence beside the field."""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass

#: The first day a record's dates can be: a year such as 0022 is a typo, and no one alive
#: was born before this.
EARLIEST_DATE = dt.date(1900, 1, 1)

# Tab is text everywhere; a line break only in a field of several lines.
_TAB = "\t"
_LINE_BREAK = "\n"
# Unicode's "not a character" code points that byte order marks turn into.
_NOT_CHARACTERS = frozenset("\ufffe\uffff")


class ProblemCode(enum.StrEnum):
    """What is wrong with a field."""

    CONTROL_CHARACTER = "control_character"
    LINE_BREAK = "line_break"
    NOT_A_CHARACTER = "not_a_character"
    BEFORE_EARLIEST = "before_earliest"
    IN_THE_FUTURE = "in_the_future"
    BEFORE_BIRTH = "before_birth"


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


def code_point(character: str) -> str:
    """How a character is named in a message: ``U+001B``."""
    return f"U+{ord(character):04X}"


def is_clean(character: str, *, lines: bool = False) -> bool:
    """True for a character a record's text can hold: no control character but tab (and a line
    break where ``lines``), no U+FFFE or U+FFFF, no half of a UTF-16 pair."""
    if character == _TAB or (lines and character == _LINE_BREAK):
        return True
    if character in _NOT_CHARACTERS:
        return False
    return unicodedata.category(character) not in ("Cc", "Cs")


def check_text(text: str, field: str, *, lines: bool = False) -> Problem | None:
    """Why ``text`` cannot be kept in ``field`` (of several lines when ``lines``), or None."""
    for character in text:
        if is_clean(character, lines=lines):
            continue
        named = code_point(character)
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
    return None


def check_date(
    date: dt.date, field: str, *, birth_date: dt.date | None, today: dt.date
) -> Problem | None:
    """Why ``date`` cannot be one of the record's dates, or None: it must be from 1900 on, not
    after ``today``, and not before the date of birth."""
    if date < EARLIEST_DATE:
        return Problem(
            field,
            ProblemCode.BEFORE_EARLIEST,
            f"Please give a date from {EARLIEST_DATE.year} on.",
            f"is before {EARLIEST_DATE.year}, the earliest year a record holds",
        )
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


def visible(text: str) -> str:
    """The text with every character that is not clean (line breaks and tabs kept) written as
    its escape, such as ``\\x1b``: safe to show in a terminal, a message or a plot."""
    if all(is_clean(character, lines=True) for character in text):
        return text
    return "".join(
        character
        if is_clean(character, lines=True)
        else character.encode("unicode_escape").decode("ascii")
        for character in text
    )
