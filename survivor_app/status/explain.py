"""Explanations of periods for the survivor: their own dates and sizes first, then what the label
means in the words of the source page, then a pointer to the care team (STATUS_RULES.md §7)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from survivor_app.domain import Area, RecurrenceType, Spot, Statement, Status, mm_text
from survivor_app.status.assess import RECURRENCE_DAYS, Assessment, Reason, SpotFinding
from survivor_app.status.labels import date_text, status_label

CARE_TEAM = "Your care team can tell you what this means for you."
SECOND_CANCER = (
    "Only your care team can tell whether this is the same cancer or a second, different cancer."
)

_LYMPH_NODE_GLOSS = {"": " (a small bean-shaped gland)", "s": " (small bean-shaped glands)"}
_LYMPH_NODE = re.compile(r"\blymph node(s?)\b")
# A doctor's words are quoted in full up to this length, then shortened.
_QUOTE_LENGTH = 200

_WHERE: dict[Area, str] = {
    Area.PRIMARY: "where the cancer first started",
    Area.REGIONAL_NODE: "in the lymph nodes near where the cancer started",
    Area.DISTANT: "in another part of the body",
}

_RECURRENCE_MEANS: dict[RecurrenceType | None, str] = {
    RecurrenceType.LOCAL: (
        "A local recurrence means the cancer has come back in the same place it first started."
    ),
    RecurrenceType.REGIONAL: (
        "A regional recurrence means the cancer has come back in the lymph nodes near the place "
        "it first started."
    ),
    RecurrenceType.DISTANT: (
        "A distant recurrence means the cancer has come back in another part of the body."
    ),
    None: "Where it came back (the type of recurrence) was not recorded.",
}

_RESPONSE_STANDS = (
    "The sum is now less than 30% below the start. But it has not grown enough to count as "
    "growth, so the partial remission still stands."
)
_MONTH_SENSE = (
    "A remission (a time when the cancer shrinks or cannot be found) “must last for at least "
    "a month”."
)


def explain_period(assessments: Sequence[Assessment]) -> str:
    """The explanation of one period, given its assessments in date order."""
    first, last = assessments[0], assessments[-1]
    sentences = [
        *_what_happened(first),
        *_since(first, last),
        *_what_it_means(first),
        CARE_TEAM,
    ]
    # A longer period may repeat a fact of its first assessment; it is said once.
    return _gloss_lymph_nodes(" ".join(dict.fromkeys(sentences)))


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
        return f"On {date_text(statement.date)}, {who} gave the status “{_stated(statement)}”."
    if len(words) > _QUOTE_LENGTH:
        words = words[: _QUOTE_LENGTH - 1].rstrip() + "…"
    end = "" if words[-1] in ".!?…" else "."
    return f"On {date_text(statement.date)}, {who} said: “{words}”{end}"


def _stated(statement: Statement) -> str:
    assert statement.status is not None
    return status_label(statement.status, statement.recurrence_type)


def _what_happened(a: Assessment) -> Iterator[str]:
    """The facts behind the label: what the sizes show, then what the doctor said."""
    if a.measured is not None:
        yield from _measured_facts(a)
    if a.statement is not None:
        yield statement_sentence(a.statement)
        if a.scan is None:
            yield "There is no scan from that time. This label comes from what your doctor said."
        elif a.measured is None:
            yield f"The scan of {date_text(a.date)} has no sizes."
            yield "This label comes from what your doctor said."
        elif a.disagreement is not None:
            yield a.disagreement
            yield "The label follows your doctor, but it is worth asking about."
        elif a.measured is a.stated:
            yield "The sizes agree with this."
    yield from _remission_facts(a)


def _measured_facts(a: Assessment) -> Iterator[str]:
    """What the sizes of one scan show, rule by rule (STATUS_RULES.md §4)."""
    day = date_text(a.date)
    match a.reason:
        case Reason.FIRST_SCAN:
            yield from _first_scan(a)
        case Reason.FIRST_SCAN_FOUND_DISEASE:
            yield f"The first scan in your record, on {day}, showed the cancer."
            yield from (_finding_sentence(f) for f in a.returned_spots)
        case Reason.FIRST_SCAN_FOUND_NOTHING:
            yield f"The first scan in your record, on {day}, found no spot to measure."
        case Reason.MARKED_BASELINE:
            yield f"You marked the scan of {day} as a new starting point."
            if a.new_baseline_sum_tenths:
                yield f"The spots it measured add up to {mm_text(a.new_baseline_sum_tenths)}."
        case Reason.NO_EVIDENCE_MARK:
            yield (
                f"Your record starts with the scan of {day}, marked “no evidence of disease”."
                if a.starts_episode and a.episode == 1
                else f"The scan of {day} was marked “no evidence of disease”."
            )
        case Reason.NEW_SPOT:
            many = len(a.new_spots) > 1
            yield f"The scan of {day} found {'new spots' if many else 'a new spot'}."
            yield from (_finding_sentence(f) for f in a.new_spots)
        case Reason.BACK_AFTER_REMISSION:
            yield f"The scan of {day} found again a spot that had been gone."
            yield from (_finding_sentence(f) for f in a.returned_spots)
        case Reason.GROWTH:
            yield from _growth(a)
        case Reason.NOT_MEASURED:
            yield f"On {day}, {_not_measured(a.missing_spots)}."
            yield "Without every spot, the sizes cannot be compared with the starting point."
        case Reason.ALL_GONE:
            yield f"On {day}, every spot was gone."
            yield from _small_nodes(a.small_nodes)
            if a.baseline_sum_tenths and a.baseline_date is not None:
                yield (
                    f"At the starting point, on {date_text(a.baseline_date)}, the spots added up "
                    f"to {mm_text(a.baseline_sum_tenths)}."
                )
        case Reason.SHRANK | Reason.NO_BIG_CHANGE:
            yield from _sums(a)
        case Reason.RESPONSE_STANDS:
            yield from _sums(a)
            yield _RESPONSE_STANDS


def _first_scan(a: Assessment) -> Iterator[str]:
    day = date_text(a.date)
    count = len(a.tracked_spots)
    if not count or a.sum_tenths is None:
        yield f"The first scan, on {day}, found no spot to measure."
    elif count == 1:
        yield f"The first scan, on {day}, measured one spot: {mm_text(a.sum_tenths)}."
    else:
        yield f"The first scan, on {day}, measured {count} spots."
        yield f"Their sizes add up to {mm_text(a.sum_tenths)}."


def _growth(a: Assessment) -> Iterator[str]:
    assert a.sum_tenths is not None
    assert a.nadir_tenths is not None
    assert a.nadir_date is not None
    yield f"On {date_text(a.date)}, the spots added up to {mm_text(a.sum_tenths)}."
    more = f"That is {mm_text(a.sum_tenths - a.nadir_tenths)} more"
    if a.change_from_nadir_pct is None:
        yield f"Before, on {date_text(a.nadir_date)}, nothing could be seen. {more}."
    else:
        yield (
            f"The smallest sum before was {mm_text(a.nadir_tenths)}, on "
            f"{date_text(a.nadir_date)}. {more}, or {percent_text(a.change_from_nadir_pct)}."
        )
    yield "Growth counts when the sum goes up by at least 20% and by at least 5 mm."
    if a.missing_spots:
        yield (
            f"{_not_measured(a.missing_spots).capitalize()}, but the spots that were measured "
            "already show this growth."
        )


def _sums(a: Assessment) -> Iterator[str]:
    if a.sum_tenths is None or a.baseline_sum_tenths is None or a.baseline_date is None:
        return
    yield f"On {date_text(a.date)}, the spots added up to {mm_text(a.sum_tenths)}."
    yield (
        f"At the starting point, on {date_text(a.baseline_date)}, they added up to "
        f"{mm_text(a.baseline_sum_tenths)}."
    )
    if a.change_from_baseline_pct is not None:
        yield f"That is {percent_text(a.change_from_baseline_pct)}."
    yield from _from_smallest(a)


def _from_smallest(a: Assessment) -> Iterator[str]:
    """The change from the smallest sum before, when that was not the starting point itself."""
    if (
        a.change_from_nadir_pct is None
        or a.nadir_tenths is None
        or a.nadir_date is None
        or a.nadir_date == a.baseline_date
    ):
        return
    yield f"The smallest sum before was {mm_text(a.nadir_tenths)}, on {date_text(a.nadir_date)}."
    yield (
        f"This is {percent_text(a.change_from_nadir_pct)} than that."
        if a.change_from_nadir_pct
        else "This is the same."
    )


def _finding_sentence(finding: SpotFinding) -> str:
    spot = finding.spot
    size = "too small to measure" if finding.too_small else mm_text(finding.size_tenths)
    place = f" ({spot.location})" if spot.location.strip() else ""
    return f"“{spot.name}”{place} measured {size}. It is {_WHERE[spot.area]}."


def _small_nodes(nodes: Sequence[SpotFinding]) -> Iterator[str]:
    if not nodes:
        return
    names = _and([f"“{f.spot.name}”" for f in nodes])
    sizes = _and([mm_text(f.size_tenths) for f in nodes])
    noun = "lymph nodes" if len(nodes) > 1 else "lymph node"
    yield f"The {noun} {names} measured {sizes}."
    yield "A lymph node under 10 mm counts as normal size."


def _not_measured(spots: Sequence[Spot]) -> str:
    names = _and([f"“{spot.name}”" for spot in spots])
    return f"{names} {'were' if len(spots) > 1 else 'was'} not measured"


def _remission_facts(a: Assessment) -> Iterator[str]:
    """How long there was no evidence of disease before it was found again (§5)."""
    if a.remission_start is None or a.remission_days is None:
        return
    yield (
        f"Before this, there was no sign of the cancer from {date_text(a.remission_start)}, "
        f"for {duration_text(a.remission_days)}."
    )
    if a.status is Status.PROGRESSED and a.remission_days < RECURRENCE_DAYS:
        yield "That is less than a year."
        yield "Most doctors call it a recurrence only after at least a year with no signs."
        yield (
            "When cancer shows up again sooner, some of it was usually never completely gone, "
            "only too small to see."
        )
        yield "So this is called progressed, not recurred."


def _since(first: Assessment, last: Assessment) -> Iterator[str]:
    """What the latest check of a longer period shows."""
    if last is first:
        return
    if first.status is Status.BASELINE:
        # Consecutive starting points: the latest one is the one later scans are compared with.
        yield from _measured_facts(last)
        return
    if first.status is Status.COMPLETE_REMISSION:
        days = (last.date - first.date).days
        yield (
            f"There was no sign of the cancer from {date_text(first.date)} to "
            f"{date_text(last.date)}: {duration_text(days)}."
        )
    elif last.sum_tenths is not None and last.change_from_baseline_pct is not None:
        yield (
            f"The latest scan in this period, on {date_text(last.date)}, measured "
            f"{mm_text(last.sum_tenths)} in all."
        )
        change = last.change_from_baseline_pct
        yield (
            f"That is {percent_text(change)} than at the starting point."
            if change
            else "That is the same as at the starting point."
        )
        yield from _from_smallest(last)
        if last.reason is Reason.RESPONSE_STANDS:
            yield _RESPONSE_STANDS
    else:
        yield f"The latest check in this period was on {date_text(last.date)}."
    if last.statement is not None:
        yield statement_sentence(last.statement)
    if last.disagreement is not None:
        yield last.disagreement


def _what_it_means(a: Assessment) -> Iterator[str]:
    """What the label means, in the words of the source page and of STATUS_RULES.md."""
    match a.status:
        case Status.BASELINE:
            yield (
                "A starting point (doctors say “baseline”) is the scan that later scans are "
                "compared with."
            )
            yield "It is not good or bad news by itself."
        case Status.COMPLETE_REMISSION:
            yield "Complete remission means tests and scans show no sign of the cancer."
            yield "Doctors also call this “no evidence of disease”, or NED."
            yield "It does not always mean the cancer is cured."
            yield from _confirmation(a.confirmed)
        case Status.PARTIAL_REMISSION:
            yield "Partial remission means the cancer has shrunk but not gone away."
            yield "The app uses RECIST, the rules doctors use to measure tumours on scans."
            yield (
                "By these rules, the widths of the spots must add up to at least 30% less than "
                "at the starting point."
            )
            yield "You may read 50% elsewhere."
            yield "That older figure compares areas (width times width), not widths."
            yield "A width 30% smaller gives an area about 50% smaller, since 0.7 × 0.7 = 0.49."
            yield from _confirmation(a.confirmed)
        case Status.STABLE:
            yield (
                "Stable, or “controlled”, means the cancer is still there but is not changing "
                "much over time."
            )
            yield "The tumour does not look like it is growing."
            yield (
                "Here, the sum of the sizes has not shrunk by 30% or more, and has not grown "
                "by both 20% and 5 mm."
            )
        case Status.PROGRESSED:
            yield "Progressed means the cancer has grown or spread."
            if a.starts_episode:
                yield "Later scans are compared with this one, as a new starting point."
        case Status.RECURRED:
            yield "Recurred means the cancer came back after a time when it could not be found."
            yield "Most doctors call it a recurrence only after at least a year with no signs."
            yield _RECURRENCE_MEANS[a.recurrence_type]
            yield SECOND_CANCER
        case Status.NOT_EVALUABLE:
            yield (
                "“Not enough information” means the app cannot give a label from this scan, "
                "because a spot was not measured."
            )
            yield "It does not mean anything is wrong."


def _confirmation(confirmed: bool | None) -> Iterator[str]:
    yield _MONTH_SENSE
    if confirmed:
        yield "This one was seen over at least 28 days, so it counts as confirmed."
    else:
        yield "This one has not yet been seen over 28 days. A later check can confirm it."


def _and(words: Sequence[str]) -> str:
    if len(words) < 3:
        return " and ".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _gloss_lymph_nodes(text: str) -> str:
    """Add a plain gloss after the first "lymph node" outside a quoted name."""
    for match in _LYMPH_NODE.finditer(text):
        before = text[: match.start()]
        if before.count("“") == before.count("”"):
            gloss = _LYMPH_NODE_GLOSS[match.group(1)]
            return text[: match.end()] + gloss + text[match.end() :]
    return text
