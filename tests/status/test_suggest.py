"""A status suggested from a statement's words (STATUS_RULES.md §6)."""

from __future__ import annotations

import pytest

from survivor_app.domain import RecurrenceType, Status
from survivor_app.status import Suggestion, suggest_status

CR, PR, SD, PD, RD = (
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
    Status.PROGRESSED,
    Status.RECURRED,
)

WORDS = {
    "Things are stable and under control.": Suggestion(SD),
    "The cancer is controlled.": Suggestion(SD),
    "No change since the last scan.": Suggestion(SD),
    "There is no evidence of disease on your scan.": Suggestion(CR),
    "You are NED.": Suggestion(CR),
    "All clear today!": Suggestion(CR),
    "The tumour has shrunk.": Suggestion(PR),
    "It is smaller than in March.": Suggestion(PR),
    "The tumour is responding to treatment.": Suggestion(PR),
    "The tumour has grown a little.": Suggestion(PD),
    "It has spread.": Suggestion(PD),
    "The spot in the breast is bigger.": Suggestion(PD),
    "The cancer has come back.": Suggestion(RD),
    "It has returned.": Suggestion(RD),
    "This is a recurrence.": Suggestion(RD),
    "The breast cancer has come back in the liver.": Suggestion(RD, RecurrenceType.DISTANT),
    "It came back in the lymph nodes under the arm.": Suggestion(RD, RecurrenceType.REGIONAL),
    "A local recurrence, in the same place.": Suggestion(RD, RecurrenceType.LOCAL),
    "There is a recurrence in the bones and the armpit nodes.": Suggestion(
        RD, RecurrenceType.DISTANT
    ),
}

NEGATED = {
    "No sign of growth.": Suggestion(SD),
    "The tumour has not grown.": Suggestion(SD),
    "It hasn't spread.": Suggestion(SD),
    "There is no sign of it coming back.": Suggestion(CR),
    "No evidence of recurrence.": Suggestion(CR),
    "The tumour is smaller, and there is no sign of growth.": Suggestion(PR),
    "Stable, no new spots.": Suggestion(SD),
    "The recurrence is not in the liver.": Suggestion(RD),
}

NOTHING_CLEAR = [
    "",
    "Come back in three months for a scan.",
    "She returned for her check-up.",
    "Ned came with me to the appointment.",
    "The tumour is not responding.",
    "We talked about the options.",
]


@pytest.mark.parametrize(("text", "expected"), WORDS.items(), ids=WORDS.keys())
def test_a_status_from_the_words(text: str, expected: Suggestion) -> None:
    assert suggest_status(text) == expected


@pytest.mark.parametrize(("text", "expected"), NEGATED.items(), ids=NEGATED.keys())
def test_negations_are_read_sensibly(text: str, expected: Suggestion) -> None:
    assert suggest_status(text) == expected


@pytest.mark.parametrize("text", NOTHING_CLEAR)
def test_no_suggestion_when_nothing_is_clear(text: str) -> None:
    assert suggest_status(text) is None


def test_the_place_the_cancer_started_is_not_taken_as_distant() -> None:
    text = "The cancer has come back in the lung."
    assert suggest_status(text) == Suggestion(RD, RecurrenceType.DISTANT)
    assert suggest_status(text, primary_site="right lung, upper part") == Suggestion(RD)
