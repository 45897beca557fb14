"""The person's own numbers in an explanation: sums, changes, spots, dates and what the doctor said,
each sentence built from the facts the rules recorded, so it is true of the record."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from survivor_app.domain import Spot, Statement, Status, mm_text
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import AREA_IN_A_SENTENCE, listed, shorten, status_label
from survivor_app.status.assessment import (
    DISEASE_FOUND,
    RECURRENCE_DAYS,
    Assessment,
    Reason,
    SpotFinding,
)
from survivor_app.status.spot_sizes import gave_sizes
from survivor_app.status.without_size import (
    finding_words,
    in_brackets,
    names,
    recorded_gone,
    remaining_sentences,
    spot_names,
    state_sentences,
)

# A doctor's words are quoted in full up to this length, then shortened.
_QUOTE_LENGTH = 200

_NOT_YET_A_YEAR = (
    "That is less than a year.",
    "Most doctors call it a recurrence only after at least a year with no signs.",
    "When cancer shows up again sooner, some of it was usually never completely gone, only too "
    "small to see.",
    "So this is called progressed, not recurred.",
)


def duration_text(days: int) -> str:
    """A length of time for sentences: ``215 days (about 7 months)``."""
    if days < 60:
        return "1 day" if days == 1 else f"{days} days"
    months = (days * 12 + 182) // 365
    if months < 24:
        return f"{days} days (about {months} months)"
    return f"{days} days (about {(months + 6) // 12} years)"


def percent_text(change: Decimal) -> str:
    """A change for sentences: ``61.8% smaller``, ``20% larger`` or ``the same``."""
    if change == 0:
        return "the same"
    number = str(abs(change)).removesuffix(".0")
    return f"{number}% {'smaller' if change < 0 else 'larger'}"


def statement_sentence(statement: Statement) -> str:
    """What a doctor said, quoted, e.g. ``On 2 February 2022, Dr. Osei said: “…”.``"""
    who = statement.clinician.strip() or "your doctor"
    words = " ".join(statement.text.split())
    if not words:
        day = FIXED_ENGLISH.long(statement.date)
        return f"On {day}, {who} gave the status “{_stated(statement)}”."
    words = shorten(words, _QUOTE_LENGTH)
    end = "" if words[-1] in ".!?…" else "."
    return f"On {FIXED_ENGLISH.long(statement.date)}, {who} said: “{words}”{end}"


def _stated(statement: Statement) -> str:
    assert statement.status is not None
    return status_label(statement.status, statement.recurrence_type)


def own_numbers(assessments: Sequence[Assessment]) -> Iterator[str]:
    """The person's own numbers: the first assessment's, every later one that changed something
    (disease found, a new starting point, a disagreement), and the latest check's."""
    first, last = assessments[0], assessments[-1]
    before: Assessment | None = None
    for a in assessments:
        # A partial remission by rule 7 is told where it begins, inside a period too.
        remain = a.reason is Reason.UNSIZED_REMAIN and (
            before is None or before.reason is not Reason.UNSIZED_REMAIN
        )
        if a is first or remain or _changed_something(a):
            yield from _facts(a)
        before = a
    if last is not first:
        days = (last.date - first.date).days
        yield (
            f"This label held from {FIXED_ENGLISH.long(first.date)} to "
            f"{FIXED_ENGLISH.long(last.date)}: {duration_text(days)}."
        )
        if not _changed_something(last):
            yield from _facts(last)


def _changed_something(a: Assessment) -> bool:
    return (
        a.starts_episode
        or a.disagreement is not None
        or a.status in DISEASE_FOUND
        or a.measured in DISEASE_FOUND
        or bool(a.new_spots or a.returned_spots)
    )


def _facts(a: Assessment) -> Iterator[str]:
    """What one assessment rests on: the sizes, then what the doctor said."""
    if a.measured is not None:
        yield from _measured_facts(a)
        yield from state_sentences(a)
        yield from _spot_notes(a)
    if a.statement is not None:
        yield from _doctor_facts(a)
    yield from _remission_facts(a)
    yield from _new_starting_point(a)


def _measured_facts(a: Assessment) -> Iterator[str]:
    """What the sizes of one scan show, rule by rule (STATUS_RULES.md §3 and §4)."""
    day = FIXED_ENGLISH.long(a.date)
    match a.reason:
        case Reason.FIRST_SCAN:
            yield from _first_scan(a)
        case Reason.FIRST_SCAN_FOUND_DISEASE:
            yield f"The first scan in your record, on {day}, showed the cancer."
            yield from (_finding_sentence(f) for f in a.returned_spots)
        case Reason.FIRST_SCAN_FOUND_NOTHING:
            yield f"The first scan in your record, on {day}, found no spot above normal size."
        case Reason.MARKED_BASELINE:
            yield f"You marked the scan of {day} to start a new comparison."
        case Reason.NO_EVIDENCE_MARK:
            yield (
                f"Your record starts with the scan of {day}, marked “no evidence of disease”."
                if a.starts_episode and a.episode == 1
                else f"The scan of {day} was marked “no evidence of disease”."
            )
            if a.starts_episode and a.episode != 1:
                yield "You also marked it to start a new comparison."
        case Reason.NEW_SPOT:
            many = len(a.new_spots) > 1
            yield f"The scan of {day} found {'new spots' if many else 'a new spot'}."
            yield from (_finding_sentence(f) for f in a.new_spots)
            if a.returned_spots:
                yield "It also found again spots you followed before."
                yield from (_finding_sentence(f) for f in a.returned_spots)
            yield from _followed_sum(a)
        case Reason.BACK_AFTER_REMISSION:
            yield f"The scan of {day} found the cancer again."
            yield from (_finding_sentence(f) for f in a.returned_spots)
        case Reason.GROWTH:
            yield from _growth(a)
        case Reason.UNSIZED_GREW if a.sum_tenths:
            yield from _sums(a)
        case Reason.UNSIZED_GREW:
            yield from _gone_sentence(a)
        case Reason.NOT_MEASURED:
            yield f"On {day}, {_not_measured(a.missing_spots)}."
            yield "Without every spot, this scan cannot be compared with the ones before."
        case Reason.ALL_GONE:
            yield from _all_gone(a)
        case Reason.UNSIZED_REMAIN:
            yield from _gone_sentence(a)
            yield from _small_nodes(a.small_nodes)
            yield from remaining_sentences(a)
            yield from _starting_point(a)
        case Reason.SHRANK | Reason.NO_BIG_CHANGE | Reason.RESPONSE_STANDS:
            yield from _sums(a)


def _first_scan(a: Assessment) -> Iterator[str]:
    day = FIXED_ENGLISH.long(a.date)
    count = len(_sized(a))
    if not count or a.sum_tenths is None:
        yield f"The first scan, on {day}, found no spot to measure."
    elif count == 1:
        yield f"The first scan, on {day}, measured one spot: {mm_text(a.sum_tenths)}."
    else:
        yield f"The first scan, on {day}, measured {count} spots."
        yield f"Their sizes add up to {mm_text(a.sum_tenths)}."


def _starting_point(a: Assessment) -> Iterator[str]:
    """The starting point this scan is compared with, always with its date and its sum, or the
    names of its spots when none of them has a size (there is no sum)."""
    if a.baseline_sum_tenths is None or a.baseline_date is None:
        return
    if not _sized(a):
        many = len(a.tracked_spots) > 1
        yield (
            f"At the starting point, on {FIXED_ENGLISH.long(a.baseline_date)}, the "
            f"{'spots' if many else 'spot'} followed {'were' if many else 'was'} "
            f"{spot_names(a.tracked_spots)}, which {'have' if many else 'has'} no size."
        )
        return
    yield (
        f"At the starting point, on {FIXED_ENGLISH.long(a.baseline_date)}, the spots added up to "
        f"{mm_text(a.baseline_sum_tenths)}."
    )


def _sum_sentence(a: Assessment) -> str:
    assert a.sum_tenths is not None
    whole = " in all" if not a.missing_spots else ""
    return f"On {FIXED_ENGLISH.long(a.date)}, the spots added up to {mm_text(a.sum_tenths)}{whole}."


def _sized(a: Assessment) -> list[Spot]:
    """The tracked spots with a size: the ones a sum adds up."""
    return [spot for spot in a.tracked_spots if spot.sized]


def _sums(a: Assessment) -> Iterator[str]:
    if a.sum_tenths is None or not _sized(a):
        return
    yield _sum_sentence(a)
    yield from _starting_point(a)
    if a.change_from_baseline_pct is not None:
        yield f"That is {percent_text(a.change_from_baseline_pct)}."
    yield from _from_smallest(a)
    if a.reason is Reason.RESPONSE_STANDS:
        yield "That is no longer 30% less than at the start, but it has not grown enough to count."
        yield "A partial remission seen again at least 28 days later stands until growth."


def _from_smallest(a: Assessment) -> Iterator[str]:
    """The change from the smallest sum before, when that was not the starting point itself."""
    if (
        a.change_from_nadir_pct is None
        or a.nadir_tenths is None
        or a.nadir_date is None
        or a.nadir_date == a.baseline_date
    ):
        return
    yield (
        f"The smallest sum before was {mm_text(a.nadir_tenths)}, "
        f"on {FIXED_ENGLISH.long(a.nadir_date)}."
    )
    yield (
        f"This is {percent_text(a.change_from_nadir_pct)} than that."
        if a.change_from_nadir_pct
        else "This is the same."
    )


def _followed_sum(a: Assessment) -> Iterator[str]:
    """The sum of the spots followed before a new spot was found, when all were measured."""
    if a.sum_tenths is None or not _sized(a):
        return
    yield f"The spots followed before added up to {mm_text(a.sum_tenths)} that day."


def _growth(a: Assessment) -> Iterator[str]:
    assert a.sum_tenths is not None
    assert a.nadir_tenths is not None
    assert a.nadir_date is not None
    yield _sum_sentence(a)
    more = f"That is {mm_text(a.sum_tenths - a.nadir_tenths)} more"
    if a.change_from_nadir_pct is None:
        yield f"Before, on {FIXED_ENGLISH.long(a.nadir_date)}, they added up to 0 mm. {more}."
    else:
        yield (
            f"The smallest sum before was {mm_text(a.nadir_tenths)}, on "
            f"{FIXED_ENGLISH.long(a.nadir_date)}. {more}, "
            f"or {percent_text(a.change_from_nadir_pct)}."
        )
    yield "Growth counts when the sum goes up by at least 20% and by at least 5 mm."
    if a.missing_spots:
        yield (
            f"{_not_measured(a.missing_spots)}, but the spots that were measured "
            "already show this growth."
        )


def _all_gone(a: Assessment) -> Iterator[str]:
    if not a.tracked_spots:
        yield f"On {FIXED_ENGLISH.long(a.date)}, no spot you follow was above normal size."
        return
    yield from _gone_sentence(a)
    yield from _small_nodes(a.small_nodes)
    yield from _starting_point(a)


def _gone_sentence(a: Assessment) -> Iterator[str]:
    """The tracked spots this scan recorded as gone, sized or not."""
    gone = [spot for spot in a.tracked_spots if recorded_gone(a, spot)]
    if gone:
        verb = "were" if len(gone) > 1 else "was"
        yield f"On {FIXED_ENGLISH.long(a.date)}, {spot_names(gone)} {verb} gone."


def _spot_notes(a: Assessment) -> Iterator[str]:
    """Spots counted at 5 mm, and uncertain spots, wherever they affect what was said."""
    if a.too_small_spots and a.reason is not Reason.NOT_MEASURED:
        many = len(a.too_small_spots) > 1
        yield (
            f"{spot_names(a.too_small_spots)} {'were' if many else 'was'} too small to measure, "
            f"so {'each counts' if many else 'it counts'} as 5 mm."
        )
    for finding in a.uncertain_spots:
        yield (
            f"The report was not sure that “{finding.spot.name}” ({_size(finding)}) is cancer: "
            "it is marked uncertain."
        )
    if a.uncertain_counted_as_gone:
        yield (
            "After a complete remission, an uncertain spot counts as gone until a later scan "
            "shows it for sure."
        )
    if a.small_node_growth:
        yield (
            f"{names(a.small_node_growth)} grew, but a lymph node under 10 mm is normal in size, "
            "so this is not counted as growth."
        )


def _doctor_facts(a: Assessment) -> Iterator[str]:
    assert a.statement is not None
    yield statement_sentence(a.statement)
    if a.scan is None:
        yield "There is no scan from that time. This label comes from what your doctor said."
    elif a.measured is None:
        yield f"The scan of {FIXED_ENGLISH.long(a.date)} has no sizes."
        yield "This label comes from what your doctor said."
    elif a.disagreement is not None:
        yield a.disagreement
        yield "The label follows your doctor, but it is worth asking about."
    elif a.measured is a.stated:
        yield "The sizes agree with this." if gave_sizes(a.scan) else "The scan agrees with this."
    else:
        yield "This label comes from what your doctor said."
    if a.stated is Status.COMPLETE_REMISSION and a.measured is not a.stated and a.sum_tenths:
        yield (
            f"The spots on the scan of {FIXED_ENGLISH.long(a.date)} still added up to "
            f"{mm_text(a.sum_tenths)}."
        )


def _remission_facts(a: Assessment) -> Iterator[str]:
    """How long the label was complete remission before disease was found again (§5)."""
    if a.remission_start is None or a.remission_days is None:
        return
    yield (
        "Before this, the label was complete remission from "
        f"{FIXED_ENGLISH.long(a.remission_start)}, for {duration_text(a.remission_days)}."
    )
    if a.status is Status.PROGRESSED and a.remission_days < RECURRENCE_DAYS:
        yield from _NOT_YET_A_YEAR


def _new_starting_point(a: Assessment) -> Iterator[str]:
    """Where comparisons start again, and why, when this scan starts a new episode (§3)."""
    if not a.starts_episode or a.new_baseline_sum_tenths is None:
        return
    day = FIXED_ENGLISH.long(a.date)
    if a.reason is Reason.FIRST_SCAN:
        yield "Later scans are compared with this one."
        return
    if a.measured not in DISEASE_FOUND and a.status in DISEASE_FOUND:
        why = "your doctor said the cancer had grown or come back"
    elif a.reason is Reason.GROWTH:
        why = "the spots grew"
    elif a.reason is Reason.UNSIZED_GREW:
        why = "the report said a spot without a size had clearly grown"
    elif a.reason is Reason.NEW_SPOT:
        why = "new spots were found" if len(a.new_spots) > 1 else "a new spot was found"
    elif a.reason in (Reason.BACK_AFTER_REMISSION, Reason.FIRST_SCAN_FOUND_DISEASE):
        why = "the cancer was found again"
    else:
        why = "you marked it so"
    if not a.new_baseline_sum_tenths:
        # Every spot the new comparison follows is a spot without a size: there is no sum.
        yield f"Later scans are now compared with the scan of {day}, because {why}."
        yield "Every spot followed from then on is a spot without a size."
        return
    yield (
        f"The scan of {day} is now the starting point, because {why}: "
        f"later scans are compared with its sum, {mm_text(a.new_baseline_sum_tenths)}."
    )


def _finding_sentence(finding: SpotFinding) -> str:
    spot = finding.spot
    place = f" ({spot.location})" if spot.location.strip() else ""
    if finding.state is not None:
        size = finding_words(finding)
    elif finding.too_small:
        size = "was too small to measure, so it counts as 5 mm"
    else:
        size = f"measured {mm_text(finding.size_tenths)}"
    sentence = f"“{spot.name}”{place} {size}. It is {AREA_IN_A_SENTENCE[spot.area]}."
    if finding.confirmed_on is not None:
        sentence += (
            " The report was not sure about it then; the scan of "
            f"{FIXED_ENGLISH.long(finding.confirmed_on)} showed it for sure, "
            "so it counts from then."
        )
    return sentence


def _size(finding: SpotFinding) -> str:
    if finding.state is not None:
        return in_brackets(finding)
    if finding.too_small:
        return "too small to measure, counted as 5 mm"
    return mm_text(finding.size_tenths)


def _small_nodes(nodes: Sequence[SpotFinding]) -> Iterator[str]:
    if not nodes:
        return
    sizes = listed([_size(f) for f in nodes])
    noun = "lymph nodes" if len(nodes) > 1 else "lymph node"
    yield f"The {noun} {names(nodes)} measured {sizes}."
    yield "A lymph node under 10 mm counts as normal size."


def _not_measured(spots: Sequence[Spot]) -> str:
    return f"{spot_names(spots)} {'were' if len(spots) > 1 else 'was'} not measured"
