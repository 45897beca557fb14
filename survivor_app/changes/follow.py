"""What an edit does to a cancer's history already read, so that the window need not read it
again from storage after the edits people make most (a scan, a statement, a treatment, a marker
result).

The history comes back in storage's own order: scans and statements by date, then in entry
order; spots, treatments and marker results in entry order. A thing added goes after the
others, as storage gives it the next place; a deleted thing put back by Undo goes back in its
place, which following its delete learnt. Where that order cannot be told without storage (a
scan or statement moved to another date, a delete undone that was not followed, anything about
cancers), the answer is None.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from survivor_app.changes.kinds import (
    MARKER_RESULTS,
    SCANS,
    STATEMENTS,
    TREATMENTS,
    Added,
    AddScan,
    Changed,
    ChangeScan,
    Removed,
)
from survivor_app.changes.writes import Change
from survivor_app.domain import CancerHistory, Scan, Spot, Statement


class Listed(Protocol):
    """A thing a history lists, known by its id."""

    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=Listed)
#: One edit of one thing (its kind checked by the caller).
OneThing = Added[Any] | Removed[Any] | Changed[Any]


def followed(history: CancerHistory, change: Change, *, undone: bool) -> CancerHistory | None:
    """The history after ``change`` (after taking it back when ``undone``); None when only
    storage can tell. Following a delete notes the thing's index in ``history`` on the
    change's ``place``, where its undo finds it."""
    if isinstance(change, AddScan):
        return _scan_and_spots(history, None, change.scan, change.new_spots, undone=undone)
    if isinstance(change, ChangeScan):
        return _scan_and_spots(
            history, change.before, change.after, change.new_spots, undone=undone
        )
    if isinstance(change, Added | Removed | Changed):
        return _one_thing(history, change, undone=undone)
    return None


def _one_thing(history: CancerHistory, change: OneThing, *, undone: bool) -> CancerHistory | None:
    # Each kind of thing on its own line, so the types of the history's fields stay checked.
    kind = change.kind
    if kind is SCANS:
        scans = _apply(history.scans, change, _scan_date, undone=undone)
        return None if scans is None else dataclasses.replace(history, scans=scans)
    if kind is STATEMENTS:
        statements = _apply(history.statements, change, _statement_date, undone=undone)
        return None if statements is None else dataclasses.replace(history, statements=statements)
    if kind is TREATMENTS:
        treatments = _apply(history.treatments, change, None, undone=undone)
        return None if treatments is None else dataclasses.replace(history, treatments=treatments)
    if kind is MARKER_RESULTS:
        results = _apply(history.marker_results, change, None, undone=undone)
        return None if results is None else dataclasses.replace(history, marker_results=results)
    return None


def _apply(
    items: tuple[Item, ...],
    change: OneThing,
    date_of: Callable[[Item], dt.date] | None,
    *,
    undone: bool,
) -> tuple[Item, ...] | None:
    if isinstance(change, Changed):
        before, after = (change.after, change.before) if undone else (change.before, change.after)
        return _replaced(items, before, after, date_of)
    thing = change.thing
    if isinstance(change, Added):
        return _without(items, {thing.id}) if undone else _inserted(items, thing, date_of)
    if undone:
        # A deleted thing goes back in its place, known when its delete was followed.
        at = change.place.index
        return None if at is None else (*items[:at], thing, *items[at:])
    change.place.index = next(at for at, item in enumerate(items) if item.id == thing.id)
    return _without(items, {thing.id})


def _scan_and_spots(
    history: CancerHistory,
    before: Scan | None,
    after: Scan,
    new_spots: tuple[Spot, ...],
    *,
    undone: bool,
) -> CancerHistory | None:
    if undone:
        spots = _without(history.spots, {spot.id for spot in new_spots})
        if before is None:
            scans: tuple[Scan, ...] | None = _without(history.scans, {after.id})
        else:
            scans = _replaced(history.scans, after, before, _scan_date)
    else:
        spots = (*history.spots, *new_spots)
        if before is None:
            scans = _inserted(history.scans, after, _scan_date)
        else:
            scans = _replaced(history.scans, before, after, _scan_date)
    return None if scans is None else dataclasses.replace(history, spots=spots, scans=scans)


def _inserted(
    items: tuple[Item, ...], item: Item, date_of: Callable[[Item], dt.date] | None
) -> tuple[Item, ...]:
    """``items`` with ``item`` where storage lists a thing just added."""
    at: int = len(items)
    if date_of is not None:
        date = date_of(item)
        while at > 0 and date_of(items[at - 1]) > date:
            at -= 1
    return (*items[:at], item, *items[at:])


def _replaced(
    items: tuple[Item, ...], before: Item, after: Item, date_of: Callable[[Item], dt.date] | None
) -> tuple[Item, ...] | None:
    """``items`` with ``before`` changed into ``after`` in its place; None when it moved."""
    if date_of is not None and date_of(before) != date_of(after):
        return None
    return tuple(after if item.id == before.id else item for item in items)


def _without(items: tuple[Item, ...], ids: set[str]) -> tuple[Item, ...]:
    return tuple(item for item in items if item.id not in ids)


def _scan_date(scan: Scan) -> dt.date:
    return scan.date


def _statement_date(statement: Statement) -> dt.date:
    return statement.date
