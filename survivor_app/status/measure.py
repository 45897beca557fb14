"""Rules 1-10 of STATUS_RULES.md §4: what the measurements of one scan say, within its episode,
with the findings behind the label. Sums count sized spots only; spots without a size count by
their state (present, gone, growing, or not looked at)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Unpack

from survivor_app.domain import Measurement, RecurrenceType, Spot, SpotState, Status
from survivor_app.status.assessment import (
    NODE_PRESENT_TENTHS,
    PARTIAL_RATIO,
    RECURRENCE_DAYS,
    FindingsGiven,
    Reason,
    SpotFinding,
)
from survivor_app.status.episode import Episode
from survivor_app.status.scan_view import ScanView
from survivor_app.status.spot_sizes import (
    counted_size,
    finding_of,
    grew_from,
    is_present,
    recurrence_type_of,
)


class Measured:
    """What rules 1-10 of STATUS_RULES.md §4 make of one scan, with the findings behind it
    (one not given is empty), handed on to the scan's assessment as they are. A plain class,
    not a frozen dataclass: a long history measures a thousand scans, and nothing keeps one
    after its assessment is made."""

    __slots__ = ("findings", "reason", "recurrence_type", "sizes", "status", "sum_tenths")

    def __init__(
        self,
        status: Status,
        reason: Reason,
        sum_tenths: int | None,
        recurrence_type: RecurrenceType | None = None,
        sizes: dict[str, int] | None = None,
        **findings: Unpack[FindingsGiven],
    ) -> None:
        self.status = status
        self.reason = reason
        self.sum_tenths = sum_tenths
        self.recurrence_type = recurrence_type
        self.sizes: dict[str, int] = {} if sizes is None else sizes
        self.findings: FindingsGiven = findings

    @property
    def missing_spots(self) -> tuple[Spot, ...]:
        """The tracked sized spots the scan did not measure."""
        return self.findings.get("missing_spots", ())


def unsized_findings(view: ScanView, tracked: tuple[Spot, ...]) -> tuple[SpotFinding, ...]:
    """Each tracked spot without a size as this scan shows it; state None: not looked at."""
    measured = view.by_spot
    return _unsized(view, ((spot, measured.get(spot.id)) for spot in tracked if not spot.sized))


def _unsized(
    view: ScanView, pairs: Iterable[tuple[Spot, Measurement | None]]
) -> tuple[SpotFinding, ...]:
    """The findings of spots without a size, each with its entry in the scan (None: none)."""
    return tuple(SpotFinding(spot, 0) if m is None else view.finding(m, spot) for spot, m in pairs)


#: The tracked spots of an episode as one scan shows them (``_tracked``).
_Tracked = tuple[
    dict[str, int],
    list[Spot],
    list[tuple[Spot, Measurement, int]],
    list[tuple[Spot, Measurement | None]],
    int,
    int,
]


def _tracked(view: ScanView, episode: Episode, after_remission: bool) -> _Tracked:
    """The tracked spots of an episode as one scan shows them, in one pass: the sized spots'
    sizes, those not measured, each measured one with the size rules 3-8 count (0 for an
    uncertain one after a complete remission), those without a size with their entry, and the
    sums rules 4 and 8 compare (the second with rule 4's count of small lymph nodes). A tuple:
    a long history has a thousand scans."""
    get = view.by_spot.get
    nadir_sizes = episode.nadir_sizes
    sizes: dict[str, int] = {}
    missing: list[Spot] = []
    ruled: list[tuple[Spot, Measurement, int]] = []
    ruled_total = growth = 0
    for spot in episode.sized_tracked:
        m = get(spot.id)
        if m is None:
            missing.append(spot)
            continue
        size = sizes[spot.id] = counted_size(m, spot)
        if after_remission and m.uncertain and not view.certain(m):
            size = 0
        ruled.append((spot, m, size))
        ruled_total += size
        # Rule 4 alone counts a lymph node under 10 mm at no more than its size at the nadir.
        if spot.lymph_node and size < NODE_PRESENT_TENTHS:
            growth += min(size, nadir_sizes.get(spot.id, 0))
        else:
            growth += size
    unsized = [(spot, get(spot.id)) for spot in episode.unsized_tracked]
    return sizes, missing, ruled, unsized, ruled_total, growth


def measure(view: ScanView, episode: Episode, remission_start: dt.date | None) -> Measured:
    """Rules 1-10 of STATUS_RULES.md §4, in order: the first that applies gives the label."""
    scan = view.scan
    if scan.no_evidence_of_disease:
        return Measured(Status.COMPLETE_REMISSION, Reason.NO_EVIDENCE_MARK, 0)
    tracked_ids = episode.tracked_ids
    # A long history has a thousand scans of a dozen spots: one pass over the tracked spots,
    # and sizes as numbers, made into findings only for the spots a label names.
    measured = view.by_spot
    # After a complete remission an uncertain tracked spot counts as gone in rules 3-8; its
    # size still makes the sum shown and later nadirs.
    after_remission = remission_start is not None
    nadir_sizes = episode.nadir_sizes
    sizes, missing, ruled, unsized, ruled_total, growth = _tracked(view, episode, after_remission)
    total = sum(sizes.values())
    doubted = view.doubted()
    unsized_spots = _unsized(view, unsized)
    # Every rule's result carries the same findings.
    found: FindingsGiven = {
        "missing_spots": tuple(missing),
        "too_small_spots": view.too_small(episode.tracked),
        "uncertain_spots": doubted,
        "uncertain_counted_as_gone": after_remission
        and any(f.spot.id in tracked_ids for f in doubted),
        "unsized_spots": unsized_spots,
    }
    new = tuple(
        view.finding(m, view.spots[m.spot_id])
        for m in scan.measurements
        if m.spot_id not in tracked_ids and view.certainly_present(m)
    )
    returned = (
        tuple(
            view.finding(m, spot)
            for spot in episode.tracked
            if (m := measured.get(spot.id)) is not None and view.certainly_present(m)
        )
        if after_remission
        else ()
    )
    if new or returned:
        days = None if remission_start is None else (scan.date - remission_start).days
        recurred = days is not None and days >= RECURRENCE_DAYS
        found["new_spots"], found["returned_spots"] = new, returned
        return Measured(
            Status.RECURRED if recurred else Status.PROGRESSED,
            Reason.NEW_SPOT if new else Reason.BACK_AFTER_REMISSION,
            None if missing else total,
            recurrence_type=recurrence_type_of(view.present_now()) if recurred else None,
            sizes=sizes,
            **found,
        )
    growing = tuple(
        view.finding(m, spot)
        for spot, m in unsized
        if m is not None and m.state is SpotState.GROWING and view.certain(m)
    )
    nadir = episode.nadir
    if nadir is not None:
        if grew_from(growth, nadir):
            found["growing_spots"] = growing
            return Measured(Status.PROGRESSED, Reason.GROWTH, total, sizes=sizes, **found)
        if grew_from(ruled_total, nadir):
            found["small_node_growth"] = tuple(
                finding_of(m, spot)
                for spot, m, size in ruled
                if spot.lymph_node
                and size < NODE_PRESENT_TENTHS
                and size > nadir_sizes.get(spot.id, 0)
            )
    if growing:
        found["growing_spots"] = growing
        return Measured(Status.PROGRESSED, Reason.UNSIZED_GREW, total, sizes=sizes, **found)
    if missing:
        return Measured(Status.NOT_EVALUABLE, Reason.NOT_MEASURED, None, sizes=sizes, **found)
    if not any(is_present(size, spot) for spot, _, size in ruled):
        # Every sized spot is gone; what is left above 0 are lymph nodes of normal size.
        small = tuple(
            finding_of(m, spot) for spot, m, size in ruled if size > 0 and spot.lymph_node
        )
        remaining = tuple(
            finding
            for finding, (_, m) in zip(unsized_spots, unsized, strict=True)
            if not _gone(view, m, after_remission)
        )
        if not remaining:
            found["small_nodes"] = small
            return Measured(Status.COMPLETE_REMISSION, Reason.ALL_GONE, total, sizes=sizes, **found)
        if episode.above_normal_at_start:
            found["small_nodes"], found["remaining_spots"] = small, remaining
            return Measured(
                Status.PARTIAL_REMISSION, Reason.UNSIZED_REMAIN, total, sizes=sizes, **found
            )
    baseline = episode.baseline_sum
    if baseline and PARTIAL_RATIO[1] * ruled_total <= PARTIAL_RATIO[0] * baseline:
        return Measured(Status.PARTIAL_REMISSION, Reason.SHRANK, total, sizes=sizes, **found)
    if episode.response_confirmed:
        return Measured(
            Status.PARTIAL_REMISSION, Reason.RESPONSE_STANDS, total, sizes=sizes, **found
        )
    return Measured(Status.STABLE, Reason.NO_BIG_CHANGE, total, sizes=sizes, **found)


def _gone(view: ScanView, m: Measurement | None, after_remission: bool) -> bool:
    """Whether a spot without a size counts as gone in rules 6 and 7: looked at and marked
    gone, or after a complete remission marked there but uncertain."""
    if m is None:
        return False
    return m.state is SpotState.GONE or (after_remission and not view.certain(m))
