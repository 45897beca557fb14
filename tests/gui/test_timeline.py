"""The timeline plot: what it draws from a history and its analysis, its tips, its bands, and the
palette and font it follows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Record, Spot, SpotState, Status
from survivor_app.gui.widgets.period_style import BRUSH_STYLES
from survivor_app.plot.timeline import EMPTY_TEXT
from survivor_app.status import analyse
from tests.gui.plotting import (
    bands,
    canvas_point,
    highlighted_period,
    is_ready,
    lane_axes,
    shown_plot,
    tip_text,
)
from tests.gui.records import BASELINE, NODE, SHRUNK, TUMOUR, scan, small_record
from tests.plot.contrast import contrast_ratio, drawn_colours
from tests.plot.unsized import BONE, sized_only, with_states

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    # Qt's offscreen platform says these when a window changes; real screens do not.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def test_the_window_module_does_not_load_matplotlib() -> None:
    code = "import sys, survivor_app.gui.app; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_plot_draws_sizes_bands_statements_and_treatments(qtbot: QtBot, demo: Record) -> None:
    history = demo.history(demo.cancers[0].id)
    analysis = analyse(history)
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    sizes, strip = plot.canvas.figure.axes[:2]
    lane = lane_axes(plot)
    assert lane is not None
    labels = [line.get_label() for line in sizes.get_lines()]
    measured_spots = [
        spot.name
        for spot in history.spots
        if spot.sized and any(s.measurement_of(spot.id) for s in history.scans)
    ]
    # The spots in the spine, which the reports give no size for, have a row of their own.
    assert [label.get_text() for label in lane.get_yticklabels()] == ["Small spots in the spine"]
    assert labels[: len(measured_spots)] == measured_spots
    assert "Sum of tracked spots" in labels
    assert len(bands(plot)) == len(analysis.periods)
    legend = plot.canvas.figure.legends[0]
    texts = [text.get_text() for text in legend.get_texts()]
    assert texts[0] == "Sum of tracked spots"
    assert "Partial remission" in texts
    # One band entry per status shown, however many periods have it.
    assert len(texts) == len(set(texts))
    (markers,) = strip.get_lines()
    assert len(markers.get_xdata()) == len(history.statements)
    assert len(strip.collections) == len(history.treatments)
    assert [tick.get_text() for tick in strip.get_yticklabels()][-1] == "Doctor said"


def test_each_status_has_its_own_pattern_in_the_periods_list() -> None:
    assert set(BRUSH_STYLES) == set(Status)
    assert len(set(BRUSH_STYLES.values())) == len(BRUSH_STYLES)


def reference_labels(qtbot: QtBot, record: Record) -> list[str]:
    plot = shown_plot(qtbot, record.history("c1"))
    assert plot.canvas is not None
    sizes = plot.canvas.figure.axes[0]
    return [text.get_text() for text in sizes.texts if "%" in text.get_text()]


def test_the_reference_lines_follow_the_current_baseline_and_smallest_sum(qtbot: QtBot) -> None:
    # STATUS_RULES.md §10: 30 → 24 → 21 mm, three months apart.
    scans = tuple(
        scan(f"sc{n}", dt.date(2024, 1 + 3 * n, 1), (TUMOUR, tenths))
        for n, tenths in enumerate((300, 240, 210))
    )
    record = dataclasses.replace(small_record(scans=scans), statements=())
    # 30 % below 30 mm; and growth needs 20 % (25.2 mm) and 5 mm (26 mm) over 21 mm.
    assert reference_labels(qtbot, record) == [
        "20 % and 5 mm growth (26 mm)",
        "30 % below the starting point (21 mm)",
    ]


def test_after_a_progression_the_lines_start_from_the_new_baseline(qtbot: QtBot) -> None:
    grown = scan("sc3", dt.date(2024, 7, 1), (TUMOUR, 400), (NODE, 180))
    record = dataclasses.replace(small_record(scans=(BASELINE, SHRUNK, grown)), statements=())
    assert analyse(record.history("c1")).assessments[-1].status is Status.PROGRESSED
    # The new episode is measured from this scan's 58 mm.
    assert reference_labels(qtbot, record) == [
        "20 % and 5 mm growth (69.6 mm)",
        "30 % below the starting point (40.6 mm)",
    ]


def test_a_history_without_scans_says_where_the_timeline_will_be(qtbot: QtBot) -> None:
    record = dataclasses.replace(small_record(scans=()), statements=(), treatments=())
    plot = shown_plot(qtbot, record.history("c1"))
    assert plot.canvas is not None
    (axes,) = plot.canvas.figure.axes
    assert [text.get_text() for text in axes.texts] == [EMPTY_TEXT]
    assert bands(plot) == []


def test_hovering_a_point_shows_its_date_size_and_change(qtbot: QtBot) -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    sizes = plot.canvas.figure.axes[0]
    assert tip_text(plot) is None
    sum_line = next(
        line for line in sizes.get_lines() if line.get_label() == "Sum of tracked spots"
    )
    x, y = sum_line.get_xydata()[1]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines()[:3] == [
        "Sum of tracked spots",
        "30 mm on 10 April 2024",
        "40.0 % smaller than the starting point",
    ]
    qtbot.mouseMove(plot.canvas, QPoint(2, 2))
    qtbot.waitUntil(lambda: tip_text(plot) is None)


def test_hovering_a_new_starting_point_gives_both_sums(qtbot: QtBot) -> None:
    # 50 mm, then 30 mm with a new 12 mm liver spot: the sum line jumps from 30 mm to 42 mm.
    liver = Spot("s3", "c1", "Liver spot", Area.DISTANT, False, "liver")
    grown = scan("sc2", dt.date(2024, 4, 10), (TUMOUR, 200), (NODE, 100), (liver, 120))
    record = dataclasses.replace(
        small_record(scans=(BASELINE, grown)), spots=(TUMOUR, NODE, liver), statements=()
    )
    plot = shown_plot(qtbot, record.history("c1"))
    assert plot.canvas is not None
    sizes = plot.canvas.figure.axes[0]
    old, new = (line for line in sizes.get_lines() if line.get_label() == "Sum of tracked spots")
    x, y = new.get_xydata()[0]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines()[1:3] == [
        "42 mm on 10 April 2024: the new starting point",
        "Before the new spot or growth, the spots added up to 30 mm",
    ]
    assert old.get_xydata()[-1][1] == 30.0


def test_hovering_a_statement_shows_the_quote(qtbot: QtBot) -> None:
    history = small_record().history("c1")
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    strip = plot.canvas.figure.axes[1]
    (markers,) = strip.get_lines()
    x, y = markers.get_xydata()[0]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 1, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines() == [
        "Dr. Osei, 12 April 2024:",
        "“The tumour is responding.”",
        "Stable (controlled)",
    ]


def test_clicking_a_band_names_its_period_and_highlighting_marks_it(qtbot: QtBot) -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    plot = shown_plot(qtbot, history)
    first, second = bands(plot)
    middle = first.get_x() + first.get_width() / 2
    with qtbot.waitSignal(plot.period_clicked) as clicked:
        qtbot.mouseClick(
            plot.canvas, Qt.MouseButton.LeftButton, pos=canvas_point(plot, 0, middle, 5)
        )
    assert clicked.args == [0]
    plot.highlight_period(1)
    assert highlighted_period(plot) == 1
    assert second.get_linewidth() > 0
    assert first.get_linewidth() == 0
    assert second.get_facecolor()[3] > first.get_facecolor()[3]
    plot.highlight_period(None)
    assert second.get_linewidth() == 0


def test_the_plot_follows_the_palette_and_the_font_size(qtbot: QtBot) -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#2b2c30"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    plot.setPalette(dark)
    font = QFont(plot.font())
    font.setPointSizeF(16)
    plot.setFont(font)
    qtbot.waitUntil(lambda: is_ready(plot))
    # Laid out (constrained layout runs as it draws), so points are where the pointer goes.
    plot.canvas.draw()
    figure = plot.canvas.figure
    sizes = figure.axes[0]
    assert to_hex(figure.get_facecolor()) == "#202124"
    assert to_hex(sizes.get_facecolor()) == "#2b2c30"
    assert to_hex(sizes.yaxis.label.get_color()) == "#e8eaed"
    assert sizes.yaxis.label.get_fontsize() == 16
    # The tip too: dark text in a dark box would not be read.
    sum_line = next(
        line for line in sizes.get_lines() if line.get_label() == "Sum of tracked spots"
    )
    x, y = sum_line.get_xydata()[0]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, 0, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    (tip,) = (shown for shown in figure.artists if isinstance(shown, Text) and shown.get_visible())
    assert to_hex(tip.get_color()) == "#e8eaed"
    assert to_hex(tip.get_bbox_patch().get_facecolor()) == "#2b2c30"


@pytest.mark.parametrize(
    ("window", "base", "text"),
    [
        ("#efefef", "#ffffff", "#000000"),  # Qt's Fusion, light
        ("#f6f5f4", "#f5f5f5", "#2e3436"),  # an off-white view
        ("#202124", "#1e1e1e", "#e8eaed"),  # a dark view, nearly black
        ("#2a2e32", "#2b2c30", "#fcfcfc"),  # a dark view
        ("#353535", "#353535", "#ffffff"),  # a common dark palette, dark grey
    ],
)
def test_every_line_and_band_keeps_3_to_1_contrast_in_light_and_dark(
    qtbot: QtBot, demo: Record, window: str, base: str, text: str
) -> None:
    """WCAG 2.1's 3:1 for shapes (1.4.11), between each line's and hatch's colour as drawn (at
    its alpha) and the plot's background, on the example's busiest cancer."""
    plot = shown_plot(qtbot, demo.history(demo.cancers[0].id))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    plot.setPalette(palette)
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    found = drawn_colours(plot.canvas.figure)
    assert len([what for what, _, _ in found if what.startswith("hatch")]) >= 4
    assert {to_hex(seen_base) for _, _, seen_base in found} == {base}
    faint = [(what, round(contrast_ratio(seen, bg), 2)) for what, seen, bg in found]
    assert [(what, ratio) for what, ratio in faint if ratio < 3] == []


def test_hovering_a_mark_of_a_spot_without_a_size_says_its_state_in_words(
    qtbot: QtBot, demo: Record
) -> None:
    present, growing = SpotState.PRESENT, SpotState.GROWING
    history = with_states(
        sized_only(demo.history("c1")),
        {BONE: {"sc3": (present, True), "sc4": SpotState.GONE, "sc7": growing}},
    )
    plot = shown_plot(qtbot, history)
    assert plot.canvas is not None
    lane = lane_axes(plot)
    assert lane is not None
    place = plot.canvas.figure.axes.index(lane)
    marks = {str(line.get_label()): line.get_xydata() for line in lane.get_lines()}
    expected = {
        "Without a size: present": [
            "Several small bone spots in the spine (mentioned without a size)",
            "Present on 20 February 2023",
            "The report says it is still there.",
            "Uncertain: the report is not sure this is cancer.",
        ],
        "Without a size: gone": [
            "Several small bone spots in the spine (mentioned without a size)",
            "Gone on 10 July 2023",
            "The report says it has gone.",
        ],
        "Without a size: clearly growing": [
            "Several small bone spots in the spine (mentioned without a size)",
            "Clearly growing on 3 March 2025",
            "The report says it has clearly grown or worsened.",
        ],
    }
    for label, lines in expected.items():
        x, y = marks[label][0]
        qtbot.mouseMove(plot.canvas, canvas_point(plot, place, x, y))
        qtbot.waitUntil(lambda lines=lines: str(tip_text(plot)).splitlines() == lines)
        qtbot.mouseMove(plot.canvas, QPoint(2, 2))
        qtbot.waitUntil(lambda: tip_text(plot) is None)
    # Left out of a later scan marked "no evidence of disease": gone, and the tip says why.
    x, y = marks["Without a size: gone"][1]
    qtbot.mouseMove(plot.canvas, canvas_point(plot, place, x, y))
    qtbot.waitUntil(lambda: tip_text(plot) is not None)
    assert str(tip_text(plot)).splitlines()[1:] == [
        "Gone on 15 January 2024",
        "The scan found no evidence of disease.",
    ]
