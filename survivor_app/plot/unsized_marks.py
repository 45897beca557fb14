"""What the scans said of each spot without a size, worked out from a cancer's history without
drawing anything (and without matplotlib): the marks of the timeline's lane, and the latest state
the printed summary lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from survivor_app.domain import CancerHistory, Spot, SpotState


@dataclass(frozen=True, slots=True)
class LaneMark:
    """What one scan said of one spot without a size: its state, whether the report was unsure
    it is cancer, and whether the state is the scan's "no evidence of disease" (the scan left
    the spot out, and found no disease anywhere)."""

    spot: Spot
    row: int
    date: dt.date
    state: SpotState
    uncertain: bool = False
    no_evidence: bool = False


def lane_spots(history: CancerHistory) -> tuple[Spot, ...]:
    """The spots without a size that a scan said something of, in entry order: one row each."""
    seen = {m.spot_id for scan in history.scans for m in scan.measurements if m.state is not None}
    return tuple(s for s in history.spots if not s.sized and s.id in seen)


def lane_marks(history: CancerHistory, spots: tuple[Spot, ...]) -> list[LaneMark]:
    """Every mark of the lane of ``spots``, in date order: one for each scan with a state for
    the spot, and a "gone" for a scan marked "no evidence of disease" that leaves out a spot
    seen before (the rules count it gone, as the sizes' lines sit on 0 there)."""
    marks: list[LaneMark] = []
    seen: set[str] = set()
    for scan in sorted(history.scans, key=lambda s: s.date):
        for row, spot in enumerate(spots):
            measurement = scan.measurement_of(spot.id)
            if measurement is not None and measurement.state is not None:
                seen.add(spot.id)
                marks.append(
                    LaneMark(spot, row, scan.date, measurement.state, measurement.uncertain)
                )
            elif measurement is None and scan.no_evidence_of_disease and spot.id in seen:
                marks.append(LaneMark(spot, row, scan.date, SpotState.GONE, no_evidence=True))
    return marks


def latest_marks(history: CancerHistory) -> list[LaneMark]:
    """The latest mark of each spot without a size that a scan said something of, in the
    spots' order (of two scans on one date, the one entered last)."""
    spots = lane_spots(history)
    latest: dict[str, LaneMark] = {}
    for mark in lane_marks(history, spots):
        latest[mark.spot.id] = mark
    return [latest[spot.id] for spot in spots]
