"""Valid record documents for the exchange tests: one written by hand, any number generated, and
the means to change one place of a document by its JSON path."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from survivor_app.domain import (
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
from survivor_app.domain.markers import KNOWN_MARKERS

#: The day every test imports on, so that "not after today" never depends on the calendar.
TODAY = dt.date(2026, 6, 30)

#: A record with two cancers that uses every key of FORMAT.md §2, and leaves some optional ones out.
BASE: dict[str, Any] = {
    "format": "survivor-record",
    "version": 1,
    "person": {"name": "Ana Example", "birth_date": "1961-04-09", "notes": "Keeps her own record."},
    "cancers": [
        {
            "id": "c1",
            "name": "Breast cancer",
            "primary_site": "left breast",
            "diagnosed_on": "2022-01-20",
            "notes": "",
        },
        {"id": "c2", "name": "Skin cancer", "primary_site": "back", "diagnosed_on": None},
    ],
    "spots": [
        {
            "id": "s1",
            "cancer": "c1",
            "name": "Breast tumour",
            "location": "left breast",
            "area": "primary",
            "lymph_node": False,
        },
        {
            "id": "s2",
            "cancer": "c1",
            "name": "Armpit node",
            "location": "left axilla",
            "area": "regional_node",
            "lymph_node": True,
        },
        {"id": "s3", "cancer": "c2", "name": "Mole", "area": "primary", "lymph_node": False},
    ],
    "scans": [
        {
            "id": "sc1",
            "cancer": "c1",
            "date": "2022-01-25",
            "kind": "MRI",
            "facility": "City Hospital",
            "no_evidence_of_disease": False,
            "new_baseline": False,
            "notes": "Two spots seen.",
            "measurements": [{"spot": "s1", "size_mm": 32.0}, {"spot": "s2", "size_mm": 18.0}],
        },
        {
            "id": "sc2",
            "cancer": "c1",
            "date": "2022-06-01",
            "kind": "CT",
            "measurements": [
                {"spot": "s1", "size_mm": 12.5, "uncertain": True},
                {"spot": "s2", "size_mm": None, "too_small": True},
            ],
        },
        {
            "id": "sc3",
            "cancer": "c1",
            "date": "2023-01-10",
            "kind": "CT",
            "no_evidence_of_disease": True,
            "measurements": [
                {"spot": "s1", "size_mm": 0},
                {"spot": "s2", "size_mm": 0, "uncertain": True},
            ],
        },
        {
            "id": "sc4",
            "cancer": "c2",
            "date": "2023-05-01",
            "kind": "PET-CT",
            "measurements": [{"spot": "s3", "size_mm": 20}],
        },
    ],
    "statements": [
        {
            "id": "d1",
            "cancer": "c1",
            "date": "2022-02-02",
            "clinician": "Dr. Osei",
            "text": "The tumour is responding to treatment.",
            "status": "partial_remission",
            "recurrence_type": None,
        },
        {
            "id": "d2",
            "cancer": "c1",
            "date": "2025-03-03",
            "text": "It has come back near the scar.",
            "status": "recurred",
            "recurrence_type": "local",
        },
    ],
    "treatments": [
        {
            "id": "t1",
            "cancer": "c1",
            "kind": "chemotherapy",
            "name": "AC-T",
            "start": "2022-02-01",
            "end": "2022-07-15",
        },
        {"id": "t2", "cancer": "c2", "kind": "surgery", "start": "2023-06-01", "end": None},
    ],
    "questions": [
        {
            "id": "q1",
            "cancer": "c1",
            "text": "How long should a response last?",
            "asked_on": "2022-03-01",
            "answer": "At least a month.",
        },
        {"id": "q2", "cancer": None, "text": "Can I travel this summer?", "asked_on": None},
    ],
}


@dataclass(frozen=True)
class Raw:
    """JSON text put into a document as written, for what ``json.dumps`` cannot produce."""

    text: str


#: Stands for "remove this key" where a test lists changes to a document.
DROP = object()

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def base_document() -> dict[str, Any]:
    """A fresh copy of BASE that a test may change."""
    return copy.deepcopy(BASE)


def dumps(document: object) -> bytes:
    """The document as UTF-8 JSON, with every Raw value written as its own text."""
    raws: list[str] = []

    def placeholder(value: object) -> str:
        if not isinstance(value, Raw):
            raise TypeError(f"{value!r} cannot be written as JSON")
        raws.append(value.text)
        return f"\x00raw{len(raws) - 1}\x00"

    text = json.dumps(document, indent=2, ensure_ascii=False, default=placeholder)
    for index, raw in enumerate(raws):
        text = text.replace(f'"\\u0000raw{index}\\u0000"', raw)
    return text.encode("utf-8")


def steps(path: str) -> list[str | int]:
    """The keys and indexes of a JSON path: ``scans[0].date`` → ``["scans", 0, "date"]``."""
    return [key if key else int(index) for key, index in _STEP.findall(path)]


def change(document: dict[str, Any], path: str, value: object) -> None:
    """Set the value at a JSON path such as ``scans[0].measurements[1].size_mm``, or drop it."""
    *parents, last = steps(path)
    container: Any = document
    for step in parents:
        container = container[step]
    if value is DROP:
        del container[last]
    else:
        container[last] = value


def changed(changes: dict[str, object], *, version: int = 1) -> bytes:
    """BASE (or BASE in ``version`` 2 or 3) with some places changed, as the bytes of a file."""
    document = {1: base_document, 2: base_document_2, 3: base_document_3}[version]()
    for path, value in changes.items():
        change(document, path, value)
    return dumps(document)


def base_document_2() -> dict[str, Any]:
    """BASE in format version 2, with a spot without a size (``s4``, bone spots) seen at each
    scan of its cancer: present, then clearly growing (uncertain), then gone on the scan with no
    evidence of disease."""
    document = base_document()
    document["version"] = 2
    document["spots"][1]["sized"] = True
    document["spots"].append(
        {
            "id": "s4",
            "cancer": "c1",
            "name": "Bone spots",
            "location": "spine",
            "area": "distant",
            "lymph_node": False,
            "sized": False,
        }
    )
    scans = document["scans"]
    scans[0]["measurements"].append({"spot": "s4", "state": "present"})
    scans[1]["measurements"].append({"spot": "s4", "state": "growing", "uncertain": True})
    scans[2]["measurements"].append({"spot": "s4", "state": "gone"})
    return document


def base_document_3() -> dict[str, Any]:
    """BASE in format version 3: version 2's, with marker results of both cancers, one of them
    below the lab's limit and one of a marker the person names; some optional keys left out."""
    document = base_document_2()
    document["version"] = 3
    document["marker_results"] = [
        {
            "id": "m1",
            "cancer": "c1",
            "date": "2022-01-24",
            "marker": "CA 15-3",
            "value": "41.50",
            "below_limit": False,
            "unit": "U/mL",
            "upper_limit": "30",
            "name": "",
            "lab": "City Lab",
            "notes": "Before treatment.",
        },
        {
            "id": "m2",
            "cancer": "c1",
            "date": "2022-06-03",
            "marker": "CA 15-3",
            "value": "5",
            "below_limit": True,
            "unit": "U/mL",
        },
        {
            "id": "m3",
            "cancer": "c2",
            "date": "2023-05-02",
            "marker": "other",
            "name": "S100B",
            "value": "0.10",
            "unit": "µg/L",
            "upper_limit": None,
        },
    ]
    return document


# Generated records: every value the format allows, in every script, within every rule of §3.

_WORDS = st.sampled_from(
    [
        "مرحبا، هذا نص من اليمين إلى اليسار",
        "שלום, מה שלומך?",
        "🎗️ strong 💪🏽 together 👩‍👩‍👧",
        "Zoë Ångström-Øster",
        "中文 日本語 한국어",
        "line one\nline two\ttabbed",
        "\u202emixed direction\u202c",
        "",
    ]
)


#: Any character a record's text may hold: no control character but tab, no U+FFFE or U+FFFF,
#: no half of a UTF-16 pair (a line break is added where a field has lines).
_CLEAN = st.characters(
    exclude_categories=["Cc", "Cs"], exclude_characters="\ufffe\uffff", include_characters="\t"
)
_CLEAN_LINES = st.one_of(_CLEAN, st.just("\n"))


def _text(*, shortest: int = 0, longest: int = 40, lines: bool = False) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(_CLEAN_LINES if lines else _CLEAN, min_size=shortest, max_size=longest),
        _WORDS.filter(
            lambda word: shortest <= len(word) <= longest and (lines or "\n" not in word)
        ),
    )


_IDS = st.text(_CLEAN, min_size=1, max_size=12)


def _ids(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_IDS, min_size=count, max_size=count, unique=True)


def _marker_numbers(*, above_zero: bool = False) -> st.SearchStrategy[Decimal]:
    """A marker result or limit as a lab gives it: below a billion, with 0 to 4 decimals as
    typed (trailing zeros kept)."""
    return st.integers(0, 4).flatmap(
        lambda places: st.decimals(
            min_value=Decimal(1).scaleb(-places) if above_zero else 0,
            max_value=Decimal(999_999_999),
            places=places,
        )
    )


@st.composite
def _marker_results(
    draw: st.DrawFn, result_id: str, cancer_id: str, days: st.SearchStrategy[dt.date]
) -> MarkerResult:
    """A result of a known marker in its own unit, or of one the person names."""
    marker = draw(st.sampled_from(MarkerKind))
    known = KNOWN_MARKERS.get(marker)
    below_limit = draw(st.booleans())
    return MarkerResult(
        id=result_id,
        cancer_id=cancer_id,
        date=draw(days),
        marker=marker,
        value=draw(_marker_numbers(above_zero=below_limit)),
        unit=known.unit if known else draw(_text(shortest=1, longest=30)),
        below_limit=below_limit,
        upper_limit=draw(st.none() | _marker_numbers(above_zero=True)),
        name="" if known else draw(_text(shortest=1)),
        lab=draw(_text()),
        notes=draw(_text(lines=True)),
    )


@st.composite
def records(draw: st.DrawFn, *, without_a_size: bool = True, markers: bool = True) -> Record:
    """A valid record: every reference resolved, every date real and between birth and TODAY;
    with spots without a size unless ``without_a_size`` is false, and with marker results
    unless ``markers`` is false (a record of version 1 has neither)."""
    birth_date = draw(st.none() | st.dates(dt.date(1900, 1, 1), TODAY))
    days = st.dates(birth_date or dt.date(1900, 1, 1), TODAY)
    person = Person(
        name=draw(_text(shortest=1)),
        birth_date=birth_date,
        notes=draw(_text(longest=200, lines=True)),
    )
    cancers = tuple(
        Cancer(
            id=cancer_id,
            name=draw(_text(shortest=1)),
            primary_site=draw(_text(shortest=1)),
            diagnosed_on=draw(st.none() | days),
            notes=draw(_text(lines=True)),
        )
        for cancer_id in draw(st.integers(0, 3).flatmap(_ids))
    )
    if not cancers:
        return Record(person=person)
    cancer_ids = st.sampled_from([cancer.id for cancer in cancers])
    spots = []
    for spot_id in draw(st.integers(0, 5).flatmap(_ids)):
        lymph_node = draw(st.booleans())
        areas = [Area.REGIONAL_NODE, Area.DISTANT] if lymph_node else list(Area)
        spots.append(
            Spot(
                id=spot_id,
                cancer_id=draw(cancer_ids),
                name=draw(_text(shortest=1)),
                area=draw(st.sampled_from(areas)),
                lymph_node=lymph_node,
                location=draw(_text()),
                sized=draw(st.booleans()) if without_a_size else True,
            )
        )
    scans = []
    scan_keys = draw(
        st.lists(st.tuples(cancer_ids, days, st.sampled_from(ScanKind)), max_size=5, unique=True)
    )
    for scan_id, (cancer_id, date, kind) in zip(draw(_ids(len(scan_keys))), scan_keys, strict=True):
        no_evidence_of_disease = draw(st.booleans())
        # A scan with no evidence of disease lists its spots as gone, and only so.
        sizes = st.integers(0, 0 if no_evidence_of_disease else 5000)
        # A spot without a size is gone on such a scan, or present, gone or growing.
        states = st.sampled_from([SpotState.GONE] if no_evidence_of_disease else list(SpotState))
        own_spots = [spot for spot in spots if spot.cancer_id == cancer_id]
        measured = draw(st.lists(st.sampled_from(own_spots), unique=True)) if own_spots else []
        measurements = []
        for spot in measured:
            if not spot.sized:
                measurements.append(
                    Measurement(
                        spot_id=spot.id,
                        size_tenths=None,
                        uncertain=draw(st.booleans()),
                        state=draw(states),
                    )
                )
                continue
            too_small = not no_evidence_of_disease and draw(st.booleans())
            measurements.append(
                Measurement(
                    spot_id=spot.id,
                    size_tenths=None if too_small else draw(sizes),
                    too_small=too_small,
                    uncertain=draw(st.booleans()),
                )
            )
        scans.append(
            Scan(
                id=scan_id,
                cancer_id=cancer_id,
                date=date,
                kind=kind,
                measurements=tuple(measurements),
                facility=draw(_text()),
                no_evidence_of_disease=no_evidence_of_disease,
                new_baseline=draw(st.booleans()),
                notes=draw(_text(longest=200, lines=True)),
            )
        )
    statements = []
    for statement_id in draw(st.integers(0, 3).flatmap(_ids)):
        status = draw(st.none() | st.sampled_from(STATED_STATUSES))
        recurrence_type = (
            draw(st.none() | st.sampled_from(RecurrenceType)) if status is Status.RECURRED else None
        )
        statements.append(
            Statement(
                id=statement_id,
                cancer_id=draw(cancer_ids),
                date=draw(days),
                text=draw(_text(longest=200, lines=True)),
                clinician=draw(_text()),
                status=status,
                recurrence_type=recurrence_type,
            )
        )
    treatments = []
    for treatment_id in draw(st.integers(0, 3).flatmap(_ids)):
        start = draw(days)
        treatments.append(
            Treatment(
                id=treatment_id,
                cancer_id=draw(cancer_ids),
                kind=draw(st.sampled_from(TreatmentKind)),
                start=start,
                name=draw(_text()),
                end=draw(st.none() | st.dates(start, TODAY)),
            )
        )
    questions = tuple(
        Question(
            id=question_id,
            text=draw(_text(shortest=1, lines=True)),
            cancer_id=draw(st.none() | cancer_ids),
            asked_on=draw(st.none() | days),
            answer=draw(_text(lines=True)),
        )
        for question_id in draw(st.integers(0, 3).flatmap(_ids))
    )
    marker_results = tuple(
        draw(_marker_results(result_id, draw(cancer_ids), days))
        for result_id in draw(st.integers(0, 3 if markers else 0).flatmap(_ids))
    )
    return Record(
        person=person,
        cancers=cancers,
        spots=tuple(spots),
        scans=tuple(scans),
        statements=tuple(statements),
        treatments=tuple(treatments),
        questions=questions,
        marker_results=marker_results,
    )
