"""The spots without a size on the printed summary: under the latest scan's sizes, each with its
latest state (and its date when an earlier scan said it), and the timeline with their lane."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from survivor_app.domain import SpotState
from survivor_app.report.content import SizeRow, build_summaries
from survivor_app.report.paper import Paper
from survivor_app.report.render import summary_pdf
from survivor_app.report.spots import StateRow
from tests.plot.unsized import BONE, FLUID, sized_only, with_states
from tests.report.pdfs import Page, pages
from tests.report.records import demo_record

TODAY = dt.date(2026, 7, 1)
WHERE = "Elsewhere in the body"

# The example's breast cancer: its latest scan, sc12 (22 June 2026), finds the liver spot gone; sc11
# was on 16 March 2026; sc6 (22 July 2024) was marked "no evidence of disease".
RECORD = with_states(
    sized_only(demo_record()),
    {
        BONE: {"sc7": SpotState.PRESENT, "sc11": (SpotState.GROWING, True)},
        FLUID: {"sc4": SpotState.PRESENT},
    },
)


def test_each_spot_without_a_size_is_listed_with_its_latest_state_under_the_sizes() -> None:
    (breast,) = build_summaries(RECORD, "c1", today=TODAY)
    assert breast.latest_scan is not None
    assert breast.latest_scan.sizes.rows == (SizeRow("Liver spot", "liver, right side", "Gone"),)
    assert breast.unsized.rows == (
        StateRow(
            "Several small bone spots in the spine (no size given)",
            WHERE,
            "Clearly growing, 16 Mar 2026 (uncertain)",
        ),
        # Left out of the later scans marked "no evidence of disease", which found none.
        StateRow(
            "Fluid around the lung (no size given)",
            WHERE,
            "Gone, 22 Jul 2024 (no evidence of disease)",
        ),
    )
    assert breast.unsized.left_out == ""


def test_a_state_the_latest_scan_gave_needs_no_date() -> None:
    record = with_states(
        sized_only(demo_record()), {BONE: {"sc7": SpotState.PRESENT, "sc12": SpotState.GONE}}
    )
    (breast,) = build_summaries(record, "c1", today=TODAY)
    assert [row.state for row in breast.unsized.rows] == ["Gone"]
    (lung,) = build_summaries(record, "c2", today=TODAY)
    assert lung.unsized.rows == ()


def test_the_pages_list_them_and_the_timeline_shows_their_lane(qapp: QApplication) -> None:
    breast = " ".join(page.text for page in summary_pages("c1"))
    for words in (
        "Several small bone spots in the spine (no size given), Elsewhere in the body",
        "Clearly growing, 16 Mar 2026 (uncertain)",
        # The lane's rows and the legend's shapes.
        "Several small bone spot…",
        "Fluid around the lung",
        "Without a size: clearly growing",
        "Without a size: gone",
    ):
        assert words in breast, words
    lung = " ".join(page.text for page in summary_pages("c2"))
    assert "no size given" not in lung
    assert "Without a size" not in lung


def summary_pages(cancer_id: str) -> list[Page]:
    return pages(summary_pdf(build_summaries(RECORD, cancer_id, today=TODAY), Paper.A4))
