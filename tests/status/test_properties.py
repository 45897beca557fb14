"""Properties of the status engine over generated histories: the same history always gives the
same output, periods tile the timeline, a later scan does not rewrite the past, every period is
explained with its own dates, and sizes stay whole numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import (
    CancerHistory,
    Status,
)
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.exchange.periods_json import periods_document
from survivor_app.status import analyse, assess
from survivor_app.status.explain import CARE_TEAM
from survivor_app.status.spot_sizes import THERE
from tests.status.generated import histories, scans_on
from tests.status.histories import record_of


@settings(max_examples=150)
@given(histories())
def test_the_same_history_gives_the_same_output(h: CancerHistory) -> None:
    assert assess(h) == assess(h)
    assert analyse(h) == analyse(h)
    assert periods_document(record_of(h)) == periods_document(record_of(h))


@settings(max_examples=150)
@given(histories())
def test_periods_tile_the_timeline(h: CancerHistory) -> None:
    analysis = analyse(h)
    periods = analysis.periods
    assert tuple(a for p in periods for a in p.assessments) == analysis.assessments
    if not periods:
        assert analysis.assessments == ()
        return
    assert periods[0].start == analysis.assessments[0].date
    for earlier, later in itertools.pairwise(periods):
        assert earlier.end == later.start
        assert earlier.start <= earlier.last_checked <= later.start
        assert (earlier.status, earlier.recurrence_type, earlier.confirmed) != (
            later.status,
            later.recurrence_type,
            later.confirmed,
        )
    assert periods[-1].end is None
    assert periods[-1].last_checked == analysis.assessments[-1].date


@settings(max_examples=150)
@given(histories())
def test_every_scan_with_sizes_is_assessed_once_in_date_order(h: CancerHistory) -> None:
    assessments = assess(h)
    measured = sorted(s.id for s in h.scans if s.measurements or s.no_evidence_of_disease)
    assert sorted(str(a.scan_id) for a in assessments if a.measured is not None) == measured
    assert [a.date for a in assessments] == sorted(a.date for a in assessments)
    assert all(a.measured is None or a.scan is not None for a in assessments)


@settings(max_examples=200)
@given(histories(), st.integers(1, 500), st.data())
def test_a_later_scan_does_not_change_earlier_measured_statuses(
    h: CancerHistory, gap: int, data: st.DataObject
) -> None:
    later = data.draw(scans_on(h.scans[-1].date + dt.timedelta(days=gap), len(h.scans)))
    before = {a.scan_id: a.measured for a in assess(h) if a.measured is not None}
    after = {
        a.scan_id: a.measured
        for a in assess(dataclasses.replace(h, scans=(*h.scans, later)))
        if a.measured is not None
    }
    doubted = {m.spot_id for s in h.scans for m in s.measurements if m.uncertain}
    confirms = any(
        m.spot_id in doubted
        and not m.uncertain
        and (m.too_small or (m.size_tenths or 0) > 0 or m.state in THERE)
        for m in later.measurements
    )
    if not confirms:
        assert {key: after[key] for key in before} == before


@settings(max_examples=150)
@given(histories())
def test_every_period_is_explained_with_its_own_date(h: CancerHistory) -> None:
    for period in analyse(h).periods:
        assert FIXED_ENGLISH.long(period.start) in period.explanation
        assert period.explanation.endswith(CARE_TEAM)
        if period.status is Status.RECURRED:
            assert "second, different cancer" in period.explanation


@settings(max_examples=150)
@given(histories())
def test_sizes_are_whole_tenths_and_changes_are_decimals(h: CancerHistory) -> None:
    for a in assess(h):
        for size in (
            a.sum_tenths,
            a.baseline_sum_tenths,
            a.nadir_tenths,
            a.new_baseline_sum_tenths,
        ):
            assert size is None or type(size) is int
        for change in (a.change_from_baseline_pct, a.change_from_nadir_pct):
            assert change is None or (type(change) is Decimal and change.as_tuple().exponent == -1)
        assert all(type(f.size_tenths) is int for f in (*a.new_spots, *a.returned_spots))
        assert (a.confirmed is None) is (
            a.status not in (Status.COMPLETE_REMISSION, Status.PARTIAL_REMISSION)
        )
        if a.measured is Status.RECURRED:
            assert a.measured_recurrence_type is not None
