"""Spots without a size added to a history for the tests of the timeline and the summary: bone
spots and fluid around the lung, with a state at some scans."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TypeVar

from survivor_app.domain import Area, CancerHistory, Measurement, Record, Spot, SpotState

BONE = Spot("b1", "c1", "Several small bone spots in the spine", Area.DISTANT, False, sized=False)
FLUID = Spot("b2", "c1", "Fluid around the lung", Area.DISTANT, False, sized=False)

#: A state, or a state and True for "uncertain".
Said = SpotState | tuple[SpotState, bool]
#: A whole record, or one cancer's history.
R = TypeVar("R", Record, CancerHistory)


def with_states(history: R, states: Mapping[Spot, Mapping[str, Said]]) -> R:
    """``history`` with the spots of ``states`` added, each with its state at the scans named
    by id (and nothing at the others: not looked at)."""

    def said(spot: Spot, scan_id: str) -> tuple[Measurement, ...]:
        state = states[spot].get(scan_id)
        if state is None:
            return ()
        state, uncertain = state if isinstance(state, tuple) else (state, False)
        return (Measurement(spot.id, None, uncertain=uncertain, state=state),)

    scans = tuple(
        dataclasses.replace(
            scan,
            measurements=(
                *scan.measurements,
                *(m for spot in states for m in said(spot, scan.id)),
            ),
        )
        for scan in history.scans
    )
    spots = (*history.spots, *(spot for spot in states if spot not in history.spots))
    return dataclasses.replace(history, spots=spots, scans=scans)


def sized_only(history: R) -> R:
    """``history`` without its spots without a size, and without what the scans said of them."""
    sized = {spot.id for spot in history.spots if spot.sized}
    scans = tuple(
        dataclasses.replace(
            scan, measurements=tuple(m for m in scan.measurements if m.spot_id in sized)
        )
        for scan in history.scans
    )
    spots = tuple(spot for spot in history.spots if spot.sized)
    return dataclasses.replace(history, spots=spots, scans=scans)
