"""Small builders for cancer histories written the way STATUS_RULES.md §10 writes them: sizes in
mm as text, states of spots without a size as their words, dates as ISO strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from survivor_app.domain import (
    Area,
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Statement,
    Status,
    tenths_from_text,
)
from survivor_app.status import Assessment, assess

CANCER = Cancer(id="c1", name="Breast cancer", primary_site="left breast")

#: The spots most cases use: the breast tumour, an armpit node, a liver spot and a lung spot.
BREAST = Spot("P", "c1", "Breast tumour", Area.PRIMARY, lymph_node=False, location="left breast")
NODE = Spot("N", "c1", "Armpit node", Area.REGIONAL_NODE, lymph_node=True, location="left armpit")
LIVER = Spot("L", "c1", "Liver spot", Area.DISTANT, lymph_node=False, location="liver")
LUNG = Spot("U", "c1", "Lung spot", Area.DISTANT, lymph_node=False)
SPOTS = (BREAST, NODE, LIVER, LUNG)
#: Spots without a size: bone spots far from the breast, and fluid around the lung near it.
BONES = Spot("S", "c1", "Bone spots", Area.DISTANT, lymph_node=False, location="spine", sized=False)
FLUID = Spot("F", "c1", "Fluid by the lung", Area.REGIONAL_NODE, lymph_node=False, sized=False)
WITH_BONES = (*SPOTS, BONES, FLUID)

TOO_SMALL = "too small"

#: The labels, short, so a case's expected statuses read like the table of §10.
B, CR, PR, SD, PD, RD, NE = (
    Status.BASELINE,
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
    Status.PROGRESSED,
    Status.RECURRED,
    Status.NOT_EVALUABLE,
)

Label = tuple[str, Status, RecurrenceType | None, bool | None]


def day(text: str) -> dt.date:
    """A date from ``YYYY-MM-DD``."""
    return dt.date.fromisoformat(text)


def scan(
    on: str,
    sizes: Mapping[str, str] | None = None,
    *,
    uncertain: Iterable[str] = (),
    ned: bool = False,
    new_baseline: bool = False,
    kind: ScanKind = ScanKind.CT,
) -> Scan:
    """A scan on ``on`` with sizes in mm as text by spot id: ``"25.2"``, ``"0"``, ``TOO_SMALL``,
    or for a spot without a size its state: ``"present"``, ``"gone"``, ``"growing"``."""
    doubtful = set(uncertain)
    states = {state.value for state in SpotState}
    measurements = tuple(
        Measurement(spot_id, None, uncertain=spot_id in doubtful, state=SpotState(size))
        if size in states
        else Measurement(
            spot_id,
            None if size == TOO_SMALL else tenths_from_text(size),
            too_small=size == TOO_SMALL,
            uncertain=spot_id in doubtful,
        )
        for spot_id, size in (sizes or {}).items()
    )
    return Scan(
        id=f"sc-{on}-{kind.value}",
        cancer_id="c1",
        date=day(on),
        kind=kind,
        measurements=measurements,
        no_evidence_of_disease=ned,
        new_baseline=new_baseline,
    )


def said(
    on: str,
    status: Status | None,
    text: str = "",
    *,
    recurrence_type: RecurrenceType | None = None,
    id: str | None = None,
) -> Statement:
    """A doctor's statement on ``on`` with the status the person chose."""
    return Statement(
        id=id or f"st-{on}",
        cancer_id="c1",
        date=day(on),
        text=text,
        clinician="Dr. Osei",
        status=status,
        recurrence_type=recurrence_type,
    )


def history(
    *scans: Scan, statements: Iterable[Statement] = (), spots: Iterable[Spot] = SPOTS
) -> CancerHistory:
    """One cancer's history with these scans and statements, in this entry order."""
    return CancerHistory(
        cancer=CANCER, spots=tuple(spots), scans=scans, statements=tuple(statements)
    )


def record_of(history: CancerHistory) -> Record:
    """A record holding one person and this one cancer's history."""
    return Record(
        person=Person("Case Person"),
        cancers=(history.cancer,),
        spots=history.spots,
        scans=history.scans,
        statements=history.statements,
    )


def labels(history: CancerHistory) -> list[Label]:
    """Each assessment's date, status, recurrence type and confirmation."""
    return [label_of(a) for a in assess(history)]


def label_of(a: Assessment) -> Label:
    """One assessment's date, status, recurrence type and confirmation."""
    return (a.date.isoformat(), a.status, a.recurrence_type, a.confirmed)


def statuses(history: CancerHistory) -> list[Status]:
    """Each assessment's status, in date order."""
    return [a.status for a in assess(history)]


#: Six scans and two statements that pass through every kind of period but recurrence.
JOURNEY = history(
    scan("2022-06-01", {"P": "10", "L": "10", "U": "10"}),
    scan("2022-09-01", {"P": "8", "L": "8", "U": "8"}),
    scan("2022-12-01", {"P": "7", "L": "7", "U": "7"}),
    scan("2023-03-01", {"P": "8", "L": "8", "U": "9.2"}),
    scan("2023-06-01", {"P": "8", "L": "8", "U": "10"}),
    scan("2023-09-01", {"P": "0", "L": "0", "U": "0"}),
    statements=[
        said("2022-09-10", Status.STABLE, "Stable."),
        said("2023-12-01", Status.COMPLETE_REMISSION, "No evidence of disease."),
    ],
)
