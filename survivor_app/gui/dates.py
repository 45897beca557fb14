"""Dates as the person reads them: in their locale's order, always with four-digit years."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale


def date_pattern(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year (``M/d/yy`` becomes ``M/d/yyyy``)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    # A survivor's history spans decades: a two-digit year would make 1961 and 2061 look alike.
    return re.sub(r"y+", "yyyy", pattern)


def qdate(date: dt.date) -> QDate:
    """The same day as a QDate, for Qt's locale and for sorting in views."""
    return QDate(date.year, date.month, date.day)


def python_date(date: QDate) -> dt.date:
    """The same day as a Python date."""
    return dt.date(date.year(), date.month(), date.day())


def short_date(date: dt.date) -> str:
    """A date for tables and lists, written as the date fields of the dialogs write it."""
    return QLocale().toString(qdate(date), date_pattern())


def long_date(date: dt.date) -> str:
    """A date for sentences, such as ``3 March 2024`` or ``March 3, 2024``, without the weekday."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"d{4}\W*", "", pattern).strip(" ,")
    # Four-digit years, as everywhere in the app.
    pattern = re.sub(r"y+", "yyyy", pattern)
    return QLocale().toString(qdate(date), pattern)
