"""Write a large, valid record JSON for the benchmark: three cancers followed for 30 years, each
with 1,000 scans of twelve spots, 200 doctor's statements, 20 treatments and 300 tumour marker
results.

The record is the same on every run (a fixed seed and fixed dates), so two measurements compare
like with like. Sizes follow treatment phases (shrinking, holding, growing, gone and back), so the
status rules find the periods a long history really has, and every statement agrees with what
the sizes say, as a doctor's usually does. Each cancer's marker follows its sizes (below the lab's
limit while every spot is gone), so the marker words and questions meet a real long series.

Usage: ``.venv/bin/python bench/make_large_record.py OUT.json``; then
``survivor-app import OUT.json --record RECORD``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from survivor_app.domain import (
    Area,
    Cancer,
    CancerHistory,
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
from survivor_app.exchange import write_record
from survivor_app.files import write_private
from survivor_app.status import analyse

CANCERS = 3
SCANS_PER_CANCER = 1000
SPOTS_PER_CANCER = 12
STATEMENTS_PER_CANCER = 200
TREATMENTS_PER_CANCER = 20
MARKERS_PER_CANCER = 300
#: The last scan; a clock set earlier than this moves the whole record back, so that the last
#: statement (three days after its scan) is not after today.
LAST_SCAN = dt.date(2026, 6, 30)
YEARS = 30
SEED = 20260630

_SITES = (
    ("Breast cancer", "left breast", ScanKind.MAMMOGRAM),
    ("Bowel cancer", "sigmoid colon", ScanKind.CT),
    ("Melanoma", "skin of the back", ScanKind.PET_CT),
)
#: Each spot's area, whether it is a lymph node, and its size at diagnosis in tenths of a mm.
_SPOTS = (
    (Area.PRIMARY, False, 420),
    (Area.PRIMARY, False, 180),
    (Area.REGIONAL_NODE, True, 230),
    (Area.REGIONAL_NODE, True, 160),
    (Area.REGIONAL_NODE, True, 140),
    (Area.DISTANT, False, 260),
    (Area.DISTANT, False, 120),
    (Area.DISTANT, False, 90),
    (Area.DISTANT, False, 310),
    (Area.DISTANT, False, 75),
    (Area.DISTANT, True, 150),
    (Area.DISTANT, False, 200),
)
#: What each treatment phase does to the sizes, in turn: the size it ends at (as a share of the
#: size it starts at), and whether every spot is gone for most of it.
_PHASES = (
    ("chemotherapy", TreatmentKind.CHEMOTHERAPY, 0.55, False),
    ("radiotherapy", TreatmentKind.RADIATION, 0.9, False),
    ("maintenance", TreatmentKind.HORMONE_THERAPY, 1.0, False),
    ("second-line", TreatmentKind.TARGETED_THERAPY, 1.45, False),
    ("immunotherapy", TreatmentKind.IMMUNOTHERAPY, 0.0, True),
)
_WORDS = {
    Status.COMPLETE_REMISSION: "The scan shows no evidence of disease.",
    Status.PARTIAL_REMISSION: "The spots are clearly smaller; the treatment is working.",
    Status.STABLE: "Things are stable and controlled.",
    Status.PROGRESSED: "Some spots have grown since the last scan.",
    Status.RECURRED: "The cancer has come back.",
}
_CLINICIANS = ("Dr. Osei", "Dr. Lindqvist", "Dr. Moreau", "Dr. Tanaka")
#: Each cancer's marker: kind, name (for another marker), unit, the lab's upper limit of normal,
#: and the lowest it can measure.
_MARKERS = (
    (MarkerKind.CA_15_3, "", "U/mL", Decimal(30), Decimal(1)),
    (MarkerKind.CEA, "", "ng/mL", Decimal("5.0"), Decimal("0.5")),
    (MarkerKind.OTHER, "LDH", "U/L", Decimal(250), Decimal(10)),
)


def large_record(last_scan: dt.date) -> Record:
    """The benchmark's record, its last scan on ``last_scan``."""
    rng = random.Random(SEED)
    first_scan = last_scan - dt.timedelta(days=round(YEARS * 365.25))
    person = Person(
        name="Benchmark Person",
        birth_date=first_scan.replace(year=first_scan.year - 45),
        notes="A made-up record for measuring the app's speed.",
    )
    cancers: list[Cancer] = []
    spots: list[Spot] = []
    scans: list[Scan] = []
    statements: list[Statement] = []
    treatments: list[Treatment] = []
    markers: list[MarkerResult] = []
    for number, (name, site, kind) in enumerate(_SITES, start=1):
        cancer = Cancer(
            id=f"c{number}",
            name=name,
            primary_site=site,
            diagnosed_on=first_scan - dt.timedelta(days=10),
            notes="Followed for thirty years.",
        )
        own_spots = _spots(cancer)
        own_scans, own_treatments = _scans_and_treatments(
            cancer, own_spots, kind, first=first_scan, last=last_scan, rng=rng
        )
        own_statements = _statements(cancer, own_spots, own_scans, rng)
        cancers.append(cancer)
        spots += own_spots
        scans += own_scans
        statements += own_statements
        treatments += own_treatments
        markers += _marker_results(cancer, own_scans, _MARKERS[number - 1], rng)
    questions = (
        Question(id="q1", text="How often should I have a scan from now on?"),
        Question(id="q2", text="Is the spot in my liver still being watched?", cancer_id="c1"),
    )
    return Record(
        person=person,
        cancers=tuple(cancers),
        spots=tuple(spots),
        scans=tuple(scans),
        statements=tuple(statements),
        treatments=tuple(treatments),
        questions=questions,
        marker_results=tuple(markers),
    )


def _spots(cancer: Cancer) -> list[Spot]:
    return [
        Spot(
            id=f"{cancer.id}-s{number}",
            cancer_id=cancer.id,
            name=f"{'Lymph node' if node else 'Spot'} {number}",
            area=area,
            lymph_node=node,
            location=f"{area.value.replace('_', ' ')} {number}",
        )
        for number, (area, node, _size) in enumerate(_SPOTS, start=1)
    ]


def _scans_and_treatments(
    cancer: Cancer,
    spots: list[Spot],
    kind: ScanKind,
    *,
    first: dt.date,
    last: dt.date,
    rng: random.Random,
) -> tuple[list[Scan], list[Treatment]]:
    span = (last - first).days
    dates = [
        first + dt.timedelta(days=round(index * span / (SCANS_PER_CANCER - 1)))
        for index in range(SCANS_PER_CANCER)
    ]
    per_phase = SCANS_PER_CANCER // TREATMENTS_PER_CANCER
    levels = [size for _area, _node, size in _SPOTS]
    scans: list[Scan] = []
    treatments: list[Treatment] = []
    for phase in range(TREATMENTS_PER_CANCER):
        label, treatment_kind, factor, clears = _PHASES[phase % len(_PHASES)]
        phase_dates = dates[phase * per_phase : (phase + 1) * per_phase]
        treatments.append(
            Treatment(
                id=f"{cancer.id}-t{phase + 1}",
                cancer_id=cancer.id,
                kind=treatment_kind,
                name=f"{label.capitalize()} {phase // len(_PHASES) + 1}",
                start=phase_dates[0] + dt.timedelta(days=2),
                end=None if phase == TREATMENTS_PER_CANCER - 1 else phase_dates[-1],
            )
        )
        for step, date in enumerate(phase_dates):
            progress = step / (len(phase_dates) - 1)
            # Gone for the last three quarters: over a year, so its return is a recurrence.
            gone = clears and progress > 1 / 4
            # The change happens over the first third of a phase, then the sizes hold.
            share = 1 + (factor - 1) * min(1.0, progress * 3)
            measurements = tuple(
                Measurement(
                    spot_id=spot.id,
                    size_tenths=0 if gone else _size(level * share, rng),
                )
                for spot, level in zip(spots, levels, strict=True)
            )
            scans.append(
                Scan(
                    id=f"{cancer.id}-scan{len(scans) + 1}",
                    cancer_id=cancer.id,
                    date=date,
                    kind=kind,
                    measurements=measurements,
                    facility="Regional Imaging Centre",
                    no_evidence_of_disease=gone,
                    # The last scan before each new treatment is its starting point.
                    new_baseline=step == len(phase_dates) - 1 and not gone,
                    notes=f"Routine scan {len(scans) + 1} during {label}.",
                )
            )
        if clears:
            # The cancer comes back, smaller than at diagnosis, after more than a year.
            levels = [round(size * 0.6) for _area, _node, size in _SPOTS]
        else:
            levels = [max(40, round(level * factor)) for level in levels]
    return scans, treatments


def _size(tenths: float, rng: random.Random) -> int:
    """A measured size: the true one give or take 2 %, as two readings of one scan differ."""
    return max(1, min(5000, round(tenths * rng.uniform(0.98, 1.02))))


def _statements(
    cancer: Cancer, spots: list[Spot], scans: list[Scan], rng: random.Random
) -> list[Statement]:
    """A statement three days after every fifth scan, saying what the sizes say."""
    history = CancerHistory(cancer=cancer, spots=tuple(spots), scans=tuple(scans))
    labels = {a.scan_id: a for a in analyse(history).assessments if a.scan_id is not None}
    every = SCANS_PER_CANCER // STATEMENTS_PER_CANCER
    statements = []
    for number, scan in enumerate(scans[every - 1 :: every], start=1):
        assessment = labels[scan.id]
        stated = assessment.status if assessment.status in _WORDS else None
        text = _WORDS[stated] if stated is not None else "We will compare with the next scan."
        statements.append(
            Statement(
                id=f"{cancer.id}-d{number}",
                cancer_id=cancer.id,
                date=scan.date + dt.timedelta(days=3),
                text=text,
                clinician=rng.choice(_CLINICIANS),
                status=stated,
                recurrence_type=assessment.recurrence_type if stated is Status.RECURRED else None,
            )
        )
    return statements


def _marker_results(
    cancer: Cancer,
    scans: list[Scan],
    marker: tuple[MarkerKind, str, str, Decimal, Decimal],
    rng: random.Random,
) -> list[MarkerResult]:
    """A blood test a week after every few scans, its value following the sum of the sizes: twice
    the lab's upper limit for the sum at diagnosis, below the lowest it can measure when every
    spot is gone, give or take 5 %."""
    kind, name, unit, upper, lowest = marker
    first_sum = sum(m.size_tenths or 0 for m in scans[0].measurements)
    every = len(scans) / MARKERS_PER_CANCER
    found = []
    for number in range(MARKERS_PER_CANCER):
        scan = scans[int(number * every)]
        share = sum(m.size_tenths or 0 for m in scan.measurements) / first_sum
        value = (2 * upper * Decimal(share) * Decimal(rng.uniform(0.95, 1.05))).quantize(lowest)
        below = scan.no_evidence_of_disease or value < lowest
        found.append(
            MarkerResult(
                id=f"{cancer.id}-m{number + 1}",
                cancer_id=cancer.id,
                date=scan.date + dt.timedelta(days=7),
                marker=kind,
                value=lowest if below else value,
                unit=unit,
                below_limit=below,
                upper_limit=upper,
                name=name,
                lab="Regional Hospital Laboratory",
            )
        )
    return found


def main() -> None:
    """Write the record JSON to the file named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="the record JSON file to write")
    args = parser.parse_args()
    record = large_record(min(LAST_SCAN, dt.date.today() - dt.timedelta(days=3)))
    write_private(args.output, write_record(record))
    sizes = sum(len(scan.measurements) for scan in record.scans)
    print(
        f"Wrote {args.output}: {len(record.cancers)} cancers, {len(record.scans)} scans, "
        f"{sizes} sizes, {len(record.statements)} statements, {len(record.treatments)} treatments, "
        f"{len(record.marker_results)} marker results"
    )


if __name__ == "__main__":
    main()
