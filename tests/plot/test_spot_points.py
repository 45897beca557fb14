"""The spots' points worked out again after an edit from the first scan it changed are those
worked out afresh, over generated histories and edits: scans added, changed, moved to another
date or removed, and Undo back to an earlier version."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import CancerHistory
from survivor_app.plot.places import spot_points
from tests.status.generated import histories
from tests.status.test_relabel import edited


@settings(max_examples=300)
@given(histories(), st.data())
def test_points_worked_out_from_the_last_are_those_worked_out_afresh(
    history: CancerHistory, data: st.DataObject
) -> None:
    points = spot_points(history)
    versions = [history]
    for _ in range(data.draw(st.integers(1, 6))):
        history = data.draw(edited(versions))
        versions.append(history)
        points = spot_points(history, points)
        assert points.of_spot == spot_points(history).of_spot


@settings(max_examples=50)
@given(histories(), st.data())
def test_other_spots_are_worked_out_afresh(history: CancerHistory, data: st.DataObject) -> None:
    points = spot_points(history)
    kept = data.draw(st.lists(st.sampled_from(history.spots), unique=True, min_size=1))
    fewer = dataclasses.replace(history, spots=tuple(kept))
    assert spot_points(fewer, points).of_spot == spot_points(fewer).of_spot


@settings(max_examples=50)
@given(histories())
def test_the_points_of_the_scans_before_an_edit_are_kept(history: CancerHistory) -> None:
    points = spot_points(history)
    *before, _latest = points.scans
    after = spot_points(dataclasses.replace(history, scans=tuple(before)), points)
    for spot_id, (line, numbers) in after.lines.items():
        kept, kept_numbers = points.lines[spot_id]
        # The very points worked out before, not worked out again.
        assert len(line) == len(numbers) == sum(n < len(before) for n in kept_numbers)
        assert all(a is b for a, b in zip(line, kept, strict=False))
