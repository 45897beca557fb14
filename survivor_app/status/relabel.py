"""One cancer's analysis kept from one edit to the next: the labelling walk goes on from the
last step an edit left as it was, rather than over the whole history again."""

from __future__ import annotations

from collections.abc import Sequence

from survivor_app.domain import CancerHistory, MarkerResult, Spot
from survivor_app.status.analysis import CancerAnalysis
from survivor_app.status.assess import Step, Walk, WalkState, steps
from survivor_app.status.assessment import Assessment
from survivor_app.status.confirmation import confirmed_flags, with_confirmed
from survivor_app.status.marker_questions import marker_questions
from survivor_app.status.periods import Period, periods
from survivor_app.status.questions import questions


class Relabel:
    """The analysis of one cancer's history at a time, as ``analyse`` gives it, worked out
    again after an edit from the first step of the walk that the edit changed: a scan added or
    changed on a date relabels that date and what follows (and the earlier scans whose
    uncertain findings it confirms or no longer confirms). Each step's state is kept; a
    change of the spots relabels everything."""

    def __init__(self) -> None:
        self._spots: tuple[Spot, ...] | None = None
        self._steps: list[Step] = []
        self._states: list[WalkState] = []
        self._labels: list[Assessment] = []
        self._flags: list[bool | None] = []
        self._assessments: tuple[Assessment, ...] = ()
        self._periods: tuple[Period, ...] = ()
        self._marker_results: tuple[MarkerResult, ...] | None = None
        self._marker_questions: tuple[str, ...] = ()

    def analyse(self, history: CancerHistory) -> CancerAnalysis:
        """The analysis of ``history``, the same as ``analyse(history)``."""
        taken, dated_back = steps(history)
        same = 0
        if self._spots is not None and self._spots == history.spots:
            limit = min(len(taken), len(self._steps))
            while same < limit and taken[same].same_as(self._steps[same]):
                same += 1
        resume = (self._states[same - 1], self._labels[:same]) if same else None
        walk = Walk(history.spots, dated_back, resume)
        states = self._states[:same]
        for step in taken[same:]:
            walk.add(step.position, step.scan, step.statement)
            states.append(walk.state())
        labels = walk.assessments
        assessments = self._confirmed(labels)
        found = _periods_after(self._assessments, self._periods, assessments)
        if self._marker_results != history.marker_results:
            self._marker_results = history.marker_results
            self._marker_questions = marker_questions(history.marker_results)
        self._spots, self._steps, self._states, self._labels = history.spots, taken, states, labels
        self._assessments, self._periods = assessments, found
        return CancerAnalysis(
            cancer=history.cancer,
            assessments=assessments,
            periods=found,
            questions=questions(assessments) + self._marker_questions,
        )

    def _confirmed(self, labels: Sequence[Assessment]) -> tuple[Assessment, ...]:
        """The labels with their remissions confirmed or not (§2), keeping the assessments
        of the last analysis where their label and its confirmation are the same."""
        flags = confirmed_flags(labels)
        before, kept, flags_before = self._labels, self._assessments, self._flags
        confirmed: list[Assessment] = []
        for index, (label, flag) in enumerate(zip(labels, flags, strict=True)):
            if flag is None:
                confirmed.append(label)
            elif index < len(before) and before[index] is label and flags_before[index] == flag:
                confirmed.append(kept[index])
            else:
                confirmed.append(with_confirmed(label, flag))
        self._flags = flags
        return tuple(confirmed)


def _periods_after(
    before: Sequence[Assessment], found: Sequence[Period], assessments: Sequence[Assessment]
) -> tuple[Period, ...]:
    """The periods of ``assessments``, keeping those of ``before`` (``found``) that end two
    assessments or more before the first that differs: the period around the assessment
    before it may go on, or end otherwise, and is made again with all after it."""
    differs = 0
    limit = min(len(before), len(assessments))
    while differs < limit and before[differs] is assessments[differs]:
        differs += 1
    if differs == len(before) == len(assessments):
        return tuple(found)
    kept: list[Period] = []
    start = 0
    for period in found:
        if start + len(period.assessments) >= differs:
            break
        kept.append(period)
        start += len(period.assessments)
    return (*kept, *periods(assessments[start:]))
