"""The rules of STATUS_RULES.md §2-§5, one table per rule, at their boundaries."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from survivor_app.domain import CancerHistory, RecurrenceType, Scan, Status
from survivor_app.status import Reason, assess
from survivor_app.status.assessment import Findings, FindingsGiven
from tests.status.histories import (
    BREAST,
    CR,
    LIVER,
    LUNG,
    NE,
    NODE,
    PD,
    PR,
    RD,
    SD,
    TOO_SMALL,
    B,
    day,
    history,
    labels,
    said,
    scan,
    statuses,
)


def _two_scans(first: dict[str, str], second: dict[str, str]) -> CancerHistory:
    return history(scan("2024-01-01", first), scan("2024-04-01", second))


SHRINKING = {
    "exactly −30 % is a partial remission": (["30"], ["21"], PR),
    "−29.7 % is stable": (["30"], ["21.1"], SD),
    "−20 % is stable": (["30"], ["24"], SD),
    "exactly +20 % and exactly 5.0 mm is progression": (["25"], ["30"], PD),
    "+20 % but 4.9 mm is stable": (["24.5"], ["29.4"], SD),
    "5.0 mm but +16.7 % is stable": (["30"], ["35"], SD),
    "4.9 mm more on 25 mm is stable": (["25"], ["29.9"], SD),
    "no change is stable": (["30"], ["30"], SD),
    "gone is a complete remission": (["30"], ["0"], CR),
    "too small counts 5 mm, not gone": (["20"], [TOO_SMALL], PR),
    "too small counts 5 mm against a 10 mm baseline": (["10"], [TOO_SMALL], PR),
}


@pytest.mark.parametrize(("first", "second", "expected"), SHRINKING.values(), ids=SHRINKING.keys())
def test_one_spot_against_the_baseline(
    first: list[str], second: list[str], expected: Status
) -> None:
    h = _two_scans({"P": first[0]}, {"P": second[0]})
    assert statuses(h) == [B, expected]


NODES = {
    "a node under 10 mm counts as gone": ({"L": "50", "N": "20"}, {"L": "0", "N": "9.9"}, CR),
    "a node at 10 mm is still there": ({"L": "50", "N": "20"}, {"L": "0", "N": "10"}, PR),
    "a node too small to measure counts as gone": ({"N": "20"}, {"N": TOO_SMALL}, CR),
    "a new node of 9.9 mm is no new spot": ({"P": "30"}, {"P": "30", "N": "9.9"}, SD),
    "a new node of 10 mm is a new spot": ({"P": "30"}, {"P": "30", "N": "10"}, PD),
    "a new spot of 0.1 mm is a new spot": ({"P": "30"}, {"P": "20", "L": "0.1"}, PD),
    "a new spot too small to measure is a new spot": ({"P": "30"}, {"P": "20", "L": TOO_SMALL}, PD),
    "a spot gone from the start is not tracked": ({"P": "30", "L": "0"}, {"P": "30", "L": "0"}, SD),
}


@pytest.mark.parametrize(("first", "second", "expected"), NODES.values(), ids=NODES.keys())
def test_lymph_nodes_and_new_spots(
    first: dict[str, str], second: dict[str, str], expected: Status
) -> None:
    assert statuses(_two_scans(first, second)) == [B, expected]


def test_the_sum_of_sizes_is_compared_in_tenths() -> None:
    # 100 × (25.2 − 21) / 21 is 19.999999999999996 in floating point, yet exactly 20 %.
    h = history(
        scan("2022-06-01", {"P": "10", "L": "10", "U": "10"}),
        scan("2022-09-01", {"P": "7", "L": "7", "U": "7"}),
        scan("2022-12-01", {"P": "8", "L": "8", "U": "9.2"}),
    )
    third = assess(h)[2]
    assert (third.sum_tenths, third.nadir_tenths) == (252, 210)
    assert third.change_from_nadir_pct == Decimal("20.0")
    assert third.change_from_baseline_pct == Decimal("-16.0")
    # The partial remission of 7 mm each was never shown again, so nothing keeps it (rule 9).
    assert third.status is SD


MISSING = {
    "a missing spot is not enough information": (
        {"P": "20", "L": "20"},
        {"P": "20"},
        NE,
    ),
    "a missing spot while the other shrank is not enough information": (
        {"P": "20", "L": "20"},
        {"P": "5"},
        NE,
    ),
    "the measured spot alone already shows growth": (
        {"P": "20", "L": "20"},
        {"P": "48"},
        PD,
    ),
    "the measured spot grew, but not enough on the whole sum": (
        {"P": "20", "L": "20"},
        {"P": "47.9"},
        NE,
    ),
    "a new spot counts even when a spot was not measured": (
        {"P": "20", "L": "20"},
        {"P": "20", "U": "5"},
        PD,
    ),
}


@pytest.mark.parametrize(("first", "second", "expected"), MISSING.values(), ids=MISSING.keys())
def test_spots_not_measured(
    first: dict[str, str], second: dict[str, str], expected: Status
) -> None:
    assert statuses(_two_scans(first, second)) == [B, expected]


def test_not_evaluable_names_the_missing_spot_and_gives_no_sum() -> None:
    second = assess(_two_scans({"P": "20", "L": "20"}, {"P": "20"}))[1]
    assert second.missing_spots == (LIVER,)
    assert second.sum_tenths is None
    assert second.change_from_baseline_pct is None


def test_growth_on_the_measured_spots_alone_reports_their_sum() -> None:
    second = assess(_two_scans({"P": "20", "L": "20"}, {"P": "48"}))[1]
    assert second.reason is Reason.GROWTH
    assert (second.sum_tenths, second.nadir_tenths) == (480, 400)
    assert second.missing_spots == (LIVER,)


def test_a_not_evaluable_scan_is_not_a_nadir() -> None:
    h = history(
        scan("2024-01-01", {"P": "20", "L": "20"}),
        scan("2024-02-01", {"P": "10"}),
        scan("2024-03-01", {"P": "20", "L": "20"}),
    )
    assert statuses(h) == [B, NE, SD]
    assert assess(h)[2].nadir_tenths == 400


def test_the_nadir_is_the_smallest_earlier_sum_of_the_episode() -> None:
    h = history(
        scan("2024-01-01", {"P": "40"}),
        scan("2024-02-01", {"P": "30"}),
        scan("2024-03-01", {"P": "35"}),
        scan("2024-04-01", {"P": "36"}),
    )
    assert statuses(h) == [B, SD, SD, PD]
    assert [a.nadir_tenths for a in assess(h)] == [None, 400, 300, 300]
    assert [a.nadir_date for a in assess(h)][1:] == [
        assess(h)[0].date,
        assess(h)[1].date,
        assess(h)[1].date,
    ]


def test_a_confirmed_partial_remission_stands_until_progression() -> None:
    h = history(
        scan("2024-01-01", {"P": "100"}),
        scan("2024-02-26", {"P": "70"}),
        scan("2024-03-25", {"P": "70"}),
        scan("2024-04-22", {"P": "83.9"}),
        scan("2024-06-17", {"P": "84"}),
    )
    assert statuses(h) == [B, PR, PR, PR, PD]
    assert [a.reason for a in assess(h)][1:] == [
        Reason.SHRANK,
        Reason.SHRANK,
        Reason.RESPONSE_STANDS,
        Reason.GROWTH,
    ]
    assert assess(h)[3].confirmed is True


def test_a_progression_starts_a_new_episode() -> None:
    h = history(
        scan("2024-01-01", {"P": "40"}),
        scan("2024-03-01", {"P": "50"}),
        scan("2024-05-01", {"P": "35"}),
        scan("2024-07-01", {"P": "40", "L": "10"}),
        scan("2024-09-01", {"P": "28", "L": "7"}),
    )
    assert statuses(h) == [B, PD, PR, PD, PR]
    assessments = assess(h)
    assert [a.episode for a in assessments] == [1, 2, 2, 3, 3]
    assert [a.starts_episode for a in assessments] == [True, True, False, True, False]
    assert assessments[3].new_baseline_sum_tenths == 500
    assert assessments[4].baseline_sum_tenths == 500
    assert assessments[4].tracked_spots == (BREAST, LIVER)


def test_a_scan_marked_new_baseline_is_a_starting_point() -> None:
    h = history(
        scan("2024-01-01", {"P": "100"}),
        scan("2024-03-01", {"P": "60"}),
        scan("2024-05-01", {"P": "65"}, new_baseline=True),
        scan("2024-07-01", {"P": "70"}),
    )
    # Measured against 65 mm, and with no partial remission in the new episode, 70 mm is stable.
    assert statuses(h) == [B, PR, B, SD]
    marked = assess(h)[2]
    assert (marked.reason, marked.starts_episode, marked.episode) == (
        Reason.MARKED_BASELINE,
        True,
        2,
    )
    assert assess(h)[3].baseline_sum_tenths == 650


def test_a_marked_scan_that_shows_progression_keeps_its_label() -> None:
    h = history(
        scan("2024-01-01", {"P": "40"}),
        scan("2024-05-01", {"P": "40", "L": "12"}, new_baseline=True),
    )
    assert statuses(h) == [B, PD]


UNCERTAIN = {
    "an uncertain new spot triggers nothing": (
        [
            scan("2024-01-01", {"P": "20"}),
            scan("2024-03-01", {"P": "20", "L": "12"}, uncertain="L"),
        ],
        [B, SD],
    ),
    "a later certain scan dates the progression back": (
        [
            scan("2024-01-01", {"P": "20"}),
            scan("2024-03-01", {"P": "20", "L": "12"}, uncertain="L"),
            scan("2024-05-01", {"P": "20", "L": "13"}),
        ],
        [B, PD, SD],
    ),
    "back-dating relabels every later scan from there": (
        [
            scan("2024-01-01", {"P": "40"}),
            scan("2024-03-01", {"P": "28", "L": "10"}, uncertain="L"),
            scan("2024-05-01", {"P": "28", "L": "10"}, uncertain="L"),
            scan("2024-07-01", {"P": "16", "L": "10"}),
        ],
        # Without the liver spot: B, PR, PR, PR. With it, from 1 March on: PD, SD, PR.
        [B, PD, SD, PR],
    ),
    "an uncertain spot never confirmed stays ignored": (
        [
            scan("2024-01-01", {"P": "20"}),
            scan("2024-03-01", {"P": "20", "L": "12"}, uncertain="L"),
            scan("2024-05-01", {"P": "20", "L": "0"}),
        ],
        [B, SD, SD],
    ),
}


@pytest.mark.parametrize(("scans", "expected"), UNCERTAIN.values(), ids=UNCERTAIN.keys())
def test_uncertain_spots(scans: list[Scan], expected: list[Status]) -> None:
    assert statuses(history(*scans)) == expected


def test_a_back_dated_spot_is_tracked_from_the_first_scan_that_showed_it() -> None:
    h = history(
        scan("2024-01-01", {"P": "20"}),
        scan("2024-03-01", {"P": "20", "L": "12"}, uncertain="L"),
        scan("2024-05-01", {"P": "20", "L": "13"}),
    )
    second, third = assess(h)[1:]
    assert [f.spot for f in second.new_spots] == [LIVER]
    assert third.tracked_spots == (BREAST, LIVER)
    assert third.baseline_sum_tenths == 320


def test_notes_only_scans_are_not_assessments() -> None:
    h = history(
        scan("2024-01-01", {"P": "20"}), scan("2024-02-01"), scan("2024-03-01", {"P": "20"})
    )
    assert labels(h) == [("2024-01-01", B, None, None), ("2024-03-01", SD, None, None)]


def test_a_first_scan_marked_no_evidence_of_disease_starts_in_complete_remission() -> None:
    h = history(
        scan("2023-01-02", ned=True),
        scan("2023-06-01", {"P": "0"}),
        scan("2024-01-02", {"L": "12"}),
    )
    assert labels(h) == [
        ("2023-01-02", CR, None, True),
        ("2023-06-01", CR, None, True),
        ("2024-01-02", RD, RecurrenceType.DISTANT, None),
    ]
    first = assess(h)[0]
    assert (first.reason, first.sum_tenths, first.baseline_sum_tenths) == (
        Reason.NO_EVIDENCE_MARK,
        0,
        None,
    )


def test_no_evidence_of_disease_first_and_a_new_spot_within_the_year() -> None:
    h = history(scan("2023-01-02", ned=True), scan("2023-07-02", {"P": "8"}))
    assert statuses(h) == [CR, PD]
    assert assess(h)[1].remission_days == 181


def test_a_scan_marked_no_evidence_of_disease_is_a_complete_remission() -> None:
    h = history(scan("2024-01-01", {"P": "30"}), scan("2024-03-01", {"P": "20"}, ned=True))
    assert statuses(h) == [B, CR]
    assert assess(h)[1].sum_tenths == 0


CONFIRMATION = {
    "a partial remission over 27 days is not yet confirmed": (
        [("2024-01-01", "100"), ("2024-02-01", "60"), ("2024-02-28", "60")],
        [None, False, False],
    ),
    "a partial remission over 28 days is confirmed": (
        [("2024-01-01", "100"), ("2024-02-01", "60"), ("2024-02-29", "60")],
        [None, True, True],
    ),
    "a complete remission over 27 days is not yet confirmed": (
        [("2024-01-01", "100"), ("2024-02-01", "0"), ("2024-02-28", "0")],
        [None, False, False],
    ),
    "a complete remission over 28 days is confirmed": (
        [("2024-01-01", "100"), ("2024-02-01", "0"), ("2024-02-29", "0")],
        [None, True, True],
    ),
    "a partial remission counts the complete one that follows it": (
        [("2024-01-01", "100"), ("2024-02-01", "60"), ("2024-02-29", "0")],
        [None, True, False],
    ),
    "any other label breaks a run": (
        [
            ("2024-01-01", "100"),
            ("2024-02-01", "60"),
            ("2024-02-15", "100", "marked as a new baseline"),
            ("2024-03-15", "60"),
        ],
        [None, False, None, False],
    ),
}


@pytest.mark.parametrize(("sizes", "expected"), CONFIRMATION.values(), ids=CONFIRMATION.keys())
def test_confirmation_needs_an_unbroken_run_of_28_days(
    sizes: list[tuple[str, ...]], expected: list[bool | None]
) -> None:
    scans = [scan(on, {"P": size}, new_baseline=bool(rest)) for on, size, *rest in sizes]
    assert [confirmed for *_, confirmed in labels(history(*scans))] == expected


def _after_remission(gone_on: str, found_on: str, sizes: dict[str, str]) -> CancerHistory:
    return history(
        scan("2022-11-01", {"P": "40", "N": "15"}),
        scan(gone_on, {"P": "0", "N": "5"}),
        scan(found_on, sizes),
    )


REMISSION_LENGTH = {
    "364 days without evidence is progression": ("2023-03-01", "2024-02-28", PD, None),
    "365 days without evidence is a recurrence": ("2023-03-01", "2024-02-29", RD, "local"),
}


@pytest.mark.parametrize(
    ("gone_on", "found_on", "status", "kind"),
    REMISSION_LENGTH.values(),
    ids=REMISSION_LENGTH.keys(),
)
def test_the_365_day_rule(gone_on: str, found_on: str, status: Status, kind: str | None) -> None:
    h = _after_remission(gone_on, found_on, {"P": "8"})
    found = assess(h)[2]
    assert (found.status, found.recurrence_type) == (
        status,
        None if kind is None else RecurrenceType(kind),
    )
    assert found.reason is Reason.BACK_AFTER_REMISSION
    assert [f.spot for f in found.returned_spots] == [BREAST]


RECURRENCE_TYPES = {
    "a distant spot makes it distant": ({"P": "8", "N": "12", "L": "5"}, RecurrenceType.DISTANT),
    "a regional node makes it regional": ({"P": "8", "N": "12"}, RecurrenceType.REGIONAL),
    "where it started alone is local": ({"P": "8", "N": "9.9"}, RecurrenceType.LOCAL),
    "a regional node alone is regional": ({"P": "0", "N": "10"}, RecurrenceType.REGIONAL),
    "an uncertain distant spot does not count": ({"P": "8", "U": "6"}, RecurrenceType.LOCAL),
}


@pytest.mark.parametrize(("sizes", "kind"), RECURRENCE_TYPES.values(), ids=RECURRENCE_TYPES.keys())
def test_recurrence_types_distant_then_regional_then_local(
    sizes: dict[str, str], kind: RecurrenceType
) -> None:
    doubtful = {"U"}
    h = history(
        scan("2022-11-01", {"P": "40", "N": "15"}),
        scan("2023-03-01", {"P": "0", "N": "5"}),
        scan("2024-06-03", sizes, uncertain=doubtful),
    )
    found = assess(h)[2]
    assert (found.status, found.recurrence_type) == (RD, kind)
    assert found.remission_days == 460


def test_a_node_back_at_10_mm_after_remission_is_found_again() -> None:
    h = _after_remission("2023-03-01", "2023-06-01", {"P": "0", "N": "10"})
    assert statuses(h) == [B, CR, PD]
    assert statuses(_after_remission("2023-03-01", "2023-06-01", {"P": "0", "N": "9.9"})) == [
        B,
        CR,
        CR,
    ]


def test_the_remission_clock_skips_not_evaluable_scans() -> None:
    h = history(
        scan("2022-11-01", {"P": "40", "N": "15"}),
        scan("2023-03-01", {"P": "0", "N": "5"}),
        scan("2023-09-01", {"P": "0"}),
        scan("2024-03-01", {"P": "0", "N": "5", "L": "12"}),
    )
    assert statuses(h) == [B, CR, NE, RD]
    assert assess(h)[3].remission_start == assess(h)[1].date


def test_disease_after_remission_counts_from_the_first_remission_of_the_run() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-01-01", {"P": "0"}),
        scan("2023-07-01", {"P": "0"}),
        scan("2024-01-01", {"P": "6"}),
    )
    found = assess(h)[3]
    assert (found.status, found.remission_days) == (RD, 365)


def test_changes_are_null_with_a_nadir_of_zero() -> None:
    h = history(
        scan("2024-01-01", {"P": "40", "L": "10"}),
        scan("2024-03-01", {"P": "0", "L": "0"}, ned=True),
        scan("2024-05-01", {"P": "0", "L": "0"}),
    )
    third = assess(h)[2]
    assert third.nadir_tenths == 0
    assert third.change_from_nadir_pct is None
    assert third.change_from_baseline_pct == Decimal("-100.0")


def test_percentages_round_half_up_to_one_decimal() -> None:
    # 100 × (−4.5 / 60) = −7.5 exactly, and −1 / 60 = −1.666… %.
    h = history(
        scan("2024-01-01", {"P": "60"}),
        scan("2024-02-01", {"P": "55.5"}),
        scan("2024-03-01", {"P": "59"}),
    )
    assert [a.change_from_baseline_pct for a in assess(h)] == [
        None,
        Decimal("-7.5"),
        Decimal("-1.7"),
    ]
    assert assess(h)[2].change_from_nadir_pct == Decimal("6.3")


def test_spots_of_other_kinds_are_summed_in_whole_tenths() -> None:
    h = history(scan("2024-01-01", {"P": "12.3", "N": "15.1", "L": TOO_SMALL, "U": "0"}))
    first = assess(h)[0]
    assert first.sum_tenths == 123 + 151 + 50
    assert type(first.sum_tenths) is int
    assert first.tracked_spots == (BREAST, NODE, LIVER)
    assert LUNG not in first.tracked_spots


def test_a_lymph_node_too_small_to_measure_counts_5_mm_and_is_normal_size() -> None:
    h = history(
        scan("2024-01-01", {"P": "20", "N": "15"}), scan("2024-03-01", {"P": "0", "N": TOO_SMALL})
    )
    second = assess(h)[1]
    assert (second.status, second.sum_tenths) == (CR, 50)
    assert second.too_small_spots == (NODE,)
    assert [f.spot for f in second.small_nodes] == [NODE]


def test_growth_of_a_node_under_10_mm_is_not_progression() -> None:
    h = history(
        scan("2024-01-01", {"P": "20", "N": "14"}),
        scan("2024-03-01", {"P": "10", "N": "3"}),
        scan("2024-05-01", {"P": "10", "N": "9.5"}),
    )
    third = assess(h)[2]
    # 19.5 mm is 6.5 mm and 50% above the smallest sum, 13 mm, but only the node grew.
    assert (third.sum_tenths, third.nadir_tenths) == (195, 130)
    assert (third.status, third.reason) == (PR, Reason.SHRANK)
    assert [f.spot for f in third.small_node_growth] == [NODE]


def test_an_uncertain_spot_after_complete_remission_counts_as_gone_until_confirmed() -> None:
    scans = [
        scan("2024-01-01", {"P": "40"}),
        scan("2024-03-01", {"P": "0"}),
        scan("2024-05-01", {"P": "12"}, uncertain="P"),
    ]
    doubted = assess(history(*scans))[2]
    assert (doubted.status, doubted.sum_tenths) == (CR, 120)
    assert doubted.uncertain_counted_as_gone
    assert [f.spot for f in doubted.uncertain_spots] == [BREAST]
    confirmed = assess(history(*scans, scan("2024-07-01", {"P": "14"})))
    assert [a.status for a in confirmed] == [B, CR, PD, SD]
    assert confirmed[2].returned_spots[0].confirmed_on == day("2024-07-01")
    assert confirmed[3].baseline_sum_tenths == 120


def test_dating_back_stops_where_the_spot_was_recorded_gone() -> None:
    h = history(
        scan("2024-01-01", {"P": "20"}),
        scan("2024-03-01", {"P": "20", "L": "12"}, uncertain="L"),
        scan("2024-05-01", {"P": "20", "L": "0"}, uncertain="L"),
        scan("2024-07-01", {"P": "20", "L": "12"}, uncertain="L"),
        scan("2024-09-01", {"P": "20", "L": "13"}),
    )
    assert statuses(h) == [B, SD, SD, PD, SD]


def test_a_scan_marked_no_evidence_of_disease_and_new_baseline_stays_complete_remission() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "0"}, ned=True, new_baseline=True),
        scan("2024-05-01", {"P": "0"}),
    )
    second, third = assess(h)[1:]
    assert (second.status, second.starts_episode, second.new_baseline_sum_tenths) == (
        CR,
        True,
        None,
    )
    assert (third.status, third.confirmed, third.tracked_spots) == (CR, True, ())


def test_two_different_known_recurrence_types_disagree() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2024-06-03", {"P": "0", "L": "12"}),
        statements=[said("2024-06-10", RD, "It is back.", recurrence_type=RecurrenceType.LOCAL)],
    )
    found = assess(h)[2]
    assert (found.status, found.recurrence_type) == (RD, RecurrenceType.LOCAL)
    assert found.measured_recurrence_type is RecurrenceType.DISTANT
    assert found.disagreement is not None


def test_a_notes_only_scan_never_starts_an_episode_whatever_the_doctor_said() -> None:
    h = history(
        scan("2024-01-01"),
        scan("2024-02-01", {"P": "20"}),
        statements=[said("2024-01-05", PD, "It has grown.")],
    )
    first, second = assess(h)
    assert (first.measured, first.status, first.starts_episode) == (None, PD, False)
    assert (second.status, second.episode) == (B, 1)


def test_a_first_scan_after_the_doctors_no_evidence_of_disease_with_nothing_there() -> None:
    h = history(
        scan("2023-03-01", {"N": "8"}),
        scan("2023-06-01", {"N": "12"}),
        statements=[said("2023-01-10", CR, "No evidence of disease.")],
    )
    assert statuses(h) == [CR, CR, PD]
    first = assess(h)[1]
    assert (first.reason, first.tracked_spots, first.baseline_sum_tenths) == (
        Reason.FIRST_SCAN_FOUND_NOTHING,
        (),
        None,
    )


def test_the_findings_given_as_keywords_are_the_findings_of_an_assessment() -> None:
    # ``FindingsGiven`` carries a scan's findings to its assessment: a finding added to one and
    # not the other would be lost on the way, or refused.
    fields = {field.name: field.type for field in dataclasses.fields(Findings)}
    given = FindingsGiven.__annotations__
    assert {name: getattr(kind, "__forward_arg__", kind) for name, kind in given.items()} == fields
    assert FindingsGiven.__total__ is False
