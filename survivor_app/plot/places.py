"""Where the timeline's things go, worked out from a cancer's history and analysis without
drawing anything: each spot's points, the reference lines, the treatments' lanes, the dates' span
and matplotlib's day numbers for dates."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from matplotlib.dates import date2num

from survivor_app.domain import TENTHS_PER_MM, CancerHistory, Scan, Spot, Status
from survivor_app.status import CancerAnalysis

_ANY_DAY = dt.date(2000, 1, 1)


def reference_lines(analysis: CancerAnalysis) -> list[tuple[int, str]]:
    """The thresholds for the next scan, in tenths of a mm with their labels: 30 % below the
    current episode's baseline sum, and the growth line over the current smallest sum.

    Growth needs both +20 % and at least 5 mm (STATUS_RULES.md §4), so that line stands at
    whichever of the two is higher.
    """
    measured = [a for a in analysis.assessments if a.scan is not None and a.measured is not None]
    if not measured:
        return []
    last = measured[-1]
    if last.starts_episode:
        # The next scan is compared with this one: it is the new episode's baseline and nadir.
        baseline = last.new_baseline_sum_tenths
        if baseline is None:
            baseline = last.sum_tenths
        nadir = baseline
    else:
        baseline = last.baseline_sum_tenths
        # A scan that could not be evaluated in full does not lower the nadir.
        counted = [last.nadir_tenths]
        if last.measured is not Status.NOT_EVALUABLE:
            counted.append(last.sum_tenths)
        known = [value for value in counted if value is not None]
        nadir = min(known) if known else None
    lines = []
    if baseline:
        lines.append((baseline * 7 // 10, "30 % below the starting point"))
    if nadir:
        growth = max(-(-nadir * 12 // 10), nadir + 5 * TENTHS_PER_MM)
        lines.append((growth, "20 % and 5 mm growth"))
    return lines


Point = tuple[dt.date, int | None]


@dataclass(frozen=True, slots=True)
class SpotPoints:
    """Where each spot's line goes (``of_spot``), with what it was worked out from, so that
    the points of the next history are worked out from the first scan that differs rather
    than from its first (an edit of a long history adds or changes a scan near its end)."""

    #: By spot id: the spot's size in tenths of a mm at each scan from the first that sized it
    #: to the last, and None (a break in the line) where scans in between did not.
    of_spot: dict[str, tuple[Point, ...]]
    spots: tuple[Spot, ...] = ()
    #: The scans, in date order.
    scans: tuple[Scan, ...] = ()
    #: By spot id: its points before the breaks at the end are taken off, and the number of
    #: the scan (in ``scans``) that gave each.
    lines: dict[str, tuple[list[Point], list[int]]] = field(default_factory=dict)


def spot_points(history: CancerHistory, before: SpotPoints | None = None) -> SpotPoints:
    """Where each spot's line goes; the same, ``before`` given or not (its points are kept for
    the scans, in date order, that ``history`` starts with alike).

    A spot recorded gone sits on 0, and so does a spot left out of a later scan marked "no
    evidence of disease" (the rules count that scan's sum as 0). A spot not measured, or too
    small to measure, has no size to draw: the line never runs straight across what nobody
    measured.
    """
    scans = tuple(sorted(history.scans, key=lambda s: s.date))
    kept_lines = None
    start = 0
    if before is not None and before.spots == history.spots:
        kept_lines, start = before.lines, alike(before.scans, scans)
    lines: dict[str, tuple[list[Point], list[int]]] = {}
    for spot in history.spots:
        if kept_lines is not None and start:
            points, numbers = kept_lines[spot.id]
            kept = bisect.bisect_left(numbers, start)
            lines[spot.id] = (points[:kept], numbers[:kept])
        else:
            lines[spot.id] = ([], [])
    # One pass over the scans, in date order: a long history has a thousand scans of a dozen
    # spots.
    walked = [(spot_id, points, numbers) for spot_id, (points, numbers) in lines.items()]
    for number in range(start, len(scans)):
        scan = scans[number]
        sizes = {m.spot_id: m.size_tenths for m in scan.measurements}
        for spot_id, points, numbers in walked:
            size = sizes.get(spot_id)
            if size is None:
                if not points:
                    continue
                if spot_id not in sizes and scan.no_evidence_of_disease:
                    size = 0
                elif points[-1][1] is None:
                    continue
            points.append((scan.date, size))
            numbers.append(number)
    of_spot = {spot_id: _without_breaks_at_end(points) for spot_id, points, _ in walked}
    return SpotPoints(of_spot, history.spots, scans, lines)


def _without_breaks_at_end(points: list[Point]) -> tuple[Point, ...]:
    end = len(points)
    while end and points[end - 1][1] is None:
        end -= 1
    return tuple(points[:end])


def alike(first: Sequence[object], second: Sequence[object]) -> int:
    """How many items two sequences start with alike (halving: tuples compare in C, an item
    kept from one to the other at once)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def legend_columns(labels: Sequence[str], width_points: float, font_points: float) -> int:
    """As many legend columns as fit across ``width_points``, so the legend is never cut off."""
    longest = max((len(label) for label in labels), default=1)
    # About half an em a character, and room for the handle and the gap between columns.
    column = (longest * 0.55 + 5) * font_points
    return max(1, min(len(labels), int(width_points // column)))


def treatment_lanes(history: CancerHistory, until: dt.date) -> list[int]:
    """A lane for each treatment, so that treatments at the same time do not hide each other."""
    lane_ends: list[dt.date] = []
    lanes = []
    for treatment in history.treatments:
        end = treatment.end or until
        for lane, lane_end in enumerate(lane_ends):
            if lane_end < treatment.start:
                lane_ends[lane] = end
                lanes.append(lane)
                break
        else:
            lane_ends.append(end)
            lanes.append(len(lane_ends) - 1)
    return lanes


def days(dates: Iterable[dt.date]) -> list[float]:
    """Dates as matplotlib's day numbers, the x values of every axes here."""
    # matplotlib's day numbers and Python's ordinals both count whole days, so they differ by a
    # constant: one conversion finds it, rather than one for each of a long history's dates.
    offset = _day_offset()
    return [date.toordinal() - offset for date in dates]


@functools.cache
def _day_offset() -> float:
    # Worked out once (matplotlib fixes its epoch at its first date): the timeline
    # asks for day numbers of a few dates at a time, two hundred times after each edit.
    return _ANY_DAY.toordinal() - float(date2num(_ANY_DAY))  # type: ignore[no-untyped-call]


def day(date: dt.date) -> float:
    """One date as matplotlib's day number."""
    if type(date) is not dt.date:
        # A time of day (a datetime) is a fraction of a day: matplotlib's own conversion.
        return float(date2num(date))  # type: ignore[no-untyped-call]
    # As ``days``: the bands and the treatments ask for two hundred after each edit, which
    # matplotlib's conversion would take thirty times as long over.
    return date.toordinal() - _day_offset()


def span(history: CancerHistory) -> tuple[dt.date, dt.date]:
    """The first and last days the timeline shows: every scan, statement, treatment and marker
    result, with a margin either side."""
    dates = [s.date for s in history.scans] + [s.date for s in history.statements]
    dates += [t.start for t in history.treatments] + [t.end for t in history.treatments if t.end]
    dates += [m.date for m in history.marker_results]
    first, last = min(dates), max(dates)
    pad = max(dt.timedelta(days=20), (last - first) * 0.04)
    # A date a record should not hold (year 22, written by an older version) still draws.
    return first - min(pad, first - dt.date.min), last + min(pad, dt.date.max - last)
