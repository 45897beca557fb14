"""A cancer's markers in words for the places that show them: beside the plot, in one period's
details, and one compact line for the printed summary (STATUS_RULES.md §9)."""

from __future__ import annotations

import datetime as dt

from survivor_app.domain import MarkerKind
from survivor_app.domain.words import MARKERS_NEVER_DECIDE
from survivor_app.status import marker_line, marker_sentences, period_marker_sentences
from tests.status.marker_results import result, results

CEA, PSA, CA_15_3 = MarkerKind.CEA, MarkerKind.PSA, MarkerKind.CA_15_3

CEA_SERIES = (
    result("2024-06-05", "2.1", upper="3.0"),
    result("2024-12-02", "2.9", upper="3.0"),
    result("2025-03-03", "4.1", upper="3.0"),
)
CA_15_3_SERIES = results(CA_15_3, ("2024-06-05", "40"), ("2025-03-03", "22"))


def test_no_results_say_nothing() -> None:
    assert marker_sentences(()) == ()
    assert period_marker_sentences((), dt.date(2024, 1, 1), None) == ()
    assert marker_line(()) == ""


def test_beside_the_plot_the_rule_first_then_each_marker() -> None:
    said = marker_sentences((*CA_15_3_SERIES, *CEA_SERIES))
    assert said == (
        MARKERS_NEVER_DECIDE,
        "Your CEA was 4.1 ng/mL on 3 March 2025, up from 2.9 ng/mL on 2 December 2024 and from "
        "its lowest, 2.1 ng/mL on 5 June 2024.",
        "That is above 3.0 ng/mL, the lab’s upper limit of normal (the highest it counts as "
        "usual).",
        "Your CA 15-3 was 22 U/mL on 3 March 2025, down from 40 U/mL on 5 June 2024.",
        "This is its lowest result so far.",
    )
    assert sum("label" in sentence for sentence in said) == 1


def test_a_period_tells_its_own_results_as_they_read_then() -> None:
    said = period_marker_sentences(CEA_SERIES, dt.date(2024, 6, 1), dt.date(2025, 3, 3))
    assert said == (
        MARKERS_NEVER_DECIDE,
        "This period has 2 CEA results, from 5 June 2024 to 2 December 2024.",
        "Your CEA was 2.9 ng/mL on 2 December 2024, up from its lowest, 2.1 ng/mL on 5 June 2024.",
    )


def test_a_period_that_goes_on_takes_every_later_result() -> None:
    said = period_marker_sentences(CEA_SERIES, dt.date(2025, 3, 3), None)
    assert said[1] == "This period has 1 CEA result."
    assert said[2].startswith("Your CEA was 4.1 ng/mL on 3 March 2025, up from 2.9 ng/mL")
    assert period_marker_sentences(CEA_SERIES, dt.date(2025, 3, 4), None) == ()


def test_the_compact_line_of_the_printed_summary() -> None:
    psa = results(
        PSA,
        ("2024-01-01", "1.0"),
        ("2024-04-01", "1.5"),
        ("2024-07-01", "2.0"),
        ("2024-10-01", "4.0"),
    )
    assert marker_line((*CEA_SERIES, *CA_15_3_SERIES, *psa)) == (
        "CEA 4.1 ng/mL (3 Mar 2025), up, above the lab’s upper limit; "
        "PSA 4.0 ng/mL (1 Oct 2024), up, doubling in about 4.7 months; "
        "CA 15-3 22 U/mL (3 Mar 2025), down"
    )


def test_the_compact_line_of_a_first_result_and_one_below_the_limit() -> None:
    below = results(PSA, ("2024-01-01", "0.3"), ("2024-04-01", "<0.1"))
    assert marker_line((result("2025-03-03", "4.1"), *below)) == (
        "CEA 4.1 ng/mL (3 Mar 2025), first result; PSA <0.1 ng/mL (1 Apr 2024), down"
    )
