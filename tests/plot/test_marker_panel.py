"""The tumour marker panel under the sizes: only with marker results, sharing the date axis, one
line per marker told apart by shape and line style, the lab's upper limit dashed, results below
the lab's limit as open marks at that limit, and a log scale (said on the axis) past a factor of
20."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal

from matplotlib.figure import Figure

from survivor_app.domain import CancerHistory, MarkerKind, MarkerResult
from survivor_app.plot.marker_panel import (
    BELOW_LIMIT_LABEL,
    LOG_AXIS_LABEL,
    MARKER_AXIS_LABEL,
    MARKER_SHAPES,
    UPPER_LIMIT_LABEL,
)
from survivor_app.plot.places import days
from survivor_app.plot.style import PRINT_STYLE, SPOT_MARKERS
from survivor_app.plot.timeline import Timeline, draw_timeline
from survivor_app.status import analyse
from tests.plot.marker_results import cea_series, wide_series, with_markers
from tests.report.records import demo_record


def drawn(history: CancerHistory) -> tuple[Figure, Timeline]:
    figure = Figure(figsize=(8, 5), dpi=72, layout="constrained")
    return figure, draw_timeline(figure, history, analyse(history), PRINT_STYLE)


def legend_texts(figure: Figure) -> list[str]:
    (legend,) = figure.legends
    return [text.get_text() for text in legend.get_texts()]


def test_no_marker_results_no_panel() -> None:
    figure, timeline = drawn(with_markers(demo_record().history("c1")))
    assert timeline.markers is None
    assert not [axes for axes in figure.axes if axes.get_ylabel().startswith(MARKER_AXIS_LABEL)]
    assert UPPER_LIMIT_LABEL not in legend_texts(figure)


def test_a_panel_under_the_sizes_sharing_their_dates() -> None:
    history = demo_record().history("c1")
    cea = cea_series(history)
    figure, timeline = drawn(with_markers(history, cea))
    assert timeline.markers is not None
    assert timeline.sizes is not None
    panel = timeline.markers.axes
    assert panel.get_shared_x_axes().joined(panel, timeline.sizes)
    # Under the sizes, above the strip.
    assert timeline.strip is not None
    assert timeline.strip.get_position().y1 < panel.get_position().y0
    assert panel.get_position().y1 < timeline.sizes.get_position().y0
    assert (panel.get_yscale(), panel.get_ylabel()) == ("linear", MARKER_AXIS_LABEL)
    (series,) = timeline.markers.drawn
    assert list(series.line.get_xdata()) == days(r.date for r in cea)
    assert list(series.line.get_ydata()) == [float(r.value) for r in cea]
    # The result below the lab's limit: an open mark at the limit, and no filled one.
    assert list(series.open_marks.get_ydata()) == [0.5]
    assert series.open_marks.get_markerfacecolor() == PRINT_STYLE.base
    assert 1 not in series.line.get_markevery()
    # The upper limit, dashed, to the right edge.
    assert series.limit.get_linestyle() == "--"
    assert set(series.limit.get_ydata()) == {5.0}
    assert series.limit.get_xdata()[-1] == panel.get_xlim()[1]
    assert {"CEA (ng/mL)", UPPER_LIMIT_LABEL, BELOW_LIMIT_LABEL} <= set(legend_texts(figure))


def test_values_spanning_more_than_twenty_times_use_a_log_scale_and_say_so() -> None:
    history = demo_record().history("c1")
    _figure, timeline = drawn(with_markers(history, cea_series(history), wide_series(history)))
    assert timeline.markers is not None
    panel = timeline.markers.axes
    assert (panel.get_yscale(), panel.get_ylabel()) == ("log", LOG_AXIS_LABEL)
    assert "scale" in LOG_AXIS_LABEL
    assert "log" in LOG_AXIS_LABEL
    low, high = panel.get_ylim()
    assert low < 0.5
    assert high > 400


def test_the_scale_follows_the_values_not_the_upper_limit() -> None:
    history = demo_record().history("c1")
    results = tuple(
        dataclasses.replace(r, upper_limit=Decimal(300), value=Decimal(v), below_limit=False)
        for r, v in zip(cea_series(history), ("2", "20", "5", "3", "4", "6"), strict=True)
    )
    _figure, timeline = drawn(with_markers(history, results))
    assert timeline.markers is not None
    assert timeline.markers.axes.get_yscale() == "linear"
    assert timeline.markers.axes.get_ylim()[1] > 300


def test_twenty_times_exactly_stays_linear() -> None:
    history = demo_record().history("c1")
    results = tuple(
        dataclasses.replace(r, upper_limit=None, value=Decimal(v), below_limit=False)
        for r, v in zip(cea_series(history), ("1", "20", "5", "2", "3", "4"), strict=True)
    )
    _figure, timeline = drawn(with_markers(history, results))
    assert timeline.markers is not None
    assert timeline.markers.axes.get_yscale() == "linear"


def test_each_marker_reads_in_black_and_white() -> None:
    history = demo_record().history("c1")
    other = MarkerResult(
        "o1", "c1", dt.date(2024, 1, 1), MarkerKind.OTHER, Decimal(2), "kU/L", name="CYFRA 21-1"
    )
    _figure, timeline = drawn(
        with_markers(history, cea_series(history), wide_series(history), (other,))
    )
    assert timeline.markers is not None
    lines = [d.line for d in timeline.markers.drawn]
    assert [line.get_label() for line in lines] == [
        "CEA (ng/mL)",
        "CA 15-3 (U/mL)",
        "CYFRA 21-1 (kU/L)",
    ]
    looks = {(line.get_marker(), line.get_linestyle()) for line in lines}
    assert len({marker for marker, _ in looks}) == 3
    assert len({style for _, style in looks}) == 3


def test_a_value_of_zero_on_a_log_scale_still_draws() -> None:
    history = demo_record().history("c1")
    zero = dataclasses.replace(wide_series(history)[0], id="zero", value=Decimal(0))
    figure, timeline = drawn(with_markers(history, wide_series(history), (zero,)))
    assert timeline.markers is not None
    assert timeline.markers.axes.get_yscale() == "log"
    figure.savefig(io.BytesIO(), format="svg")


def test_no_marker_shares_a_shape_with_a_spot_or_the_sum() -> None:
    assert not set(MARKER_SHAPES) & {*SPOT_MARKERS, "o"}


def test_a_plot_too_low_for_the_panel_leaves_it_out() -> None:
    history = demo_record().history("c1")
    low = dataclasses.replace(PRINT_STYLE, marker_panel=False)
    figure = Figure(figsize=(6, 2), dpi=72, layout="constrained")
    timeline = draw_timeline(
        figure, with_markers(history, cea_series(history)), analyse(history), low
    )
    assert timeline.markers is None
    assert not [axes for axes in figure.axes if axes.get_ylabel().startswith(MARKER_AXIS_LABEL)]
