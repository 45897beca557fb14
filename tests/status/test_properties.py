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
    STATED_STATUSES,
    Area,
    CancerHistory,
    Measurement,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
)
from survivor_app.status import analyse, assess, date_text, periods_document
from survivor_app.status.explain import CARE_TEAM
from tests.status.histories import CANCER, SPOTS, record_of

DISTANT_NODE = Spot("D", "c1", "Neck node", Area.DISTANT, lymph_node=True)
ALL_SPOTS = (*SPOTS, DISTANT_NODE)
START = dt.date(2020, 1, 1)

# Sizes in tenths of a mm, crowded around the thresholds of the rules: 5 mm, 10 mm, and the
# ratios near a 30 mm sum.
SIZES = st.one_of(
    st.integers(1, 600),
    st.sampled_from([49, 50, 51, 99, 100, 101, 210, 211, 252, 300]),
)


@st.composite
def measurements(draw: st.DrawFn, spot: Spot) -> Measurement | None:
    """What one scan says of one spot, or None when the spot was not measured."""
    kind = draw(st.sampled_from(["not measured", "gone", "too small", "size", "size", "size"]))
    if kind == "not measured":
        return None
    uncertain = draw(st.integers(0, 5)) == 0
    if kind == "too small":
        return Measurement(spot.id, None, too_small=True, uncertain=uncertain)
    size = 0 if kind == "gone" else draw(SIZES)
    return Measurement(spot.id, size, uncertain=uncertain)


@st.composite
def scans_on(draw: st.DrawFn, date: dt.date, index: int) -> Scan:
    """One scan on ``date``, sometimes with notes only, sometimes marked."""
    ned = draw(st.integers(0, 7)) == 0
    found = [] if ned else [draw(measurements(spot)) for spot in ALL_SPOTS]
    return Scan(
        id=f"sc{index}",
        cancer_id="c1",
        date=date,
        kind=ScanKind.CT,
        measurements=tuple(m for m in found if m is not None),
        no_evidence_of_disease=ned,
        new_baseline=draw(st.integers(0, 9)) == 0,
    )


@st.composite
def histories(draw: st.DrawFn) -> CancerHistory:
    """A cancer with up to seven scans and up to three statements around them."""
    gaps = draw(st.lists(st.integers(1, 400), min_size=1, max_size=7))
    dates = [START + dt.timedelta(days=sum(gaps[: i + 1])) for i in range(len(gaps))]
    scans = tuple(draw(scans_on(date, index)) for index, date in enumerate(dates))
    span = (dates[-1] - START).days + 60
    statements = []
    for index in range(draw(st.integers(0, 3))):
        status = draw(st.sampled_from([None, *STATED_STATUSES]))
        kind = draw(st.sampled_from([None, *RecurrenceType])) if status is Status.RECURRED else None
        statements.append(
            Statement(
                id=f"st{index}",
                cancer_id="c1",
                date=START + dt.timedelta(days=draw(st.integers(0, span))),
                text="",
                status=status,
                recurrence_type=kind,
            )
        )
    return CancerHistory(CANCER, ALL_SPOTS, scans, statements=tuple(statements))


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
        m.spot_id in doubted and not m.uncertain and (m.too_small or (m.size_tenths or 0) > 0)
        for m in later.measurements
    )
    if not confirms:
        assert {key: after[key] for key in before} == before


@settings(max_examples=150)
@given(histories())
def test_every_period_is_explained_with_its_own_date(h: CancerHistory) -> None:
    for period in analyse(h).periods:
        assert date_text(period.start) in period.explanation
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
