"""Any valid record, whatever its text, dates and sizes, comes back from storage exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import (
    MAX_SIZE_TENTHS,
    STATED_STATUSES,
    Area,
    Cancer,
    MarkerKind,
    MarkerResult,
    Measurement,
    Person,
    Question,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)
from survivor_app.storage import RecordStore
from tests.storage.samples import in_reading_order

# Any text, with right-to-left scripts, emoji sequences and combining marks always in the mix.
texts = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "مرحبا، هل الورم أصغر؟",
            "שלום, הכול בסדר",
            "🎗️ 👩🏽‍⚕️ 💪",
            "Zoë Ørsted-Łukasiewicz",
            "e\u0301\u200f\u202e",
            "",
        ]
    ),
)
ids = st.text(min_size=1, max_size=8)
# Any date storage keeps: from 1900 (earlier ones are refused, tests/storage/test_early_dates.py).
dates = st.dates(dt.date(1900, 1, 1))
maybe_dates = st.none() | dates
# Any marker number storage keeps: from 0, below a billion, with up to four decimals as typed.
marker_numbers = st.builds(
    lambda whole, decimals, places: Decimal(f"{whole}.{decimals:0{places}d}" if places else whole),
    st.integers(0, 999_999_999),
    st.integers(0, 9999),
    st.integers(0, 4),
).filter(lambda number: len(number.as_tuple().digits) < 14)


def marker_results(result_id: str, cancer_id: str) -> st.SearchStrategy[MarkerResult]:
    """A result of a known marker in its unit, or of one the person names."""
    return st.builds(
        lambda marker, name, value, below, limit, texts: MarkerResult(
            result_id,
            cancer_id,
            texts[0],
            marker,
            value + 1 if below else value,
            texts[1] or "U",
            below,
            limit if limit is None else limit + 1,
            name if marker is MarkerKind.OTHER else "",
            texts[2],
            texts[3],
        ),
        st.sampled_from(MarkerKind),
        st.text(min_size=1, max_size=20),
        marker_numbers,
        st.booleans(),
        st.none() | marker_numbers,
        st.tuples(dates, texts, texts, texts),
    )


def measurements(spot: Spot) -> st.SearchStrategy[Measurement]:
    """For a spot with a size, a size from 0 to 500 mm, or "too small to measure"; for one
    without, a state."""
    spot_id = spot.id
    if not spot.sized:
        return st.builds(
            Measurement,
            spot_id=st.just(spot_id),
            size_tenths=st.none(),
            uncertain=st.booleans(),
            state=st.sampled_from(SpotState),
        )
    sized = st.builds(
        Measurement,
        spot_id=st.just(spot_id),
        size_tenths=st.integers(0, MAX_SIZE_TENTHS),
        uncertain=st.booleans(),
    )
    too_small = st.builds(
        Measurement,
        spot_id=st.just(spot_id),
        size_tenths=st.none(),
        too_small=st.just(True),
        uncertain=st.booleans(),
    )
    return sized | too_small


@st.composite
def records(draw: st.DrawFn, *, without_a_size: bool = True) -> Record:
    """A record whose every reference points to something of the right cancer, with spots
    without a size unless ``without_a_size`` is false (a record of version 1)."""
    cancer_ids = draw(st.lists(ids, max_size=3, unique=True))
    cancers = tuple(
        Cancer(cancer_id, draw(texts), draw(texts), draw(maybe_dates), draw(texts))
        for cancer_id in cancer_ids
    )
    if not cancer_ids:
        return Record(
            Person(draw(texts), draw(maybe_dates), draw(texts)),
            questions=tuple(
                Question(question_id, draw(texts), None, draw(maybe_dates), draw(texts))
                for question_id in draw(st.lists(ids, max_size=3, unique=True))
            ),
        )
    of_a_cancer = st.sampled_from(cancer_ids)
    # Few dates for scans and statements, so that several often share one and entry order counts.
    on_a_day = st.sampled_from(draw(st.lists(dates, min_size=1, max_size=3)))
    spots = tuple(
        Spot(
            spot_id,
            draw(of_a_cancer),
            draw(texts),
            draw(st.sampled_from(Area)),
            draw(st.booleans()),
            draw(texts),
            draw(st.booleans()) if without_a_size else True,
        )
        for spot_id in draw(st.lists(ids, max_size=6, unique=True))
    )
    scans = []
    for scan_id in draw(st.lists(ids, max_size=5, unique=True)):
        cancer_id = draw(of_a_cancer)
        its_spots = [spot for spot in spots if spot.cancer_id == cancer_id]
        measured = draw(st.lists(st.sampled_from(its_spots), unique=True)) if its_spots else []
        scans.append(
            Scan(
                scan_id,
                cancer_id,
                draw(on_a_day),
                draw(st.sampled_from(ScanKind)),
                tuple(draw(measurements(spot)) for spot in measured),
                draw(texts),
                draw(st.booleans()),
                draw(st.booleans()),
                draw(texts),
            )
        )
    statements = []
    for statement_id in draw(st.lists(ids, max_size=5, unique=True)):
        status = draw(st.none() | st.sampled_from(STATED_STATUSES))
        recurrence = draw(st.none() | st.sampled_from(RecurrenceType))
        statements.append(
            Statement(
                statement_id,
                draw(of_a_cancer),
                draw(on_a_day),
                draw(texts),
                draw(texts),
                status,
                recurrence if status is Status.RECURRED else None,
            )
        )
    treatments = tuple(
        Treatment(
            treatment_id,
            draw(of_a_cancer),
            draw(st.sampled_from(TreatmentKind)),
            draw(dates),
            draw(texts),
            draw(maybe_dates),
        )
        for treatment_id in draw(st.lists(ids, max_size=3, unique=True))
    )
    questions = tuple(
        Question(
            question_id, draw(texts), draw(st.none() | of_a_cancer), draw(maybe_dates), draw(texts)
        )
        for question_id in draw(st.lists(ids, max_size=3, unique=True))
    )
    results = tuple(
        draw(marker_results(result_id, draw(of_a_cancer)))
        for result_id in draw(st.lists(ids, max_size=4, unique=True))
    )
    return Record(
        Person(draw(texts), draw(maybe_dates), draw(texts)),
        cancers,
        spots,
        tuple(scans),
        tuple(statements),
        treatments,
        questions,
        results,
    )


@settings(max_examples=60)
@given(record=records())
def test_a_record_swapped_in_whole_comes_back_exactly(store: RecordStore, record: Record) -> None:
    store.replace_content(record)
    expected = in_reading_order(record)
    assert store.load() == expected
    for cancer in record.cancers:
        assert store.history(cancer.id) == expected.history(cancer.id)


@settings(max_examples=60)
@given(record=records())
def test_a_record_added_piece_by_piece_comes_back_exactly(
    store: RecordStore, record: Record
) -> None:
    store.replace_content(Record(record.person))
    with store.transaction():
        for cancer in record.cancers:
            store.add_cancer(cancer)
        for spot in record.spots:
            store.add_spot(spot)
        for scan in record.scans:
            store.add_scan(scan)
        for statement in record.statements:
            store.add_statement(statement)
        for treatment in record.treatments:
            store.add_treatment(treatment)
        for question in record.questions:
            store.add_question(question)
        for result in record.marker_results:
            store.add_marker_result(result)
    assert store.load() == in_reading_order(record)
