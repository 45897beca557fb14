"""How each spot's entry counts under STATUS_RULES.md §4: the size a sized spot counts for,
whether a spot is there (by its size, or by the state of a spot without a size), growth, the kind
of recurrence, changes in percent, and uncertain findings dated back."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal

from survivor_app.domain import Area, Measurement, RecurrenceType, Scan, Spot, SpotState
from survivor_app.status.assessment import (
    GROWTH_RATIO,
    GROWTH_TENTHS,
    NODE_PRESENT_TENTHS,
    TOO_SMALL_TENTHS,
    SpotFinding,
)


def dated_back_findings(
    scans: Sequence[Scan], spots: dict[str, Spot]
) -> dict[tuple[int, str], dt.date]:
    """The uncertain findings a later certain one confirms, as (scan position, spot id), each
    with the date of the scan that confirmed it (§4). Walking back from that scan, the finding
    is dated back over uncertain entries and scans without one, and stops where the spot was
    last recorded gone or normal in size, or at a scan marked "no evidence of disease". A spot
    without a size counts as there when marked present or growing."""
    # Only a spot with an uncertain entry somewhere can have one dated back: most have none,
    # and a long history is walked for those alone (often none at all).
    doubted = {m.spot_id for scan in scans for m in scan.measurements if m.uncertain}
    confirming: dict[str, dt.date] = {}
    found: dict[tuple[int, str], dt.date] = {}
    if not doubted:
        return found
    for position in range(len(scans) - 1, -1, -1):
        scan = scans[position]
        if scan.no_evidence_of_disease:
            confirming.clear()
            continue
        for m in scan.measurements:
            if m.spot_id not in doubted:
                continue
            spot = spots[m.spot_id]
            if not shows_disease(m, spot):
                confirming.pop(m.spot_id, None)
            elif not m.uncertain:
                confirming[m.spot_id] = scan.date
            elif (on := confirming.get(m.spot_id)) is not None:
                found[(position, m.spot_id)] = on
    return found


def measurements_by_spot(scan: Scan) -> dict[str, Measurement]:
    """Each measurement of a scan by its spot's id (the first, as ``Scan.measurement_of``)."""
    measured: dict[str, Measurement] = {}
    for m in scan.measurements:
        measured.setdefault(m.spot_id, m)
    return measured


def gave_sizes(scan: Scan | None) -> bool:
    """Whether a scan gave a size (or "too small to measure") for any spot, rather than only the
    states of spots without a size: only then can a sentence say "the sizes"."""
    return scan is not None and any(m.state is None for m in scan.measurements)


#: The states of a spot without a size that say it is there (STATUS_RULES.md §1).
THERE = (SpotState.PRESENT, SpotState.GROWING)


def counted_size(m: Measurement, spot: Spot) -> int:
    """The size a measurement of a sized spot counts for: "gone" is 0, "too small to measure"
    5 mm, for lymph nodes too (a node too small to measure is then under 10 mm, normal in size).
    Spots without a size never enter a sum: callers keep them apart."""
    if m.too_small or m.size_tenths is None:
        return TOO_SMALL_TENTHS
    return m.size_tenths


def shows_disease(m: Measurement, spot: Spot) -> bool:
    """Whether an entry shows its spot there, certain or not: a sized spot above normal (§1),
    or a spot without a size marked present or growing."""
    if not spot.sized:
        return m.state in THERE
    return is_present(counted_size(m, spot), spot)


def finding_of(m: Measurement, spot: Spot) -> SpotFinding:
    """A spot as one entry shows it; a spot without a size counts for no size, only its state."""
    if not spot.sized:
        return SpotFinding(spot, 0, uncertain=m.uncertain, state=m.state)
    return SpotFinding(spot, counted_size(m, spot), too_small=m.too_small, uncertain=m.uncertain)


def is_present(size_tenths: int, spot: Spot) -> bool:
    """A spot counting for this size is there: above 0, or for a lymph node 10 mm or more."""
    if spot.lymph_node:
        return size_tenths >= NODE_PRESENT_TENTHS
    return size_tenths > 0


def grew_from(total: int, nadir: int) -> bool:
    """Rule 4: S − N ≥ 5 mm and S ≥ 1.2 × N, in whole numbers."""
    more, than = GROWTH_RATIO
    return total - nadir >= GROWTH_TENTHS and than * total >= more * nadir


def recurrence_type_of(present: Sequence[SpotFinding]) -> RecurrenceType:
    """Distant if any spot found now is elsewhere in the body, else regional, else local (§5)."""
    areas = {finding.spot.area for finding in present}
    if Area.DISTANT in areas:
        return RecurrenceType.DISTANT
    if Area.REGIONAL_NODE in areas:
        return RecurrenceType.REGIONAL
    return RecurrenceType.LOCAL


def percent_change(value: int | None, reference: int | None) -> Decimal | None:
    """100 × (value − reference) / reference, rounded half-up to one decimal, in integers;
    None when there is nothing to compare or the reference is 0."""
    if value is None or not reference:
        return None
    tenths_of_percent = 1000 * (value - reference)
    quotient, remainder = divmod(abs(tenths_of_percent), reference)
    if 2 * remainder >= reference:
        quotient += 1
    return _tenths(-quotient if tenths_of_percent < 0 else quotient)


@functools.lru_cache(maxsize=4096)
def _tenths(tenths: int) -> Decimal:
    """``tenths`` tenths as a Decimal with one decimal (-300 is -30.0), made once for each
    value: a long history works out thousands of changes, most of them again and again."""
    return Decimal(tenths).scaleb(-1)
