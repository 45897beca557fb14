"""Tumour marker results for the tests, written as a lab report gives them: dates as ISO strings,
values as typed ("<0.1" below the lab's limit), and generated series crowded with equal values,
results below the lab's limit, same-day results and upper limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain.markers import KNOWN_MARKERS

START = dt.date(2020, 1, 1)


def result(
    on: str,
    value: str,
    marker: MarkerKind = MarkerKind.CEA,
    *,
    upper: str | None = None,
    cancer_id: str = "c1",
) -> MarkerResult:
    """One result: ``value`` as the lab wrote it, ``"<0.1"`` when below what it can measure."""
    below = value.startswith("<")
    return MarkerResult(
        id=f"m-{marker.value}-{on}-{value}",
        cancer_id=cancer_id,
        date=dt.date.fromisoformat(on),
        marker=marker,
        value=Decimal(value.removeprefix("<")),
        unit=KNOWN_MARKERS[marker].unit,
        below_limit=below,
        upper_limit=None if upper is None else Decimal(upper),
    )


def results(marker: MarkerKind, *typed: tuple[str, str]) -> tuple[MarkerResult, ...]:
    """A series of one marker from ``(date, value)`` pairs."""
    return tuple(result(on, value, marker) for on, value in typed)


# Values crowded so that equal, rising and falling neighbours all come up; 0 too.
_VALUES = st.integers(0, 60).map(lambda tenths: Decimal(tenths) / 10)
_LIMITS = st.sampled_from([Decimal("0.1"), Decimal("0.5"), Decimal("1.0")])
_UPPER = st.one_of(st.none(), st.sampled_from([Decimal("2.5"), Decimal("3.0")]))


@st.composite
def marker_results(
    draw: st.DrawFn,
    markers: tuple[MarkerKind, ...] = (MarkerKind.CEA, MarkerKind.PSA, MarkerKind.CA_125),
) -> tuple[MarkerResult, ...]:
    """Results of one cancer, in entry order (not always date order), of up to three markers."""
    count = draw(st.integers(1, 12))
    found = []
    for index in range(count):
        marker = draw(st.sampled_from(markers))
        below = draw(st.integers(0, 4)) == 0
        found.append(
            MarkerResult(
                id=f"m{index}",
                cancer_id="c1",
                date=START + dt.timedelta(days=draw(st.integers(0, 1500))),
                marker=marker,
                value=draw(_LIMITS if below else _VALUES),
                unit=KNOWN_MARKERS[marker].unit,
                below_limit=below,
                upper_limit=draw(_UPPER),
            )
        )
    return tuple(found)


@st.composite
def psa_series(draw: st.DrawFn) -> tuple[MarkerResult, ...]:
    """PSA results in date order that mostly rise, as after treatment when the cancer comes back,
    with some the same, some lower, some the same day and some below the lab's limit."""
    count = draw(st.integers(1, 8))
    on = START
    tenths = draw(st.integers(0, 20))
    found = []
    for index in range(count):
        on += dt.timedelta(days=draw(st.integers(0, 120)))
        tenths = max(0, tenths + draw(st.integers(-3, 12)))
        below = draw(st.integers(0, 5)) == 0
        found.append(
            MarkerResult(
                id=f"p{index}",
                cancer_id="c1",
                date=on,
                marker=MarkerKind.PSA,
                value=draw(_LIMITS) if below else Decimal(tenths) / 10,
                unit=KNOWN_MARKERS[MarkerKind.PSA].unit,
                below_limit=below,
            )
        )
    return tuple(found)
