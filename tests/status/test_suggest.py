"""A status suggested from a statement's words (STATUS_RULES.md §6)."""

from __future__ import annotations

import pytest

from survivor_app.domain import RecurrenceType, Status
from survivor_app.status.suggest import Suggestion, suggest_status

CR, PR, SD, PD, RD = (
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
    Status.PROGRESSED,
    Status.RECURRED,
)

#: Everyday phrasings, each with the suggestion it must give: what doctors say and what people
#: write down after an appointment.
WORDS = {
    # Stable.
    "Things are stable and under control.": Suggestion(SD),
    "The cancer is controlled.": Suggestion(SD),
    "No change since the last scan.": Suggestion(SD),
    "Nothing has changed since March.": Suggestion(SD),
    "It has not changed.": Suggestion(SD),
    "The spots are unchanged.": Suggestion(SD),
    "The tumour is the same size as before.": Suggestion(SD),
    "Everything is holding steady.": Suggestion(SD),
    "The disease is stable on this treatment.": Suggestion(SD),
    "Stable disease.": Suggestion(SD),
    "Stable, no new spots.": Suggestion(SD),
    # Complete remission.
    "There is no evidence of disease on your scan.": Suggestion(CR),
    "You are NED.": Suggestion(CR),
    "All clear today!": Suggestion(CR),
    "You are in remission.": Suggestion(CR),
    "You’re in complete remission.": Suggestion(CR),
    "The scan is clear.": Suggestion(CR),
    "Your scans were clear.": Suggestion(CR),
    "A clear scan, good news.": Suggestion(CR),
    "There is no more cancer.": Suggestion(CR),
    "There is no cancer left.": Suggestion(CR),
    "No sign of cancer anywhere.": Suggestion(CR),
    "No trace of the tumour.": Suggestion(CR),
    "She is cancer-free.": Suggestion(CR),
    "You are cancer free.": Suggestion(CR),
    "Disease-free after surgery.": Suggestion(CR),
    "A complete response to the chemotherapy.": Suggestion(CR),
    "No evidence of recurrence.": Suggestion(CR),
    "The tumour has gone.": Suggestion(CR),
    "The cancer is gone.": Suggestion(CR),
    # Partial remission.
    "The tumour has shrunk.": Suggestion(PR),
    "It is smaller than in March.": Suggestion(PR),
    "It is smaller than in May.": Suggestion(PR),
    "The tumour is responding to treatment.": Suggestion(PR),
    "The spots are shrinking.": Suggestion(PR),
    "The tumour is getting smaller.": Suggestion(PR),
    "The cancer has gone down a lot.": Suggestion(PR),
    "A partial response.": Suggestion(PR),
    "You are in partial remission.": Suggestion(PR),
    "The liver spot has decreased in size.": Suggestion(PR),
    "The tumour is smaller, and there is no sign of growth.": Suggestion(PR),
    # Progressed.
    "The tumour has grown a little.": Suggestion(PD),
    "It has spread.": Suggestion(PD),
    "The spot in the breast is bigger.": Suggestion(PD),
    "The cancer has spread to the liver.": Suggestion(PD),
    "It has got worse.": Suggestion(PD),
    "There are new spots in the lung.": Suggestion(PD),
    "The disease has progressed.": Suggestion(PD),
    "The tumour is growing again.": Suggestion(PD),
    "The cancer has metastasized.": Suggestion(PD),
    "The nodes have increased in size.": Suggestion(PD),
    "Progression on this treatment.": Suggestion(PD),
    # Recurred.
    "The cancer has come back.": Suggestion(RD),
    "It has returned.": Suggestion(RD),
    "This is a recurrence.": Suggestion(RD),
    "It’s back.": Suggestion(RD),
    "The cancer is back.": Suggestion(RD),
    "I am sorry, it is back.": Suggestion(RD),
    "She has relapsed.": Suggestion(RD),
    "The cancer has recurred.": Suggestion(RD),
    "The breast cancer has come back in the liver.": Suggestion(RD, RecurrenceType.DISTANT),
    "It came back in the lymph nodes under the arm.": Suggestion(RD, RecurrenceType.REGIONAL),
    "A local recurrence, in the same place.": Suggestion(RD, RecurrenceType.LOCAL),
    "There is a recurrence in the bones and the armpit nodes.": Suggestion(
        RD, RecurrenceType.DISTANT
    ),
    "The recurrence is not in the liver.": Suggestion(RD),
}

#: Hedged or negated findings, and words about other things: no suggestion rather than a wrong one.
NOTHING_CLEAR = [
    "",
    "Come back in three months for a scan.",
    "She returned for her check-up.",
    "Ned came with me to the appointment.",
    "We talked about the options.",
    "The tumour is not responding.",
    "We can't rule out that it has spread.",
    "We cannot rule out a recurrence.",
    "There is no sign that it has grown.",
    "No sign of growth.",
    "The tumour has not grown.",
    "It hasn't spread.",
    "There is no sign of it coming back.",
    "It may have spread.",
    "It might be back.",
    "Possibly a new spot, we will look again.",
    "Perhaps it is smaller.",
    "It could be a recurrence.",
    "A suspicious spot in the lung.",
    "It is unclear whether it has grown.",
    "We are not sure if the cancer has come back.",
    "The scan is not clear.",
    "You are not in remission yet.",
    "It is not gone.",
    "Probably a relapse, but we need a biopsy.",
]


def test_there_are_at_least_60_phrasings() -> None:
    assert len(WORDS) + len(NOTHING_CLEAR) >= 60


@pytest.mark.parametrize(("text", "expected"), WORDS.items(), ids=WORDS.keys())
def test_a_status_from_the_words(text: str, expected: Suggestion) -> None:
    assert suggest_status(text) == expected


@pytest.mark.parametrize("text", NOTHING_CLEAR)
def test_no_suggestion_when_nothing_is_clear(text: str) -> None:
    assert suggest_status(text) is None


def test_the_place_the_cancer_started_is_not_taken_as_distant() -> None:
    text = "The cancer has come back in the lung."
    assert suggest_status(text) == Suggestion(RD, RecurrenceType.DISTANT)
    assert suggest_status(text, primary_site="right lung, upper part") == Suggestion(RD)
