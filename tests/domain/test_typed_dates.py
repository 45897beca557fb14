"""Dates typed as people write them are read in their locale's order, or refused in words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain.typed_dates import (
    FIXED_ENGLISH,
    DateOrder,
    DateStyle,
    order_of_pattern,
    read_typed_date,
)

DMY = DateOrder.DAY_MONTH_YEAR
MDY = DateOrder.MONTH_DAY_YEAR
YMD = DateOrder.YEAR_MONTH_DAY
PI_DAY = dt.date(1954, 3, 14)


@pytest.mark.parametrize(
    ("pattern", "order"),
    [("dd/MM/yyyy", DMY), ("M/d/yy", MDY), ("dd.MM.yy", DMY), ("yyyy/MM/dd", YMD),
     ("yyyy-MM-dd", YMD), ("d MM yyyy", DMY), ("yyyy. MM. dd.", YMD), ("yy. M. d.", YMD),
     ("", DMY)],
)  # fmt: skip
def test_the_order_comes_from_the_locales_pattern(pattern: str, order: DateOrder) -> None:
    assert order_of_pattern(pattern) == order


# What each locale order reads, as typed: every separator, leading zeros or none.
READS = {
    DMY: ["14/03/1954", "14/3/1954", "14-03-1954", "14.03.1954", "14.3.1954.", "14 03 1954",
          " 14 / 3 / 1954 ", "14031954"],
    MDY: ["03/14/1954", "3/14/1954", "3-14-1954", "03.14.1954", "3 14 1954", "03141954"],
    YMD: ["1954/03/14", "1954-3-14", "1954.03.14", "1954. 03. 14.", "1954 3 14", "19540314"],
}  # fmt: skip
# Read the same way in every order: ISO, and English month names or their starts.
EVERYWHERE = ["1954-03-14", "14 March 1954", "March 14, 1954", "14 Mar 1954", "Mar 14 1954",
              "14-Mar-1954", "14th March 1954", "march 14th, 1954", "1954 Mar 14", "14 MAR. 1954",
              "14 Marc 1954"]  # fmt: skip


@pytest.mark.parametrize(
    ("order", "text"),
    [(order, text) for order, texts in READS.items() for text in texts]
    + [(order, text) for order in DateOrder for text in EVERYWHERE],
)
def test_a_typed_date_is_read_in_the_locales_order(order: DateOrder, text: str) -> None:
    assert read_typed_date(text, order) == PI_DAY


@pytest.mark.parametrize(
    ("order", "text", "problem"),
    [
        (DMY, "", "Please type the date."),
        (DMY, "14/03", "Please type the day, the month and the year."),
        (DMY, "14/03/1954/2", "Please type the day, the month and the year."),
        (DMY, "14 March May 1954", "Please type the day, the month and the year."),
        (DMY, "14/03/54", "Please type the year in full, for example 1954."),
        (MDY, "3/14/54", "Please type the year in full, for example 1954."),
        (YMD, "54/03/14", "Please type the year in full, for example 1954."),
        (DMY, "14 Mar 54", "Please type the year in full, for example 1954."),
        (DMY, "31/02/2024", "There is no 31 February."),
        (MDY, "2/30/2024", "There is no 30 February."),
        (DMY, "29/02/2023", "There is no 29 February in 2023."),
        (DMY, "31 April 2024", "There is no 31 April."),
        (DMY, "32/01/2024", "There is no day 32 in a month."),
        (DMY, "0/01/2024", "There is no day 0 in a month."),
        (DMY, "03/14/1954", "There is no month 14: please type the day first, then the month."),
        (MDY, "14/03/1954", "There is no month 14: please type the month first, then the day."),
        (DMY, "1954-14-03", "There is no month 14."),
        (DMY, "14 Marhc 1954", "Please check the month: “marhc” is not the name of a month."),
        (DMY, "14 Ma 1954", "Please check the month: “ma” is not the name of a month."),
        (DMY, "14/03/1899", "Please type a date from 1900 on."),
        (DMY, "14/03/0054", "Please type a date from 1900 on."),
        (DMY, "1²/03/1954", "Please check the month: “1²” is not the name of a month."),
        (DMY, "14/03/" + "1" * 5000, "Please type the day, the month and the year."),
        (DMY, "14/03/19540", "Please type the day, the month and the year."),
    ],
)
def test_what_is_not_one_real_date_gets_a_plain_sentence(
    order: DateOrder, text: str, problem: str
) -> None:
    assert read_typed_date(text, order) == problem


def test_a_leap_day_is_a_real_date_in_a_leap_year() -> None:
    assert read_typed_date("29/02/2024", DMY) == dt.date(2024, 2, 29)
    assert read_typed_date("2/29/2000", MDY) == dt.date(2000, 2, 29)


@pytest.mark.parametrize(
    ("order", "words", "long", "short"),
    [
        (DMY, "Sunday 14 March 1954", "14 March 1954", "14 Mar 1954"),
        (MDY, "Sunday, March 14, 1954", "March 14, 1954", "Mar 14, 1954"),
        (YMD, "Sunday 14 March 1954", "14 March 1954", "14 Mar 1954"),
    ],
)
def test_dates_are_written_with_the_months_name(
    order: DateOrder, words: str, long: str, short: str
) -> None:
    style = DateStyle(order)
    assert style.with_weekday(PI_DAY) == words
    assert style.long(PI_DAY) == long
    assert style.short(PI_DAY) == short


@settings(max_examples=200)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(list(DateOrder)))
def test_every_date_written_for_the_person_reads_back_the_same(
    date: dt.date, order: DateOrder
) -> None:
    assert read_typed_date(DateStyle(order).short(date), order) == date
    assert read_typed_date(DateStyle(order).long(date), order) == date


def test_the_rules_write_dates_in_fixed_english() -> None:
    assert FIXED_ENGLISH.long(dt.date(2024, 3, 3)) == "3 March 2024"
    assert FIXED_ENGLISH.long(dt.date(1999, 12, 31)) == "31 December 1999"
    assert FIXED_ENGLISH.short(dt.date(2024, 3, 3)) == "3 Mar 2024"
