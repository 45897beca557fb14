"""A quick drawing after an edit draws again only the columns of the sizes' axes from where the
edit's change begins; what the canvas then holds is, pixel for pixel, a full drawing, on short
histories and on long ones (whose lines matplotlib simplifies as it draws them)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from collections.abc import Callable

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from survivor_app.domain import CancerHistory, Scan, ScanKind
from survivor_app.plot.quick_columns import axes_drawing, change_begins, drawn_from
from survivor_app.plot.quick_draw import QuickDraw
from survivor_app.plot.size_lines import SpotLine
from survivor_app.plot.style import PlotStyle
from survivor_app.plot.timeline import Timeline, draw_timeline, style_bands, update_timeline
from survivor_app.status import analyse
from tests.report.records import demo_record

STYLE = PlotStyle(
    background="#efefef",
    base="#ffffff",
    text="#1a1a1a",
    faint=(0.1, 0.1, 0.1, 0.25),
    font_points=9,
    dark=False,
    legend_beside=False,
    legend_bands=True,
    marker_panel=True,
)


def long_history(scans: int, seed: int) -> CancerHistory:
    """The example's history followed by ``scans`` more, a month apart, each spot's size
    wandering or staying as it was (runs of equal sizes: straight stretches of line)."""
    history = demo_record().history("c1")
    latest = max(
        (s for s in history.scans if any(m.size_tenths for m in s.measurements)),
        key=lambda scan: scan.date,
    )
    sized = [m for m in latest.measurements if m.size_tenths]
    sizes = {m.spot_id: m.size_tenths or 100 for m in sized}
    rng = random.Random(seed)
    added = []
    start = latest.date - dt.timedelta(days=30 * scans) - dt.timedelta(days=400)
    history = dataclasses.replace(history, scans=tuple(s for s in history.scans if s.date < start))
    for number in range(scans):
        if rng.random() < 0.6:
            sizes = {spot: max(10, size + rng.randint(-20, 20)) for spot, size in sizes.items()}
        measurements = tuple(dataclasses.replace(m, size_tenths=sizes[m.spot_id]) for m in sized)
        added.append(
            dataclasses.replace(
                latest,
                id=f"x{number}",
                date=start + dt.timedelta(days=30 * number),
                kind=ScanKind.CT,
                measurements=measurements,
                no_evidence_of_disease=False,
                new_baseline=False,
            )
        )
    return dataclasses.replace(history, scans=(*history.scans, *added))


def drawn_and_kept(
    history: CancerHistory, dpi: int = 96, chosen: int | None = None
) -> tuple[FigureCanvasAgg, Timeline, QuickDraw]:
    """The timeline of ``history`` (with the ``chosen`` period's band outlined) drawn in full,
    and kept as the drawing a quick drawing starts from."""
    figure = Figure(figsize=(9, 6), dpi=dpi)
    canvas = FigureCanvasAgg(figure)
    timeline = draw_timeline(figure, history, analyse(history), STYLE)
    style_bands(timeline, STYLE, chosen)
    canvas.draw()
    quick = QuickDraw(canvas)
    quick.keep()
    return canvas, timeline, quick


def drawn_lines(history: CancerHistory) -> list[SpotLine]:
    timeline = draw_timeline(Figure(), history, analyse(history), STYLE)
    return timeline.spot_lines


def with_scan(history: CancerHistory, scan: Scan) -> CancerHistory:
    return dataclasses.replace(history, scans=(*history.scans, scan))


def copy_before_latest(days: int) -> Callable[[CancerHistory], CancerHistory]:
    """A copy of the latest scan ``days`` before it, as the bench adds them."""

    def edit(history: CancerHistory) -> CancerHistory:
        latest = max(history.scans, key=lambda scan: scan.date)
        scan = dataclasses.replace(
            latest, id=f"copy{days}", date=latest.date - dt.timedelta(days=days)
        )
        return with_scan(history, scan)

    return edit


def change_scan(fraction: float, by: int) -> Callable[[CancerHistory], CancerHistory]:
    """Every size of the scan ``fraction`` of the way along changed by ``by`` tenths."""

    def edit(history: CancerHistory) -> CancerHistory:
        ordered = sorted(history.scans, key=lambda scan: scan.date)
        target = ordered[int(fraction * (len(ordered) - 1))]
        changed = dataclasses.replace(
            target,
            measurements=tuple(
                dataclasses.replace(m, size_tenths=m.size_tenths + by) if m.size_tenths else m
                for m in target.measurements
            ),
        )
        return dataclasses.replace(
            history, scans=tuple(changed if s is target else s for s in history.scans)
        )

    return edit


def delete_scan(fraction: float) -> Callable[[CancerHistory], CancerHistory]:
    def edit(history: CancerHistory) -> CancerHistory:
        ordered = sorted(history.scans, key=lambda scan: scan.date)
        target = ordered[int(fraction * (len(ordered) - 1))]
        return dataclasses.replace(
            history, scans=tuple(s for s in history.scans if s is not target)
        )

    return edit


EDITS = {
    "copies before the latest": [copy_before_latest(days) for days in (1, 2, 3)],
    "a size changed near the end": [change_scan(0.9, 7)],
    "a size changed in the middle": [change_scan(0.5, -5)],
    "a scan deleted in the middle": [delete_scan(0.4)],
    "edits in turn": [change_scan(0.7, 3), copy_before_latest(5), delete_scan(0.8)],
}


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize(("scans", "seed"), [(0, 0), (40, 1), (300, 2), (300, 3)])
def test_a_quick_drawing_of_the_columns_an_edit_changed_is_a_full_drawing(
    name: str, scans: int, seed: int
) -> None:
    history = long_history(scans, seed) if scans else demo_record().history("c1")
    canvas, timeline, quick = drawn_and_kept(history)
    figure = canvas.figure
    for edit in EDITS[name]:
        history = edit(history)
        laid_out = timeline.layout_key
        sizes = figure.axes[0]
        before = axes_drawing(sizes)
        assert update_timeline(figure, timeline, history, analyse(history), STYLE)
        if timeline.layout_key != laid_out:
            canvas.draw()
            quick.keep()
            continue
        begins = change_begins(before, axes_drawing(sizes))
        assert begins in (None, -math.inf) or sizes.bbox.x0 < begins < sizes.bbox.x1
        changed = [axes for axes in figure.axes if axes.stale]
        region = quick.draw(changed)
        assert region is not None
        if changed == [sizes] and begins is not None and begins > -math.inf:
            # What the canvas shows anew: from where the change begins, within the axes' box.
            assert begins - 1 <= region.x0
            assert region.x1 <= sizes.bbox.x1 + 4
        drawn = np.asarray(canvas.buffer_rgba()).copy()
        canvas.draw()
        full = np.asarray(canvas.buffer_rgba())
        differing = int((drawn != full).any(axis=2).sum())
        assert differing == 0, f"{differing} pixels differ"
        quick.keep()


def assert_quick_is_full(canvas: FigureCanvasAgg, quick: QuickDraw) -> None:
    """Draw again quickly what is stale, and check the canvas then holds a full drawing."""
    assert quick.draw([axes for axes in canvas.figure.axes if axes.stale]) is not None
    drawn = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    differing = int((drawn != np.asarray(canvas.buffer_rgba())).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ"


def flat_history(scans: int, above: int) -> CancerHistory:
    """A long history whose every spot keeps its first size (``above`` tenths more) from scan
    to scan: level lines, which Agg draws snapped to whole pixels."""
    history = long_history(scans, 1)
    first = min(history.scans, key=lambda scan: scan.date)
    sizes = {m.spot_id: m.size_tenths for m in first.measurements}
    return dataclasses.replace(
        history,
        scans=tuple(
            dataclasses.replace(
                scan,
                measurements=tuple(
                    dataclasses.replace(
                        m, size_tenths=(sizes.get(m.spot_id) or m.size_tenths or 0) + above
                    )
                    for m in scan.measurements
                ),
            )
            for scan in history.scans
        ),
    )


@pytest.mark.parametrize("above", [0, 13, 33])
def test_a_level_line_given_a_slope_is_drawn_again_from_end_to_end(above: int) -> None:
    # Snapped while level, not once a stroke slopes: its pixels move all along, not only
    # near the scan added.
    history = flat_history(40, above)
    canvas, timeline, quick = drawn_and_kept(history)
    figure = canvas.figure
    latest = max(history.scans, key=lambda scan: scan.date)
    grown = dataclasses.replace(
        latest,
        id="grown",
        date=latest.date + dt.timedelta(days=20),
        measurements=tuple(
            dataclasses.replace(m, size_tenths=m.size_tenths + 5) if m.size_tenths else m
            for m in latest.measurements
        ),
    )
    history = with_scan(history, grown)
    laid_out = timeline.layout_key
    assert update_timeline(figure, timeline, history, analyse(history), STYLE)
    assert timeline.layout_key == laid_out
    assert_quick_is_full(canvas, quick)


@pytest.mark.parametrize("dpi", [96, 192])
@pytest.mark.parametrize(("chosen", "then"), [(1, None), (2, None), (1, 3), (3, 1), (None, 2)])
@pytest.mark.parametrize("scans", [0, 40])
def test_a_period_chosen_or_no_longer_chosen_leaves_no_trace_of_its_outline(
    dpi: int, chosen: int | None, then: int | None, scans: int
) -> None:
    # A chosen period's band has a thick outline (a 2x screen doubles it in pixels), which
    # reaches left of the band: it is drawn again from the wider of the outlines.
    history = long_history(scans, 1) if scans else demo_record().history("c1")
    canvas, timeline, quick = drawn_and_kept(history, dpi, chosen)
    assert len(timeline.bands) > 3
    style_bands(timeline, STYLE, then)
    assert_quick_is_full(canvas, quick)


def copied_near_the_end(
    history: CancerHistory,
) -> tuple[FigureCanvasAgg, Timeline, QuickDraw, float]:
    """``history`` drawn and kept, then a copy of its latest scan added three days before it;
    and the column where the sizes' axes begin to change."""
    canvas, timeline, quick = drawn_and_kept(history)
    sizes = canvas.figure.axes[0]
    before = axes_drawing(sizes)
    after = copy_before_latest(3)(history)
    assert update_timeline(canvas.figure, timeline, after, analyse(after), STYLE)
    begins = change_begins(before, axes_drawing(sizes))
    assert begins is not None
    return canvas, timeline, quick, begins


def test_an_edit_near_the_end_of_a_long_history_draws_only_its_last_fifth_again() -> None:
    history = long_history(300, 4)
    assert all(len(drawn.points) > 200 for drawn in drawn_lines(history))
    canvas, _timeline, _quick, begins = copied_near_the_end(history)
    sizes = canvas.figure.axes[0]
    assert sizes.bbox.x1 - sizes.bbox.width / 5 < begins < sizes.bbox.x1


def test_a_tip_drawn_over_and_its_going_show_the_whole_canvas_anew() -> None:
    history = demo_record().history("c1")
    canvas, _timeline, quick = drawn_and_kept(history)
    figure = canvas.figure
    tip = figure.text(0.5, 0.5, "A tip")
    whole = tuple(figure.bbox.extents)
    for visible in (True, False):
        tip.set_visible(visible)
        region = quick.draw([], [tip])
        assert region is not None
        assert tuple(region.extents) == whole
    region = quick.draw([], [tip])
    assert region is not None
    assert region.width < 0  # nothing changed


def test_the_lines_that_end_left_of_the_columns_drawn_again_are_left_out() -> None:
    canvas, timeline, quick, begins = copied_near_the_end(long_history(300, 4))
    sizes = canvas.figure.axes[0]
    with drawn_from(sizes, begins):
        shown = {line for line in sizes.get_lines() if line.get_visible()}
    # The sums of most episodes before the latest end left of the columns drawn again.
    left_out = {drawn.line for drawn in timeline.sum_lines[:-1]} - shown
    assert len(left_out) > 1
    for line in left_out:
        assert line.get_transform().transform(line.get_xydata())[:, 0].max() < begins
    assert shown >= {drawn.line for drawn in timeline.spot_lines}
    assert all(line.get_visible() for line in sizes.get_lines())
    assert quick.draw([sizes]) is not None
    drawn = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    assert (drawn == np.asarray(canvas.buffer_rgba())).all()


@pytest.mark.parametrize(
    "look",
    [
        {"linewidth": 1.5},
        {"linewidth": 6, "solid_joinstyle": "bevel", "solid_capstyle": "projecting"},
        {"linewidth": 6, "solid_joinstyle": "miter"},
        {"linewidth": 1, "marker": "s", "markersize": 12, "markeredgewidth": 3},
        {"linewidth": 2, "marker": "o", "markevery": 2, "linestyle": "--"},
    ],
)
def test_a_line_left_out_draws_no_pixel_in_the_columns_drawn_again(look: dict[str, object]) -> None:
    figure = Figure(figsize=(4, 3), dpi=96)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    canvas.draw()
    without = np.asarray(canvas.buffer_rgba()).copy()
    # A sharp corner at its rightmost point.
    line = axes.plot([1, 4.5, 1.2], [2, 5, 5.6], **look)[0]
    canvas.draw()
    columns = np.flatnonzero((np.asarray(canvas.buffer_rgba()) != without).any(axis=(0, 2)))
    rightmost = int(columns.max())
    # A part from any column up to the line's rightmost pixel draws the line.
    for begins in np.arange(rightmost - 3, rightmost + 1, 0.25):
        with drawn_from(axes, float(begins)):
            assert line.get_visible()
    with drawn_from(axes, rightmost + 40.0):
        # Unless mitred: the corner's reach is not worked out.
        assert line.get_visible() == (look.get("solid_joinstyle") == "miter")


@pytest.mark.parametrize("dpi", [96, 192])
@pytest.mark.parametrize("marker", ["o", "s", "^", "v", "D", "P", "X"])
def test_a_marker_left_out_draws_no_pixel_in_the_columns_drawn_again(dpi: int, marker: str) -> None:
    figure = Figure(figsize=(4, 3), dpi=dpi)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    axes.set_axis_off()
    canvas.draw()
    without = np.asarray(canvas.buffer_rgba()).copy()
    line = axes.plot([5.0], [5.0], marker=marker, markersize=7, linestyle="none", markevery=1)[0]
    canvas.draw()
    columns = np.flatnonzero((np.asarray(canvas.buffer_rgba()) != without).any(axis=(0, 2)))
    # A part from any column up to the marker's rightmost pixel marks the point (a diamond
    # reaches further than half its size).
    for begins in np.arange(int(columns.max()) - 3, int(columns.max()) + 1, 0.25):
        with drawn_from(axes, float(begins)):
            assert line.get_markevery() == [0]
    assert line.get_markevery() == 1
