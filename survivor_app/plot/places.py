"""Where the timeline's things go, worked out from a cancer's history and analysis without
drawing anything: each spot's points, the reference lines, the treatments' lanes, the dates' span
and matplotlib's day numbers for dates."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence

from matplotlib.dates import date2num

from survivor_app.domain import TENTHS_PER_MM, CancerHistory, Status
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


def spot_points(history: CancerHistory) -> dict[str, tuple[tuple[dt.date, int | None], ...]]:
    """Where each spot's line goes, by spot id: its size in tenths of a mm at each scan from the
    first that sized it to the last, and None (a break in the line) where scans in between did
    not.

    A spot recorded gone sits on 0, and so does a spot left out of a later scan marked "no
    evidence of disease" (the rules count that scan's sum as 0). A spot not measured, or too
    small to measure, has no size to draw: the line never runs straight across what nobody
    measured.
    """
    points_of: dict[str, list[tuple[dt.date, int | None]]] = {s.id: [] for s in history.spots}
    # One pass over the scans, in date order: a long history has a thousand scans of a dozen
    # spots.
    lines = list(points_of.items())
    for scan in sorted(history.scans, key=lambda s: s.date):
        sizes = {m.spot_id: m.size_tenths for m in scan.measurements}
        for spot_id, points in lines:
            size = sizes.get(spot_id)
            if size is None:
                if not points:
                    continue
                if spot_id not in sizes and scan.no_evidence_of_disease:
                    size = 0
                elif points[-1][1] is None:
                    continue
            points.append((scan.date, size))
    for points in points_of.values():
        while points and points[-1][1] is None:
            points.pop()
    return {spot_id: tuple(points) for spot_id, points in points_of.items()}


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
