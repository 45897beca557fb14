"""The heights of the timeline's rows on a small figure (a small screen, large text): each row of
the strip and of the lane at least a line of its text high, the sizes the rest, and the lane left
out where even that leaves the sizes no room; a figure with room keeps the usual shares."""

from __future__ import annotations

import dataclasses

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from survivor_app.plot.heights import row_heights
from survivor_app.plot.style import PRINT_STYLE
from survivor_app.plot.timeline import Timeline, draw_timeline, update_timeline
from survivor_app.status import analyse
from tests.plot.test_unsized_lane import HISTORY

# The window's plot at 1.5 times on a 1024x600 screen: large text on a low figure.
SCREEN = dataclasses.replace(
    PRINT_STYLE,
    font_points=9.0,
    legend_beside=False,
    most_markers=None,
    marker_panel=False,
    legend_bands=False,
)


def drawn(width: float, height: float) -> tuple[Figure, Timeline]:
    figure = Figure(figsize=(width, height), dpi=108, layout="constrained")
    FigureCanvasAgg(figure)
    timeline = draw_timeline(figure, HISTORY, analyse(HISTORY), SCREEN)
    figure.canvas.draw()
    return figure, timeline


def line_pixels(figure: Figure, timeline: Timeline) -> float:
    """The height of the strip's row labels, in pixels: a line of their text."""
    assert timeline.strip is not None
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = [t for t in timeline.strip.get_yticklabels() if t.get_text()]
    return max(t.get_window_extent(renderer).height for t in labels)


@pytest.mark.parametrize("height", [1.8, 2.2, 2.6, 3.0])
def test_each_row_of_the_strip_is_at_least_a_line_high_and_its_names_do_not_overlap(
    height: float,
) -> None:
    figure, timeline = drawn(5.0, height)
    strip = timeline.strip
    assert strip is not None
    line = line_pixels(figure, timeline)
    low, high = strip.get_ylim()
    assert strip.get_window_extent().height / (high - low) >= line
    boxes = [t.get_window_extent() for t in strip.get_yticklabels() if t.get_text()]
    assert len(boxes) == 2
    assert not boxes[0].overlaps(boxes[1])


def test_a_kept_lane_has_a_line_for_each_of_its_rows_and_the_sizes_the_most_room() -> None:
    figure, timeline = drawn(5.0, 3.0)
    assert timeline.lane is not None
    assert timeline.sizes is not None
    assert timeline.strip is not None
    lane = timeline.lane.axes
    rows = len(timeline.lane.spots)
    assert lane.get_window_extent().height / rows >= line_pixels(figure, timeline)
    sizes = timeline.sizes.get_window_extent().height
    assert sizes > lane.get_window_extent().height
    assert sizes > timeline.strip.get_window_extent().height


def test_a_figure_too_low_for_the_lane_leaves_it_out_and_keeps_the_strip_readable() -> None:
    figure, timeline = drawn(5.0, 1.8)
    assert timeline.lane is None
    assert figure.axes == [timeline.sizes, timeline.strip]
    # Drawn again in place on the same figure, the lane stays out.
    assert update_timeline(figure, timeline, HISTORY, analyse(HISTORY), SCREEN)
    assert timeline.lane is None


def test_a_figure_with_room_keeps_the_usual_shares() -> None:
    heights = row_heights(72 * 6, rows=3, lane_rows=2, markers=True, style=PRINT_STYLE)
    assert heights.lane
    assert heights.ratios == pytest.approx((6, 0.25 + 0.55 * 2, 2.2, 0.9 + 0.6 * 3))
    _, timeline = drawn(7.3, 6.0)
    assert timeline.lane is not None
    assert timeline.sizes is not None
    spec = timeline.sizes.get_subplotspec()
    assert spec is not None
    assert list(spec.get_gridspec().get_height_ratios()) == pytest.approx(
        [6, 0.25 + 0.55 * 2, 0.9 + 0.6 * 2]
    )
