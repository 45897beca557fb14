"""The words a person sees for each status (STATUS_RULES.md §2, "shown as")."""

from __future__ import annotations

import datetime as dt

import pytest

from survivor_app.domain import RecurrenceType, Status
from survivor_app.status import Basis, basis_label, date_text, short_status_label, status_label

SHOWN_AS = {
    (Status.BASELINE, None): "Starting point",
    (Status.COMPLETE_REMISSION, None): "Complete remission (no evidence of disease)",
    (Status.PARTIAL_REMISSION, None): "Partial remission",
    (Status.STABLE, None): "Stable (controlled)",
    (Status.PROGRESSED, None): "Progressed",
    (Status.RECURRED, RecurrenceType.LOCAL): "Recurred — local",
    (Status.RECURRED, RecurrenceType.REGIONAL): "Recurred — regional",
    (Status.RECURRED, RecurrenceType.DISTANT): "Recurred — distant",
    (Status.RECURRED, None): "Recurred (type not recorded)",
    (Status.NOT_EVALUABLE, None): "Not enough information",
}


@pytest.mark.parametrize(("key", "words"), SHOWN_AS.items(), ids=SHOWN_AS.values())
def test_every_status_is_shown_as_the_rules_say(
    key: tuple[Status, RecurrenceType | None], words: str
) -> None:
    assert status_label(*key) == words


@pytest.mark.parametrize("status", [Status.COMPLETE_REMISSION, Status.PARTIAL_REMISSION])
def test_an_unconfirmed_response_says_so(status: Status) -> None:
    assert status_label(status, confirmed=False) == f"{status_label(status)} (not yet confirmed)"
    assert status_label(status, confirmed=True) == status_label(status)


def test_every_status_has_short_words() -> None:
    assert {short_status_label(status) for status in Status} >= {"Stable", "Recurred"}
    assert all(len(short_status_label(status)) <= 25 for status in Status)


def test_basis_words() -> None:
    assert basis_label((Basis.MEASUREMENTS,)) == "Measurements"
    assert basis_label((Basis.DOCTOR,)) == "Doctor’s statement"
    assert basis_label((Basis.MEASUREMENTS, Basis.DOCTOR)) == "Measurements and doctor’s statement"


def test_dates_are_written_out_the_same_everywhere() -> None:
    assert date_text(dt.date(2024, 3, 3)) == "3 March 2024"
    assert date_text(dt.date(1999, 12, 31)) == "31 December 1999"
