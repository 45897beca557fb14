"""Every marker sentence is true of the person's own results (STATUS_RULES.md §9), checked over
generated series against facts worked out here, apart from the code that writes them: every
value and date is a result's; "up", "down" and "the same" hold; "its lowest" is the lowest; "its
lowest result so far" is surely below every earlier one; a doubling time is the fit of the dates
it names, each rising; a withheld one has no run of three, for the reason it gives; the compact
line and the question of §8 say the same facts."""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import MARKERS_NEVER_DECIDE
from survivor_app.status import (
    marker_line,
    marker_questions,
    marker_sentences,
    period_marker_sentences,
)
from tests.status.marker_results import marker_results, psa_series

_MONTHS = "|".join(FIXED_ENGLISH.long(dt.date(2000, month, 1)).split()[1] for month in range(1, 13))
_DATE = rf"\d{{1,2}} (?:{_MONTHS}) \d{{4}}"
_VALUE = r"(?:below )?\d+(?:\.\d+)? (?:ng/mL|U/mL|IU/L)"
_MENTION = rf"(?P<value>{_VALUE})(?:, the lowest the lab can measure,)? on (?P<date>{_DATE})"
_CLAUSE = re.compile(
    rf"\b(?P<word>up from|down from|the same as|from|as) (?P<lowest>its lowest, )?{_MENTION}"
)
_OPENING = re.compile(rf"^Your (?P<name>.+?) was {_MENTION}")
_BEFORE = re.compile(rf"^Before that, it was {_MENTION}(?P<lowest>, its lowest)?\.$")
_ITS_LOWEST = re.compile(rf"^Its lowest was {_MENTION}\.$")
_ABOVE = re.compile(rf"^That is above (?P<limit>{_VALUE}), the lab’s upper limit of normal")
_DOUBLING = re.compile(
    r"doubling time is (?:about (?P<months>\d+\.\d) months|about (?P<days>\d+) days?"
    r"|(?P<hours>less than a day))"
)
_RUN = re.compile(
    r"^It comes from the (?P<count>\d+) results that rose in a row, on (?P<dates>.+)\.$"
)
_ANY_DATE = re.compile(_DATE)
_ANY_VALUE = re.compile(rf"\b{_VALUE}")
_WORDS = {"up from": "up", "down from": "down", "the same as": "the same"}


def typed(result: MarkerResult) -> str:
    number = f"{result.value:f} {result.unit}"
    return f"below {number}" if result.below_limit else number


def day(result: MarkerResult) -> str:
    return FIXED_ENGLISH.long(result.date)


def surely_below(a: MarkerResult, b: MarkerResult) -> bool:
    """``a`` lies in [0, limit) when below the lab's limit, else at its value: surely below ``b``
    when all of ``a``'s range is under all of ``b``'s."""
    b_least = Decimal(0) if b.below_limit else b.value
    return a.value <= b_least if a.below_limit else a.value < b_least and not b.below_limit


def how(later: MarkerResult, earlier: MarkerResult) -> str:
    if surely_below(earlier, later):
        return "up"
    if surely_below(later, earlier):
        return "down"
    if not later.below_limit and not earlier.below_limit:
        return "the same"
    return "not known"


def rising_run(series: Sequence[MarkerResult]) -> list[MarkerResult]:
    run: list[MarkerResult] = []
    for r in reversed(series):
        if r.below_limit or r.value == 0:
            break
        if run and not (r.date < run[0].date and r.value < run[0].value):
            break
        run.insert(0, r)
    return run


def by_marker(results: Sequence[MarkerResult]) -> dict[str, list[MarkerResult]]:
    """Each marker's results in date order, the markers in the dialog's order."""
    series: dict[str, list[MarkerResult]] = {}
    kinds = list(MarkerKind)
    for r in sorted(results, key=lambda r: (kinds.index(r.marker), r.date)):
        series.setdefault(r.marker.value, []).append(r)
    return series


def find(series: Sequence[MarkerResult], value: str, date: str) -> list[MarkerResult]:
    """The results a mention may name: one, or several alike on one day."""
    found = [r for r in series if typed(r) == value and day(r) == date]
    assert found, (value, date)
    return found


@given(marker_results())
def test_every_marker_sentence_is_true(results: tuple[MarkerResult, ...]) -> None:
    said = marker_sentences(results)
    assert said[0] == MARKERS_NEVER_DECIDE
    assert MARKERS_NEVER_DECIDE not in said[1:]
    groups = split(said[1:])
    assert list(groups) == list(by_marker(results))
    for name, sentences in groups.items():
        check(by_marker(results)[name], sentences)


@given(psa_series())
def test_every_psa_sentence_is_true(series: tuple[MarkerResult, ...]) -> None:
    check(list(series), split(marker_sentences(series)[1:])["PSA"])


def split(sentences: Sequence[str]) -> dict[str, list[str]]:
    """The sentences of each marker, each group opening with "Your NAME was"."""
    groups: dict[str, list[str]] = {}
    current: list[str] = []
    for sentence in sentences:
        opening = _OPENING.match(sentence)
        if opening:
            current = groups.setdefault(opening["name"], [])
        current.append(sentence)
    return groups


def check(series: Sequence[MarkerResult], sentences: Sequence[str]) -> None:
    latest, earlier = series[-1], series[:-1]
    opening = _OPENING.match(sentences[0])
    assert opening is not None
    assert latest in find(series, opening["value"], opening["date"])
    for sentence in sentences:
        for date in _ANY_DATE.findall(sentence):
            assert any(day(r) == date for r in series), (date, sentence)
        for value in _ANY_VALUE.findall(sentence):
            known = {typed(r) for r in series} | {
                f"{r.upper_limit:f} {r.unit}" for r in series if r.upper_limit is not None
            }
            assert value in known or f"below {value}" in known, (value, sentence)
        check_sentence(series, sentence)
    if not earlier:
        assert "This is its first result." in sentences[0]
        return
    word = ""
    for index, mention in enumerate(_CLAUSE.finditer(sentences[0])):
        word = _WORDS.get(mention["word"], word)
        found = find(earlier, mention["value"], mention["date"])
        assert any(how(latest, r) == word for r in found), sentences[0]
        if mention["lowest"]:
            check_lowest(earlier, found[0])
        if index == 0:
            assert earlier[-1] in found or sentences[1].startswith("Before that")
        else:
            assert mention["lowest"], f"only the one before and the lowest: {sentences[0]}"
    check_doubling(series, sentences)


def check_sentence(series: Sequence[MarkerResult], sentence: str) -> None:
    latest, earlier = series[-1], series[:-1]
    if sentence == "This is its lowest result so far.":
        assert all(surely_below(latest, r) for r in earlier)
    if before := _BEFORE.match(sentence):
        assert earlier[-1] in find(earlier, before["value"], before["date"])
        assert how(latest, earlier[-1]) == "not known"
        if before["lowest"]:
            check_lowest(earlier, earlier[-1])
    if its_lowest := _ITS_LOWEST.match(sentence):
        (low, *_) = find(earlier, its_lowest["value"], its_lowest["date"])
        check_lowest(earlier, low)
        assert how(latest, low) == "not known"
    if above := _ABOVE.match(sentence):
        assert latest.upper_limit is not None
        assert not latest.below_limit
        assert latest.value > latest.upper_limit
        assert above["limit"] == f"{latest.upper_limit:f} {latest.unit}"


def check_withheld(series: Sequence[MarkerResult], run: Sequence[MarkerResult], why: str) -> None:
    """The reason given for no doubling time holds."""
    latest = series[-1]
    before = series[-len(run) - 1] if len(run) < len(series) else None
    dates = _ANY_DATE.findall(why)
    if why == "There is one result so far.":
        assert len(series) == 1
    elif rise := re.match(r"Only (\d) results rise in a row", why):
        assert int(rise[1]) == len(run)
        assert dates == [day(run[0]), day(latest)]
        assert before is None or not (before.date < run[0].date and before.value < run[0].value)
    elif why.startswith("The latest result, ") and why.endswith(("exact value.", "double.")):
        assert latest.below_limit if "has no exact value" in why else latest.value == 0
        assert not run
    elif after := re.match(
        r"The rise starts from .+?, on (.+?)\. .+ only (\d) results? rises? af", why
    ):
        assert before is not None
        assert (before.below_limit or before.value == 0, day(before)) == (True, after[1])
        assert int(after[2]) == len(run)
    else:
        assert len(run) == 1
        assert before is not None
        words = {"down": "is lower than", "the same": "is the same as", "not known": "not known"}
        said = words.get(how(latest, before), "are from the same day")
        assert said in why
        if how(latest, before) == "up":
            assert latest.date == before.date
            assert dates == [day(latest)]
        else:
            assert dates == [day(latest), day(before)]


def check_lowest(earlier: Sequence[MarkerResult], named: MarkerResult) -> None:
    """ "Its lowest" is the lowest number the lab gave, and no result is surely lower."""
    assert named.value == min(r.value for r in earlier)
    assert not any(surely_below(r, named) for r in earlier)


def check_doubling(series: Sequence[MarkerResult], sentences: Sequence[str]) -> None:
    run = rising_run(series)
    text = " ".join(sentences)
    if series[-1].marker is not MarkerKind.PSA:
        assert "doubling" not in text
        return
    months = _DOUBLING.search(text)
    if len(run) < 3:
        assert months is None
        (at,) = [i for i, s in enumerate(sentences) if s.startswith("No PSA doubling time")]
        check_withheld(series, run, " ".join(sentences[at + 1 :]))
        return
    assert months is not None
    (used,) = [m for s in sentences if (m := _RUN.match(s))]
    assert int(used["count"]) == len(run)
    assert _ANY_DATE.findall(used["dates"]) == [day(r) for r in run]
    line = statistics.linear_regression(
        [(r.date - run[0].date).days for r in run], [math.log(r.value) for r in run]
    )
    exact = math.log(2) / line.slope / 30.4375
    if months["months"] is not None:
        assert exact >= 1
        assert abs(float(months["months"]) - exact) <= 0.05
    elif months["days"] is not None:
        assert exact < 1
        assert abs(int(months["days"]) - exact * 30.4375) <= 0.5
    else:
        assert exact * 30.4375 < 0.5


@given(marker_results())
def test_the_compact_line_says_the_same_facts(results: tuple[MarkerResult, ...]) -> None:
    parts = marker_line(results).split("; ")
    for (name, series), part in zip(by_marker(results).items(), parts, strict=True):
        latest = series[-1]
        value = f"<{latest.value:f} {latest.unit}" if latest.below_limit else typed(latest)
        head = f"{name} {value} ({FIXED_ENGLISH.short(latest.date)}), "
        assert part.startswith(head)
        trend = part.removeprefix(head).split(", ")
        expected = "first result" if len(series) == 1 else how(latest, series[-2])
        assert trend[0] == (expected if expected != "not known" else "change not known")
        above = latest.upper_limit is not None and not latest.below_limit
        assert ("above the lab’s upper limit" in trend) is (
            above and latest.value > (latest.upper_limit or 0)
        )
        assert any(t.startswith("doubling") for t in trend) is (
            name == "PSA" and len(rising_run(series)) >= 3
        )


@st.composite
def periods(draw: st.DrawFn) -> tuple[tuple[MarkerResult, ...], dt.date, dt.date | None]:
    """Results and a period's dates, often on the day of a result."""
    results = draw(marker_results())
    days = st.one_of(
        st.sampled_from([r.date for r in results]),
        st.integers(0, 1500).map(lambda n: dt.date(2020, 1, 1) + dt.timedelta(days=n)),
    )
    start, end = draw(days), draw(st.one_of(st.none(), days))
    return results, start, None if end is None else max(start + dt.timedelta(days=1), end)


@given(periods())
def test_a_periods_sentences_are_of_its_own_results(
    period: tuple[tuple[MarkerResult, ...], dt.date, dt.date | None],
) -> None:
    results, start, end = period
    said = period_marker_sentences(results, start, end)
    inside = [r for r in results if start <= r.date and (end is None or r.date < end)]
    assert bool(said) is bool(inside)
    if not said:
        return
    assert said[0] == MARKERS_NEVER_DECIDE
    counts = [s for s in said if s.startswith("This period has")]
    for (name, series), count in zip(by_marker(inside).items(), counts, strict=True):
        if len(series) == 1:
            assert count == f"This period has 1 {name} result."
        else:
            assert count == (
                f"This period has {len(series)} {name} results, from {day(series[0])} to "
                f"{day(series[-1])}."
            )
        opening = said[said.index(count) + 1]
        assert opening.startswith(f"Your {name} was {typed(series[-1])}")
        assert f"on {day(series[-1])}" in opening


@given(marker_results((MarkerKind.CA_125, MarkerKind.CEA)))
def test_the_question_names_a_rise_past_the_limit(results: tuple[MarkerResult, ...]) -> None:
    asked = marker_questions(results)
    expected = []
    for name, series in by_marker(results).items():
        rose = [risen(series, index) for index in range(len(series))]
        expected += [
            f"My {name} has risen three times in a row, to {typed(r)} on {day(r)}. "
            "Should we look at it?"
            if surely_below(series[index - 2], series[index - 1])
            else f"My {name} was {typed(r)} on {day(r)}, above the lab's limit and higher than "
            "each of the two results before it. Should we look at it?"
            for index, r in enumerate(series)
            if rose[index] and not (index and rose[index - 1])
        ]
    assert list(asked) == expected


def risen(series: Sequence[MarkerResult], index: int) -> bool:
    r = series[index]
    return (
        index >= 2
        and r.upper_limit is not None
        and not r.below_limit
        and r.value > r.upper_limit
        and all(surely_below(series[index - back], r) for back in (1, 2))
    )
