"""Confirmation of a response (STATUS_RULES.md §2), checked against the rule read word for word:
a complete remission by its unbroken run of complete remissions, a partial one by its run of
partial or complete remissions, each confirmed when the run spans at least 28 days."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import STATED_STATUSES, Statement, Status
from survivor_app.status import Assessment, assess
from tests.status.histories import history, said

START = dt.date(2020, 1, 1)


@st.composite
def statements(draw: st.DrawFn) -> list[Statement]:
    """Statements alone, each an assessment of its own, crowded around the 28 days."""
    gaps = draw(st.lists(st.sampled_from([0, 1, 6, 13, 14, 27, 28, 29, 60]), max_size=14))
    chosen = draw(
        st.lists(st.sampled_from(STATED_STATUSES), min_size=len(gaps), max_size=len(gaps))
    )
    day = START
    found = []
    for number, (gap, status) in enumerate(zip(gaps, chosen, strict=True)):
        day += dt.timedelta(days=gap)
        found.append(said(day.isoformat(), status, id=f"d{number}"))
    return found


def spec_confirmed(assessments: list[Assessment], index: int) -> bool | None:
    status = assessments[index].status
    if status is Status.COMPLETE_REMISSION:
        run = {Status.COMPLETE_REMISSION}
    elif status is Status.PARTIAL_REMISSION:
        run = {Status.COMPLETE_REMISSION, Status.PARTIAL_REMISSION}
    else:
        return None
    first = last = index
    while first > 0 and assessments[first - 1].status in run:
        first -= 1
    while last + 1 < len(assessments) and assessments[last + 1].status in run:
        last += 1
    return (assessments[last].date - assessments[first].date).days >= 28


@settings(max_examples=300)
@given(statements())
def test_each_response_is_confirmed_by_the_run_it_belongs_to(spoken: list[Statement]) -> None:
    assessments = list(assess(history(statements=spoken)))
    assert [a.confirmed for a in assessments] == [
        spec_confirmed(assessments, index) for index in range(len(assessments))
    ]


def test_a_partial_remission_counts_complete_ones_in_its_run_but_not_the_reverse() -> None:
    h = history(
        statements=[
            said("2024-01-01", Status.PARTIAL_REMISSION),
            said("2024-01-20", Status.COMPLETE_REMISSION),
            said("2024-02-05", Status.PARTIAL_REMISSION),
        ]
    )
    assert [a.confirmed for a in assess(h)] == [True, False, True]
