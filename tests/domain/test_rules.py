"""The record rules both the importer and the dialogs use: clean text and possible dates."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import EARLIEST_DATE, ProblemCode, check_date, check_text, visible

TODAY = dt.date(2026, 7, 1)
BIRTH = dt.date(1961, 4, 9)


@pytest.mark.parametrize(
    ("text", "lines", "code", "named"),
    [
        ("Liver\x00", False, ProblemCode.CONTROL_CHARACTER, "U+0000"),
        ("a\x0cb", True, ProblemCode.CONTROL_CHARACTER, "U+000C"),
        ("\x1b]52;c;aGk=\x07", True, ProblemCode.CONTROL_CHARACTER, "U+001B"),
        ("one\r\ntwo", True, ProblemCode.CONTROL_CHARACTER, "U+000D"),
        ("\x7f", False, ProblemCode.CONTROL_CHARACTER, "U+007F"),
        ("C1 \x85 \x9b", False, ProblemCode.CONTROL_CHARACTER, "U+0085"),
        ("two\nlines", False, ProblemCode.LINE_BREAK, ""),
        ("byte order \ufffe", True, ProblemCode.NOT_A_CHARACTER, "U+FFFE"),
        ("\uffff", False, ProblemCode.NOT_A_CHARACTER, "U+FFFF"),
        ("half \ud800", False, ProblemCode.NOT_A_CHARACTER, "U+D800"),
    ],
)
def test_text_that_is_not_clean_is_named_by_its_first_wrong_character(
    text: str, lines: bool, code: ProblemCode, named: str
) -> None:
    problem = check_text(text, "name", lines=lines)
    assert problem is not None
    assert (problem.field, problem.code) == ("name", code)
    assert named in problem.sentence
    assert named in problem.fact
    assert problem.sentence.endswith(".")


@pytest.mark.parametrize(
    "text",
    ["", "tab\there", "Zoë \u202eright to left\u202c", "👩🏽‍⚕️", "\u2028\u2029", "\ufeff\u200b"],
)
def test_clean_text_passes(text: str) -> None:
    assert check_text(text, "name") is None
    assert check_text(text + "\nsecond line", "notes", lines=True) is None


@settings(max_examples=200)
@given(st.text())
def test_text_is_clean_exactly_when_no_character_is_a_control_or_not_a_character(
    text: str,
) -> None:
    wrong = [
        c
        for c in text
        if (unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n") or c in "\ufffe\uffff"
    ]
    assert (check_text(text, "notes", lines=True) is None) == (not wrong)


@settings(max_examples=200)
@given(st.text())
def test_visible_text_holds_no_control_character_and_reads_back(text: str) -> None:
    shown = visible(text)
    assert all(c in "\t\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in shown)
    assert "\ufffe" not in shown
    assert "\uffff" not in shown
    if check_text(text, "notes", lines=True) is None:
        assert shown == text


#: A clean text long enough that ``visible`` looks at its bytes first (the periods JSON of a
#: long record is 2 MB), with characters beyond ASCII, lines and tabs.
LONG_CLEAN = "“Zoë” — 12 × 3 mm,\tsecond\n" * 1000


@settings(max_examples=200)
@given(st.text())
def test_a_long_text_is_made_visible_as_a_short_one(text: str) -> None:
    assert visible(LONG_CLEAN + text + LONG_CLEAN) == LONG_CLEAN + visible(text) + LONG_CLEAN


@pytest.mark.parametrize(
    "character", ["\x00", "\x1b", "\x7f", "\x80", "\x9f", "\ud800", "\ufffe", "\uffff"]
)
def test_each_character_that_is_not_clean_is_escaped_in_a_long_text(character: str) -> None:
    shown = visible(LONG_CLEAN + character + LONG_CLEAN)
    assert shown == LONG_CLEAN + visible(character) + LONG_CLEAN != LONG_CLEAN * 2


def test_characters_whose_utf8_starts_as_a_c1_controls_are_kept_in_a_long_text() -> None:
    assert visible(LONG_CLEAN + "\xa0°½¿") == LONG_CLEAN + "\xa0°½¿"


def test_visible_writes_escapes() -> None:
    assert visible("a\x1b]52;c;x\x07\x9b\ud800\ufffe\tb\n") == (
        "a\\x1b]52;c;x\\x07\\x9b\\ud800\\ufffe\tb\n"
    )


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(22, 5, 14), ProblemCode.BEFORE_EARLIEST),
        (dt.date(1899, 12, 31), ProblemCode.BEFORE_EARLIEST),
        (TODAY + dt.timedelta(days=1), ProblemCode.IN_THE_FUTURE),
        (dt.date(9999, 12, 31), ProblemCode.IN_THE_FUTURE),
        (BIRTH - dt.timedelta(days=1), ProblemCode.BEFORE_BIRTH),
    ],
)
def test_a_date_before_1900_in_the_future_or_before_birth_is_refused(
    date: dt.date, code: ProblemCode
) -> None:
    problem = check_date(date, "date", birth_date=BIRTH, today=TODAY)
    assert problem is not None
    assert (problem.field, problem.code) == ("date", code)


@pytest.mark.parametrize("date", [BIRTH, TODAY, dt.date(2000, 2, 29)])
def test_a_date_in_the_person_s_lifetime_is_accepted(date: dt.date) -> None:
    assert check_date(date, "date", birth_date=BIRTH, today=TODAY) is None


def test_the_earliest_date_is_the_first_of_1900() -> None:
    assert check_date(EARLIEST_DATE, "birth_date", birth_date=None, today=TODAY) is None
    before = check_date(EARLIEST_DATE - dt.timedelta(days=1), "x", birth_date=None, today=TODAY)
    assert before is not None
    assert before.sentence == "Please type a date from 1900 on."
