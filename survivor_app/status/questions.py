"""Questions for the next appointment that a cancer's assessments raise (STATUS_RULES.md §8)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from survivor_app.domain import Status
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import status_label
from survivor_app.status.assessment import RECURRENCE_DAYS, Assessment, Reason, SpotFinding
from survivor_app.status.without_size import names, sized_now, spot_names


def questions(assessments: Sequence[Assessment]) -> tuple[str, ...]:
    """Plain, short questions naming their dates, each asked once, in timeline order."""
    return tuple(dict.fromkeys(_asked(assessments)))


def _asked(assessments: Sequence[Assessment]) -> Iterator[str]:
    before: Assessment | None = None
    for _, run in itertools.groupby(assessments, key=lambda a: (a.status, a.confirmed)):
        run_list = list(run)
        first = run_list[0]
        if first.confirmed is False:
            what = "complete" if first.status is Status.COMPLETE_REMISSION else "partial"
            yield (
                f"Is my {what} remission from {FIXED_ENGLISH.long(first.date)} confirmed? "
                "How long should it last?"
            )
        for a in run_list:
            yield from _about(a)
            # A partial remission by rule 7 is asked about where it begins.
            if a.reason is Reason.UNSIZED_REMAIN and (
                before is None or before.reason is not Reason.UNSIZED_REMAIN
            ):
                yield _remain_question(a)
            before = a


def _about(a: Assessment) -> Iterator[str]:
    if not (
        a.disagreement is not None
        or a.status is Status.RECURRED
        or a.status is Status.PROGRESSED
        or a.measured is Status.NOT_EVALUABLE
    ):
        # Most assessments ask nothing: their date is not written out for nothing.
        return
    day = FIXED_ENGLISH.long(a.date)
    if a.disagreement is not None and a.measured is not None and a.stated is not None:
        measured = status_label(a.measured, a.measured_recurrence_type)
        stated = status_label(a.stated, a.stated_recurrence_type)
        # The doctor spoke on the statement's own date, which may come days after the scan.
        said_on = day if a.statement is None else FIXED_ENGLISH.long(a.statement.date)
        yield (
            f"On {said_on}, my doctor said “{stated}”, but the scan of {day} points to "
            f"“{measured}”. Which is right, and why?"
        )
    if a.status is Status.RECURRED:
        yield (
            f"The cancer came back on {day}. What type of recurrence is it? "
            "Could it be a second, different cancer?"
        )
    if (
        a.status is Status.PROGRESSED
        and a.remission_days is not None
        and a.remission_days < RECURRENCE_DAYS
    ):
        yield (
            f"On {day}, the cancer was found again after {a.remission_days} days with no sign "
            "of it. Was it ever completely gone before?"
        )
    if a.measured is Status.NOT_EVALUABLE and a.missing_spots:
        verb = "was" if len(a.missing_spots) == 1 else "were"
        yield (
            f"Were all spots looked at on the scan of {day}? {spot_names(a.missing_spots)} "
            f"{verb} not measured."
        )


def _remain_question(a: Assessment) -> str:
    """The question of §8 for a partial remission by rule 7: are these spots still cancer, and
    how are they followed?"""
    there = [f for f in a.remaining_spots if f.state is not None]
    unseen = [f for f in a.remaining_spots if f.state is None]
    parts = []
    if there:
        parts.append(f"the report still mentioned {names(there)}, {_without(there)}")
    if unseen:
        verb = "were" if len(unseen) > 1 else "was"
        parts.append(f"{names(unseen)}, {_without(unseen)}, {verb} not looked at")
    first, *rest = parts
    many = len(a.remaining_spots) > 1
    return " ".join(
        [
            f"On {FIXED_ENGLISH.long(a.date)}, my measured spots {sized_now(a)[1]}, but {first}.",
            *(f"{part}." for part in rest),
            f"{'Are they' if many else 'Is it'} still cancer?",
            f"How {'are they' if many else 'is it'} followed?",
        ]
    )


def _without(findings: Sequence[SpotFinding]) -> str:
    return "spots without a size" if len(findings) > 1 else "a spot without a size"
