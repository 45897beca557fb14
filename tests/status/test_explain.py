"""Explanations: the person's own numbers, what the label means, and a pointer to the care team,
in plain and calm words (STATUS_RULES.md §7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from survivor_app.domain import CancerHistory, RecurrenceType, Status
from survivor_app.status import Period, analyse
from survivor_app.status.explain import CARE_TEAM
from survivor_app.status.meanings import SECOND_CANCER
from survivor_app.status.own_numbers import duration_text, percent_text
from tests.status.histories import TOO_SMALL, history, said, scan
from tests.status.reading import grade_level

PARTIAL = history(
    scan("2024-01-01", {"L": "165"}),
    scan("2024-02-26", {"L": "63"}),
    scan("2024-04-22", {"L": "65"}),
)
THRESHOLDS = history(
    scan("2022-06-01", {"P": "10", "L": "10", "U": "10"}),
    scan("2022-09-01", {"P": "8", "L": "8", "U": "8"}),
    scan("2022-12-01", {"P": "7", "L": "7", "U": "7"}),
    scan("2023-03-01", {"P": "8", "L": "8", "U": "9.2"}),
    scan("2023-06-01", {"P": "8", "L": "8", "U": "10"}),
)
SMALL_NODE = history(
    scan("2026-01-01", {"L": "50", "N": "20"}), scan("2026-02-01", {"L": "0", "N": "9"})
)
DISTANT = history(
    scan("2022-11-01", {"P": "40"}),
    scan("2023-03-01", {"P": "0"}),
    scan("2023-09-01", ned=True),
    scan("2024-06-03", {"L": "12"}),
)
WITHIN_A_YEAR = history(
    scan("2022-11-01", {"P": "40"}), scan("2023-03-01", {"P": "0"}), scan("2023-10-02", {"P": "8"})
)
MISSING = history(scan("2024-01-01", {"P": "30", "L": "20"}), scan("2024-03-01", {"P": "30"}))
STATED = history(
    scan("2024-01-01", {"P": "30"}),
    scan("2024-03-01", {"P": "21"}),
    statements=[
        said("2024-03-05", Status.STABLE, "Things are stable."),
        said("2024-09-01", Status.RECURRED, "It has come back."),
    ],
)
MARKED = history(
    scan("2024-01-01", {"P": "30", "N": "12"}),
    scan("2024-03-01", {"P": TOO_SMALL, "N": "12"}, new_baseline=True),
    scan("2024-05-01", {"P": "20", "N": "12"}),
)
NED_FIRST = history(scan("2024-01-01", ned=True), scan("2024-06-01", {"P": "0"}))

HISTORIES = {
    "partial": PARTIAL,
    "thresholds": THRESHOLDS,
    "small node": SMALL_NODE,
    "distant": DISTANT,
    "within a year": WITHIN_A_YEAR,
    "missing": MISSING,
    "stated": STATED,
    "marked": MARKED,
    "no evidence first": NED_FIRST,
}
ALL_PERIODS = [
    pytest.param(period, id=f"{name}: {period.label}")
    for name, h in HISTORIES.items()
    for period in analyse(h).periods
]


def _period(h: CancerHistory, status: Status) -> Period:
    return next(p for p in analyse(h).periods if p.status is status)


def test_every_status_is_explained_here() -> None:
    shown = {period.status for h in HISTORIES.values() for period in analyse(h).periods}
    assert shown == set(Status)


@pytest.mark.parametrize("period", ALL_PERIODS)
def test_every_explanation_names_its_date_and_ends_with_the_care_team(period: Period) -> None:
    assert period.explanation.endswith(CARE_TEAM)
    assert f"{period.start.day} " in period.explanation
    assert period.start.strftime("%Y") in period.explanation


@pytest.mark.parametrize("period", ALL_PERIODS)
def test_explanations_are_plain_and_calm(period: Period) -> None:
    text = period.explanation
    assert grade_level(text) <= 8, text
    for word in ("!", "danger", "fatal", "death", "die", "terminal", "incurable", "hopeless"):
        assert word not in text.lower()
    if "lymph node" in text:
        assert text.count("bean-shaped gland") == 1


def test_a_partial_remission_gives_the_sizes_and_reconciles_30_with_50_percent() -> None:
    text = _period(PARTIAL, Status.PARTIAL_REMISSION).explanation
    for words in ("26 February 2024", "63 mm", "1 January 2024", "165 mm", "61.8% smaller"):
        assert words in text
    assert "22 April 2024" in text
    assert "65 mm" in text
    assert "30%" in text
    assert "50%" in text
    assert "0.7 × 0.7 = 0.49" in text
    assert "“must last for at least a month”" in text
    assert "counts as confirmed" in text


def test_a_progression_gives_the_change_from_the_smallest_size() -> None:
    text = _period(THRESHOLDS, Status.PROGRESSED).explanation
    for words in ("26 mm", "smallest sum before was 21 mm", "1 December 2022", "5 mm more"):
        assert words in text
    assert "23.8% larger" in text


def test_a_complete_remission_explains_the_small_lymph_node() -> None:
    text = _period(SMALL_NODE, Status.COMPLETE_REMISSION).explanation
    assert "lymph node (a small bean-shaped gland) “Spot N”" not in text  # names stay as named
    assert "“Armpit node” measured 9 mm" in text
    assert "under 10 mm counts as normal size" in text
    assert "not yet been seen over 28 days" in text


def test_a_recurrence_says_how_long_the_remission_lasted_and_where_the_spot_is() -> None:
    text = _period(DISTANT, Status.RECURRED).explanation
    assert "from 1 March 2023, for 460 days (about 15 months)" in text
    assert "“Liver spot” (liver) measured 12 mm" in text
    assert "another part of the body" in text
    assert "A distant recurrence means" in text
    assert SECOND_CANCER in text


@pytest.mark.parametrize("h", [DISTANT, STATED], ids=["measured", "stated"])
def test_every_recurrence_says_only_the_care_team_can_tell_a_second_cancer(
    h: CancerHistory,
) -> None:
    assert SECOND_CANCER in _period(h, Status.RECURRED).explanation


def test_a_recurrence_of_unknown_type_says_so() -> None:
    period = _period(STATED, Status.RECURRED)
    assert period.recurrence_type is None
    assert "was not recorded" in period.explanation
    assert "“It has come back.”" in period.explanation
    assert "There is no scan from that time" in period.explanation


def test_a_progression_within_a_year_explains_why_it_is_no_recurrence() -> None:
    text = _period(WITHIN_A_YEAR, Status.PROGRESSED).explanation
    assert "for 215 days (about 7 months)" in text
    assert "less than a year" in text
    assert "recurrence only after at least a year" in text
    assert "called progressed, not recurred" in text
    assert "“Breast tumour” (left breast) measured 8 mm" in text


def test_a_disagreement_is_shown_with_the_doctors_words() -> None:
    text = _period(STATED, Status.STABLE).explanation
    assert "Dr. Osei said: “Things are stable.”" in text
    assert "the sizes point to “Partial remission”" in text
    assert "30% smaller" in text


def test_not_enough_information_names_the_spot() -> None:
    text = _period(MISSING, Status.NOT_EVALUABLE).explanation
    assert "“Liver spot” was not measured" in text
    assert "It does not mean anything is wrong." in text


def test_a_marked_starting_point_says_so() -> None:
    starting, progressed = analyse(MARKED).periods
    assert len(starting.assessments) == 2
    assert "The first scan, on 1 January 2024, measured 2 spots." in starting.explanation
    assert "You marked the scan of 1 March 2024 to start a new comparison." in starting.explanation
    assert (
        "The scan of 1 March 2024 is now the starting point, because you marked it so: later "
        "scans are compared with its sum, 17 mm."
    ) in starting.explanation
    assert "“Breast tumour” was too small to measure, so it counts as 5 mm." in starting.explanation
    assert "smallest sum before was 17 mm, on 1 March 2024" in progressed.explanation


def test_a_record_starting_in_complete_remission_says_so() -> None:
    text = analyse(NED_FIRST).periods[0].explanation
    assert "Your record starts with the scan of 1 January 2024" in text
    assert "from 1 January 2024 to 1 June 2024: 152 days (about 5 months)" in text


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "1 day"),
        (27, "27 days"),
        (215, "215 days (about 7 months)"),
        (460, "460 days (about 15 months)"),
        (1100, "1100 days (about 3 years)"),
    ],
)
def test_durations(days: int, words: str) -> None:
    assert duration_text(days) == words


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (Decimal("-30.0"), "30% smaller"),
        (Decimal("23.8"), "23.8% larger"),
        (Decimal("0.0"), "the same"),
    ],
)
def test_percentages(change: Decimal, words: str) -> None:
    assert percent_text(change) == words


def test_a_recurrence_type_is_explained_for_each_kind() -> None:
    for kind, sizes in (
        (RecurrenceType.LOCAL, {"P": "8"}),
        (RecurrenceType.REGIONAL, {"N": "12"}),
        (RecurrenceType.DISTANT, {"U": "5"}),
    ):
        h = history(
            scan("2022-11-01", {"P": "40"}),
            scan("2023-03-01", {"P": "0"}),
            scan("2024-06-03", sizes),
        )
        period = _period(h, Status.RECURRED)
        assert period.recurrence_type is kind
        assert f"A {kind.value} recurrence means" in period.explanation
