"""Periods: consecutive assessments of one cancer with the same label (STATUS_RULES.md §7)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from survivor_app.domain import Basis, RecurrenceType, Status
from survivor_app.domain.words import status_label
from survivor_app.status.assessment import Assessment
from survivor_app.status.explain import explain_period


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of a cancer's timeline under one label, from its first assessment's date until
    the next period starts (``end`` is None while it goes on). ``summary`` is the explanation's
    opening sentence, for lists and tables."""

    status: Status
    recurrence_type: RecurrenceType | None
    confirmed: bool | None
    basis: tuple[Basis, ...]
    start: dt.date
    end: dt.date | None
    last_checked: dt.date
    label: str
    summary: str
    explanation: str
    assessments: tuple[Assessment, ...]


def periods(assessments: Sequence[Assessment]) -> tuple[Period, ...]:
    """The periods of one cancer's assessments (given in date order, as ``assess`` returns them)."""
    groups = [
        tuple(group)
        for _, group in itertools.groupby(
            assessments, key=lambda a: (a.status, a.recurrence_type, a.confirmed)
        )
    ]
    return tuple(
        _period(group, None if index + 1 == len(groups) else groups[index + 1][0].date)
        for index, group in enumerate(groups)
    )


def basis_of(assessment: Assessment) -> tuple[Basis, ...]:
    """What one label rests on: the doctor's status when given, and the sizes when they agree
    with the label or when there is no statement."""
    parts: list[Basis] = []
    if assessment.measured is not None and (
        assessment.stated is None or assessment.measured is assessment.status
    ):
        parts.append(Basis.MEASUREMENTS)
    if assessment.stated is not None:
        parts.append(Basis.DOCTOR)
    return tuple(parts)


def _period(group: tuple[Assessment, ...], end: dt.date | None) -> Period:
    first = group[0]
    found = {part for assessment in group for part in basis_of(assessment)}
    explained = explain_period(group)
    return Period(
        status=first.status,
        recurrence_type=first.recurrence_type,
        confirmed=first.confirmed,
        basis=tuple(part for part in Basis if part in found),
        start=first.date,
        end=end,
        last_checked=group[-1].date,
        label=status_label(first.status, first.recurrence_type, first.confirmed),
        summary=explained.summary,
        explanation=explained.text,
        assessments=group,
    )
