"""The timeline drawing shared by the window and the printed summary: no Qt in it, hatches as
plain lines inside their band, and the print style's legend and markers."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import Bbox

from survivor_app.plot.hatching import HatchLines, hatch_dots, hatch_segments, spacing_points
from survivor_app.plot.marker_panel import BELOW_LIMIT_LABEL, UPPER_LIMIT_LABEL
from survivor_app.plot.size_lines import SUM_LABEL
from survivor_app.plot.style import PRINT_STYLE, STATUS_LOOKS
from survivor_app.plot.timeline import draw_timeline
from survivor_app.status import analyse
from tests.plot.contrast import contrast_ratio, drawn_colours
from tests.report.records import demo_record, long_record
from tests.status.histories import history, scan

BOX = Bbox.from_extents(10, 20, 110, 70)


def test_the_drawing_loads_no_qt_and_no_pyplot() -> None:
    probe = (
        "import io, sys\n"
        "from matplotlib.figure import Figure\n"
        "from survivor_app.plot.style import PRINT_STYLE\n"
        "from survivor_app.plot.timeline import draw_timeline\n"
        "from survivor_app.status import analyse\n"
        "from tests.report.records import demo_record\n"
        "history = demo_record().history('c1')\n"
        "figure = Figure(layout='constrained')\n"
        "draw_timeline(figure, history, analyse(history), PRINT_STYLE)\n"
        "figure.savefig(io.BytesIO(), format='svg')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "      or m == 'matplotlib.pyplot' or m.startswith('matplotlib.backends.backend_qt')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("hatch", [look.hatch for look in STATUS_LOOKS.values() if look.hatch])
def test_a_hatch_stays_inside_its_box(hatch: str) -> None:
    spacing = spacing_points(hatch)
    lines = hatch_segments(hatch, BOX, spacing)
    dots = hatch_dots(hatch, BOX, spacing)
    assert lines or dots
    for x, y in [point for segment in lines for point in segment] + dots:
        assert BOX.x0 - 1e-9 <= x <= BOX.x1 + 1e-9
        assert BOX.y0 - 1e-9 <= y <= BOX.y1 + 1e-9


def test_hatch_lines_run_the_right_way_the_right_distance_apart() -> None:
    forward = hatch_segments("/", BOX, 10)
    backward = hatch_segments("\\", BOX, 10)
    across = hatch_segments("-", BOX, 10)
    assert all(math.isclose(y1 - y0, x1 - x0) for (x0, y0), (x1, y1) in forward)
    assert all(math.isclose(y1 - y0, x0 - x1) for (x0, y0), (x1, y1) in backward)
    assert [y for (_, y), _ in across] == [30, 40, 50, 60]
    assert len(hatch_segments("x", BOX, 10)) == len(forward) + len(backward)
    # Doubling a character halves the spacing, as matplotlib's own hatches do.
    assert spacing_points("//") == spacing_points("/") / 2


def test_a_hatch_measures_where_its_rectangle_is_drawn() -> None:
    figure = Figure(figsize=(4, 3), dpi=100)
    axes = figure.add_subplot()
    axes.set_xlim(19000, 19400)
    band = Rectangle((19100, 0.2), 120, 0.5, transform=axes.get_xaxis_transform())
    axes.add_artist(band)
    hatch = HatchLines(band, "/", "black", 1.0)
    axes.add_artist(hatch)
    renderer = FigureCanvasAgg(figure).get_renderer()
    drawn = band.get_window_extent(renderer)
    assert hatch.get_window_extent(renderer).extents == pytest.approx(drawn.extents, abs=1e-9)


def test_the_print_style_names_the_reference_lines_beside_the_plot() -> None:
    history = demo_record().history("c2")
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    timeline = draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    (legend,) = figure.legends
    texts = [text.get_text() for text in legend.get_texts()]
    assert texts[0] == SUM_LABEL
    # After the sizes and the bands (and before the markers' lines, from the panel beneath).
    references = ["20 % and 5 mm growth (33.6 mm)", "30 % below the starting point (30.1 mm)"]
    first = texts.index(references[0])
    assert texts[first : first + 2] == references
    drawn = [] if timeline.markers is None else timeline.markers.drawn
    panel = {str(d.line.get_label()) for d in drawn} | {UPPER_LIMIT_LABEL, BELOW_LIMIT_LABEL}
    assert set(texts[first + 2 :]) <= panel
    assert timeline.sizes is not None
    assert not [text for text in timeline.sizes.texts if "%" in text.get_text()]
    svg = io.BytesIO()
    figure.savefig(svg, format="svg")
    # Hatches are lines of their own, never a pattern a renderer would turn into a picture.
    assert b"<pattern" not in svg.getvalue()


def test_on_paper_a_long_history_carries_a_marker_every_few_points() -> None:
    history = long_record().history("c1")
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    timeline = draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    assert timeline.sum_lines
    assert PRINT_STYLE.most_markers is not None
    (every,) = {drawn.line.get_markevery() for drawn in timeline.sum_lines}
    assert isinstance(every, int)
    points = sum(len(drawn.points) for drawn in timeline.sum_lines)
    assert points / every <= PRINT_STYLE.most_markers


def test_each_episode_has_its_own_sum_line_that_jumps_at_a_progression() -> None:
    # 40 mm, then 30 mm with a new 12 mm liver spot: progressed, and a new starting sum of 42 mm.
    h = history(
        scan("2024-01-10", {"P": "40"}),
        scan("2024-04-10", {"P": "30", "L": "12"}),
        scan("2024-07-10", {"P": "28", "L": "12"}),
    )
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    timeline = draw_timeline(figure, h, analyse(h), PRINT_STYLE)
    drawn = [[mm for _, mm in line.line.get_xydata()] for line in timeline.sum_lines]
    assert drawn == [[40.0, 30.0], [42.0, 40.0]]
    assert [p.starts for p in timeline.sum_lines[1].points] == [True, False]


def _drawn_spot_line(spot_name: str) -> list[tuple[str, float | None]]:
    """The (date, size in mm) of each point of one spot's drawn line, None where it breaks."""
    history = demo_record().history("c1")
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    timeline = draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    (drawn,) = [d for d in timeline.spot_lines if d.spot.name == spot_name]
    xs, ys = drawn.line.get_data()
    dates = [num2date(x).date().isoformat() for x in xs]  # type: ignore[no-untyped-call]
    sizes = [None if math.isnan(y) else float(y) for y in ys]
    return list(zip(dates, sizes, strict=True))


def test_a_spots_line_breaks_where_the_spot_was_not_measured() -> None:
    # The example's breast tumour is gone in March 2025, left out of the two scans after (one
    # break for both), and gone again in December; the two scans marked "no evidence of
    # disease" put it on 0.
    assert _drawn_spot_line("Breast tumour") == [
        ("2022-09-20", 32.0),
        ("2022-12-15", 22.0),
        ("2023-02-20", 15.0),
        ("2023-07-10", 0.0),
        ("2024-01-15", 0.0),
        ("2024-07-22", 0.0),
        ("2025-03-03", 0.0),
        ("2025-06-09", None),
        ("2025-12-08", 0.0),
    ]


def test_a_spot_sits_on_0_through_a_remission_and_is_not_drawn_before_it_was_found() -> None:
    # The armpit node was 8 mm, then the scans said "no evidence of disease": it is drawn at 0
    # there, not at 8 mm all the way to the scan that next sized it.
    assert _drawn_spot_line("Armpit lymph node") == [
        ("2022-09-20", 18.0),
        ("2022-12-15", 14.0),
        ("2023-02-20", 11.0),
        ("2023-07-10", 8.0),
        ("2024-01-15", 0.0),
        ("2024-07-22", 0.0),
        ("2025-03-03", 0.0),
    ]
    # The liver spot, found in 2025, starts there: the remission before it is not drawn as 0.
    assert _drawn_spot_line("Liver spot")[0] == ("2025-03-03", 14.0)


def test_every_line_and_band_on_paper_has_3_to_1_contrast_with_the_page() -> None:
    history = demo_record().history("c1")
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    found = drawn_colours(figure)
    assert {what.split()[0] for what, _, _ in found} == {"line", "hatch", "treatment"}
    faint = [(what, contrast_ratio(seen, base)) for what, seen, base in found]
    assert [(what, ratio) for what, ratio in faint if ratio < 3] == []


def test_a_treatment_bar_carries_its_name_where_the_name_fits() -> None:
    history = demo_record().history("c1")
    figure = Figure(figsize=(7.3, 2.5), dpi=72, layout="constrained")
    draw_timeline(figure, history, analyse(history), PRINT_STYLE)
    svg = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(svg, format="svg")
    drawn = svg.getvalue().decode()
    # Two years of letrozole have room for the word; a day of surgery has none.
    assert ">Letrozole<" in drawn
    assert "Lumpectomy" not in drawn
