"""Every explanation is true of its record (STATUS_RULES.md §7), checked over generated histories
against the facts the rules recorded for each assessment: every number in the text is one of
those facts, with its meaning; every "new", "gone", "in all", "starting point" and "doctor" claim
holds; every progression and new spot of the period is named; the opening sentence is short; the
text reads at US grade 8 or below.

The number of histories follows the hypothesis profile: 20 times its ``max_examples``, that is
2,000 with the default profile, and 10,000 with ``--hypothesis-profile=long``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from hypothesis import given, settings

from survivor_app.domain import CancerHistory, SpotState, Status, mm_text
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.status import Assessment, Period, analyse
from survivor_app.status.opening import OPENING_WORDS
from survivor_app.status.own_numbers import duration_text, percent_text
from tests.status.generated import histories
from tests.status.reading import grade_level

HISTORIES = 20 * settings().max_examples

_MONTHS = [FIXED_ENGLISH.long(dt.date(2000, month, 1)).split()[1] for month in range(1, 13)]
_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}})\b")
_MM = re.compile(r"\b(\d+(?:\.\d)?) mm\b")
_PERCENT = re.compile(r"\b(\d+(?:\.\d)?)% (smaller|larger|less)?")
_DURATION = re.compile(r"\b(\d+) days?(?: \(about \d+ (?:months|years)\))?")
_QUOTED = re.compile(r"“[^”]*”")
_SENTENCE = re.compile(r"(?<=[.?])(?:”)?\s+(?=[A-Z“])")
# Numbers that are the rules themselves, not facts of the record.
_RULE_NUMBERS = re.compile(r"0\.7 × 0\.7 = 0\.49|\b28 days\b")
_RULE_MM = {50, 100}  # 5 mm, 10 mm
_RULE_PERCENT = {Decimal(20), Decimal(30), Decimal(50)}


@settings(max_examples=HISTORIES)
@given(histories())
def test_every_explanation_is_true_of_its_record(h: CancerHistory) -> None:
    for period in analyse(h).periods:
        check(period)


def check(period: Period) -> None:
    text = period.explanation
    assert text.startswith(period.summary + " "), text
    assert len(period.summary.split()) <= OPENING_WORDS, period.summary
    assert grade_level(text) <= 8, text
    facts = Facts(period)
    for sentence in sentences(text):
        facts.check_sentence(sentence)
    facts.check_named(text)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def day_of(match: re.Match[str]) -> dt.date:
    return dt.date(int(match.group(3)), _MONTHS.index(match.group(2)) + 1, int(match.group(1)))


def tenths(number: str) -> int:
    whole, _, tenth = number.partition(".")
    return int(whole) * 10 + int(tenth or 0)


class Facts:
    """What the rules recorded for one period's assessments, as the explanation may state it."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.assessments = period.assessments
        first, last = self.assessments[0], self.assessments[-1]
        self.by_date: dict[dt.date, list[Assessment]] = {}
        for a in self.assessments:
            self.by_date.setdefault(a.date, []).append(a)
        self.dates = {d for a in self.assessments for d in _dates_of(a)}
        self.mm = set(_RULE_MM) | {size for a in self.assessments for size in _sizes_of(a)}
        self.percents = {
            abs(change)
            for a in self.assessments
            for change in (a.change_from_baseline_pct, a.change_from_nadir_pct)
            if change is not None
        } | _RULE_PERCENT
        self.days = {(last.date - first.date).days, 28} | {
            a.remission_days for a in self.assessments if a.remission_days is not None
        }
        self.counts = {sum(1 for spot in a.tracked_spots if spot.sized) for a in self.assessments}

    def on(self, date: dt.date) -> list[Assessment]:
        found = self.by_date.get(date, [])
        assert found, f"{date} is not the date of an assessment of this period"
        return found

    def check_sentence(self, sentence: str) -> None:
        plain = _QUOTED.sub("“”", sentence)
        self._numbers(plain, sentence)
        self._claims(plain, sentence)

    def _numbers(self, plain: str, sentence: str) -> None:
        """Every number is a fact of the record or a number of the rules themselves."""
        rest = _RULE_NUMBERS.sub(" ", plain)
        for match in _DATE.finditer(rest):
            assert day_of(match) in self.dates, sentence
        rest = _DATE.sub(" ", rest)
        for match in _DURATION.finditer(rest):
            days = int(match.group(1))
            assert days in self.days, sentence
            assert match.group(0) == duration_text(days)[: len(match.group(0))], sentence
        rest = _DURATION.sub(" ", rest)
        for match in _MM.finditer(rest):
            assert tenths(match.group(1)) in self.mm, sentence
        rest = _MM.sub(" ", rest)
        for match in _PERCENT.finditer(rest):
            assert Decimal(match.group(1)) in self.percents, sentence
        rest = _PERCENT.sub(" ", rest)
        counted = re.search(r"measured (\d+) spots", rest)
        if counted:
            assert int(counted.group(1)) in self.counts, sentence
            rest = rest.replace(counted.group(0), " ")
        assert not re.search(r"\d", rest), f"a number that is no fact: {sentence}"

    def _claims(self, plain: str, sentence: str) -> None:
        """Sums, starting points, "in all", "new", "gone" and "doctor" hold where they are said."""
        dated = _DATE.search(plain)
        day = day_of(dated) if dated else None
        sums = [tenths(m.group(1)) for m in _MM.finditer(plain)]
        if m := re.match(r"On .*?, the spots added up to ([\d.]+) mm( in all)?\.", plain):
            assert day is not None
            here = self.on(day)
            assert any(a.sum_tenths == tenths(m.group(1)) for a in here), sentence
            if m.group(2):
                assert any(not a.missing_spots for a in here), sentence
        if "in all" in plain:
            assert day is not None, sentence
            assert any(not a.missing_spots for a in self.on(day)), sentence
        if m := re.search(
            r"the spots? followed (?:was|were) .*, which (?:has|have) no size\.", plain
        ):
            # A starting point whose spots all have no size is told by their names, not a sum.
            assert day is not None, sentence
            named = re.findall(r"“([^”]*)”", sentence)
            assert any(
                a.baseline_date == day
                and not any(spot.sized for spot in a.tracked_spots)
                and named == [spot.name for spot in a.tracked_spots]
                for a in self.assessments
            ), sentence
        elif "starting point" in plain and not plain.startswith("A starting point (doctors say"):
            assert day is not None, f"a starting point without its date: {sentence}"
            assert sums, f"a starting point without its sum: {sentence}"
            assert any(
                (a.baseline_date, a.baseline_sum_tenths) == (day, sums[0])
                or (a.date, a.new_baseline_sum_tenths) == (day, sums[-1])
                for a in self.assessments
            ), sentence
        if m := re.match(r"The smallest sum before was ([\d.]+) mm", plain):
            assert day is not None
            assert any(
                (a.nadir_tenths, a.nadir_date) == (tenths(m.group(1)), day)
                for a in self.assessments
            ), sentence
        if m := re.search(r"(That|This) is ([\d.]+% (?:smaller|larger))", plain):
            assert any(
                percent_text(change) == m.group(2)
                for a in self.assessments
                for change in (a.change_from_baseline_pct, a.change_from_nadir_pct)
                if change is not None
            ), sentence
        if "new spot" in plain and not plain.startswith("Stable"):
            assert day is not None, sentence
            assert any(a.new_spots for a in self.on(day)), sentence
        if re.search(r"\b(was|were) gone\b", plain):
            assert day is not None
            for name in re.findall(r"“([^”]*)”", sentence):
                assert any(_recorded_gone(a, name) for a in self.on(day)), sentence
        if re.search(r"\b[Tt]he sizes (?:point|agree)", plain):
            # "The sizes" only of a scan that gave a size, not one that gave only states.
            agrees = plain.startswith("The sizes agree")
            assert any(
                (a.measured is a.stated if agrees else a.disagreement == sentence)
                and a.scan is not None
                and any(m.state is None for m in a.scan.measurements)
                for a in self.assessments
                if a.statement is not None
            ), sentence
        if re.search(r"[Yy]our doctor said|comes from what your doctor said|\bsaid:", plain):
            assert any(a.statement is not None for a in self.assessments), sentence
        if "complete remission from" in plain:
            assert day is not None
            assert any(a.remission_start == day for a in self.assessments), sentence
        for name in re.findall(r"“([^”]*)”(?: \([^)]*\))? (?:measured|was too small)", sentence):
            assert any(name in _names_measured(a) for a in self.assessments), sentence
        self._states(plain, sentence, day)

    def _states(self, plain: str, sentence: str, day: dt.date | None) -> None:
        """What a sentence says of a spot without a size is its state at that scan."""
        named = re.findall(r"“([^”]*)”", sentence)
        if m := re.search(r"which (?:has|have) no size, (was|were|had) ([a-z ]+)", plain):
            assert day is not None, sentence
            state = _STATE_WORDS[m.group(2).removesuffix(" that day")]
            where = "remaining" if plain.startswith("But on") else "unsized"
            for name in named:
                assert any(_state_of(a, name, where) == (state,) for a in self.on(day)), sentence
        if "still mentioned" in plain and "my measured spots" not in plain:
            assert day is not None, sentence
            for name in named:
                assert any(
                    _state_of(a, name, "remaining") in ((SpotState.PRESENT,), (SpotState.GROWING,))
                    for a in self.on(day)
                ), sentence
        for name, words in re.findall(
            r"“([^”]*)”(?: \([^)]*\))? ([a-z ]+), with no size", sentence
        ):
            state = _STATE_WORDS[words.removeprefix("was ").removeprefix("had ")]
            assert any(
                (state,) in (_state_of(a, name, "new"), _state_of(a, name, "returned"))
                for a in self.assessments
            ), sentence
        for name, words in re.findall(r"“([^”]*)” \(([a-z ]+), no size given\)", sentence):
            assert any(
                _state_of(a, name, "uncertain") == (_STATE_WORDS[words],) for a in self.assessments
            ), sentence
        if re.match(r"Your measured spots are gone,", plain):
            a = self.assessments[0]
            assert all(_recorded_gone(a, s.name) for s in a.tracked_spots if s.sized), sentence

    def check_named(self, text: str) -> None:
        """What must be said is said: every progression and new spot, the doctor's label, the
        spots counted at 5 mm, the uncertain ones, and a doctor's remission beside sizes."""
        first = self.assessments[0]
        if first.stated is not None and first.measured is not first.stated:
            assert "doctor" in text.split(". ", maxsplit=1)[0].lower(), text
        for a in self.assessments:
            if a.status in (Status.PROGRESSED, Status.RECURRED) or a.measured in (
                Status.PROGRESSED,
                Status.RECURRED,
            ):
                assert FIXED_ENGLISH.long(a.date) in text, text
                for finding in a.new_spots:
                    assert f"“{finding.spot.name}”" in text, text
                if a.reason is not None and a.reason.value == "growth":
                    assert a.sum_tenths is not None
                    assert mm_text(a.sum_tenths) in text, text
        for a in shown(self.assessments):
            if a.measured is None:
                continue
            for finding in a.uncertain_spots:
                assert f"“{finding.spot.name}”" in text, text
                assert "uncertain" in text, text
            if a.too_small_spots and a.reason is not None and a.reason.value != "not_measured":
                assert "counts as 5 mm" in text, text
            on_the_doctors_word = (
                a.stated is Status.COMPLETE_REMISSION and a.measured is not a.stated
            )
            if on_the_doctors_word and a.sum_tenths:
                assert f"still added up to {mm_text(a.sum_tenths)}" in text, text
            # Every spot without a size is named with its state; rule 7 names what remains.
            for finding in (*a.unsized_spots, *a.growing_spots, *a.remaining_spots):
                assert f"“{finding.spot.name}”" in text, text
            if a.growing_spots:
                assert "clearly grown" in text, text
            if a.remaining_spots:
                assert "still mentioned" in text or "not looked at" in text, text
                assert "still cancer" in text, text


def shown(assessments: tuple[Assessment, ...]) -> Iterator[Assessment]:
    """The assessments whose facts an explanation gives: the first, every one that changed
    something, and the last."""
    for a in assessments:
        ends = a is assessments[0] or a is assessments[-1]
        changed = a.starts_episode or a.disagreement or a.new_spots or a.returned_spots
        if ends or changed or a.status in (Status.PROGRESSED, Status.RECURRED):
            yield a


def _dates_of(a: Assessment) -> Iterator[dt.date]:
    yield a.date
    for date in (a.baseline_date, a.nadir_date, a.remission_start):
        if date is not None:
            yield date
    if a.statement is not None:
        yield a.statement.date
    for finding in (*a.new_spots, *a.returned_spots):
        if finding.confirmed_on is not None:
            yield finding.confirmed_on


def _sizes_of(a: Assessment) -> Iterator[int]:
    for size in (a.sum_tenths, a.baseline_sum_tenths, a.nadir_tenths, a.new_baseline_sum_tenths):
        if size is not None:
            yield size
    if a.sum_tenths is not None and a.nadir_tenths is not None:
        yield a.sum_tenths - a.nadir_tenths
    for finding in (
        *a.new_spots,
        *a.returned_spots,
        *a.small_nodes,
        *a.uncertain_spots,
        *a.small_node_growth,
    ):
        yield finding.size_tenths
    yield 0


_STATE_WORDS: dict[str, SpotState | None] = {
    "there": SpotState.PRESENT,
    "clearly grown": SpotState.GROWING,
    "clearly growing": SpotState.GROWING,
    "gone": SpotState.GONE,
    "not looked at": None,
}


def _state_of(a: Assessment, name: str, where: str) -> tuple[SpotState | None, ...]:
    """The state of the named spot among an assessment's findings of one kind, or ()."""
    findings = {
        "unsized": a.unsized_spots,
        "remaining": a.remaining_spots,
        "new": a.new_spots,
        "returned": a.returned_spots,
        "uncertain": a.uncertain_spots,
    }[where]
    return tuple(f.state for f in findings if f.spot.name == name and not f.spot.sized)


def _recorded_gone(a: Assessment, name: str) -> bool:
    if a.scan is None:
        return False
    for spot in a.tracked_spots:
        if spot.name == name:
            m = a.scan.measurement_of(spot.id)
            return m is not None and m.gone
    return False


def _names_measured(a: Assessment) -> set[str]:
    found = (*a.new_spots, *a.returned_spots, *a.small_nodes, *a.uncertain_spots)
    return {f.spot.name for f in found} | {spot.name for spot in a.too_small_spots}
