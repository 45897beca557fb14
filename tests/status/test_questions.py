"""Questions for the next appointment (STATUS_RULES.md §8)."""

from __future__ import annotations

from survivor_app.domain import ScanKind, Status
from survivor_app.status import assess, questions
from tests.status.histories import history, said, scan


def test_a_disagreement_asks_which_is_right() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "21"}),
        statements=[said("2024-03-05", Status.STABLE)],
    )
    (question,) = questions(assess(h))
    assert question == (
        "On 5 March 2024, my doctor said “Stable (controlled)”, but the scan of 1 March 2024 "
        "points to “Partial remission”. Which is right, and why?"
    )


def test_an_unconfirmed_response_is_asked_about_once() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "21"}),
        scan("2024-03-15", {"P": "20"}),
    )
    assert questions(assess(h)) == (
        "Is my partial remission from 1 March 2024 confirmed? How long should it last?",
    )


def test_a_recurrence_asks_its_type_and_about_a_second_cancer() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2022-12-01", {"P": "0"}),
        scan("2024-06-03", {"P": "0", "L": "12"}),
    )
    asked = questions(assess(h))
    assert asked[0].startswith("Is my complete remission from 1 December 2022 confirmed?")
    question = asked[1]
    assert "3 June 2024" in question
    assert "type" in question
    assert "second, different cancer" in question


def test_a_progression_within_a_year_of_remission_asks_whether_it_was_gone() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2023-10-02", {"P": "8"}),
    )
    asked = questions(assess(h))
    assert asked[-1] == (
        "On 2 October 2023, the cancer was found again after 215 days with no sign of it. "
        "Was it ever completely gone before?"
    )


def test_a_not_evaluable_scan_asks_whether_all_spots_were_looked_at() -> None:
    h = history(scan("2024-01-01", {"P": "30", "L": "20"}), scan("2024-03-01", {"P": "30"}))
    (question,) = questions(assess(h))
    assert question == (
        "Were all spots looked at on the scan of 1 March 2024? “Liver spot” was not measured."
    )


def test_nothing_to_ask_about_a_calm_history() -> None:
    h = history(scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "29"}))
    assert questions(assess(h)) == ()


def test_the_same_question_is_asked_once() -> None:
    h = history(
        scan("2024-01-01", {"P": "30", "L": "20"}),
        scan("2024-03-01", {"P": "30"}),
        scan("2024-03-01", {"P": "30"}, kind=ScanKind.MRI),
    )
    assert len(assess(h)) == 3
    assert len(questions(assess(h))) == 1
