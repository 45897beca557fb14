"""One edit of every kind, made to the small record of the window's tests, and what each touches."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from survivor_app.changes import (
    MARKER_RESULTS,
    QUESTIONS,
    SCANS,
    SPOTS,
    STATEMENTS,
    TREATMENTS,
    AddCancer,
    Added,
    AddScan,
    ChangeCancer,
    Changed,
    ChangePerson,
    ChangeScan,
    DeleteCancer,
    DeleteSpot,
    Edit,
    Part,
    Removed,
    ReplaceContent,
    Touches,
)
from survivor_app.domain import Area, Cancer, MarkerKind, MarkerResult, Person, Question, Spot
from tests.gui.records import (
    BASELINE,
    CANCER,
    PERSON,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TREATMENT,
    TUMOUR,
    scan,
    small_record,
)

LIVER = Spot("s3", "c1", "Liver spot", Area.DISTANT, False, "liver")
SKIN = Cancer("c2", "Skin cancer", "back")
GENERAL = Question("q2", "Should I see a dietitian?")
FOUND = scan("sc3", dt.date(2024, 7, 1), (TUMOUR, 150), (LIVER, 80))
CA_15_3 = MarkerResult(
    "m1",
    "c1",
    dt.date(2024, 1, 8),
    MarkerKind.CA_15_3,
    Decimal("38.0"),
    "U/mL",
    upper_limit=Decimal("30"),
)
#: A spot of the record that no scan says anything of yet.
LIVER_NEVER_SCANNED = dataclasses.replace(LIVER, id="s4", name="Liver spot B")
RECORD = dataclasses.replace(
    small_record(),
    spots=(*small_record().spots, LIVER_NEVER_SCANNED),
    marker_results=(CA_15_3,),
)

#: One edit of every kind, and what it touches.
EDITS: list[tuple[Edit, Touches]] = [
    (AddScan(SHRUNK), Touches(Part.SCANS, "c1")),
    (AddScan(FOUND, (LIVER,)), Touches(Part.SCANS | Part.SPOTS, "c1")),
    (
        ChangeScan(BASELINE, dataclasses.replace(FOUND, id=BASELINE.id), (LIVER,)),
        Touches(Part.SCANS | Part.SPOTS, "c1"),
    ),
    (Removed(SCANS, BASELINE), Touches(Part.SCANS, "c1")),
    (Added(STATEMENTS, dataclasses.replace(STATEMENT, id="d2")), Touches(Part.STATEMENTS, "c1")),
    (
        Changed(STATEMENTS, STATEMENT, dataclasses.replace(STATEMENT, text="Smaller.")),
        Touches(Part.STATEMENTS, "c1"),
    ),
    (Removed(STATEMENTS, STATEMENT), Touches(Part.STATEMENTS, "c1")),
    (Removed(TREATMENTS, TREATMENT), Touches(Part.TREATMENTS, "c1")),
    (
        Changed(TREATMENTS, TREATMENT, dataclasses.replace(TREATMENT, end=dt.date(2024, 5, 1))),
        Touches(Part.TREATMENTS, "c1"),
    ),
    # A general question is shown with every cancer.
    (Added(QUESTIONS, GENERAL), Touches(Part.QUESTIONS, None)),
    (
        Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, asked_on=dt.date(2024, 5, 2))),
        Touches(Part.QUESTIONS, "c1"),
    ),
    # A question moved to no cancer in particular leaves one cancer and joins them all.
    (
        Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, cancer_id=None)),
        Touches(Part.QUESTIONS, None),
    ),
    (Removed(QUESTIONS, QUESTION), Touches(Part.QUESTIONS, "c1")),
    (Added(SPOTS, LIVER), Touches(Part.SPOTS, "c1")),
    (
        Changed(SPOTS, TUMOUR, dataclasses.replace(TUMOUR, name="Left breast tumour")),
        Touches(Part.SPOTS, "c1"),
    ),
    # A spot deleted with what the baseline said of it; undo puts both back.
    (DeleteSpot(TUMOUR, (BASELINE,)), Touches(Part.SPOTS | Part.SCANS, "c1")),
    (DeleteSpot(LIVER_NEVER_SCANNED), Touches(Part.SPOTS, "c1")),
    (
        Added(MARKER_RESULTS, dataclasses.replace(CA_15_3, id="m2", value=Decimal("24.5"))),
        Touches(Part.MARKERS, "c1"),
    ),
    (
        Changed(MARKER_RESULTS, CA_15_3, dataclasses.replace(CA_15_3, value=Decimal("3.80"))),
        Touches(Part.MARKERS, "c1"),
    ),
    (Removed(MARKER_RESULTS, CA_15_3), Touches(Part.MARKERS, "c1")),
    (AddCancer(SKIN), Touches(Part.CANCERS, "c2")),
    (
        ChangeCancer(CANCER, dataclasses.replace(CANCER, name="Left breast cancer")),
        Touches(Part.CANCERS, "c1"),
    ),
    (
        DeleteCancer(RECORD.history("c1"), (QUESTION,)),
        Touches(Part.HISTORY | Part.QUESTIONS, "c1"),
    ),
    (ChangePerson(PERSON, Person("Ana M. Example", PERSON.birth_date)), Touches(Part.PERSON)),
    (
        ReplaceContent(RECORD, small_record(scans=(BASELINE, SHRUNK))),
        Touches(Part.EVERYTHING),
    ),
]


#: Edits of the things of one cancer that the history kept in memory follows by itself.
FOLLOWED: list[Edit] = [
    AddScan(SHRUNK),
    AddScan(FOUND, (LIVER,)),
    # On the date of a scan already there: storage lists it after that one.
    AddScan(dataclasses.replace(SHRUNK, id="sc4", date=BASELINE.date)),
    ChangeScan(BASELINE, dataclasses.replace(FOUND, id=BASELINE.id, date=BASELINE.date), (LIVER,)),
    Removed(SCANS, BASELINE),
    Added(STATEMENTS, dataclasses.replace(STATEMENT, id="d2")),
    Added(STATEMENTS, dataclasses.replace(STATEMENT, id="d3", date=dt.date(2024, 1, 1))),
    Changed(STATEMENTS, STATEMENT, dataclasses.replace(STATEMENT, text="Smaller.")),
    Removed(STATEMENTS, STATEMENT),
    Added(TREATMENTS, dataclasses.replace(TREATMENT, id="t2", start=dt.date(2023, 12, 20))),
    Changed(TREATMENTS, TREATMENT, dataclasses.replace(TREATMENT, end=dt.date(2024, 5, 1))),
    Removed(TREATMENTS, TREATMENT),
    # Marker results are listed in entry order, whatever their dates.
    Added(MARKER_RESULTS, dataclasses.replace(CA_15_3, id="m2", date=dt.date(2023, 12, 1))),
    Changed(MARKER_RESULTS, CA_15_3, dataclasses.replace(CA_15_3, date=dt.date(2024, 6, 1))),
    Removed(MARKER_RESULTS, CA_15_3),
]
