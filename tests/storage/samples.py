"""A small record with something of every kind, and the order a store gives it back in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from survivor_app.domain import (
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
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)


def sample_record() -> Record:
    """Two cancers with spots, scans (entered out of date order), statements, treatments,
    questions (one of them about the person) and marker results (one below the lab's limit, one
    of a marker the person names)."""
    return Record(
        person=Person("Ana Example", dt.date(1961, 4, 9), "Keeps her own notes."),
        cancers=(
            Cancer("c1", "Breast cancer", "left breast", dt.date(2022, 1, 20)),
            Cancer("c2", "Skin cancer", "back"),
        ),
        spots=(
            Spot("s1", "c1", "Breast tumour", Area.PRIMARY, False, "left breast"),
            Spot("s2", "c1", "Armpit node", Area.REGIONAL_NODE, True, "left axilla"),
            Spot("s3", "c2", "Mole", Area.PRIMARY, False),
        ),
        scans=(
            Scan(
                "sc2",
                "c1",
                dt.date(2022, 6, 1),
                ScanKind.CT,
                (Measurement("s2", 0), Measurement("s1", 0)),
                facility="City Hospital",
                no_evidence_of_disease=True,
            ),
            Scan(
                "sc1",
                "c1",
                dt.date(2022, 1, 25),
                ScanKind.MRI,
                (Measurement("s1", 320), Measurement("s2", 180, uncertain=True)),
                new_baseline=True,
                notes="First scan.",
            ),
            Scan("sc3", "c2", dt.date(2022, 3, 1), ScanKind.OTHER, (Measurement("s3", 50),)),
        ),
        statements=(
            Statement(
                "d2",
                "c1",
                dt.date(2022, 6, 2),
                "No sign of the tumour.",
                "Dr. Osei",
                Status.COMPLETE_REMISSION,
            ),
            Statement(
                "d1",
                "c1",
                dt.date(2022, 2, 2),
                "Responding to treatment.",
                "Dr. Osei",
                Status.PARTIAL_REMISSION,
            ),
            Statement(
                "d3",
                "c1",
                dt.date(2022, 6, 2),
                "It came back nearby.",
                "Dr. Lee",
                Status.RECURRED,
                RecurrenceType.LOCAL,
            ),
        ),
        treatments=(
            Treatment(
                "t1",
                "c1",
                TreatmentKind.CHEMOTHERAPY,
                dt.date(2022, 2, 1),
                "AC-T",
                dt.date(2022, 7, 15),
            ),
            Treatment("t2", "c2", TreatmentKind.SURGERY, dt.date(2022, 3, 10)),
        ),
        questions=(
            Question("q1", "How long should a response last?", "c1"),
            Question("q2", "Can I travel this summer?", None, dt.date(2022, 5, 1), "Yes."),
            Question("q3", "Should the mole be checked again?", "c2"),
        ),
        marker_results=(
            MarkerResult(
                "m2",
                "c1",
                dt.date(2022, 6, 3),
                MarkerKind.CA_15_3,
                Decimal("5"),
                "U/mL",
                below_limit=True,
                upper_limit=Decimal("30"),
            ),
            MarkerResult(
                "m1",
                "c1",
                dt.date(2022, 1, 24),
                MarkerKind.CA_15_3,
                Decimal("41.50"),
                "U/mL",
                upper_limit=Decimal("30.0"),
                lab="City Lab",
                notes="Before treatment.",
            ),
            MarkerResult(
                "m3",
                "c2",
                dt.date(2022, 3, 2),
                MarkerKind.OTHER,
                Decimal("0.10"),
                "µg/L",
                name="S100B",
            ),
        ),
    )


def in_reading_order(record: Record) -> Record:
    """``record`` as a store lists it: scans and statements by date, then in entry order."""
    return replace(
        record,
        scans=tuple(sorted(record.scans, key=lambda scan: scan.date)),
        statements=tuple(sorted(record.statements, key=lambda statement: statement.date)),
    )
