"""Explanations and questions where spots without a size take part (STATUS_RULES.md §7, §8): a
partial remission that would otherwise read complete says so plainly, by name and date, and asks
what to ask; every other explanation names each such spot with its state."""

from __future__ import annotations

import json

import pytest

from survivor_app.domain import CancerHistory, Status
from survivor_app.exchange.periods_json import periods_document
from survivor_app.status import Period, analyse, questions
from survivor_app.terminal import TEXT_WIDTH, periods_text
from tests.status.histories import WITH_BONES, history, record_of, said, scan
from tests.status.reading import grade_level
from tests.status.test_explanation_truth import check

#: §10: the liver spot is gone, the bone spots remain; then the report says they clearly grew.
BONES_REMAIN = history(
    scan("2025-01-10", {"L": "45", "S": "present"}),
    scan("2025-04-10", {"L": "0", "S": "present"}),
    scan("2025-07-10", {"L": "0", "S": "present"}),
    scan("2025-10-09", {"L": "0", "S": "growing"}),
    spots=WITH_BONES,
)
#: The fluid is gone, the bone spots are not looked at: still partial, never complete.
NOT_LOOKED_AT = history(
    scan("2024-01-01", {"P": "30", "N": "12", "S": "present", "F": "present"}),
    scan("2024-03-01", {"P": "0", "N": "6", "F": "gone"}),
    scan("2024-06-01", {"P": "0", "N": "6", "S": "gone", "F": "gone"}),
    spots=WITH_BONES,
)
#: Bone spots new, found again after a long remission, uncertain, and growing with the sum.
FOUND = history(
    scan("2022-01-01", {"P": "30"}),
    scan("2022-03-01", {"P": "0"}),
    scan("2022-06-01", {"P": "0", "S": "present"}, uncertain=["S"]),
    scan("2023-06-01", {"P": "0", "F": "present"}),
    scan("2023-09-01", {"P": "0", "F": "growing"}),
    spots=WITH_BONES,
)
#: Only spots without a size: no sum, yet a starting point, stable, and what the doctor said.
ONLY_STATES = history(
    scan("2024-01-01", {"S": "present"}),
    scan("2024-04-01", {"S": "present", "F": "gone"}),
    scan("2024-07-01", {"S": "present"}),
    statements=[said("2024-07-05", Status.COMPLETE_REMISSION, "The scan is clear.")],
    spots=WITH_BONES,
)
HISTORIES = {
    "bones remain": BONES_REMAIN,
    "not looked at": NOT_LOOKED_AT,
    "found": FOUND,
    "only states": ONLY_STATES,
}
ALL_PERIODS = [
    pytest.param(period, id=f"{name}: {period.label}")
    for name, h in HISTORIES.items()
    for period in analyse(h).periods
]


def _period(h: CancerHistory, status: Status) -> Period:
    return next(p for p in analyse(h).periods if p.status is status)


@pytest.mark.parametrize("period", ALL_PERIODS)
def test_every_explanation_is_true_short_and_plain(period: Period) -> None:
    check(period)
    assert grade_level(period.explanation) <= 8, period.explanation


def test_a_partial_remission_with_bone_spots_says_they_remain() -> None:
    period = _period(BONES_REMAIN, Status.PARTIAL_REMISSION)
    assert period.summary == (
        "Your measured spots are gone, but the report still mentions a spot without a size."
    )
    text = period.explanation
    for words in (
        "On 10 April 2025, “Liver spot” was gone.",
        "But the report of 10 April 2025 still mentioned “Bone spots”, which has no size.",
        "So the measurements do not show a complete remission.",
        "At the starting point, on 10 January 2025, the spots added up to 45 mm.",
        "But the report of 10 July 2025 still mentioned “Bone spots”, which has no size.",
        "A complete remission needs every spot to be gone, also the ones a report gives no size",
        "You could ask whether “Bone spots” is still cancer, and how it is followed.",
    ):
        assert words in text
    # The 30 % rule of the sizes is not what made this label.
    assert "30% less" not in text


def test_a_partial_remission_with_bone_spots_asks_the_question_of_section_8_once() -> None:
    asked = questions(analyse(BONES_REMAIN).assessments)
    assert asked == (
        "On 10 April 2025, my measured spots were gone, but the report still mentioned “Bone "
        "spots”, a spot without a size. Is it still cancer? How is it followed?",
    )


def test_growth_by_a_state_names_the_spot_and_the_new_comparison() -> None:
    period = _period(BONES_REMAIN, Status.PROGRESSED)
    assert (
        period.summary
        == "On 9 October 2025, the report said a spot without a size had clearly grown."
    )
    text = period.explanation
    assert "On 9 October 2025, “Bone spots”, which has no size, had clearly grown." in text
    assert (
        "Later scans are now compared with the scan of 9 October 2025, because the report" in text
    )
    assert "Every spot followed from then on is a spot without a size." in text
    assert (
        "When a report says a spot without a size has clearly grown, that counts as growth." in text
    )


def test_spots_not_looked_at_keep_the_remission_partial() -> None:
    period = _period(NOT_LOOKED_AT, Status.PARTIAL_REMISSION)
    assert period.summary == (
        "Your measured spots are gone or normal in size, but a spot without a size was not "
        "looked at."
    )
    text = period.explanation
    assert "On 1 March 2024, “Breast tumour” and “Fluid by the lung” were gone." in text
    assert "But on 1 March 2024, “Bone spots”, which has no size, was not looked at." in text
    assert "“Armpit node” measured 6 mm" in text
    (asked,) = (q for q in questions(analyse(NOT_LOOKED_AT).assessments) if "still cancer" in q)
    assert asked == (
        "On 1 March 2024, my measured spots were gone or normal in size, but “Bone spots”, a spot "
        "without a size, was not looked at. Is it still cancer? How is it followed?"
    )
    complete = _period(NOT_LOOKED_AT, Status.COMPLETE_REMISSION).explanation
    assert (
        "On 1 June 2024, “Breast tumour”, “Bone spots” and “Fluid by the lung” were gone."
        in complete
    )


def test_found_spots_without_a_size_say_their_state_not_a_size() -> None:
    analysis = analyse(FOUND)
    texts = " ".join(p.explanation for p in analysis.periods)
    assert "The report was not sure that “Bone spots” (there, no size given) is cancer" in texts
    recurred = _period(FOUND, Status.RECURRED).explanation
    assert "“Fluid by the lung” was there, with no size given." in recurred
    assert "measured 0 mm" not in recurred
    assert "On 1 September 2023, “Fluid by the lung”, which has no size, had clearly grown." in (
        _period(FOUND, Status.PROGRESSED).explanation
    )


def test_a_record_of_spots_without_a_size_only_has_no_sum() -> None:
    starting = analyse(ONLY_STATES).periods[0]
    assert starting.summary == (
        "Later scans are compared with the scan of 1 January 2024, for the spots it mentions "
        "without a size."
    )
    assert "On 1 January 2024, “Bone spots”, which has no size, was there." in starting.explanation
    stable = _period(ONLY_STATES, Status.STABLE).explanation
    assert "Here, your spots have no size, so there is no sum to compare." in stable
    assert "added up to" not in stable
    complete = _period(ONLY_STATES, Status.COMPLETE_REMISSION).explanation
    assert "On 1 July 2024, “Bone spots”, which has no size, was there." in complete
    assert "Dr. Osei said: “The scan is clear.”" in complete


def test_the_terminal_and_the_periods_json_read_spots_without_a_size() -> None:
    record = record_of(BONES_REMAIN)
    text = periods_text(record)
    lines = text.splitlines()
    assert "Partial remission" in lines
    assert "Is it still cancer? How is it followed?" in " ".join(text.split())
    assert max(len(line) for line in lines) <= TEXT_WIDTH
    document = json.loads(periods_document(record))
    (cancer,) = document["cancers"]
    assert [a["status"] for a in cancer["assessments"]] == [
        "baseline",
        "partial_remission",
        "partial_remission",
        "progressed",
    ]
    assert [a["sum_mm"] for a in cancer["assessments"]] == [45, 0, 0, 0]
    assert cancer["assessments"][3]["new_baseline_sum_mm"] == 0
    assert "“Bone spots”" in cancer["periods"][1]["explanation"]


def test_the_question_names_spots_still_there_and_spots_not_looked_at() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present", "F": "present"}),
        scan("2024-03-01", {"L": "0", "S": "growing"}, uncertain=["S"]),
        spots=WITH_BONES,
    )
    (_, asked) = questions(analyse(h).assessments)
    assert asked == (
        "On 1 March 2024, my measured spots were gone, but the report still mentioned “Bone "
        "spots”, a spot without a size. “Fluid by the lung”, a spot without a size, was not "
        "looked at. Are they still cancer? How are they followed?"
    )
    for period in analyse(h).periods:
        check(period)


def test_the_doctors_complete_remission_beside_bone_spots_still_mentioned_says_both() -> None:
    h = history(
        scan("2025-01-10", {"L": "45", "S": "present"}),
        scan("2025-04-10", {"L": "0", "S": "present"}),
        statements=[said("2025-04-15", Status.COMPLETE_REMISSION, "No evidence of disease.")],
        spots=WITH_BONES,
    )
    period = _period(h, Status.COMPLETE_REMISSION)
    check(period)
    text = period.explanation
    assert period.summary == "On 15 April 2025, your doctor said there was no evidence of disease."
    still = "But the report of 10 April 2025 still mentioned “Bone spots”, which has no size."
    assert still in text
    assert "So the measurements do not show a complete remission." in text
    assert "the sizes point to “Partial remission”" in text
    assert "You could ask whether “Bone spots” is still cancer, and how it is followed." in text
    assert any("still cancer" in q for q in questions(analyse(h).assessments))


def test_two_spots_found_at_once_are_named_as_new_spots_in_each_sentence() -> None:
    # A liver spot measured and bone spots mentioned on the same scan: both are new.
    h = history(
        scan("2022-01-01", {"P": "30"}),
        scan("2022-03-01", {"P": "0"}),
        scan("2022-06-01", {"P": "0", "L": "14", "S": "present"}),
        spots=WITH_BONES,
    )
    found = _period(h, Status.PROGRESSED).explanation
    assert "The scan of 1 June 2022 found new spots." in found
    assert "because new spots were found" in found
    assert "a new spot" not in found


def test_a_starting_point_of_spots_without_a_size_names_them_not_a_sum() -> None:
    # The review's record: bone spots there at the start, gone later; no spot has a size.
    h = history(
        scan("2024-01-01", {"S": "present"}),
        scan("2024-03-01", {"S": "gone"}),
        spots=WITH_BONES,
    )
    text = " ".join(p.explanation for p in analyse(h).periods)
    assert "added up to 0 mm" not in text
    assert (
        "At the starting point, on 1 January 2024, the spot followed was “Bone spots”, which has "
        "no size." in text
    )
    for period in analyse(h).periods:
        check(period)


def test_a_doctor_against_a_scan_of_states_only_does_not_speak_of_sizes() -> None:
    # The review's record: the doctor says complete remission; the bone spots are still there.
    h = history(
        scan("2024-01-01", {"S": "present"}),
        scan("2024-03-01", {"S": "present"}),
        statements=[said("2024-03-05", Status.COMPLETE_REMISSION, "No evidence of disease.")],
        spots=WITH_BONES,
    )
    text = " ".join(p.explanation for p in analyse(h).periods)
    assert "sizes" not in text
    assert "but the scan points to “Stable (controlled)”." in text
    for period in analyse(h).periods:
        check(period)
