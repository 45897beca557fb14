"""Earlier sizes written apart from today's: under a heading of an earlier scan, in the sentence
after today's size, or with dates that say which size is today's."""

from __future__ import annotations

import pytest

from survivor_app.reading import read_report


def _sizes(text: str) -> list[tuple[int | None, int | None, str]]:
    return [(f.size_tenths, f.prior_size_tenths, f.location) for f in read_report(text).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Prior CT (03/2024): right lower lobe nodule 11 mm. Current CT: the nodule measures 15 mm.",
        "Previous study:\nRight lower lobe nodule 11 mm.\nFindings:\nThe nodule measures 15 mm.",
        "PREVIOUS CT (2024-03-01):\nLiver lesion 11 mm.\nCURRENT CT:\nLiver lesion 15 mm.",
    ],
)
def test_a_size_under_a_heading_of_an_earlier_scan_is_the_earlier_size(text: str) -> None:
    [(today, earlier, _)] = _sizes(text)
    assert (today, earlier) == (150, 110)


def test_an_earlier_scan_s_heading_with_words_on_its_line_holds_for_that_line_only() -> None:
    text = "Comparison: CT of 3/2024.\nLiver lesion 21 mm."
    assert _sizes(text) == [(210, None, "liver")]


def test_an_earlier_size_with_no_today_s_size_to_join_stays_an_earlier_size() -> None:
    text = "Prior CT (03/2024): right lower lobe nodule 11 mm.\nLiver lesion 30 mm."
    assert _sizes(text) == [(None, 110, "right lower lobe"), (300, None, "liver")]


@pytest.mark.parametrize(
    ("text", "today", "earlier"),
    [
        ("The lesion measures 15 mm. On the prior study of 01/2024 it measured 11 mm.", 150, 110),
        (
            "A lesion in the right lobe of the liver, measuring 23 mm. Compared to the previous "
            "examination, it has grown from 17 mm.",
            230,
            170,
        ),
    ],
)
def test_an_earlier_size_in_the_next_sentence_joins_today_s(
    text: str, today: int, earlier: int
) -> None:
    [finding] = read_report(text).findings
    assert (finding.size_tenths, finding.prior_size_tenths) == (today, earlier)


def test_an_earlier_size_of_another_place_in_the_next_sentence_stays_apart() -> None:
    text = "Liver lesion 21 mm. Lung nodule previously 7 mm."
    assert _sizes(text) == [(210, None, "liver"), (None, 70, "lung")]


def test_the_second_size_of_a_list_is_the_same_kind_of_thing_as_the_first() -> None:
    text = "Two nodules measuring 5 mm and 7 mm in the right lung."
    found = read_report(text).findings
    assert [(f.size_tenths, f.lymph_node) for f in found] == [(50, False), (70, False)]


@pytest.mark.parametrize(
    "text",
    [
        "Liver lesion, 15 mm on 2/3/2025 and 11 mm on 5/6/2024.",
        "Liver lesion, 11 mm on 5/6/2024 and 15 mm on 2/3/2025.",
        "Liver lesion 15 mm in March 2025 and 11 mm in 2024.",
    ],
)
def test_of_two_dated_sizes_the_later_date_s_is_today_s(text: str) -> None:
    assert _sizes(text) == [(150, 110, "liver")]


@pytest.mark.parametrize(
    "text",
    [
        "Liver lesion, 15 mm on 3/4/2025 and 11 mm on 4/3/2025.",  # day and month may swap
        "Liver lesion 15 mm in 2025 and 11 mm in March 2025.",  # a year against its month
    ],
)
def test_dated_sizes_whose_dates_cannot_be_ordered_give_no_size(text: str) -> None:
    assert all(f.size_tenths is None for f in read_report(text).findings)
