"""Doctor statements (STATUS_RULES.md §6): which scan they belong to, which one counts, and how
their status and the measured one meet."""

from __future__ import annotations

import pytest

from survivor_app.domain import RecurrenceType, Scan, Statement, Status
from survivor_app.domain.words import status_label
from survivor_app.status import assess
from tests.status.histories import CR, NE, PD, PR, RD, SD, B, history, labels, said, scan

TWO_SCANS = (scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "24"}))

ATTACHING = {
    "on the scan's own date": ("2024-03-01", ["2024-01-01", "2024-03-01"]),
    "30 days after the scan": ("2024-03-31", ["2024-01-01", "2024-03-01"]),
    "31 days after the scan is an assessment of its own": (
        "2024-04-01",
        ["2024-01-01", "2024-03-01", "2024-04-01"],
    ),
}


@pytest.mark.parametrize(("on", "dates"), ATTACHING.values(), ids=ATTACHING.keys())
def test_a_statement_belongs_to_the_latest_scan_up_to_30_days_before(
    on: str, dates: list[str]
) -> None:
    h = history(*TWO_SCANS, statements=[said(on, PR)])
    assessments = assess(h)
    assert [a.date.isoformat() for a in assessments] == dates
    with_statement = [a for a in assessments if a.statement is not None]
    assert len(with_statement) == 1
    assert with_statement[0].status is PR


def test_a_statement_goes_to_the_latest_scan_not_the_first() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-01-20", {"P": "30"}),
        statements=[said("2024-01-25", PR)],
    )
    assert [a.statement_id for a in assess(h)] == [None, "st-2024-01-25"]


def test_a_statement_before_any_scan_is_its_own_assessment() -> None:
    h = history(scan("2024-02-01", {"P": "30"}), statements=[said("2024-01-15", SD)])
    assert labels(h) == [("2024-01-15", SD, None, None), ("2024-02-01", B, None, None)]
    alone = assess(h)[0]
    assert (alone.scan_id, alone.measured, alone.stated, alone.episode) == (None, None, SD, None)


PRECEDENCE = {
    "the latest statement counts": (
        [said("2024-03-20", SD, id="late"), said("2024-03-05", PR, id="early")],
        "late",
    ),
    "on the same date, the last entered counts": (
        [said("2024-03-05", SD, id="first"), said("2024-03-05", PR, id="second")],
        "second",
    ),
    "a statement without a status informs no label": (
        [said("2024-03-05", PR, id="status"), said("2024-03-20", None, id="words")],
        "status",
    ),
}


@pytest.mark.parametrize(("statements", "counts"), PRECEDENCE.values(), ids=PRECEDENCE.keys())
def test_which_statement_counts(statements: list[Statement], counts: str) -> None:
    h = history(*TWO_SCANS, statements=statements)
    second = assess(h)[1]
    assert second.statement_id == counts
    assert len(assess(h)) == 2


def test_a_statement_without_a_status_is_no_assessment() -> None:
    h = history(*TWO_SCANS, statements=[said("2024-06-01", None)])
    assert len(assess(h)) == 2


DISAGREEMENTS = {
    "stable said, partial remission measured": (
        [scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "21"})],
        SD,
        True,
    ),
    "partial and complete remission differ": (
        [scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "0"})],
        PR,
        True,
    ),
    "the same status agrees": (
        [scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "21"})],
        PR,
        False,
    ),
    "confirmation does not count": (
        # Measured, the remission is not yet confirmed; the doctor's is the same status.
        [scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "0"})],
        CR,
        False,
    ),
    "a measured baseline differs from nothing": ([scan("2024-03-01", {"P": "30"})], SD, False),
    "a measured not_evaluable differs from nothing": (
        [scan("2024-01-01", {"P": "30", "L": "20"}), scan("2024-03-01", {"P": "30"})],
        SD,
        False,
    ),
}


@pytest.mark.parametrize(
    ("scans", "stated", "disagrees"), DISAGREEMENTS.values(), ids=DISAGREEMENTS.keys()
)
def test_the_doctor_takes_precedence_and_disagreements_are_kept(
    scans: list[Scan], stated: Status, disagrees: bool
) -> None:
    h = history(*scans, statements=[said("2024-03-10", stated)])
    last = assess(h)[-1]
    assert last.status is stated
    assert (last.disagreement is not None) is disagrees
    if last.disagreement is not None:
        assert last.measured is not None
        assert status_label(stated) in last.disagreement
        assert status_label(last.measured) in last.disagreement


def test_a_different_recurrence_type_is_a_disagreement_but_an_unknown_one_is_not() -> None:
    scans = (
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2024-06-03", {"P": "0", "L": "12"}),
    )
    local = history(
        *scans, statements=[said("2024-06-10", RD, recurrence_type=RecurrenceType.LOCAL)]
    )
    unknown = history(*scans, statements=[said("2024-06-10", RD)])
    assert assess(local)[2].disagreement is not None
    assert assess(local)[2].recurrence_type is RecurrenceType.LOCAL
    assert assess(unknown)[2].disagreement is None
    assert assess(unknown)[2].recurrence_type is None


def test_a_recurrence_of_unknown_type_reads_type_not_recorded() -> None:
    h = history(scan("2024-01-01", {"P": "30"}), statements=[said("2024-05-01", RD)])
    alone = assess(h)[1]
    assert (alone.status, alone.recurrence_type) == (RD, None)
    assert status_label(alone.status, alone.recurrence_type) == "Recurred (type not recorded)"


def test_the_doctors_progression_starts_a_new_episode() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "33"}),
        scan("2024-05-01", {"P": "22"}),
        statements=[said("2024-03-02", PD)],
    )
    # Against the doctor's new starting point of 33 mm, 22 mm is a partial remission.
    assert [a.status for a in assess(h)] == [B, PD, PR]
    assert assess(h)[1].measured is SD
    assert assess(h)[2].baseline_sum_tenths == 330


def test_the_doctors_stable_keeps_the_episode_going() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "36"}),
        scan("2024-05-01", {"P": "36"}),
        statements=[said("2024-03-02", SD)],
    )
    assert [a.measured for a in assess(h)] == [B, PD, PD]
    assert [a.status for a in assess(h)] == [B, SD, PD]


def test_rule_3_looks_at_the_label_that_counts() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "10"}),
        scan("2024-05-01", {"P": "10"}),
        statements=[said("2024-03-05", CR, "No evidence of disease.")],
    )
    # The doctor says the cancer was gone on 1 March; a spot of 10 mm after that is disease found.
    assert [a.measured for a in assess(h)] == [B, PR, PD]
    assert assess(h)[2].remission_days == 61


def test_a_doctors_no_evidence_of_disease_starts_the_remission_clock() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2024-02-01", {"P": "0", "L": "15"}),
        statements=[said("2023-01-15", CR, "No evidence of disease.")],
    )
    assert labels(h) == [
        ("2022-11-01", B, None, None),
        ("2023-01-15", CR, None, False),
        ("2024-02-01", RD, RecurrenceType.DISTANT, None),
    ]
    assert assess(h)[2].remission_start == assess(h)[1].date


def test_a_notes_only_scan_with_a_statement_is_an_assessment_on_the_scans_date() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01"),
        statements=[said("2024-03-15", SD)],
    )
    assert labels(h) == [("2024-01-01", B, None, None), ("2024-03-01", SD, None, None)]
    second = assess(h)[1]
    assert (second.scan_id, second.measured, second.sum_tenths) == ("sc-2024-03-01-CT", None, None)


def test_a_statement_on_a_not_evaluable_scan_gives_the_label() -> None:
    h = history(
        scan("2024-01-01", {"P": "30", "L": "20"}),
        scan("2024-03-01", {"P": "30"}),
        statements=[said("2024-03-01", SD)],
    )
    second = assess(h)[1]
    assert (second.measured, second.status, second.disagreement) == (NE, SD, None)
