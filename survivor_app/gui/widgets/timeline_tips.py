"""What the timeline's tips say: of a spot's size, the sum, a mark of a spot without a size, a
doctor's statement and a treatment, in plain words with the window's dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from survivor_app.domain import Spot, Statement, Treatment, mm_text
from survivor_app.domain.words import (
    GONE,
    GONE_WITH_NO_EVIDENCE,
    MENTIONED_WITHOUT_A_SIZE,
    ONGOING,
    SPOT_STATE_SENTENCES,
    SPOT_STATE_WORDS,
    TREATMENT_KIND_WORDS,
    UNCERTAIN,
    UNCERTAIN_MEANS,
    shorten,
    status_label,
)
from survivor_app.gui.dates import long_date, short_date

if TYPE_CHECKING:
    from survivor_app.plot.unsized_marks import LaneMark
    from survivor_app.status.sums import SumPoint

#: A quote in a tip is cut to this length; the statements table shows it whole.
TIP_QUOTE_CHARS = 160


def change_words(pct: Any, reference: str) -> str:
    """``-61.8`` → ``61.8 % smaller than the starting point``, in plain words."""
    if pct == 0:
        return f"the same as {reference}"
    direction = "smaller" if pct < 0 else "larger"
    return f"{abs(pct):.1f} % {direction} than {reference}"


def spot_tip(spot: Spot, points: Sequence[tuple[dt.date, int | None]], index: int) -> str:
    """The tip of a point of a spot's line: its size, and its change from the size before."""
    date, tenths = points[index]
    # A break in the line (None) is never under the pointer: it draws nothing.
    tenths = tenths or 0
    size = GONE if tenths == 0 else mm_text(tenths)
    lines = [spot.name, f"{size} on {long_date(date)}"]
    sized = [(d, t) for d, t in points[:index] if t is not None]
    if sized and sized[-1][1] > 0:
        before_date, before = sized[-1]
        pct = (tenths - before) * 100 / before
        lines.append(change_words(pct, f"on {short_date(before_date)}"))
    return "\n".join(lines)


def sum_tip(points: Sequence[SumPoint], index: int) -> str:
    """The tip of a sum point: the sum shown and its changes, and where a scan starts a new
    episode, both its sums in words."""
    point = points[index]
    a = point.assessment
    day = long_date(a.date)
    from survivor_app.status.sums import new_starting_sum, sum_shown

    shown, starting = sum_shown(a), new_starting_sum(a)
    lines = ["Sum of tracked spots"]
    if point.starts and starting is not None and shown is not None:
        lines.append(f"{mm_text(point.tenths)} on {day}: the new starting point")
        lines.append(f"Before the new spot or growth, the spots added up to {mm_text(shown)}")
    elif point.starts:
        lines.append(f"{mm_text(point.tenths)} on {day}: the starting point")
    else:
        lines.append(f"{mm_text(point.tenths)} on {day}")
        if a.change_from_baseline_pct is not None:
            lines.append(change_words(a.change_from_baseline_pct, "the starting point"))
        if a.change_from_nadir_pct is not None:
            lines.append(change_words(a.change_from_nadir_pct, "the smallest sum before"))
        if starting is not None:
            lines.append(f"From here, the new starting sum is {mm_text(starting)}")
    lines.append(status_label(a.status, a.recurrence_type, a.confirmed))
    return "\n".join(lines)


def lane_tip(marks: Sequence[LaneMark], index: int) -> str:
    """The tip of a mark of a spot without a size: what the spot is, and its state in words."""
    mark = marks[index]
    lines = [
        f"{mark.spot.name} ({MENTIONED_WITHOUT_A_SIZE})",
        f"{SPOT_STATE_WORDS[mark.state]} on {long_date(mark.date)}",
        GONE_WITH_NO_EVIDENCE if mark.no_evidence else SPOT_STATE_SENTENCES[mark.state],
    ]
    if mark.uncertain:
        lines.append(f"{UNCERTAIN}: {UNCERTAIN_MEANS}.")
    return "\n".join(lines)


def statement_tip(statement: Statement) -> str:
    """The tip of a doctor's statement: who said it and when, the quote, and its status."""
    who = statement.clinician or "Your doctor"
    quote = shorten(" ".join(statement.text.split()), TIP_QUOTE_CHARS)
    lines = [f"{who}, {long_date(statement.date)}:", f"“{quote}”"]
    if statement.status is not None:
        lines.append(status_label(statement.status, statement.recurrence_type))
    return "\n".join(lines)


def treatment_tip(treatment: Treatment) -> str:
    """The tip of a treatment's bar: what it is and when it ran."""
    kind = TREATMENT_KIND_WORDS[treatment.kind]
    name = f"{kind}: {treatment.name}" if treatment.name else kind
    until = ONGOING.lower() if treatment.end is None else long_date(treatment.end)
    return f"{name}\n{long_date(treatment.start)} – {until}"
