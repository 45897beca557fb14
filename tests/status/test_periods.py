"""Periods (STATUS_RULES.md §7)."""

from __future__ import annotations

import datetime as dt

from survivor_app.domain import Basis, RecurrenceType, Status
from survivor_app.status import analyse
from tests.status.histories import JOURNEY, history, said, scan


def test_consecutive_equal_labels_form_one_period_ending_where_the_next_starts() -> None:
    periods = analyse(JOURNEY).periods
    assert [(p.status, p.start.isoformat()) for p in periods] == [
        (Status.BASELINE, "2022-06-01"),
        (Status.STABLE, "2022-09-01"),
        (Status.PARTIAL_REMISSION, "2022-12-01"),
        (Status.STABLE, "2023-03-01"),
        (Status.PROGRESSED, "2023-06-01"),
        (Status.COMPLETE_REMISSION, "2023-09-01"),
    ]
    assert [p.end for p in periods] == [p.start for p in periods[1:]] + [None]
    assert periods[2].last_checked == dt.date(2022, 12, 1)
    assert len(periods[-1].assessments) == 2
    assert periods[-1].last_checked == dt.date(2023, 12, 1)
    assert periods[-1].label == "Complete remission (no evidence of disease)"


def test_confirmation_splits_periods() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-02-01", {"P": "20"}),
        scan("2024-02-10", {"P": "24"}, new_baseline=True),
        scan("2024-04-01", {"P": "16"}),
        scan("2024-05-01", {"P": "16"}),
    )
    periods = analyse(h).periods
    assert [(p.status, p.confirmed) for p in periods] == [
        (Status.BASELINE, None),
        (Status.PARTIAL_REMISSION, False),
        (Status.BASELINE, None),
        (Status.PARTIAL_REMISSION, True),
    ]
    assert periods[1].label == "Partial remission (not yet confirmed)"


def test_the_basis_names_what_each_label_rests_on() -> None:
    periods = analyse(JOURNEY).periods
    # Stable: the doctor said so, the sizes agreed. Complete remission: measured, then said.
    assert periods[0].basis == (Basis.MEASUREMENTS,)
    assert periods[1].basis == (Basis.MEASUREMENTS, Basis.DOCTOR)
    assert periods[-1].basis == (Basis.MEASUREMENTS, Basis.DOCTOR)
    disagreeing = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "21"}),
        statements=[said("2024-03-02", Status.STABLE)],
    )
    assert analyse(disagreeing).periods[1].basis == (Basis.DOCTOR,)


def test_a_different_recurrence_type_starts_a_new_period() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        statements=[
            said("2024-06-01", Status.RECURRED, recurrence_type=RecurrenceType.LOCAL),
            said("2024-09-01", Status.RECURRED, recurrence_type=RecurrenceType.DISTANT),
            said("2024-12-01", Status.RECURRED, recurrence_type=RecurrenceType.DISTANT),
        ],
    )
    periods = analyse(h).periods
    assert [p.label for p in periods] == [
        "Starting point",
        "Recurred — local",
        "Recurred — distant",
    ]
    assert [len(p.assessments) for p in periods] == [1, 1, 2]
    assert periods[-1].basis == (Basis.DOCTOR,)
