"""Small records for the window's tests, and a way to put one in a record file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from survivor_app.domain import (
    Area,
    Cancer,
    MarkerKind,
    MarkerResult,
    Measurement,
    Person,
    Question,
    Record,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)
from survivor_app.storage import RecordStore

PERSON = Person("Ana Example", dt.date(1961, 4, 9))
CANCER = Cancer("c1", "Breast cancer", "left breast", dt.date(2023, 12, 1))
TUMOUR = Spot("s1", "c1", "Breast tumour", Area.PRIMARY, False, "left breast")
NODE = Spot("s2", "c1", "Armpit node", Area.REGIONAL_NODE, True, "left axilla")


def scan(
    scan_id: str, date: dt.date, *sizes: tuple[Spot, int], kind: ScanKind = ScanKind.CT
) -> Scan:
    """A scan of the breast cancer with sizes in tenths of a mm."""
    return Scan(
        scan_id,
        "c1",
        date,
        kind,
        tuple(Measurement(spot.id, tenths) for spot, tenths in sizes),
    )


#: A baseline of 50 mm, then 30 mm three months later: a partial remission.
BASELINE = scan("sc1", dt.date(2024, 1, 10), (TUMOUR, 320), (NODE, 180))
SHRUNK = scan("sc2", dt.date(2024, 4, 10), (TUMOUR, 200), (NODE, 100), kind=ScanKind.MRI)
STATEMENT = Statement(
    "d1", "c1", dt.date(2024, 4, 12), "The tumour is responding.", "Dr. Osei", Status.STABLE
)
TREATMENT = Treatment("t1", "c1", TreatmentKind.CHEMOTHERAPY, dt.date(2024, 1, 20), "AC-T")
QUESTION = Question("q1", "How long should a response last?", "c1")

#: A CEA result of the cancer, for the tests that need one: not in ``small_record``, whose plot
#: then has no marker panel.
MARKER = MarkerResult(
    "m1", "c1", dt.date(2024, 4, 2), MarkerKind.CEA, Decimal("3.4"), "ng/mL", upper_limit=Decimal(5)
)


def small_record(*, scans: tuple[Scan, ...] = (BASELINE,)) -> Record:
    """Ana's record with one cancer, two spots, the given scans and one of everything else."""
    return Record(
        person=PERSON,
        cancers=(CANCER,),
        spots=(TUMOUR, NODE),
        scans=scans,
        statements=(STATEMENT,),
        treatments=(TREATMENT,),
        questions=(QUESTION,),
    )


def write_record_file(path: Path, record: Record) -> Path:
    """A record file at ``path`` holding ``record``."""
    with RecordStore.open(path, create=True) as store:
        store.replace_content(record)
    return path
