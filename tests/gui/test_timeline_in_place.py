"""An edit of the scans changes the plot's artists in place, and what it draws is, pixel for
pixel, what drawing the edited history from nothing draws."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from survivor_app.domain import (
    Area,
    CancerHistory,
    MarkerResult,
    Measurement,
    Record,
    Scan,
    ScanKind,
    Spot,
    SpotState,
)
from survivor_app.gui import edit_actions
from survivor_app.gui.dialogs import ScanDialog, ScanEntry
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.widgets.timeline import TimelinePlot
from survivor_app.status import analyse
from tests.gui.answers import answer
from tests.gui.plotting import is_ready, lane_axes, shown_plot
from tests.gui.records import BASELINE, SHRUNK, small_record, write_record_file
from tests.plot.marker_results import cea_series, wide_series, with_markers
from tests.plot.unsized import BONE, FLUID, Said, sized_only, with_states

pytestmark = [
    pytest.mark.usefixtures("uk_dates"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

Edit = Callable[[CancerHistory], CancerHistory]


def with_scans(history: CancerHistory, scans: list[Scan]) -> CancerHistory:
    return dataclasses.replace(history, scans=tuple(scans))


def add_scan(on: str, tenths: int) -> Edit:
    """A scan of the liver spot (s3, the one the example still measures)."""

    def edit(history: CancerHistory) -> CancerHistory:
        scan = Scan(
            id=f"new-{on}",
            cancer_id=history.cancer.id,
            date=dt.date.fromisoformat(on),
            kind=ScanKind.OTHER,
            measurements=(Measurement("s3", tenths),),
        )
        return with_scans(history, [*history.scans, scan])

    return edit


def delete_scan(scan_id: str) -> Edit:
    return lambda history: with_scans(history, [s for s in history.scans if s.id != scan_id])


def change_size(scan_id: str, spot_id: str, tenths: int) -> Edit:
    def edit(history: CancerHistory) -> CancerHistory:
        def changed(scan: Scan) -> Scan:
            if scan.id != scan_id:
                return scan
            sizes = tuple(
                dataclasses.replace(m, size_tenths=tenths) if m.spot_id == spot_id else m
                for m in scan.measurements
            )
            return dataclasses.replace(scan, measurements=sizes)

        return with_scans(history, [changed(scan) for scan in history.scans])

    return edit


def new_spot(history: CancerHistory) -> CancerHistory:
    """A lung spot, measured on the first scan and the last."""
    spot = Spot("s4", history.cancer.id, "Lung spot", Area.DISTANT, lymph_node=False)
    first, last = history.scans[0].id, history.scans[-1].id
    scans = [
        dataclasses.replace(s, measurements=(*s.measurements, Measurement("s4", 60)))
        if s.id in (first, last)
        else s
        for s in history.scans
    ]
    return dataclasses.replace(history, spots=(*history.spots, spot), scans=tuple(scans))


#: The example's last scan (sc12) has the liver spot at 10 mm after a smallest 9 mm: 16 mm is
#: growth of more than 20 % and 5 mm, a progression, which starts a new episode.
PROGRESSION = change_size("sc12", "s3", 160)

EDITS: dict[str, Edit] = {
    "add a scan after the last": add_scan("2026-10-05", 105),
    "add a scan between two": add_scan("2025-11-01", 95),
    "delete a scan": delete_scan("sc9"),
    "change a size": change_size("sc11", "s3", 110),
    # Sizes above 100 mm: wider numbers on the size axis, so the figure is laid out again.
    "change a size beyond the scale": change_size("sc3", "s1", 1250),
    "a new spot": new_spot,
    "a progression starting an episode": PROGRESSION,
}


def with_cea(history: CancerHistory) -> CancerHistory:
    return with_markers(history, cea_series(history))


def marker_edit(change: Callable[[tuple[MarkerResult, ...]], tuple[MarkerResult, ...]]) -> Edit:
    """An edit of the marker results of a history that has the CEA series."""
    return lambda history: dataclasses.replace(
        history, marker_results=change(with_cea(history).marker_results)
    )


def _raised(results: tuple[MarkerResult, ...]) -> tuple[MarkerResult, ...]:
    return tuple(
        dataclasses.replace(r, value=Decimal("12.5")) if r.id == "cea-3" else r for r in results
    )


#: Edits of a history with markers, from the example with its CEA series.
MARKER_EDITS: dict[str, Edit] = {
    "add a marker result": marker_edit(
        lambda results: (
            *results,
            dataclasses.replace(results[-1], id="cea-new", date=dt.date(2026, 9, 1)),
        )
    ),
    "change a value": marker_edit(_raised),
    "delete a marker result": marker_edit(lambda results: results[:-1]),
    "a below-limit result measured": marker_edit(
        lambda results: tuple(dataclasses.replace(r, below_limit=False) for r in results)
    ),
    "a second marker, on a log scale": lambda history: with_markers(
        history, cea_series(history), wide_series(history)
    ),
    "a scan beside the markers": lambda history: add_scan("2026-10-05", 105)(with_cea(history)),
}


def pixels(plot: TimelinePlot) -> np.ndarray:
    assert plot.canvas is not None
    plot.canvas.draw()
    return np.asarray(plot.canvas.buffer_rgba()).copy()


def assert_same_pixels(updated: TimelinePlot, drawn: TimelinePlot) -> None:
    ours, theirs = pixels(updated), pixels(drawn)
    assert ours.shape == theirs.shape
    differing = int((ours != theirs).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ"


def updated_plot(qtbot: QtBot, before: CancerHistory, after: CancerHistory) -> TimelinePlot:
    """A plot drawn for ``before``, then shown ``after``; checks it kept its axes."""
    plot = shown_plot(qtbot, before)
    assert plot.canvas is not None
    axes = plot.canvas.figure.axes
    plot.show_history(after, analyse(after))
    assert plot.canvas.figure.axes == axes
    assert all(a is b for a, b in zip(plot.canvas.figure.axes, axes, strict=True))
    return plot


@pytest.mark.parametrize("name", EDITS)
def test_an_edit_updated_in_place_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    before = demo.history("c1")
    after = EDITS[name](before)
    assert after != before
    plot = updated_plot(qtbot, before, after)
    assert_same_pixels(plot, shown_plot(qtbot, after))


@pytest.mark.parametrize("name", MARKER_EDITS)
def test_a_marker_edit_updated_in_place_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    before = with_cea(demo.history("c1"))
    after = MARKER_EDITS[name](demo.history("c1"))
    assert after != before
    plot = updated_plot(qtbot, before, after)
    assert_same_pixels(plot, shown_plot(qtbot, after))


def test_undoing_the_log_scale_in_place_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record
) -> None:
    before = with_cea(demo.history("c1"))
    plot = updated_plot(
        qtbot, MARKER_EDITS["a second marker, on a log scale"](demo.history("c1")), before
    )
    assert_same_pixels(plot, shown_plot(qtbot, before))


def test_the_first_marker_result_draws_the_panel_afresh(qtbot: QtBot, demo: Record) -> None:
    before = with_markers(demo.history("c1"))
    plot = shown_plot(qtbot, before)
    assert plot.canvas is not None
    axes = list(plot.canvas.figure.axes)
    after = with_cea(before)
    plot.show_history(after, analyse(after))
    assert len(plot.canvas.figure.axes) == len(axes) + 1
    assert_same_pixels(plot, shown_plot(qtbot, after))


@pytest.mark.parametrize("name", ["a new spot", "a progression starting an episode"])
def test_undoing_an_edit_in_place_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str
) -> None:
    before = demo.history("c1")
    plot = updated_plot(qtbot, EDITS[name](before), before)
    assert_same_pixels(plot, shown_plot(qtbot, before))


PRESENT, GONE, GROWING = SpotState.PRESENT, SpotState.GONE, SpotState.GROWING
#: Bone spots and fluid around the lung, mentioned without a size since the liver spot was found.
LANE: dict[Spot, dict[str, Said]] = {
    BONE: {"sc7": PRESENT, "sc9": (PRESENT, True)},
    FLUID: {"sc8": PRESENT},
}

LANE_EDITS: dict[str, Callable[[CancerHistory], CancerHistory]] = {
    "a mark changes its state": lambda h: with_states(
        h, {**LANE, BONE: {"sc7": PRESENT, "sc9": GROWING}}
    ),
    "a mark added at a later scan": lambda h: with_states(
        h, {**LANE, FLUID: {"sc8": PRESENT, "sc12": GONE}}
    ),
    "a scan with marks deleted": lambda h: delete_scan("sc9")(with_states(h, LANE)),
    # The longest name shortened: the lane's names take less room, and the figure is laid out
    # again.
    "a spot without a size renamed": lambda h: with_states(
        h, {dataclasses.replace(BONE, name="Bones"): LANE[BONE], FLUID: LANE[FLUID]}
    ),
    "a size changes under the lane": lambda h: PROGRESSION(with_states(h, LANE)),
}


@pytest.mark.parametrize("name", LANE_EDITS)
@pytest.mark.parametrize("undone", [False, True], ids=["edit", "undo"])
def test_an_edit_with_spots_without_a_size_updated_in_place_draws_what_a_full_drawing_draws(
    qtbot: QtBot, demo: Record, name: str, undone: bool
) -> None:
    history = sized_only(demo.history("c1"))
    before, after = with_states(history, LANE), LANE_EDITS[name](history)
    if undone:
        before, after = after, before
    assert after != before
    plot = updated_plot(qtbot, before, after)
    assert plot.canvas is not None
    assert lane_axes(plot) is not None
    assert_same_pixels(plot, shown_plot(qtbot, after))


def test_the_legend_is_built_again_only_when_its_entries_change(qtbot: QtBot, demo: Record) -> None:
    before = demo.history("c1")
    plot = shown_plot(qtbot, before)
    assert plot.canvas is not None
    (legend,) = plot.canvas.figure.legends
    texts = [text.get_text() for text in legend.get_texts()]
    resized = EDITS["change a size"](before)
    plot.show_history(resized, analyse(resized))
    assert plot.canvas.figure.legends == [legend]
    progressed = PROGRESSION(before)
    plot.show_history(progressed, analyse(progressed))
    (rebuilt,) = plot.canvas.figure.legends
    assert rebuilt is not legend
    rebuilt_texts = [text.get_text() for text in rebuilt.get_texts()]
    assert "Progressed" not in texts
    # One entry more, among the bands (before the marker panel's, when there are any).
    assert [text for text in rebuilt_texts if text != "Progressed"] == texts
    assert rebuilt_texts.count("Progressed") == 1


def test_a_scan_added_and_undone_in_the_window_updates_the_plot_in_place(
    qtbot: QtBot, window: MainWindow, record_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_record_file(record_path, small_record(scans=(BASELINE, SHRUNK)))
    assert window.open_record(record_path)
    plot = window.view.plot
    qtbot.waitUntil(lambda: is_ready(plot))
    assert plot.canvas is not None
    figure = plot.canvas.figure
    later = dataclasses.replace(SHRUNK, id="sc3", date=dt.date(2024, 7, 1))
    answer(monkeypatch, ScanDialog, ScanEntry(later))

    for edit in (window.edits.adding[edit_actions.SCAN].trigger, window.undo_action.trigger):
        axes = list(figure.axes)
        before = pixels(plot)
        edit()
        assert all(a is b for a, b in zip(figure.axes, axes, strict=True))
        updated = pixels(plot)
        assert not np.array_equal(updated, before)
        plot.redraw()
        assert not any(a is b for a, b in zip(figure.axes, axes, strict=True))
        assert np.array_equal(updated, pixels(plot))
