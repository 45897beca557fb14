"""The sizes' lines updated in place: a line whose look and points did not change is left as it
was drawn, the others are given what a drawing from nothing gives them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from survivor_app.domain import CancerHistory
from survivor_app.plot.style import PRINT_STYLE
from survivor_app.plot.timeline import Timeline, draw_timeline, update_timeline
from survivor_app.status import analyse
from tests.report.records import demo_record


def drawn(history: CancerHistory) -> tuple[Figure, Timeline]:
    figure = Figure(figsize=(8, 6), dpi=72)
    FigureCanvasAgg(figure)
    return figure, draw_timeline(figure, history, analyse(history), PRINT_STYLE)


def resized(history: CancerHistory, spot_id: str, tenths: int) -> CancerHistory:
    """``history`` with one spot's size changed on the latest scan that sized it."""
    latest = max(
        (s for s in history.scans if any(m.spot_id == spot_id for m in s.measurements)),
        key=lambda s: s.date,
    )
    sizes = tuple(
        dataclasses.replace(m, size_tenths=tenths) if m.spot_id == spot_id else m
        for m in latest.measurements
    )
    changed = dataclasses.replace(latest, measurements=sizes)
    scans = tuple(changed if s is latest else s for s in history.scans)
    return dataclasses.replace(history, scans=scans)


def look(line: Line2D) -> tuple[object, ...]:
    return (
        line.get_color(),
        line.get_marker(),
        line.get_linestyle(),
        line.get_markevery(),
        line.get_label(),
        line.get_zorder(),
        np.asarray(line.get_xdata(), float).tolist(),
        np.nan_to_num(np.asarray(line.get_ydata(), float), nan=-1).tolist(),
    )


def test_only_the_lines_an_edit_changed_are_given_new_data() -> None:
    before = demo_record().history("c1")
    figure, timeline = drawn(before)
    spot_id = timeline.spot_lines[1].spot.id
    data = {d.spot.id: d.line.get_xdata(orig=True) for d in timeline.spot_lines}
    after = resized(before, spot_id, 5)
    assert update_timeline(figure, timeline, after, analyse(after), PRINT_STYLE)
    for line in timeline.spot_lines:
        assert (line.line.get_xdata(orig=True) is data[line.spot.id]) == (line.spot.id != spot_id)
    _, fresh = drawn(after)
    ours = [look(d.line) for d in (*timeline.spot_lines, *timeline.sum_lines)]
    theirs = [look(d.line) for d in (*fresh.spot_lines, *fresh.sum_lines)]
    assert ours == theirs


def test_lines_given_a_point_near_the_end_have_the_data_of_a_drawing_from_nothing() -> None:
    history = demo_record().history("c1")
    figure, timeline = drawn(history)
    sized = [s for s in history.scans if any(m.size_tenths for m in s.measurements)]
    for days in (3, 40, 1):
        latest = max(sized, key=lambda scan: scan.date)
        copy = dataclasses.replace(
            latest, id=f"copy{days}", date=latest.date - dt.timedelta(days=days)
        )
        history = dataclasses.replace(history, scans=(*history.scans, copy))
        assert update_timeline(figure, timeline, history, analyse(history), PRINT_STYLE)
        _, fresh = drawn(history)
        ours = [look(d.line) for d in (*timeline.spot_lines, *timeline.sum_lines)]
        assert ours == [look(d.line) for d in (*fresh.spot_lines, *fresh.sum_lines)]
