"""The spots as the printed summary names them, and its rows for the spots without a size under
the latest scan's sizes: each with its latest state, and the date of the scan that said it when
that is an earlier scan. No Qt, no matplotlib."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from survivor_app.domain import CancerHistory, Spot
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import AREA_WORDS, SPOT_STATE_WORDS, UNCERTAIN, shorten
from survivor_app.plot.unsized_marks import LaneMark, latest_marks

#: A spot's name and place are cut to this many characters.
NAME_CHARS = 80
#: Said after the name of a spot without a size.
NO_SIZE_GIVEN = "no size given"
#: The most spots without a size the summary lists.
MAX_UNSIZED = 6
NO_EVIDENCE = "no evidence of disease"


@dataclass(frozen=True, slots=True)
class StateRow:
    """One spot without a size: which and where, and its latest state (with its date when an
    earlier scan than the latest said it)."""

    spot: str
    where: str
    state: str


def spot_name(spot: Spot) -> str:
    """A spot's name as the page prints it, saying when it is a lymph node."""
    name = shorten(spot.name, NAME_CHARS)
    if spot.lymph_node and "node" not in name.casefold():
        return f"{name} (lymph node)"
    return name


def spot_where(spot: Spot) -> str:
    """Where a spot is: its location as typed, or its area in words."""
    return shorten(spot.location.strip(), NAME_CHARS) or AREA_WORDS[spot.area]


def state_rows(history: CancerHistory, latest: dt.date | None) -> list[StateRow]:
    """Each spot without a size that a scan said something of, with what the latest one said,
    and its date unless it is ``latest``, the date of the latest scan."""
    return [
        StateRow(
            f"{spot_name(mark.spot)} ({NO_SIZE_GIVEN})",
            spot_where(mark.spot),
            _state_words(mark, latest),
        )
        for mark in latest_marks(history)
    ]


def _state_words(mark: LaneMark, latest: dt.date | None) -> str:
    words = SPOT_STATE_WORDS[mark.state]
    if mark.date != latest:
        words += f", {FIXED_ENGLISH.short(mark.date)}"
    if mark.no_evidence:
        return f"{words} ({NO_EVIDENCE})"
    if mark.uncertain:
        return f"{words} ({UNCERTAIN.lower()})"
    return words
