"""The timeline's height on paper: the lane of spots without a size and the markers' panel get
room of their own where the page has it, so the sizes are not squeezed by them, and each cancer
still takes one page on A4 and on Letter."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication

from survivor_app.report import sections
from survivor_app.report.content import CancerSummary, build_summaries
from survivor_app.report.paper import Paper
from survivor_app.report.render import summary_pdf
from tests.report.pdfs import pages
from tests.report.test_markers_on_paper import TODAY, with_markers


def printed_heights(monkeypatch: pytest.MonkeyPatch, paper: Paper) -> tuple[int, list[float]]:
    """The pages of the example with markers on ``paper``, and the height in points of the
    sizes' axes of each timeline drawn on them, in order."""
    heights: list[float] = []
    made = sections.timeline_figure

    def recorded(summary: CancerSummary, width: float, height: float) -> Figure:
        figure = made(summary, width, height)
        # Laid out as it is saved; at 72 dots an inch a pixel is a point.
        FigureCanvasAgg(figure).draw()
        heights.append(figure.axes[0].get_window_extent().height)
        return figure

    monkeypatch.setattr(sections, "timeline_figure", recorded)
    summaries = build_summaries(with_markers(), today=TODAY)
    return len(pages(summary_pdf(summaries, paper))), heights


@pytest.mark.parametrize("paper", list(Paper))
def test_the_lane_and_the_markers_panel_get_room_of_their_own_on_one_page(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, paper: Paper
) -> None:
    count, (breast, _) = printed_heights(monkeypatch, paper)
    assert count == 2
    # The breast cancer's page has the lane and the panel: its sizes had about 0.6 inch on A4
    # when they shared the figure's least height; Letter is shorter and has less to give.
    assert breast >= (72 if paper is Paper.A4 else 50)
