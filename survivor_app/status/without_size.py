"""Sentences about spots without a size (STATUS_RULES.md §1, §7): what a report said of each one,
by its name and the scan's date, in plain words. Such a spot has a state, never a size: it was
there, it had clearly grown, it was gone, or the scan did not look at it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from survivor_app.domain import Spot, SpotState
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import listed
from survivor_app.status.assessment import Assessment, Reason, SpotFinding

#: What a report said of a spot without a size, after "it" or "they" in a sentence, by state;
#: None is a scan that did not look at the spot.
_SAID: dict[SpotState | None, tuple[str, str]] = {
    SpotState.PRESENT: ("was there", "were there"),
    SpotState.GROWING: ("had clearly grown", "had clearly grown"),
    SpotState.GONE: ("was gone", "were gone"),
    None: ("was not looked at", "were not looked at"),
}
#: A state in a few words, inside brackets after a spot's name.
_IN_BRACKETS: dict[SpotState, str] = {
    SpotState.PRESENT: "there",
    SpotState.GROWING: "clearly growing",
    SpotState.GONE: "gone",
}

#: Why a spot without a size keeps a remission partial, in the words of STATUS_RULES.md §2.
REMAIN_MEANS = (
    "A complete remission needs every spot to be gone, also the ones a report gives no size for.",
    "Reports may call such spots “non-target lesions”.",
    "While one of them is still there or was not looked at, the label is partial remission.",
)
#: Why a spot without a size that clearly grew counts as progression (rule 4).
GREW_MEANS = "When a report says a spot without a size has clearly grown, that counts as growth."


def names(findings: Sequence[SpotFinding]) -> str:
    """The spots' names of findings, quoted and joined, as ``spot_names``."""
    return spot_names([f.spot for f in findings])


def spot_names(spots: Sequence[Spot]) -> str:
    """The spots' names, quoted and joined: ``“A”``, ``“A” and “B”``, ``“A”, “B” and “C”``."""
    return listed([f"“{spot.name}”" for spot in spots])


def state_sentences(a: Assessment) -> Iterator[str]:
    """What the scan said of each tracked spot without a size it has not named already, by
    state, with the scan's date; an uncertain entry is called uncertain."""
    said = {f.spot.id for f in (*a.new_spots, *a.returned_spots)}
    if a.reason is Reason.ALL_GONE:
        # Its spots recorded gone are named with the others; the uncertain ones in a note.
        said |= {f.spot.id for f in a.unsized_spots}
    if a.reason is Reason.UNSIZED_REMAIN:
        said |= {f.spot.id for f in a.remaining_spots}
        said |= {f.spot.id for f in a.unsized_spots if f.state is SpotState.GONE}
    findings = [f for f in a.unsized_spots if f.spot.id not in said]
    day = FIXED_ENGLISH.long(a.date)
    for state, (one, many) in _SAID.items():
        group = [f for f in findings if f.state is state]
        if not group:
            continue
        verb = many if len(group) > 1 else one
        has = "have" if len(group) > 1 else "has"
        yield f"On {day}, {names(group)}, which {has} no size, {verb}{_doubt(group)}."


def remaining_sentences(a: Assessment) -> Iterator[str]:
    """Rule 7: the spots without a size that keep this remission partial, by name and date."""
    day = FIXED_ENGLISH.long(a.date)
    there = [f for f in a.remaining_spots if f.state is not None]
    unseen = [f for f in a.remaining_spots if f.state is None]
    if there:
        has = "have" if len(there) > 1 else "has"
        yield f"But the report of {day} still mentioned {names(there)}, which {has} no size."
    if unseen:
        verb = "were" if len(unseen) > 1 else "was"
        has = "have" if len(unseen) > 1 else "has"
        yield f"But on {day}, {names(unseen)}, which {has} no size, {verb} not looked at."
    yield "So the measurements do not show a complete remission."


def remain_opening(a: Assessment) -> str:
    """The opening sentence of a partial remission by rule 7 (at most 20 words)."""
    what = "spots" if len(a.remaining_spots) > 1 else "a spot"
    sized = f"Your measured spots {sized_now(a)[0]}"
    if any(f.state is not None for f in a.remaining_spots):
        return f"{sized}, but the report still mentions {what} without a size."
    verb = "were" if len(a.remaining_spots) > 1 else "was"
    return f"{sized}, but {what} without a size {verb} not looked at."


def sized_now(a: Assessment) -> tuple[str, str]:
    """What rule 7 found of the sized spots, truthfully, in the present and the past tense:
    all recorded gone, some lymph nodes back to normal size, or an uncertain spot counted as
    gone after a complete remission."""
    if a.uncertain_counted_as_gone:
        return "show no sure sign of disease", "showed no sure sign of disease"
    if all(recorded_gone(a, spot) for spot in a.tracked_spots if spot.sized):
        return "are gone", "were gone"
    return "are gone or normal in size", "were gone or normal in size"


def finding_words(finding: SpotFinding) -> str:
    """What an entry said of a spot without a size, for a finding's sentence."""
    assert finding.state is not None
    return f"{_SAID[finding.state][0]}, with no size given"


def in_brackets(finding: SpotFinding) -> str:
    """A spot without a size's state in a few words, for brackets after its name."""
    assert finding.state is not None
    return f"{_IN_BRACKETS[finding.state]}, no size given"


def recorded_gone(a: Assessment, spot: Spot) -> bool:
    """Whether the scan of an assessment recorded this spot as gone (size 0, or state gone)."""
    if a.scan is None:
        return False
    m = a.scan.measurement_of(spot.id)
    return m is not None and m.gone


def _doubt(findings: Sequence[SpotFinding]) -> str:
    """An uncertain "gone": the spots there but uncertain have a note of their own."""
    doubted = [f for f in findings if f.uncertain and f.state is SpotState.GONE]
    if not doubted:
        return ""
    if len(doubted) == len(findings):
        return ", but the report marked this uncertain"
    return f", but the report marked {names(doubted)} uncertain"
