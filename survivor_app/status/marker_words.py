"""One marker's results in plain sentences with the person's own values, units and dates: the
latest, its change since the one before and since the lowest, the lab's upper limit, and for PSA
the doubling time or why there is none (STATUS_RULES.md §9: never a label)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain.record_rules import decimal_text
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import (
    LOWEST_THE_LAB_CAN_MEASURE,
    UPPER_LIMIT_OF_NORMAL,
    listed,
)
from survivor_app.status.doubling import (
    DAYS_PER_MONTH,
    FEWEST_RESULTS,
    DoublingTime,
    Why,
    Withheld,
    doubling_time,
)
from survivor_app.status.markers import (
    Change,
    Direction,
    Reading,
    above_upper_limit,
    direction,
    reading,
)

_FROM = {Direction.UP: "up from", Direction.DOWN: "down from", Direction.SAME: "the same as"}
_AGAIN = {Direction.UP: "from", Direction.DOWN: "from", Direction.SAME: "as"}


def value_text(result: MarkerResult) -> str:
    """A value as the lab gave it, with its unit: ``4.1 ng/mL`` or ``below 0.1 ng/mL``."""
    number = f"{decimal_text(result.value)} {result.unit}"
    return f"below {number}" if result.below_limit else number


def short_value_text(result: MarkerResult) -> str:
    """A value for a narrow line: ``4.1 ng/mL`` or ``<0.1 ng/mL``."""
    if result.below_limit:
        return f"<{decimal_text(result.value)} {result.unit}"
    return value_text(result)


def series_sentences(name: str, results: Sequence[MarkerResult]) -> tuple[str, ...]:
    """What one marker's results (in date order) say of the latest: its change, the lab's upper
    limit, and for PSA the doubling time."""
    latest = results[-1]
    said = list(_reading_sentences(name, reading(results)))
    if above_upper_limit(latest) and latest.upper_limit is not None:
        limit = f"{decimal_text(latest.upper_limit)} {latest.unit}"
        said.append(f"That is above {limit}, {UPPER_LIMIT_OF_NORMAL}.")
    if latest.marker is MarkerKind.PSA:
        said.extend(doubling_sentences(name, results))
    return _glossed(said, results)


def doubling_sentences(name: str, results: Sequence[MarkerResult]) -> tuple[str, ...]:
    """The doubling time of a marker's results, with the dates it rests on, or why it is
    withheld."""
    found = doubling_time(results)
    if isinstance(found, Withheld):
        return (
            f"No {name} doubling time is given: it needs at least {FEWEST_RESULTS} results that "
            "rise in a row.",
            _why(found),
        )
    return tuple(_doubling(name, found))


def _reading_sentences(name: str, seen: Reading) -> Iterator[str]:
    latest = seen.latest
    opening = f"Your {name} was {value_text(latest)} on {_day(latest)}"
    if seen.since_previous is None or seen.since_lowest is None:
        yield f"{opening}. This is its first result."
        return
    previous, low = seen.since_previous, seen.since_lowest
    previous_lowest = low.earlier is previous.earlier and not seen.new_lowest
    changes: list[tuple[Change, bool]] = [(previous, previous_lowest)]
    if not seen.new_lowest and low.earlier is not previous.earlier:
        changes.append((low, True))
    clauses: list[tuple[Direction, str]] = []
    after: list[str] = []
    for change, is_lowest in changes:
        when = f"{value_text(change.earlier)} on {_day(change.earlier)}"
        if change.direction is Direction.UNKNOWN:
            after.append(
                f"Its lowest was {when}."
                if change is low
                else f"Before that, it was {when}{', its lowest' if is_lowest else ''}."
            )
            continue
        named = f"its lowest, {when}" if is_lowest else when
        if clauses and clauses[-1][0] is change.direction:
            clauses.append((change.direction, f" and {_AGAIN[change.direction]} {named}"))
        else:
            joint = " and " if clauses else ", "
            clauses.append((change.direction, f"{joint}{_FROM[change.direction]} {named}"))
    yield opening + "".join(text for _, text in clauses) + "."
    yield from after
    if seen.new_lowest:
        yield "This is its lowest result so far."


def doubling_span(found: DoublingTime) -> str:
    """A doubling time in words: ``about 4.7 months``; under a month in days, ``about 12 days``
    or ``less than a day``, so that a fast rise never reads as "0.0 months"."""
    if found.months >= 1:
        return f"about {found.months:.1f} months"
    days = round(found.months * DAYS_PER_MONTH)
    if days < 1:
        return "less than a day"
    return "about 1 day" if days == 1 else f"about {days} days"


def _doubling(name: str, found: DoublingTime) -> Iterator[str]:
    days = listed([_day(result) for result in found.results])
    yield (
        f"Your {name} doubling time is {doubling_span(found)}: how long it takes to "
        "double at its recent pace."
    )
    yield f"It comes from the {len(found.results)} results that rose in a row, on {days}."
    yield (
        "It uses the best straight line through them on a log scale, and months of "
        f"{DAYS_PER_MONTH} days."
    )
    left = found.left_out
    if left is not None:
        yield (
            f"The result {value_text(left)} on {_day(left)} is not used: "
            + ("its exact value is not known." if left.below_limit else "0 cannot double.")
        )


def _why(withheld: Withheld) -> str:
    """Why there is no doubling time, as one or two sentences."""
    latest, before = withheld.results[-1], withheld.before
    rising = len(withheld.results)
    if withheld.why is Why.TOO_FEW:
        first = withheld.results[0]
        return f"Only {rising} results rise in a row, on {_day(first)} and {_day(latest)}."
    if before is None:
        return "There is one result so far."
    if withheld.why is Why.LATEST_BELOW_LIMIT:
        exact = "has no exact value" if latest.below_limit else "cannot double"
        return f"The latest result, {value_text(latest)} on {_day(latest)}, {exact}."
    if withheld.why is Why.FROM_UNMEASURED:
        counted = "1 result rises" if rising == 1 else f"{rising} results rise"
        if before.below_limit:
            start, why = "a result below what the lab can measure", "Its exact value is not known"
        else:
            start, why = value_text(before), "0 cannot double"
        return (
            f"The rise starts from {start}, on {_day(before)}. {why}, and only {counted} after it."
        )
    return _not_rising(latest, before)


def _not_rising(latest: MarkerResult, before: MarkerResult) -> str:
    """Why the latest result does not rise from the one before: lower, the same, not known, or
    higher on the same day."""
    latest_one = f"latest result, on {_day(latest)},"
    before_one = f"the one before, on {_day(before)}"
    match direction(latest, before):
        case Direction.DOWN:
            return f"The {latest_one} is lower than {before_one}."
        case Direction.SAME:
            return f"The {latest_one} is the same as {before_one}."
        case Direction.UNKNOWN:
            return f"It is not known whether the {latest_one} is higher than {before_one}."
        case Direction.UP:
            return f"The latest result and the one before are from the same day, {_day(latest)}."


def _glossed(said: list[str], results: Sequence[MarkerResult]) -> tuple[str, ...]:
    """``said`` with the first value below the lab's limit followed by what that means."""
    marks = {f"{value_text(result)} on " for result in results if result.below_limit}
    for index, sentence in enumerate(said):
        found = sorted((sentence.find(mark), mark) for mark in marks if mark in sentence)
        if found:
            at, mark = found[0]
            end = at + len(mark) - len(" on ")
            said[index] = f"{sentence[:end]}, {LOWEST_THE_LAB_CAN_MEASURE},{sentence[end:]}"
            break
    return tuple(said)


def _day(result: MarkerResult) -> str:
    return FIXED_ENGLISH.long(result.date)
