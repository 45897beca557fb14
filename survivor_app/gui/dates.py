"""The window's date style: dates as the person reads them, in their locale's order, with
four-digit years and month names (the rules' own fixed English is ``FIXED_ENGLISH``)."""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QDate, QLocale

from survivor_app.domain.typed_dates import DateOrder, DateStyle, order_of_pattern


def date_pattern(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year (``M/d/yy`` becomes ``M/d/yyyy``)."""
    return _four_digit_years((locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))


def _four_digit_years(pattern: str) -> str:
    # A survivor's history spans decades: a two-digit year would make 1961 and 2061 look alike.
    return re.sub(r"y+", "yyyy", pattern)


def date_order(locale: QLocale | None = None) -> DateOrder:
    """The order in which the locale writes the day, the month and the year."""
    return order_of_pattern(date_pattern(locale))


def window_style(locale: QLocale | None = None) -> DateStyle:
    """The window's date style: month names in the order of the locale."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return _style_of_pattern(pattern)


@functools.cache
def _style_of_pattern(pattern: str) -> DateStyle:
    # A table of a thousand scans asks for the style of every date it shows: the locale's
    # pattern is looked up each time (it may change), the rest worked out once per pattern.
    return DateStyle(order_of_pattern(_four_digit_years(pattern)))


def typed_example(locale: QLocale | None = None) -> str:
    """A date written with digits as the locale writes it, to show how to type one."""
    locale = locale or QLocale()
    return locale.toString(QDate(2024, 3, 25), date_pattern(locale))


def qdate(date: dt.date) -> QDate:
    """The same day as a QDate, for Qt's locale and calendar."""
    return QDate(date.year, date.month, date.day)


def python_date(date: QDate) -> dt.date:
    """The same day as a Python date."""
    return dt.date(date.year(), date.month(), date.day())


def short_date(date: dt.date) -> str:
    """A date for tables and lists, with its month's name cut short: ``14 Mar 2024``.

    Digits alone read differently from one country to the next ("6 12 2026" in a C locale).
    """
    return window_style().short(date)


def long_date(date: dt.date) -> str:
    """A date for sentences, such as ``3 March 2024`` or ``March 3, 2024``, without the weekday."""
    return window_style().long(date)
