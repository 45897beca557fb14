"""The rules for spots without a size (STATUS_RULES.md version 2: §1, §3, rules 2-7 of §4, §5):
a state instead of a size, never part of a sum, yet they decide complete remission, growth, new
spots and where a cancer came back."""

from __future__ import annotations

import pytest

from survivor_app.domain import Area, RecurrenceType, Spot, SpotState, Status
from survivor_app.status import Reason, assess
from tests.shared_files import EXAMPLES, expected_labels
from tests.status.histories import (
    BONES,
    CR,
    FLUID,
    LIVER,
    NE,
    NODE,
    PD,
    PR,
    RD,
    SD,
    WITH_BONES,
    B,
    day,
    history,
    labels,
    said,
    scan,
)

CASES = {
    # Rule 6: every tracked spot gone, the ones without a size too.
    "sized and without a size gone": ({"L": "40", "S": "present"}, {"L": "0", "S": "gone"}, CR),
    # Rule 7: the sized spot is gone, the bone spots remain, or were not looked at.
    "bone spots remain": ({"L": "40", "S": "present"}, {"L": "0", "S": "present"}, PR),
    "bone spots not looked at": ({"L": "40", "S": "present"}, {"L": "0"}, PR),
    "bone spots uncertain": ({"L": "40", "S": "present"}, {"L": "0", "S": "present?"}, PR),
    "node back to normal, bones remain": (
        {"N": "20", "S": "present"},
        {"N": "9", "S": "present"},
        PR,
    ),
    # Rule 4: the report says the bone spots clearly grew, whatever the sizes do.
    "bone spots growing": ({"L": "40", "S": "present"}, {"L": "30", "S": "growing"}, PD),
    "bone spots growing while the liver spot is gone": (
        {"L": "40", "S": "present"},
        {"L": "0", "S": "growing"},
        PD,
    ),
    # An uncertain growth triggers nothing.
    "uncertain growth": ({"L": "40", "S": "present"}, {"L": "40", "S": "growing?"}, SD),
    # Rule 5 looks at sized spots only: bone spots not looked at never make "not evaluable".
    "bone spots not looked at, liver measured": ({"L": "40", "S": "present"}, {"L": "38"}, SD),
    "liver not measured": ({"L": "40", "S": "present"}, {"S": "present"}, NE),
    # Rule 2: a spot without a size not tracked that is present (certain) is a new spot.
    "new bone spots": ({"L": "40"}, {"L": "30", "S": "present"}, PD),
    "new bone spots, growing": ({"L": "40"}, {"L": "30", "S": "growing"}, PD),
    "new bone spots, uncertain": ({"L": "40"}, {"L": "30", "S": "present?"}, SD),
    "new bone spots gone": ({"L": "40"}, {"L": "30", "S": "gone"}, SD),
    # Only spots without a size tracked: no sum, so no shrinking; gone is complete remission.
    "only bone spots, still there": ({"S": "present"}, {"S": "present"}, SD),
    "only bone spots, gone": ({"S": "present"}, {"S": "gone"}, CR),
    "only bone spots, growing": ({"S": "present"}, {"S": "growing"}, PD),
    "only bone spots, not looked at": ({"S": "present"}, {"F": "gone"}, SD),
    # Rule 7 needs a sized spot above normal at the starting point; rule 8 may still apply.
    "small node shrinks, bones remain": (
        {"N": "8", "S": "present"},
        {"N": "5", "S": "present"},
        PR,
    ),
    "small node the same, bones remain": (
        {"N": "8", "S": "present"},
        {"N": "8", "S": "present"},
        SD,
    ),
    # Rule 8 before rule 7 is never needed: a sized spot still there is not rule 7.
    "shrank by a third, bones remain": (
        {"L": "40", "S": "present"},
        {"L": "20", "S": "present"},
        PR,
    ),
}


def _uncertain(sizes: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Sizes written with a trailing "?" for an uncertain entry, split into sizes and doubts."""
    return {k: v.rstrip("?") for k, v in sizes.items()}, [k for k, v in sizes.items() if "?" in v]


@pytest.mark.parametrize(("first", "second", "expected"), CASES.values(), ids=list(CASES))
def test_one_scan_against_the_starting_point(
    first: dict[str, str], second: dict[str, str], expected: Status
) -> None:
    sizes, doubted = _uncertain(second)
    h = history(
        scan("2024-01-01", first), scan("2024-04-01", sizes, uncertain=doubted), spots=WITH_BONES
    )
    assert [a.status for a in assess(h)] == [B, expected]


def test_sums_count_sized_spots_only() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present", "F": "present"}),
        scan("2024-04-01", {"L": "0", "S": "present", "F": "gone"}),
        spots=WITH_BONES,
    )
    first, second = assess(h)
    assert first.tracked_spots == (LIVER, BONES, FLUID)
    assert (first.sum_tenths, first.new_baseline_sum_tenths) == (400, 400)
    assert (second.sum_tenths, second.baseline_sum_tenths) == (0, 400)
    assert (second.status, second.reason) == (PR, Reason.UNSIZED_REMAIN)
    assert [(f.spot, f.state) for f in second.remaining_spots] == [(BONES, SpotState.PRESENT)]
    assert [(f.spot, f.state) for f in second.unsized_spots] == [
        (BONES, SpotState.PRESENT),
        (FLUID, SpotState.GONE),
    ]


def test_a_spot_without_a_size_not_looked_at_is_named_as_such() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present"}),
        scan("2024-04-01", {"L": "0"}),
        spots=WITH_BONES,
    )
    second = assess(h)[1]
    assert [(f.spot, f.state) for f in second.remaining_spots] == [(BONES, None)]


def test_growth_by_state_starts_a_new_episode_without_a_sum() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present"}),
        scan("2024-04-01", {"L": "0", "S": "growing"}),
        scan("2024-07-01", {"L": "0", "S": "present"}),
        spots=WITH_BONES,
    )
    _, grew, after = assess(h)
    assert (grew.status, grew.reason, grew.starts_episode) == (PD, Reason.UNSIZED_GREW, True)
    assert [f.spot for f in grew.growing_spots] == [BONES]
    assert grew.new_baseline_sum_tenths == 0
    assert after.tracked_spots == (BONES,)
    assert (after.status, after.reason) == (SD, Reason.NO_BIG_CHANGE)


def test_growth_by_the_sum_names_growing_spots_without_a_size_too() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present"}),
        scan("2024-04-01", {"L": "50", "S": "growing"}),
        spots=WITH_BONES,
    )
    grew = assess(h)[1]
    assert (grew.status, grew.reason) == (PD, Reason.GROWTH)
    assert [f.spot for f in grew.growing_spots] == [BONES]


def test_bone_spots_found_again_after_a_year_are_a_distant_recurrence() -> None:
    h = history(
        scan("2022-01-01", {"P": "30", "S": "present"}),
        scan("2022-03-01", {"P": "0", "S": "gone"}),
        scan("2023-06-01", {"P": "0", "S": "present"}),
        spots=WITH_BONES,
    )
    assert labels(h)[1:] == [
        ("2022-03-01", CR, None, False),
        ("2023-06-01", RD, RecurrenceType.DISTANT, None),
    ]
    found = assess(h)[2]
    assert found.reason is Reason.BACK_AFTER_REMISSION
    assert [f.spot for f in found.returned_spots] == [BONES]


def test_fluid_near_the_lung_found_after_a_year_is_regional() -> None:
    h = history(
        scan("2022-01-01", {"P": "30"}),
        scan("2022-03-01", {"P": "0"}),
        scan("2023-06-01", {"P": "0", "F": "present"}),
        spots=WITH_BONES,
    )
    last = assess(h)[2]
    assert (last.status, last.recurrence_type, last.reason) == (
        RD,
        RecurrenceType.REGIONAL,
        Reason.NEW_SPOT,
    )


def test_after_a_complete_remission_uncertain_bone_spots_count_as_gone() -> None:
    h = history(
        scan("2022-01-01", {"P": "30", "S": "present"}),
        scan("2022-03-01", {"P": "0", "S": "gone"}),
        scan("2022-06-01", {"P": "0", "S": "present"}, uncertain=["S"]),
        spots=WITH_BONES,
    )
    third = assess(h)[2]
    assert (third.status, third.uncertain_counted_as_gone) == (CR, True)
    assert [(f.spot, f.state) for f in third.uncertain_spots] == [(BONES, SpotState.PRESENT)]


def test_uncertain_bone_spots_confirmed_later_are_dated_back() -> None:
    h = history(
        scan("2022-01-01", {"P": "30", "S": "present"}),
        scan("2022-03-01", {"P": "0", "S": "gone"}),
        scan("2022-06-01", {"P": "0", "S": "present"}, uncertain=["S"]),
        scan("2022-09-01", {"P": "0", "S": "present"}),
        spots=WITH_BONES,
    )
    assert [status for _, status, _, _ in labels(h)] == [B, CR, PD, SD]
    found = assess(h)[2]
    assert [(f.spot, f.confirmed_on) for f in found.returned_spots] == [(BONES, day("2022-09-01"))]


def test_after_a_complete_remission_bone_spots_not_looked_at_make_it_partial() -> None:
    h = history(
        scan("2022-01-01", {"P": "30", "S": "present"}),
        scan("2022-03-01", {"P": "0", "S": "gone"}),
        scan("2022-06-01", {"P": "0"}),
        spots=WITH_BONES,
    )
    third = assess(h)[2]
    assert (third.status, third.reason) == (PR, Reason.UNSIZED_REMAIN)
    assert [(f.spot, f.state) for f in third.remaining_spots] == [(BONES, None)]


def test_a_first_scan_after_the_doctors_remission_with_bone_spots_is_disease() -> None:
    h = history(
        scan("2023-03-01", {"S": "present"}),
        statements=[said("2022-01-10", Status.COMPLETE_REMISSION, "No evidence of disease.")],
        spots=WITH_BONES,
    )
    assert labels(h)[1] == ("2023-03-01", RD, RecurrenceType.DISTANT, None)
    first = assess(h)[1]
    assert (first.starts_episode, first.new_baseline_sum_tenths) == (True, 0)


def test_a_first_scan_after_the_doctors_remission_with_bone_spots_gone_is_remission() -> None:
    h = history(
        scan("2022-06-01", {"S": "gone"}),
        statements=[said("2022-01-10", Status.COMPLETE_REMISSION, "No evidence of disease.")],
        spots=WITH_BONES,
    )
    assert [status for _, status, _, _ in labels(h)] == [CR, CR]
    assert assess(h)[1].tracked_spots == ()


def test_a_starting_point_with_bone_spots_only_tracks_them() -> None:
    h = history(
        scan("2024-01-01", {"S": "present", "F": "gone", "N": "8"}),
        spots=WITH_BONES,
    )
    (first,) = assess(h)
    assert (first.tracked_spots, first.sum_tenths) == ((NODE, BONES), 80)
    assert [(f.spot, f.state) for f in first.unsized_spots] == [(BONES, SpotState.PRESENT)]


def test_the_example_with_bone_spots_built_from_domain_objects_gets_its_labels() -> None:
    """``bone-spots-without-a-size`` as domain objects: the rules alone, without the importer
    (``tests/test_examples.py`` reads the file itself), give its expected labels."""
    spots = (
        Spot("K", "c1", "Liver spot", Area.DISTANT, lymph_node=False, location="liver"),
        Spot("S", "c1", "Bone spots", Area.DISTANT, lymph_node=False, sized=False),
    )
    h = history(
        scan("2025-01-10", {"K": "45", "S": "present"}),
        scan("2025-04-10", {"K": "0", "S": "present"}),
        scan("2025-07-10", {"K": "0", "S": "present"}),
        scan("2025-10-09", {"K": "0", "S": "growing"}),
        spots=spots,
    )
    expected = expected_labels(EXAMPLES / "bone-spots-without-a-size.record.json")["c1"]
    assert [
        {
            "date": on,
            "status": status.value,
            "recurrence_type": kind,
            "confirmed": confirmed,
        }
        for on, status, kind, confirmed in labels(h)
    ] == expected


def test_a_marked_starting_point_keeps_no_spot_for_rule_7() -> None:
    h = history(
        scan("2024-01-01", {"L": "40", "S": "present"}),
        scan("2024-04-01", {"L": "0", "S": "present"}, new_baseline=True),
        spots=WITH_BONES,
    )
    marked = assess(h)[1]
    assert (marked.status, marked.reason, marked.remaining_spots) == (
        B,
        Reason.MARKED_BASELINE,
        (),
    )
    assert [f.spot for f in marked.unsized_spots] == [BONES]
