"""The sum shown for a scan and each episode's sum line (STATUS_RULES.md §7): one definition for
the tables, the plot, the explanations and the printed summary."""

from __future__ import annotations

from survivor_app.status import assess
from survivor_app.status.sums import episode_sums, new_starting_sum, sum_shown, sum_text
from tests.status.histories import SD as STABLE
from tests.status.histories import history, said, scan

GROWN = history(
    scan("2024-01-10", {"P": "40"}),
    scan("2024-04-10", {"P": "30", "L": "12"}),
    scan("2024-07-10", {"P": "28", "L": "12"}),
)


def test_a_progression_shows_the_old_sum_and_then_the_new_starting_sum() -> None:
    first, found, later = assess(GROWN)
    assert [sum_shown(a) for a in (first, found, later)] == [400, 300, 400]
    assert [new_starting_sum(a) for a in (first, found, later)] == [None, 420, None]
    assert sum_text(found) == "30 mm, then 42 mm as the new starting sum"
    assert sum_text(first) == "40 mm"


def test_each_episode_is_its_own_line_and_the_line_jumps_at_a_progression() -> None:
    lines = episode_sums(assess(GROWN))
    assert [
        [(p.assessment.date.isoformat(), p.tenths, p.starts) for p in line] for line in lines
    ] == [
        [("2024-01-10", 400, True), ("2024-04-10", 300, False)],
        [("2024-04-10", 420, True), ("2024-07-10", 400, False)],
    ]


def test_a_record_that_starts_in_remission_has_no_starting_sum_until_disease() -> None:
    h = history(
        scan("2023-01-02", ned=True),
        scan("2023-06-01", {"P": "0"}),
        scan("2024-03-01", {"L": "25"}),
    )
    assessments = assess(h)
    assert [sum_shown(a) for a in assessments] == [0, 0, 0]
    assert sum_text(assessments[2]) == "0 mm, then 25 mm as the new starting sum"
    lines = episode_sums(assessments)
    assert [[p.tenths for p in line] for line in lines] == [[0, 0], [250]]


def test_a_scan_with_a_spot_not_measured_and_a_statement_alone_show_no_sum() -> None:
    h = history(
        scan("2024-01-10", {"P": "40", "L": "20"}),
        scan("2024-04-10", {"P": "30"}),
        statements=[said("2024-09-01", STABLE)],
    )
    assessments = assess(h)
    assert [sum_shown(a) for a in assessments] == [600, None, None]
    assert [sum_text(a) for a in assessments[1:]] == ["", ""]
    assert [[p.tenths for p in line] for line in episode_sums(assessments)] == [[600]]
