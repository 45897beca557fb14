"""Dates as the person reads them: in their locale's order, four-digit years, month names."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale

from survivor_app.domain.typed_dates import (
    DateOrder,
    long_date_text,
    order_of_pattern,
    short_date_text,
)


def date_pattern(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year (``M/d/yy`` becomes ``M/d/yyyy``)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    # A survivor's history spans decades: a two-digit year would make 1961 and 2061 look alike.
    return re.sub(r"y+", "yyyy", pattern)


def date_order(locale: QLocale | None = None) -> DateOrder:
    """The order in which the locale writes the day, the month and the year."""
    return order_of_pattern(date_pattern(locale))


def typed_example(locale: QLocale | None = None) -> str:
    """A date written with digits as the locale writes it, to show how to type one."""
    locale = locale or QLocale()
    return locale.toString(QDate(2024, 3, 25), date_pattern(locale))


def qdate(date: dt.date) -> QDate:
    """The same day as a QDate, for Qt's locale and for sorting in views."""
    return QDate(date.year, date.month, date.day)


def python_date(date: QDate) -> dt.date:
    """The same day as a Python date."""
    return dt.date(date.year(), date.month(), date.day())


def short_date(date: dt.date) -> str:
    """A date for tables and lists, with its month's name cut short: ``14 Mar 2024``.

    Digits alone read differently from one country to the next ("6 12 2026" in a C locale).
    """
    return short_date_text(date, date_order())


def long_date(date: dt.date) -> str:
    """A date for sentences, such as ``3 March 2024`` or ``March 3, 2024``, without the weekday."""
    return long_date_text(date, date_order())
