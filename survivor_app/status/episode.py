"""An episode: the stretch of a cancer's history measured against one baseline scan, with its
smallest sum and its run of remissions (STATUS_RULES.md §3 and rule 9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from survivor_app.domain import Scan, Spot, Status
from survivor_app.status.assessment import CONFIRM_DAYS, RESPONSES
from survivor_app.status.spot_sizes import THERE, counted_size, is_present, measurements_by_spot


class Episode:
    """The stretch of history measured against one baseline scan (STATUS_RULES.md §3)."""

    def __init__(
        self, number: int, scan: Scan, spots: Sequence[Spot], *, empty: bool = False
    ) -> None:
        self.number = number
        self.baseline_date = scan.date
        # Rule 9: the run of measured remissions since the last measured status of another kind.
        self.run_start: dt.date | None = None
        self.run_partial = False
        self.response_confirmed = False
        if empty or scan.no_evidence_of_disease:
            # Starting in complete remission: no baseline sum until disease is found again.
            self.tracked: tuple[Spot, ...] = ()
            self.baseline_sum: int | None = None
            self.nadir: int | None = None
            self.nadir_sizes: dict[str, int] = {}
        else:
            measured = measurements_by_spot(scan)
            sizes = {
                spot.id: counted_size(m, spot)
                for spot in spots
                if spot.sized and (m := measured.get(spot.id)) is not None
            }
            # Sized spots above 0 or too small to measure, and spots without a size marked
            # present or growing, certain or not; only the sized ones make the sum.
            states = {spot.id: m.state for spot in spots if (m := measured.get(spot.id))}
            self.tracked = tuple(
                spot
                for spot in spots
                if sizes.get(spot.id, 0) > 0 or (not spot.sized and states.get(spot.id) in THERE)
            )
            self.baseline_sum = sum(sizes[spot.id] for spot in self.tracked if spot.sized)
            self.nadir = self.baseline_sum
            self.nadir_sizes = sizes
        self.tracked_ids = frozenset(spot.id for spot in self.tracked)
        # The tracked spots in two runs, so that each scan's pass over them tells them apart once.
        self.sized_tracked = tuple(spot for spot in self.tracked if spot.sized)
        self.unsized_tracked = tuple(spot for spot in self.tracked if not spot.sized)
        # Rule 7 needs a sized spot that was above normal at the baseline.
        self.above_normal_at_start = any(
            is_present(self.nadir_sizes[spot.id], spot) for spot in self.tracked if spot.sized
        )
        self.nadir_date: dt.date | None = scan.date

    def evaluated(self, date: dt.date, total: int, sizes: dict[str, int]) -> None:
        """Take in a complete sum of a scan of this episode: it may be the new smallest one (of
        several equal ones, the earliest stays, with each spot's size there for rule 4)."""
        if self.nadir is not None and total < self.nadir:
            self.nadir, self.nadir_date, self.nadir_sizes = total, date, sizes

    def measured(self, date: dt.date, status: Status) -> None:
        """Follow the run of measured remissions that confirms a response for rule 9."""
        if status is Status.NOT_EVALUABLE:
            return
        if status not in RESPONSES:
            self.run_start, self.run_partial = None, False
            return
        if self.run_start is None:
            self.run_start = date
        self.run_partial |= status is Status.PARTIAL_REMISSION
        if self.run_partial and (date - self.run_start).days >= CONFIRM_DAYS:
            self.response_confirmed = True
