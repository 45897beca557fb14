"""The lane of the spots without a size: a row under the sizes for each, a mark per scan whose
shape says the state in black and white, named in the legend; no lane when there is no such spot."""

from __future__ import annotations

import dataclasses
import datetime as dt

from matplotlib.colors import to_rgba
from matplotlib.dates import num2date
from matplotlib.figure import Figure

from survivor_app.domain import CancerHistory, SpotState
from survivor_app.plot.style import PRINT_STYLE
from survivor_app.plot.timeline import Timeline, draw_timeline
from survivor_app.plot.unsized_marks import lane_marks, lane_spots
from survivor_app.status import analyse
from tests.plot.contrast import contrast_ratio, drawn_colours
from tests.plot.unsized import BONE, FLUID, sized_only, with_states
from tests.report.records import demo_record

PRESENT, GONE, GROWING = SpotState.PRESENT, SpotState.GONE, SpotState.GROWING

# The example's breast cancer without its own spots without a size: sc1 to sc4 in 2022 and 2023,
# sc5 and sc6 marked "no evidence of disease", sc7 (March 2025) finds the liver spot.
SIZED = sized_only(demo_record().history("c1"))
HISTORY = with_states(
    SIZED,
    {
        BONE: {"sc1": PRESENT, "sc3": (PRESENT, True), "sc4": GONE, "sc7": GROWING},
        FLUID: {"sc2": PRESENT, "sc4": PRESENT},
    },
)


def drawn(history: CancerHistory = HISTORY) -> tuple[Figure, Timeline]:
    figure = Figure(figsize=(7.3, 3.2), dpi=72, layout="constrained")
    timeline = draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    return figure, timeline


def marks_of(timeline: Timeline) -> dict[str, list[tuple[str, float]]]:
    """Each line of the lane, by its label: the (date, row) of its marks."""
    assert timeline.lane is not None
    found = {}
    for line in timeline.lane.axes.get_lines():
        xs, ys = line.get_data()
        dates = [num2date(x).date().isoformat() for x in xs]  # type: ignore[no-untyped-call]
        found[str(line.get_label())] = list(zip(dates, map(float, ys), strict=True))
    return found


def test_each_spot_without_a_size_has_its_row_between_the_sizes_and_the_strip() -> None:
    figure, timeline = drawn()
    assert timeline.lane is not None
    sizes, strip, lane = timeline.sizes, timeline.strip, timeline.lane.axes
    assert sizes is not None
    assert strip is not None
    # The strip stays the figure's second axes.
    assert figure.axes[:2] == [sizes, strip]
    assert lane in figure.axes
    names = [label.get_text() for label in lane.get_yticklabels()]
    assert names == ["Several small bone spot…", "Fluid around the lung"]
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    below_sizes = sizes.get_position().y0
    above_strip = strip.get_position().y1
    assert above_strip < lane.get_position().y0 < lane.get_position().y1 < below_sizes
    # The same dates as the sizes and the strip, and the first spot on the top row.
    assert lane.get_xlim() == sizes.get_xlim()
    bottom, top = lane.get_ylim()
    assert (top, bottom) == (-0.5, 1.5)


def test_a_mark_per_scan_that_said_something_and_nothing_where_it_was_not_looked_at() -> None:
    _, timeline = drawn()
    assert marks_of(timeline) == {
        "Without a size: present": [
            ("2022-09-20", 0.0),
            ("2022-12-15", 1.0),
            ("2023-02-20", 0.0),
            ("2023-07-10", 1.0),
        ],
        "Without a size: clearly growing": [("2025-03-03", 0.0)],
        # Gone, then left out of the two scans with "no evidence of disease": gone there too.
        "Without a size: gone": [
            ("2023-07-10", 0.0),
            ("2024-01-15", 0.0),
            ("2024-01-15", 1.0),
            ("2024-07-22", 0.0),
            ("2024-07-22", 1.0),
        ],
    }
    marks = lane_marks(HISTORY, lane_spots(HISTORY))
    assert [m.uncertain for m in marks if m.spot == BONE][:2] == [False, True]
    assert {m.date for m in marks if m.no_evidence} == {dt.date(2024, 1, 15), dt.date(2024, 7, 22)}


def test_the_shapes_read_in_black_and_white_and_the_legend_names_them() -> None:
    figure, timeline = drawn()
    assert timeline.lane is not None
    looks = {
        str(line.get_label()): (line.get_marker(), to_rgba(line.get_markerfacecolor()))
        for line in timeline.lane.axes.get_lines()
    }
    black, clear = to_rgba(PRINT_STYLE.text), (0.0, 0.0, 0.0, 0.0)
    assert looks == {
        "Without a size: present": ("o", black),
        "Without a size: clearly growing": ("^", black),
        "Without a size: gone": ("o", clear),
    }
    for line in timeline.lane.axes.get_lines():
        assert line.get_linestyle() == "None"
        assert to_rgba(line.get_markeredgecolor()) == black
    (legend,) = figure.legends
    texts = [text.get_text() for text in legend.get_texts()]
    assert set(looks) <= set(texts)
    faint = [(what, contrast_ratio(seen, base)) for what, seen, base in drawn_colours(figure)]
    assert [(what, ratio) for what, ratio in faint if ratio < 3] == []


def test_no_lane_without_a_spot_without_a_size_that_a_scan_looked_at() -> None:
    never_looked_at = with_states(SIZED, {BONE: {}})
    for history in (SIZED, never_looked_at):
        figure, timeline = drawn(history)
        assert timeline.lane is None
        drawn_lines = [line for axes in figure.axes for line in axes.get_lines()]
        assert not [line for line in drawn_lines if "Without a size" in str(line.get_label())]
        (legend,) = figure.legends
        assert not any("Without a size" in text.get_text() for text in legend.get_texts())


def test_a_plot_too_low_for_the_bands_in_its_legend_leaves_the_shapes_to_the_tips() -> None:
    figure = Figure(figsize=(7.3, 3.2), dpi=72, layout="constrained")
    low = dataclasses.replace(PRINT_STYLE, legend_bands=False)
    timeline = draw_timeline(figure, HISTORY, analyse(HISTORY), low)
    assert timeline.lane is not None
    assert len(timeline.lane.lines) == 3
    (legend,) = figure.legends
    texts = [text.get_text() for text in legend.get_texts()]
    assert texts[0] == "Sum of tracked spots"
    assert not [text for text in texts if "Without a size" in text]
