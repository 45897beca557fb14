"""Dates as people type them and read them: "14/03/1954", "14 March 1954", "March 14, 1954".

Reading never guesses: digits are read in the order of the person's locale (or as ISO when the
year comes first), and anything that is not one whole, real date gets a plain sentence instead.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from survivor_app.domain.rules import EARLIEST_DATE, before_earliest

# Written out, never taken from the locale, so that output is the same on every computer.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Separators people type between the parts, and the "th" of "14th"; commas too ("March 14, 1954").
_PARTS = re.compile(r"[\s/.,\-]+")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
# The shortest start of a month's name that is read as that month ("Sep", "Sept", "Septem").
_SHORTEST_MONTH = 3


class DateOrder(enum.Enum):
    """The order in which a locale writes the day, the month and the year."""

    DAY_MONTH_YEAR = "dmy"
    MONTH_DAY_YEAR = "mdy"
    YEAR_MONTH_DAY = "ymd"


#: What a person is asked to type first, by order, when the month they typed cannot be one.
_ORDER_ADVICE = {
    DateOrder.DAY_MONTH_YEAR: "please type the day first, then the month",
    DateOrder.MONTH_DAY_YEAR: "please type the month first, then the day",
    DateOrder.YEAR_MONTH_DAY: "please type the year first, then the month",
}


def order_of_pattern(pattern: str) -> DateOrder:
    """The order of a date pattern such as ``dd/MM/yyyy`` or ``M/d/yy`` (day first when unsure)."""
    positions = {letter: pattern.find(letter) for letter in "dMy"}
    if -1 in positions.values():
        return DateOrder.DAY_MONTH_YEAR
    if positions["y"] < positions["M"] < positions["d"]:
        return DateOrder.YEAR_MONTH_DAY
    if positions["M"] < positions["d"]:
        return DateOrder.MONTH_DAY_YEAR
    return DateOrder.DAY_MONTH_YEAR


def read_typed_date(text: str, order: DateOrder) -> dt.date | str:
    """The date a person typed, or a plain sentence saying why it is not one whole, real date.

    Digits are read in ``order``, or year-month-day when the first part has four digits
    (``1954-03-14``); a month may be an English name or its start (``14 Mar 1954``,
    ``March 14, 1954``), and the other two parts are then the day and the four-digit year.
    """
    parts = [_ORDINAL.sub(r"\1", part) for part in _PARTS.split(text.strip().lower()) if part]
    if not parts:
        return "Please type the date."
    if len(parts) == 1 and len(parts[0]) == 8 and _digits(parts[0]):
        # Eight digits and no separator, as a date box of old taught people: "14031954".
        parts = _split_digits(parts[0], order)
    named = [part for part in parts if not _digits(part)]
    too_long = any(len(part) > 4 for part in parts if _digits(part))
    if len(parts) != 3 or len(named) > 1 or too_long:
        return "Please type the day, the month and the year."
    if named:
        return _read_with_month_name(parts, named[0])
    return _read_digits(parts, order)


def _digits(part: str) -> bool:
    """Whether ``part`` is written in the digits 0 to 9 alone; "²" and the other digits Python
    also calls digits are no part of a date."""
    return part.isascii() and part.isdigit()


def _split_digits(digits: str, order: DateOrder) -> list[str]:
    if order is DateOrder.YEAR_MONTH_DAY:
        return [digits[:4], digits[4:6], digits[6:]]
    return [digits[:2], digits[2:4], digits[4:]]


def _read_with_month_name(parts: list[str], name: str) -> dt.date | str:
    month = _month_of(name)
    if month is None:
        return f"Please check the month: “{name}” is not the name of a month."
    numbers = [part for part in parts if part != name]
    years = [number for number in numbers if len(number) == 4]
    if len(years) != 1:
        return "Please type the year in full, for example 1954."
    day = numbers[1] if len(numbers[0]) == 4 else numbers[0]
    return _whole_date(int(years[0]), month, int(day))


def _read_digits(parts: list[str], order: DateOrder) -> dt.date | str:
    if len(parts[0]) == 4 or order is DateOrder.YEAR_MONTH_DAY:
        year, month, day = parts
    elif order is DateOrder.MONTH_DAY_YEAR:
        month, day, year = parts
    else:
        day, month, year = parts
    if len(year) != 4:
        return "Please type the year in full, for example 1954."
    if not 1 <= int(month) <= 12:
        advice = "" if len(parts[0]) == 4 else f": {_ORDER_ADVICE[order]}"
        return f"There is no month {int(month)}{advice}."
    return _whole_date(int(year), int(month), int(day))


def _whole_date(year: int, month: int, day: int) -> dt.date | str:
    # Refused before it is made: the year 0 is no date at all.
    if year < EARLIEST_DATE.year:
        return before_earliest("date").sentence
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass
    if 1 <= day <= 31:
        # A day every month has not (31 April, 30 February, or 29 February outside leap years).
        in_year = f" in {year}" if (month, day) == (2, 29) else ""
        return f"There is no {day} {MONTH_NAMES[month - 1]}{in_year}."
    return f"There is no day {day} in a month."


def _month_of(name: str) -> int | None:
    if len(name) < _SHORTEST_MONTH:
        return None
    for number, month in enumerate(MONTH_NAMES, start=1):
        if month.lower().startswith(name):
            return number
    return None


@dataclass(frozen=True, slots=True)
class DateStyle:
    """One way of writing dates for people: month names, in one order, four-digit years.

    There are two: ``FIXED_ENGLISH``, the rules' own, for explanations, questions, the printed
    summary and the command line, the same on every computer; and the window's, in the order of
    the person's locale (``gui/dates.py``).
    """

    order: DateOrder

    def long(self, date: dt.date) -> str:
        """The date with its month's name: "14 March 1954", or "March 14, 1954" month first."""
        return self._with_month(date, MONTH_NAMES[date.month - 1])

    def short(self, date: dt.date) -> str:
        """The month's name cut short, for narrow columns: "14 Mar 1954", or "Mar 14, 1954"."""
        return self._with_month(date, MONTH_NAMES[date.month - 1][:3])

    def with_weekday(self, date: dt.date) -> str:
        """The date with its weekday: "Sunday 14 March 1954", or "Sunday, March 14, 1954"."""
        comma = "," if self.order is DateOrder.MONTH_DAY_YEAR else ""
        return f"{WEEKDAY_NAMES[date.weekday()]}{comma} {self.long(date)}"

    def _with_month(self, date: dt.date, month: str) -> str:
        # Month names make the order plain, so only month-first locales get their own order.
        # Four digits always, so that a year an older version let through (0022) reads as typed.
        if self.order is DateOrder.MONTH_DAY_YEAR:
            return f"{month} {date.day}, {date.year:04d}"
        return f"{date.day} {month} {date.year:04d}"


#: The rules' fixed English ("3 March 2024"), whatever the computer's language.
FIXED_ENGLISH = DateStyle(DateOrder.DAY_MONTH_YEAR)
