"""The marker panel's tips: a result's value as the lab gave it, its date and the lab's upper
limit of normal, pointing at the result under the pointer."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.domain import Record
from survivor_app.plot.marker_panel import MARKER_AXIS_LABEL
from tests.gui.plotting import canvas_point, shown_plot, tip_text
from tests.plot.marker_results import cea_series, with_markers

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, ["CEA", "7.0 ng/mL on 20 September 2022"]),
        (1, ["CEA", "Below 0.5 ng/mL (the lowest the lab can measure) on 21 June 2023"]),
    ],
)
def test_hovering_a_marker_result_shows_its_value_date_and_upper_limit(
    qtbot: QtBot, demo: Record, index: int, expected: list[str]
) -> None:
    history = demo.history("c1")
    results = cea_series(history)
    plot = shown_plot(qtbot, with_markers(history, results))
    assert plot.canvas is not None
    # The panel: after the sizes, the strip and the lane of spots without a size, if any.
    (panel,) = (
        number
        for number, axes in enumerate(plot.canvas.figure.axes)
        if axes.get_ylabel() == MARKER_AXIS_LABEL
    )
    line = next(
        line
        for line in plot.canvas.figure.axes[panel].get_lines()
        if line.get_label() == "CEA (ng/mL)"
    )
    x, y = line.get_xydata()[index]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, panel, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines() == [
        *expected,
        "The lab’s upper limit of normal: 5 ng/mL",
    ]
