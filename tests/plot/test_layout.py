"""The window's layout of the timeline puts every axes where matplotlib's constrained layout puts
it (which the printed summary keeps), for the example record and a long one, on large and small
figures, with the legend beneath and beside the plot."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine

from survivor_app.domain import Record
from survivor_app.plot.layout import LEAST_PLOT_POINTS, TimelineLayout
from survivor_app.plot.style import PlotStyle
from survivor_app.plot.timeline import draw_timeline
from survivor_app.status import analyse
from tests.report.records import demo_record, long_record

SCREEN = PlotStyle(
    background="#efefef", base="#ffffff", text="#000000", faint=(0, 0, 0, 0.25), font_points=9
)


def _places(
    record: Record | None,
    size: tuple[float, float, float],
    style: PlotStyle,
    engine: str | LayoutEngine,
) -> list[list[float]]:
    """Where each axes is once the figure is drawn, in pixels (no record: the empty timeline)."""
    width, height, dpi = size
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    canvas = FigureCanvasAgg(figure)
    if record is None:
        draw_timeline(figure, None, None, style)
    else:
        history = record.history(record.cancers[0].id)
        draw_timeline(figure, history, analyse(history), style)
    figure.set_layout_engine(engine)
    canvas.draw()
    return [list(axes.get_window_extent().extents) for axes in figure.axes]


def _style(font: float, low: bool, beside: bool) -> PlotStyle:
    """The window's style; ``low``: a plot too low for the bands' legend and the markers."""
    return dataclasses.replace(
        SCREEN, font_points=font, legend_beside=beside, legend_bands=not low, marker_panel=not low
    )


EXAMPLE, LONG = demo_record(), long_record()
#: A small screen at 150 %.
SMALL = (593, 252, 144)


@pytest.mark.parametrize(
    ("record", "size", "font", "low", "beside"),
    [
        (EXAMPLE, (724, 415, 96), 9.0, False, False),
        (LONG, (724, 415, 96), 9.0, False, False),
        (EXAMPLE, (900, 600, 96), 12.0, False, False),
        (LONG, (900, 600, 96), 12.0, False, False),
        (EXAMPLE, SMALL, 9.0, True, False),
        (EXAMPLE, (1200, 300, 96), 9.0, True, True),
        (LONG, (1200, 300, 96), 9.0, True, True),
    ],
)
def test_the_axes_are_where_the_constrained_layout_puts_them(
    record: Record, size: tuple[float, float, float], font: float, low: bool, beside: bool
) -> None:
    style = _style(font, low, beside)
    constrained = _places(record, size, style, "constrained")
    ours = _places(record, size, style, TimelineLayout())
    assert np.allclose(ours, constrained, atol=0.5)


def test_the_empty_timeline_fills_the_figure_but_for_the_padding() -> None:
    size = (724, 415, 96)
    ours = _places(None, size, SCREEN, TimelineLayout())
    assert np.allclose(ours, _places(None, size, SCREEN, "constrained"), atol=0.5)
    assert np.allclose(ours, [[4, 4, 720, 411]], atol=0.5)


def test_where_the_legend_leaves_no_room_it_is_left_out_and_the_axes_keep_their_labels() -> None:
    # The constrained layout leaves the axes in the grid's places here, their names cut off on
    # the left; these take the whole figure, every label inside it, and the legend (which would
    # hide the sizes) is left out until the figure is large enough for it again.
    width, height, dpi = SMALL
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout=TimelineLayout())
    canvas = FigureCanvasAgg(figure)
    history = LONG.history(LONG.cancers[0].id)
    draw_timeline(figure, history, analyse(history), _style(9.0, low=True, beside=False))
    canvas.draw()
    renderer = canvas.get_renderer()
    for axes in figure.axes:
        place = axes.get_window_extent()
        reach = axes.get_tightbbox(renderer)
        assert reach is not None
        assert place.height > 20
        assert reach.x0 >= 0
        assert reach.x1 <= width
        assert reach.y0 >= 0
        assert reach.y1 <= height
    (legend,) = figure.legends
    assert not legend.get_visible()
    figure.set_size_inches(1366 / dpi, 768 / dpi)
    canvas.draw()
    assert legend.get_visible()
    legend_top = legend.get_window_extent(canvas.get_renderer()).y1
    assert all(axes.get_window_extent().y0 > legend_top for axes in figure.axes)


def test_the_legend_is_left_out_rather_than_leave_the_plot_a_sliver() -> None:
    # Narrow and large text, the legend beneath in many rows: with it, the axes would have a few
    # pixels between them; without it, they have the figure.
    width, height, dpi = 300, 600, 96
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout=TimelineLayout())
    canvas = FigureCanvasAgg(figure)
    history = LONG.history(LONG.cancers[0].id)
    draw_timeline(figure, history, analyse(history), _style(16.0, low=False, beside=False))
    canvas.draw()
    (legend,) = figure.legends
    assert not legend.get_visible()
    inner = sum(axes.get_window_extent().height for axes in figure.axes)
    assert inner >= LEAST_PLOT_POINTS * dpi / 72
