"""Changes to a spot on its own, from the spots tab: added and changed as any kind of thing
(``SPOTS``), and deleted with what every scan said of it (``DeleteSpot``), which undo puts back."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.changes.kinds import Edit, Kind, Part, Touches
from survivor_app.domain import Scan, Spot
from survivor_app.storage import RecordStore

SPOTS: Kind[Spot] = Kind(
    "spot",
    Part.SPOTS,
    lambda store, thing: store.add_spot(thing),
    lambda store, thing: store.update_spot(thing),
    lambda store, thing_id: store.delete_spot(thing_id),
)


@dataclass(frozen=True, slots=True)
class DeleteSpot(Edit):
    """A spot deleted with its measurements; ``scans`` are the scans that said something of it,
    as they were, which undo writes back after the spot."""

    spot: Spot
    scans: tuple[Scan, ...] = ()

    @property
    def name(self) -> str:
        return "delete spot"

    @property
    def touches(self) -> Touches:
        return Touches(Part.SPOTS | (Part.SCANS if self.scans else Part(0)), self.spot.cancer_id)

    def apply(self, store: RecordStore) -> None:
        store.delete_spot(self.spot.id)

    def revert(self, store: RecordStore) -> None:
        store.add_spot(self.spot)
        for scan in self.scans:
            store.update_scan(scan)
