"""Cancer histories generated for the property tests of the status rules: sizes crowded around
the rules' thresholds, spots without a size in every state, uncertain and unmeasured spots,
marked scans, and doctor's statements."""

from __future__ import annotations

import datetime as dt

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
    SpotState,
    Statement,
    Status,
)
from tests.status.histories import BONES, CANCER, FLUID, SPOTS

DISTANT_NODE = Spot("D", "c1", "Neck node", Area.DISTANT, lymph_node=True)
ALL_SPOTS = (*SPOTS, DISTANT_NODE, BONES, FLUID)
START = dt.date(2020, 1, 1)
#: What a doctor may have said, with no number, so that every number of an explanation is one the
#: rules computed.
WORDS = ["", "Things are stable.", "The scan is clear.", "It has grown.", "It has come back."]

# Sizes in tenths of a mm, crowded around the thresholds of the rules: 5 mm, 10 mm, and the
# ratios near a 30 mm sum.
SIZES = st.one_of(
    st.integers(1, 600),
    st.sampled_from([49, 50, 51, 99, 100, 101, 210, 211, 252, 300]),
)


@st.composite
def measurements(draw: st.DrawFn, spot: Spot) -> Measurement | None:
    """What one scan says of one spot, or None when the spot was not measured (or looked at)."""
    if not spot.sized:
        state = draw(st.sampled_from([None, *SpotState, SpotState.PRESENT]))
        if state is None:
            return None
        return Measurement(spot.id, None, uncertain=draw(st.integers(0, 5)) == 0, state=state)
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
                text=draw(st.sampled_from(WORDS)),
                clinician=draw(st.sampled_from(["", "Dr. Osei"])),
                status=status,
                recurrence_type=kind,
            )
        )
    return CancerHistory(CANCER, ALL_SPOTS, scans, statements=tuple(statements))
