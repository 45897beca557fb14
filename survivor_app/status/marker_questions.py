"""The question for the next appointment that a cancer's tumour markers raise (STATUS_RULES.md
§8); a question only, never a label (§9)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from survivor_app.domain import MarkerResult
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.status.marker_words import value_text
from survivor_app.status.markers import Direction, direction, marker_series, risen_past_limit


def marker_questions(results: Iterable[MarkerResult]) -> tuple[str, ...]:
    """A question for each time a tumour marker rose above the lab's upper limit, past each of
    the two results before it: one per run of such results, naming the first, so that a further
    rise in the same run asks nothing new. Markers in the dialog's order, each in date order."""
    asked: list[str] = []
    for series in marker_series(results):
        shown = series.results
        for index in range(len(shown)):
            if risen_past_limit(shown, index) and not risen_past_limit(shown, index - 1):
                asked.append(_question(series.name, shown, index))
    return tuple(asked)


def _question(name: str, shown: Sequence[MarkerResult], index: int) -> str:
    """ "Risen three times in a row" only when each of the three results rose over the one before
    it; otherwise what is true: higher than each of the two before."""
    result = shown[index]
    value, day = value_text(result), FIXED_ENGLISH.long(result.date)
    if direction(shown[index - 1], shown[index - 2]) is Direction.UP:
        return (
            f"My {name} has risen three times in a row, to {value} on {day}. Should we look at it?"
        )
    return (
        f"My {name} was {value} on {day}, above the lab's limit and higher than each of the two "
        "results before it. Should we look at it?"
    )
