"""What a period's label means, in the words of the source page and of STATUS_RULES.md, and what
the person could ask about it at their next appointment (§8)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from survivor_app.domain import RecurrenceType, Status
from survivor_app.status.assessment import RECURRENCE_DAYS, Assessment, Reason
from survivor_app.status.without_size import GREW_MEANS, REMAIN_MEANS, names

SECOND_CANCER = (
    "Only your care team can tell whether this is the same cancer or a second, different cancer."
)

_RECURRENCE_MEANS: dict[RecurrenceType | None, str] = {
    RecurrenceType.LOCAL: (
        "A local recurrence means the cancer has come back in the same place it first started."
    ),
    RecurrenceType.REGIONAL: (
        "A regional recurrence means the cancer has come back in the lymph nodes near the place "
        "it first started."
    ),
    RecurrenceType.DISTANT: (
        "A distant recurrence means the cancer has come back in another part of the body."
    ),
    None: "Where it came back (the type of recurrence) was not recorded.",
}

_MONTH_SENSE = (
    "A remission (a time when the cancer shrinks or cannot be found) “must last for at least "
    "a month”."
)


def what_it_means(assessments: Sequence[Assessment]) -> Iterator[str]:
    """What the label means, in the words of the source page and of STATUS_RULES.md."""
    a = assessments[0]
    match a.status:
        case Status.BASELINE:
            yield (
                "A starting point (doctors say “baseline”) is the scan that later scans are "
                "compared with."
            )
            yield "It is not good or bad news by itself."
        case Status.COMPLETE_REMISSION:
            yield "Complete remission means tests and scans show no sign of the cancer."
            yield "Doctors also call this “no evidence of disease”, or NED."
            yield "It does not always mean the cancer is cured."
            yield from _confirmation(a)
        case Status.PARTIAL_REMISSION:
            yield "Partial remission means the cancer has shrunk but not gone away."
            yield "The app uses RECIST, the rules doctors use to measure tumours on scans."
            remain = [x.reason is Reason.UNSIZED_REMAIN for x in assessments]
            if any(remain):
                yield from REMAIN_MEANS
            if not all(remain):
                yield (
                    "By these rules, the widths of the spots must add up to at least 30% less "
                    "than at the starting scan."
                )
                yield "You may read 50% elsewhere."
                yield "That older figure compares areas (width times width), not widths."
                yield (
                    "A width 30% smaller gives an area about 50% smaller, since 0.7 × 0.7 = 0.49."
                )
            yield from _confirmation(a)
        case Status.STABLE:
            yield (
                "Stable, or “controlled”, means the cancer is still there but is not changing "
                "much over time."
            )
            unchanged = all(x.reason is Reason.NO_BIG_CHANGE for x in assessments)
            if unchanged and any(spot.sized for x in assessments for spot in x.tracked_spots):
                yield (
                    "Here, the sum of the sizes has not shrunk by 30% or more, and has not grown "
                    "by both 20% and 5 mm."
                )
            elif unchanged:
                yield "Here, your spots have no size, so there is no sum to compare."
        case Status.PROGRESSED:
            yield "Progressed means the cancer has grown or spread."
            if any(x.growing_spots for x in assessments if x.measured is Status.PROGRESSED):
                yield GREW_MEANS
        case Status.RECURRED:
            yield "Recurred means the cancer came back after a time when it could not be found."
            yield "Most doctors call it a recurrence only after at least a year with no signs."
            yield _RECURRENCE_MEANS[a.recurrence_type]
            yield SECOND_CANCER
        case Status.NOT_EVALUABLE:
            yield (
                "“Not enough information” means the app cannot give a label from this scan, "
                "because a spot was not measured."
            )
            yield "It does not mean anything is wrong."


def _confirmation(a: Assessment) -> Iterator[str]:
    yield _MONTH_SENSE
    if a.reason is Reason.RESPONSE_STANDS:
        yield "This one follows a partial remission that was seen again, so it counts as confirmed."
    elif a.confirmed:
        yield "This one was seen over at least 28 days, so it counts as confirmed."
    else:
        yield "This one has not yet been seen over 28 days. A later check can confirm it."


def what_to_ask(assessments: Sequence[Assessment]) -> Iterator[str]:
    """What the person could ask about this period at their next appointment (§8)."""
    first = assessments[0]
    asked = False
    if any(a.disagreement is not None for a in assessments):
        asked = True
        yield "You could ask your doctor which label is right, and why."
    if first.confirmed is False:
        asked = True
        yield "You could ask whether this remission is confirmed, and how long it should last."
    if first.status is Status.RECURRED:
        asked = True
        yield "You could ask what type of recurrence this is, and whether it is a second cancer."
    if any(
        a.status is Status.PROGRESSED
        and a.remission_days is not None
        and a.remission_days < RECURRENCE_DAYS
        for a in assessments
    ):
        asked = True
        yield "You could ask whether the cancer was ever completely gone before."
    if first.status is Status.NOT_EVALUABLE:
        asked = True
        yield "You could ask whether every spot was looked at on that scan."
    remaining = {f.spot.id: f for a in assessments for f in a.remaining_spots}
    if remaining:
        asked = True
        verb = "are" if len(remaining) > 1 else "is"
        yield (
            f"You could ask whether {names(list(remaining.values()))} {verb} still cancer, "
            f"and how {'they are' if len(remaining) > 1 else 'it is'} followed."
        )
    if not asked:
        yield "You could ask what this means for your next steps."
