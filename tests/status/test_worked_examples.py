"""The worked examples of STATUS_RULES.md §10, built from domain objects."""

from __future__ import annotations

from decimal import Decimal

from survivor_app.domain import RecurrenceType, Status
from survivor_app.status import Reason, assess
from tests.status.histories import (
    BONES,
    CR,
    NE,
    PD,
    PR,
    RD,
    SD,
    WITH_BONES,
    B,
    history,
    labels,
    said,
    scan,
)


def test_a_partial_remission_confirmed_by_the_next_scan() -> None:
    h = history(
        scan("2024-01-01", {"L": "165"}),
        scan("2024-02-26", {"L": "63"}),
        scan("2024-04-22", {"L": "65"}),
    )
    assert labels(h) == [
        ("2024-01-01", B, None, None),
        ("2024-02-26", PR, None, True),
        ("2024-04-22", PR, None, True),
    ]


def test_a_partial_remission_stands_until_progression() -> None:
    h = history(
        scan("2024-01-01", {"L": "100"}),
        scan("2024-02-26", {"L": "70"}),
        scan("2024-04-22", {"L": "70"}),
        scan("2024-06-17", {"L": "80"}),
        scan("2024-08-12", {"L": "80"}),
    )
    assert labels(h) == [("2024-01-01", B, None, None)] + [
        (on, PR, None, True) for on in ("2024-02-26", "2024-04-22", "2024-06-17", "2024-08-12")
    ]
    assert [a.reason for a in assess(h)][3:] == [Reason.RESPONSE_STANDS] * 2


def test_a_partial_remission_needs_a_second_look() -> None:
    h = history(
        scan("2024-01-01", {"L": "100"}),
        scan("2024-02-26", {"L": "65"}),
        scan("2024-03-25", {"L": "71"}),
        scan("2024-05-20", {"L": "72"}),
    )
    assert labels(h) == [
        ("2024-01-01", B, None, None),
        ("2024-02-26", PR, None, False),
        ("2024-03-25", SD, None, None),
        ("2024-05-20", SD, None, None),
    ]


def test_exact_thresholds_in_tenths() -> None:
    h = history(
        scan("2022-06-01", {"P": "10", "L": "10", "U": "10"}),
        scan("2022-09-01", {"P": "8", "L": "8", "U": "8"}),
        scan("2022-12-01", {"P": "7", "L": "7", "U": "7"}),
        scan("2023-03-01", {"P": "8", "L": "8", "U": "9.2"}),
        scan("2023-06-01", {"P": "8", "L": "8", "U": "10"}),
    )
    assert [(status, confirmed) for _, status, _, confirmed in labels(h)] == [
        (B, None),
        (SD, None),
        (PR, False),
        (SD, None),
        (PD, None),
    ]
    changes = [(a.change_from_baseline_pct, a.change_from_nadir_pct) for a in assess(h)]
    assert changes[1] == (Decimal("-20.0"), Decimal("-20.0"))
    assert changes[2][0] == Decimal("-30.0")
    assert changes[3][1] == Decimal("20.0")
    assert changes[4][1] == Decimal("23.8")
    last = assess(h)[4]
    assert (last.sum_tenths, last.nadir_tenths) == (260, 210)


def test_not_enough_information_inside_a_remission_run_neither_breaks_nor_extends_it() -> None:
    h = history(
        scan("2024-01-01", {"P": "30", "L": "20"}),
        scan("2024-03-01", {"P": "18", "L": "12"}),
        scan("2024-03-15", {"P": "18"}),
        scan("2024-04-05", {"P": "18", "L": "12"}),
    )
    assert labels(h) == [
        ("2024-01-01", B, None, None),
        ("2024-03-01", PR, None, True),
        ("2024-03-15", NE, None, None),
        ("2024-04-05", PR, None, True),
    ]


def test_complete_remission_with_a_small_node() -> None:
    h = history(
        scan("2026-01-01", {"L": "50", "N": "20"}), scan("2026-02-01", {"L": "0", "N": "9"})
    )
    assert labels(h) == [("2026-01-01", B, None, None), ("2026-02-01", CR, None, False)]
    assert [f.size_tenths for f in assess(h)[1].small_nodes] == [90]


def test_a_node_that_stays_under_10_mm_does_not_grow_into_progression() -> None:
    h = history(
        scan("2026-01-01", {"N": "14"}),
        scan("2026-03-01", {"N": "3"}),
        scan("2026-05-01", {"N": "9.5"}),
    )
    assert [status for _, status, _, _ in labels(h)] == [B, CR, CR]


def test_the_sized_spot_is_gone_but_the_bone_spots_remain() -> None:
    h = history(
        scan("2025-01-10", {"L": "40", "S": "present"}),
        scan("2025-04-10", {"L": "0", "S": "present"}),
        spots=WITH_BONES,
    )
    assert labels(h) == [("2025-01-10", B, None, None), ("2025-04-10", PR, None, False)]
    second = assess(h)[1]
    assert second.reason is Reason.UNSIZED_REMAIN
    assert [f.spot for f in second.remaining_spots] == [BONES]


def test_the_report_says_the_bone_spots_clearly_grew() -> None:
    h = history(
        scan("2025-01-10", {"L": "40", "S": "present"}),
        scan("2025-04-10", {"L": "30", "S": "growing"}),
        spots=WITH_BONES,
    )
    assert labels(h) == [("2025-01-10", B, None, None), ("2025-04-10", PD, None, None)]
    assert assess(h)[1].reason is Reason.UNSIZED_GREW


def test_distant_recurrence_after_fifteen_months() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2023-09-01", {"P": "0"}),
        scan("2024-06-03", {"P": "0", "L": "12"}),
    )
    assert labels(h) == [
        ("2022-11-01", B, None, None),
        ("2023-03-01", CR, None, True),
        ("2023-09-01", CR, None, True),
        ("2024-06-03", RD, RecurrenceType.DISTANT, None),
    ]
    assert assess(h)[3].remission_days == 460


def test_back_within_a_year_is_progression() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2023-10-02", {"P": "8"}),
    )
    assert labels(h) == [
        ("2022-11-01", B, None, None),
        ("2023-03-01", CR, None, False),
        ("2023-10-02", PD, None, None),
    ]
    assert assess(h)[2].remission_days == 215


def test_a_record_that_starts_with_the_doctors_no_evidence_of_disease() -> None:
    h = history(
        scan("2023-03-01", {"P": "15"}),
        statements=[said("2022-01-10", Status.COMPLETE_REMISSION, "No evidence of disease.")],
    )
    assert labels(h) == [
        ("2022-01-10", CR, None, False),
        ("2023-03-01", RD, RecurrenceType.LOCAL, None),
    ]
    found = assess(h)[1]
    assert found.reason is Reason.FIRST_SCAN_FOUND_DISEASE
    assert (found.starts_episode, found.new_baseline_sum_tenths, found.remission_days) == (
        True,
        150,
        415,
    )
