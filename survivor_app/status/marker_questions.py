"""The question for the next appointment that a cancer's tumour markers raise (STATUS_RULES.md
§8); a question only, never a label (§9)."""

from __future__ import annotations

from collections.abc import Iterable

from survivor_app.domain import MarkerResult
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.status.marker_words import value_text
from survivor_app.status.markers import marker_series, risen_past_limit


def marker_questions(results: Iterable[MarkerResult]) -> tuple[str, ...]:
    """A question for each time a tumour marker rose above the lab's upper limit, past each of
    the two results before it: one per run of such results, naming the first, so that a further
    rise in the same run asks nothing new. Markers in the dialog's order, each in date order."""
    asked: list[str] = []
    for series in marker_series(results):
        shown = series.results
        for index in range(len(shown)):
            if risen_past_limit(shown, index) and not risen_past_limit(shown, index - 1):
                result = shown[index]
                asked.append(
                    f"My {series.name} has risen three times in a row, to {value_text(result)} "
                    f"on {FIXED_ENGLISH.long(result.date)}. Should we look at it?"
                )
    return tuple(asked)
