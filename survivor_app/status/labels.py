"""The words a person sees for a status, a basis and a date: the one place they are written, so the
window, the printed summary and the command line all say the same thing."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

from survivor_app.domain import RecurrenceType, Status
from survivor_app.domain.typed_dates import MONTH_NAMES


class Basis(enum.StrEnum):
    """What a label rests on (STATUS_RULES.md §7): the sizes, a doctor's statement, or both."""

    MEASUREMENTS = "measurements"
    DOCTOR = "doctor"


_SHOWN_AS: dict[Status, str] = {
    Status.BASELINE: "Starting point",
    Status.COMPLETE_REMISSION: "Complete remission (no evidence of disease)",
    Status.PARTIAL_REMISSION: "Partial remission",
    Status.STABLE: "Stable (controlled)",
    Status.PROGRESSED: "Progressed",
    Status.RECURRED: "Recurred",
    Status.NOT_EVALUABLE: "Not enough information",
}

_SHORT: dict[Status, str] = {
    Status.BASELINE: "Starting point",
    Status.COMPLETE_REMISSION: "Complete remission",
    Status.PARTIAL_REMISSION: "Partial remission",
    Status.STABLE: "Stable",
    Status.PROGRESSED: "Progressed",
    Status.RECURRED: "Recurred",
    Status.NOT_EVALUABLE: "Not enough information",
}

_BASIS: dict[frozenset[Basis], str] = {
    frozenset({Basis.MEASUREMENTS}): "Measurements",
    frozenset({Basis.DOCTOR}): "Doctor’s statement",
    frozenset(Basis): "Measurements and doctor’s statement",
}

NOT_YET_CONFIRMED = " (not yet confirmed)"


def status_label(
    status: Status,
    recurrence_type: RecurrenceType | None = None,
    confirmed: bool | None = None,
) -> str:
    """A status as STATUS_RULES.md §2 shows it, e.g. ``Recurred — distant`` or
    ``Partial remission (not yet confirmed)``."""
    if status is Status.RECURRED:
        words = (
            "Recurred (type not recorded)"
            if recurrence_type is None
            else f"Recurred — {recurrence_type.value}"
        )
    else:
        words = _SHOWN_AS[status]
    return words + NOT_YET_CONFIRMED if confirmed is False else words


def short_status_label(status: Status) -> str:
    """A status in two words at most, for narrow table columns."""
    return _SHORT[status]


def basis_label(basis: Iterable[Basis]) -> str:
    """What a label rests on, e.g. ``Measurements and doctor’s statement``."""
    return _BASIS[frozenset(basis)]


def date_text(date: dt.date) -> str:
    """A date for sentences, written like ``3 March 2024``."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"
