"""The example record's CA 15-3 tells part of Margaret Ellis's story: above the lab's limit at
diagnosis, down through treatment, rising before the cancer came back, falling on the new
treatment; never a label (STATUS_RULES.md §9)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from survivor_app.domain import MarkerKind, Record
from survivor_app.exchange.record_reader import read_record
from survivor_app.status import analyse, marker_line, marker_sentences, period_marker_sentences
from survivor_app.status.markers import Direction, direction, marker_series
from tests.shared_files import DEMO_RECORD


def demo_record() -> Record:
    """The example record as this repository holds it (what ``exchange.demo_record`` reads once
    the package is installed from here)."""
    return read_record(DEMO_RECORD.read_bytes())


def test_the_example_follows_ca_15_3_beside_the_breast_cancer() -> None:
    record = demo_record()
    breast = record.history("c1")
    (series,) = marker_series(breast.marker_results)
    assert (series.marker, series.unit) == (MarkerKind.CA_15_3, "U/mL")
    assert record.history("c2").marker_results == ()
    came_back = next(p for p in analyse(breast).periods if p.label.startswith("Recurred"))
    before = [r for r in series.results if r.date < came_back.start]
    assert [direction(b, a) for a, b in itertools.pairwise(before[-3:])] == [
        Direction.UP,
        Direction.UP,
    ]
    treated = next(t for t in breast.treatments if t.start > came_back.start)
    after = [r for r in series.results if r.date > treated.start]
    assert all(direction(b, a) is Direction.DOWN for a, b in itertools.pairwise(after))
    assert marker_line(breast.marker_results) == "CA 15-3 17 U/mL (15 Jun 2026), down"
    assert len(marker_sentences(breast.marker_results)) == 2


def test_the_examples_markers_leave_its_labels_and_fill_its_periods() -> None:
    breast = demo_record().history("c1")
    analysis = analyse(breast)
    without = analyse(dataclasses.replace(breast, marker_results=()))
    assert without.periods == analysis.periods
    first = analysis.periods[0]
    said = period_marker_sentences(breast.marker_results, first.start, first.end)
    assert "Your CA 15-3 was 38 U/mL on 21 September 2022. This is its first result." in said
    assert any("above 30 U/mL" in s for s in said)
    assert first.start <= dt.date(2022, 9, 21)
