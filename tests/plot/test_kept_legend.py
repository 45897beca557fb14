"""The legend drawn once and copied afterwards: on a canvas of another size it is drawn again,
where it belongs."""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from survivor_app.plot.style import PRINT_STYLE
from survivor_app.plot.timeline import draw_timeline
from survivor_app.status import analyse
from tests.report.records import demo_record


def drawn(size: tuple[float, float], then: tuple[float, float] | None = None) -> np.ndarray:
    """The example's legend, drawn at ``size`` (then at ``then``), cut out of the canvas."""
    history = demo_record().history("c1")
    figure = Figure(figsize=size, dpi=72, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    draw_timeline(figure, history, analyse(history), PRINT_STYLE, columns=3)
    canvas.draw()
    if then is not None:
        figure.set_size_inches(then)
        canvas.draw()
    (legend,) = figure.legends
    box = legend.get_window_extent(canvas.get_renderer())
    pixels = np.asarray(canvas.buffer_rgba())
    height = pixels.shape[0]
    top, bottom = height - int(box.y1) - 2, height - int(box.y0) + 2
    return pixels[top:bottom, int(box.x0) - 2 : int(box.x1) + 2].copy()


def test_the_legend_is_drawn_again_on_a_canvas_of_another_size() -> None:
    resized = drawn((9, 5), then=(7, 6))
    assert resized.size
    assert np.array_equal(resized, drawn((7, 6)))


def test_the_legend_copied_is_the_legend_drawn() -> None:
    assert np.array_equal(drawn((8, 5), then=(8, 5)), drawn((8, 5)))
