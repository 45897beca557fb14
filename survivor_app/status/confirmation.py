"""Remissions confirmed when their run lasts at least 28 days (STATUS_RULES.md §2)."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence
from typing import Any

from survivor_app.domain import Status
from survivor_app.status.assessment import CONFIRM_DAYS, RESPONSES, Assessment, Reason


def confirm_remissions(assessments: Sequence[Assessment]) -> tuple[Assessment, ...]:
    """Mark each remission confirmed when its run spans at least 28 days (§2): a complete one by
    its complete remissions unbroken by a partial one, a partial one by its whole remission run.
    ``not_evaluable`` assessments neither break nor extend a run; rule 9 is confirmed itself."""
    return tuple(
        assessment if flag is None else with_confirmed(assessment, flag)
        for assessment, flag in zip(assessments, confirmed_flags(assessments), strict=True)
    )


_FIELDS = tuple(field.name for field in dataclasses.fields(Assessment))
_VALUES = operator.attrgetter(*_FIELDS)


def with_confirmed(assessment: Assessment, flag: bool) -> Assessment:
    """``dataclasses.replace(assessment, confirmed=flag)``, quicker: a long history confirms
    a thousand remissions, and ``replace`` looks at each of an assessment's 35 fields in
    Python."""
    fields: dict[str, Any] = dict(zip(_FIELDS, _VALUES(assessment), strict=True))
    fields["confirmed"] = flag
    return Assessment(**fields)


def confirmed_flags(assessments: Sequence[Assessment]) -> list[bool | None]:
    """For each assessment, whether it is confirmed (§2), or None when it is no remission."""
    counting = [i for i, a in enumerate(assessments) if a.status is not Status.NOT_EVALUABLE]
    labels = [assessments[i].status for i in counting]
    complete = _runs(labels, (Status.COMPLETE_REMISSION,))
    response = _runs(labels, RESPONSES)
    flags: list[bool | None] = [None] * len(assessments)
    for place, index in enumerate(counting):
        assessment = assessments[index]
        if assessment.status is Status.COMPLETE_REMISSION:
            first, last = complete[place]
        elif assessment.status is Status.PARTIAL_REMISSION:
            first, last = response[place]
        else:
            continue
        span = (assessments[counting[last]].date - assessments[counting[first]].date).days
        stands = assessment.reason is Reason.RESPONSE_STANDS
        flags[index] = stands or span >= CONFIRM_DAYS
    return flags


def _runs(labels: Sequence[Status], run: tuple[Status, ...]) -> list[tuple[int, int]]:
    """For each label, the first and last index of the unbroken run of ``run`` labels around
    it: one pass each way, rather than a walk along the run from every label."""
    count = len(labels)
    first = list(range(count))
    last = list(range(count))
    within = [label in run for label in labels]
    for index in range(1, count):
        if within[index] and within[index - 1]:
            first[index] = first[index - 1]
    for index in range(count - 2, -1, -1):
        if within[index] and within[index + 1]:
            last[index] = last[index + 1]
    return list(zip(first, last, strict=True))
