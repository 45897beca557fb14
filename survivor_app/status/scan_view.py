"""One scan as the rules see it: which of its entries are certain (an uncertain one may be
dated back, STATUS_RULES.md §4), which spots it shows there, and the findings that name them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from survivor_app.domain import Measurement, Scan, Spot
from survivor_app.status.assessment import SpotFinding
from survivor_app.status.spot_sizes import finding_of, measurements_by_spot, shows_disease


class ScanView:
    """A scan at its place in date order, with the spots of its cancer and the uncertain
    findings that a later scan confirmed."""

    def __init__(
        self,
        position: int,
        scan: Scan,
        spots: dict[str, Spot],
        dated_back: dict[tuple[int, str], dt.date],
    ) -> None:
        self.position = position
        self.scan = scan
        self.spots = spots
        self.dated_back = dated_back
        #: Each entry by its spot's id (the first, as ``Scan.measurement_of``).
        self.by_spot = measurements_by_spot(scan)

    def certain(self, m: Measurement) -> bool:
        """Whether an entry counts as certain: not marked uncertain, or dated back (§4)."""
        return not m.uncertain or (self.position, m.spot_id) in self.dated_back

    def certainly_present(self, m: Measurement) -> bool:
        """Whether the spot of ``m`` is there and certainly so (present, §1)."""
        return shows_disease(m, self.spots[m.spot_id]) and self.certain(m)

    def present_now(self) -> tuple[SpotFinding, ...]:
        """Every spot certainly there at this scan, tracked or not."""
        return tuple(
            self.finding(m, self.spots[m.spot_id])
            for m in self.scan.measurements
            if self.certainly_present(m)
        )

    def doubted(self) -> tuple[SpotFinding, ...]:
        """Every spot this scan shows as there, but uncertain, that no later scan confirmed."""
        # ``m.uncertain`` first: most entries are certain, and need no look-up.
        return tuple(
            finding_of(m, spot)
            for m in self.scan.measurements
            if m.uncertain
            and not self.certain(m)
            and shows_disease(m, spot := self.spots[m.spot_id])
        )

    def too_small(self, tracked: Sequence[Spot]) -> tuple[Spot, ...]:
        """The tracked spots this scan counts at 5 mm because they were too small to measure."""
        if not any(m.too_small for m in self.scan.measurements):
            return ()
        small = {m.spot_id for m in self.scan.measurements if m.too_small}
        return tuple(spot for spot in tracked if spot.id in small)

    def finding(self, m: Measurement, spot: Spot) -> SpotFinding:
        """The spot as this entry shows it, with the date of the scan that confirmed it when
        the finding was dated back."""
        finding = finding_of(m, spot)
        if not m.uncertain:
            return finding
        confirmed_on = self.dated_back.get((self.position, m.spot_id))
        return finding if confirmed_on is None else replace(finding, confirmed_on=confirmed_on)
