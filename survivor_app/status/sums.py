"""The sum shown for a scan (STATUS_RULES.md §7): one definition for the tables, the plot's
points and tips, the explanations and the printed summary, and each episode's sums as a line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from survivor_app.domain import mm_text
from survivor_app.status.assessment import Assessment


class SumPoint(NamedTuple):
    """One point of an episode's sum line: the sum shown of a scan, or, where a scan starts
    this episode, its new starting sum (``starts``). (A named tuple: a long history's
    thousand points are made again after each edit.)"""

    assessment: Assessment
    tenths: int
    starts: bool = False


def sum_shown(a: Assessment) -> int | None:
    """A scan's sum over the tracked spots of the episode that gave its label, in tenths of a
    mm; None when a tracked spot was not measured, or for an assessment without a scan."""
    return None if a.scan is None else a.sum_tenths


def new_starting_sum(a: Assessment) -> int | None:
    """The sum a scan that starts a new episode gives that episode (which counts a new spot),
    when it differs from the sum shown; None otherwise."""
    if a.scan is None or not a.starts_episode or a.new_baseline_sum_tenths is None:
        return None
    if a.new_baseline_sum_tenths == a.sum_tenths:
        return None
    return a.new_baseline_sum_tenths


def sum_text(a: Assessment) -> str:
    """The sum shown of an assessment in words, with its new starting sum (see ``sum_words``)."""
    return sum_words(sum_shown(a), new_starting_sum(a))


def sum_words(shown: int | None, starting: int | None) -> str:
    """A sum shown in words, with the new starting sum where one begins: ``11 mm`` or
    ``11 mm, then 25 mm as the new starting sum``; "" when there is none."""
    words = "" if shown is None else mm_text(shown)
    if starting is None:
        return words
    new = f"{mm_text(starting)} as the new starting sum"
    return f"{words}, then {new}" if words else new


def episode_sums(assessments: Sequence[Assessment]) -> tuple[tuple[SumPoint, ...], ...]:
    """Each episode's sum shown, scan by scan, as its own line: at a scan that starts a new
    episode, one line ends at the sum shown and the next begins at the new starting sum."""
    lines: list[tuple[SumPoint, ...]] = []
    points: list[SumPoint] = []
    for a in assessments:
        if a.scan is None or a.measured is None:
            continue
        shown = sum_shown(a)
        if shown is not None and not (a.starts_episode and not points):
            points.append(SumPoint(a, shown))
        if a.starts_episode:
            if points:
                lines.append(tuple(points))
            start = a.new_baseline_sum_tenths
            points = [] if start is None else [SumPoint(a, start, starts=True)]
    if points:
        lines.append(tuple(points))
    return tuple(lines)
