"""The dates under the strip, remembered between the axes that ask for them, are the labels and the
offset matplotlib writes for the ticks shown, whatever was shown before."""

from __future__ import annotations

import datetime as dt

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from survivor_app.plot.places import day
from survivor_app.plot.strip import date_axis


def _labels(first: dt.date, last: dt.date, figure: Figure) -> tuple[list[str], str]:
    (axes,) = figure.axes
    axes.set_xlim(day(first), day(last))
    figure.canvas.draw()
    labels = [label.get_text() for label in axes.get_xticklabels()]
    return labels, axes.xaxis.get_offset_text().get_text()


def test_the_labels_and_offset_follow_the_dates_shown() -> None:
    figure = Figure(figsize=(6, 2), dpi=72)
    FigureCanvasAgg(figure)
    date_axis(figure.add_subplot())
    years = _labels(dt.date(2020, 1, 1), dt.date(2026, 1, 1), figure)
    months = _labels(dt.date(2024, 2, 1), dt.date(2024, 7, 1), figure)
    assert years == (["2020", "2021", "2022", "2023", "2024", "2025", "2026"], "")
    assert months == (["Feb", "Mar", "Apr", "May", "Jun", "Jul"], "2024")
    assert _labels(dt.date(2020, 1, 1), dt.date(2026, 1, 1), figure) == years
