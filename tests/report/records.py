"""Records for the summary's tests: the shipped example, and a long, wordy history that pushes
every list and every text of a page to its limits."""

from __future__ import annotations

import datetime as dt
import itertools
from importlib import resources

from survivor_app.domain import (
    Area,
    Cancer,
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
from survivor_app.exchange import read_record

#: Words long enough to wrap wherever they are printed.
LONG_WORDS = (
    "The report describes the findings in great detail, with many measurements and remarks "
    "about every part of the body that was looked at during this long examination today, "
    "and it goes on for a good while longer than anyone would like to read on one page."
)
LONG_NAME = "Margaret Anne Elisabeth Montgomery-Fitzwilliam-Ellis of the Very Long Surname Family"


def demo_record() -> Record:
    """The example record shipped with the app."""
    data = (resources.files("survivor_app.resources") / "demo.record.json").read_bytes()
    return read_record(data)


def long_record(scans: int = 200, statements: int = 40) -> Record:
    """One cancer followed for years: ``scans`` scans that shrink and grow in turn (so that
    there are far more periods than a page lists), ``statements`` long statements, twelve
    spots with long names, long questions, and long names everywhere."""
    cancer = Cancer(
        "c1",
        "Adenocarcinoma of the left lung with spread " + "and more words " * 4,
        "left lung, upper lobe, near the main airway and the " + "long place names " * 4,
        dt.date(2010, 1, 4),
    )
    spots = tuple(
        Spot(
            f"s{n}",
            "c1",
            f"Spot number {n} with a long descriptive name",
            Area.DISTANT if n % 3 else Area.REGIONAL_NODE,
            lymph_node=n % 3 == 0,
            location=f"the far side of organ number {n}, beside the other long-named place",
        )
        for n in range(12)
    )
    # 50 → 34 → 34 → 50 mm a spot, over and over: remission, then growth, then remission again.
    cycle = itertools.cycle((500, 340, 340, 500))
    start = dt.date(2010, 1, 11)
    all_scans = tuple(
        Scan(
            f"scan{n}",
            "c1",
            start + dt.timedelta(days=30 * n),
            ScanKind.CT,
            tuple(Measurement(spot.id, size) for spot in spots),
            facility="The Regional Hospital for Very Long Facility Names, Imaging Department",
        )
        for n, size in zip(range(scans), cycle, strict=False)
    )
    said = (Status.STABLE, Status.PARTIAL_REMISSION, Status.PROGRESSED, None)
    all_statements = tuple(
        Statement(
            f"st{n}",
            "c1",
            start + dt.timedelta(days=30 * (scans - statements) + 30 * n + 3),
            LONG_WORDS,
            clinician="Professor Doctor Bartholomew Alexander Featherstonehaugh-Smythe",
            status=said[n % len(said)],
        )
        for n in range(statements)
    )
    treatments = tuple(
        Treatment(
            f"t{n}",
            "c1",
            TreatmentKind.CHEMOTHERAPY,
            start + dt.timedelta(days=400 * n),
            name="A treatment",
            end=start + dt.timedelta(days=400 * n + 200),
        )
        for n in range(12)
    )
    questions = tuple(
        Question(f"q{n}", f"Question {n}: {LONG_WORDS}", "c1" if n % 2 else None) for n in range(12)
    )
    return Record(
        person=Person(LONG_NAME, dt.date(1950, 2, 3)),
        cancers=(cancer,),
        spots=spots,
        scans=all_scans,
        statements=all_statements,
        treatments=treatments,
        questions=questions,
    )


PERSON = Person("Ana Example", dt.date(1961, 4, 9))
CANCER = Cancer("c1", "Breast cancer", "left breast", dt.date(2023, 12, 1))
TUMOUR = Spot("s1", "c1", "Breast tumour", Area.PRIMARY, False, "left breast")
NODE = Spot("s2", "c1", "Armpit lymph node", Area.REGIONAL_NODE, True, "")
LIVER = Spot("s3", "c1", "Liver spot", Area.DISTANT, False, "liver")


def scan(scan_id: str, date: dt.date, *measurements: Measurement) -> Scan:
    """A CT scan of the breast cancer."""
    return Scan(scan_id, "c1", date, ScanKind.CT, measurements, facility="City Hospital")


def small_record(
    scans: tuple[Scan, ...] = (),
    statements: tuple[Statement, ...] = (),
    questions: tuple[Question, ...] = (),
) -> Record:
    """Ana's record with one cancer, three spots and what the test gives."""
    return Record(
        person=PERSON,
        cancers=(CANCER,),
        spots=(TUMOUR, NODE, LIVER),
        scans=scans,
        statements=statements,
        questions=questions,
    )
