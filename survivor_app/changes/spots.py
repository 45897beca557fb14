"""Changes to a spot on its own, from the spots tab: added and changed as any kind of thing
(``SPOTS``), and deleted with what every scan said of it (``DeleteSpot``), which undo puts back."""

from __future__ import annotations

from dataclasses import dataclass, field

from survivor_app.changes.kinds import Kind, Place
from survivor_app.changes.writes import Edit, Part, Touches
from survivor_app.domain import Scan, Spot
from survivor_app.storage import RecordStore

SPOTS: Kind[Spot] = Kind(
    "spot",
    Part.SPOTS,
    lambda store, thing, at: store.add_spot(thing, at=at),
    lambda store, thing: store.update_spot(thing),
    lambda store, thing_id: store.delete_spot(thing_id),
)


@dataclass(frozen=True, slots=True)
class DeleteSpot(Edit):
    """A spot deleted with its measurements; ``scans`` are the scans that said something of it,
    as they were, which undo writes back after the spot."""

    spot: Spot
    scans: tuple[Scan, ...] = ()
    #: Where the spot stood in entry order, filled in by each ``apply``.
    place: Place = field(default_factory=Place, compare=False, repr=False)

    @property
    def name(self) -> str:
        return "delete spot"

    @property
    def touches(self) -> Touches:
        return Touches(Part.SPOTS | (Part.SCANS if self.scans else Part(0)), self.spot.cancer_id)

    def apply(self, store: RecordStore) -> None:
        self.place.seq = store.delete_spot(self.spot.id)

    def revert(self, store: RecordStore) -> None:
        store.add_spot(self.spot, at=self.place.seq)
        for scan in self.scans:
            store.update_scan(scan)
