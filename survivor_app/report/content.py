"""What the printed summary says, built from the record and the status engine without Qt or
matplotlib: one frozen ``CancerSummary`` per cancer, each of which the renderer puts on its own
page (two at most), with long lists already cut to their most recent rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from survivor_app.domain import (
    Cancer,
    CancerHistory,
    Measurement,
    Question,
    Record,
    Scan,
    Spot,
    Statement,
    Status,
    Treatment,
    mm_text,
)
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import (
    GONE,
    NO_STATUS_GIVEN,
    NOT_MEASURED,
    NOTHING_YET,
    SCAN_KIND_WORDS,
    TOO_SMALL,
    TREATMENT_KIND_WORDS,
    UNCERTAIN,
    basis_label,
    shorten,
    status_label,
)
from survivor_app.report.spots import (
    MAX_UNSIZED,
    NAME_CHARS,
    StateRow,
    spot_name,
    spot_where,
    state_rows,
)
from survivor_app.status import (
    Assessment,
    CancerAnalysis,
    Period,
    analyse,
    explain_period,
    marker_line,
)
from survivor_app.status.sums import sum_text

DISCLAIMER = "Prepared by the patient from their own records. Not a medical document."
#: STATUS_RULES.md §9, said where a doctor looks for it: under every page.
SCOPE_NOTE = (
    "Labels follow the app’s rules, based on RECIST 1.1: the sum of the spots’ longest widths "
    "(lymph nodes: their shortest width) against a starting scan. Blood cancers (lymphoma, "
    "leukaemia, myeloma), brain tumours and prostate cancer followed by PSA have their own "
    "criteria (Lugano, RANO, IMWG, PCWG3), not applied here. Tumour markers such as CA-125 are "
    "shown but not used for the labels."
)

TITLE = "Summary for my appointment"
STATUS_HEADING = "Current status"
TIMELINE_HEADING = "Sizes over time"
#: Before the compact line of the latest marker results (STATUS_RULES.md §9 said with it).
MARKERS_LINE_HEADING = "Tumour markers (not used for the labels)"
TREATMENTS_HEADING = "Treatments"
PERIODS_HEADING = "Periods"
STATEMENTS_HEADING = "Latest doctor statements"
SCAN_HEADING = "Latest scan"
QUESTIONS_HEADING = "Questions for this appointment"
#: Every heading a page carries, in the order the page shows them.
HEADINGS = (
    STATUS_HEADING,
    TIMELINE_HEADING,
    TREATMENTS_HEADING,
    PERIODS_HEADING,
    STATEMENTS_HEADING,
    SCAN_HEADING,
    QUESTIONS_HEADING,
)

# The most rows each list shows, so that any history fits on two pages; the timeline still
# shows everything.
MAX_PERIODS = 10
MAX_STATEMENTS = 5
MAX_SIZES = 6
MAX_QUESTIONS = 6
MAX_TREATMENTS = 6
#: The first sentences of an explanation a page may print; it prints as many as fit its room.
EXPLANATION_SENTENCES = 3
# Character budgets that keep every text to a few printed lines; cut text ends in "…".
SENTENCE_CHARS = 200
QUOTE_CHARS = 150
QUESTION_CHARS = 220

NO_PERIODS = NOTHING_YET
NO_STATUS = "No status yet"
NO_STATUS_SENTENCES = ("The app gives a status once a scan or a doctor’s statement is added.",)
NO_STATEMENTS = "No doctor’s statements recorded."
NO_SCAN = "No scan with sizes recorded."
NO_QUESTIONS = "No questions written down. These lines are for notes."

T = TypeVar("T")

# A sentence ends at . ! ? or … (maybe inside a closing quote) before a space and a capital
# or an opening quote; titles such as "Dr." do not end one.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…]”))(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)\s+(?=[A-Z“])"
)


@dataclass(frozen=True, slots=True)
class Shown(Generic[T]):
    """The rows a list shows, and a line saying what was left out ("" when nothing was)."""

    rows: tuple[T, ...]
    left_out: str = ""


@dataclass(frozen=True, slots=True)
class Header:
    """Who and what the page is about, and when it was printed, as lines to print ("" for a
    line with nothing to say)."""

    title: str
    name: str
    born: str
    cancer: str
    started_in: str
    diagnosed: str
    continued: str


@dataclass(frozen=True, slots=True)
class CurrentStatus:
    """The label that counts now, since when and when it was last checked, and the first
    sentences of what the latest check found (the page prints the first, and more if room)."""

    status: Status | None
    label: str
    dates: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """One row of the periods table; ``explanation`` is the first sentences of the period's
    explanation, of which the page prints the first, and the next ones while they fit."""

    status: Status
    dates: str
    label: str
    basis: str
    explanation: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    """One treatment as the summary lists it: what it was and when."""

    what: str
    dates: str


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One doctor's statement as the summary lists it."""

    date: str
    who: str
    said: str
    status: str


@dataclass(frozen=True, slots=True)
class SizeRow:
    """One spot at the latest scan."""

    spot: str
    where: str
    size: str


@dataclass(frozen=True, slots=True)
class LatestScan:
    """The latest scan with sizes: what and when, and each spot's size."""

    title: str
    sizes: Shown[SizeRow]
    note: str


@dataclass(frozen=True, slots=True)
class CancerSummary:
    """Everything one cancer's page says; ``history`` and ``analysis`` feed its timeline."""

    header: Header
    status: CurrentStatus
    history: CancerHistory
    analysis: CancerAnalysis
    periods: Shown[PeriodRow]
    treatments: Shown[TreatmentRow]
    statements: Shown[StatementRow]
    latest_scan: LatestScan | None
    questions: Shown[str]
    #: The spots without a size, each with its latest state, listed under the latest scan's
    #: sizes.
    unsized: Shown[StateRow]
    #: The latest result of each tumour marker and its trend, on one line ("" without any).
    markers: str = ""
    disclaimer: str = DISCLAIMER
    scope_note: str = SCOPE_NOTE


class SummaryError(ValueError):
    """A summary that cannot be made; the message is one plain line for the person."""


def build_summaries(
    record: Record, cancer_id: str | None = None, *, today: dt.date
) -> tuple[CancerSummary, ...]:
    """One summary per cancer of the record, or for the one cancer ``cancer_id`` names.

    Raises SummaryError when the record follows no cancer or has none with that id.
    """
    if not record.cancers:
        raise SummaryError("this record has no cancer yet; add one first")
    cancers = record.cancers
    if cancer_id is not None:
        cancers = tuple(c for c in record.cancers if c.id == cancer_id)
        if not cancers:
            known = ", ".join(c.id for c in record.cancers)
            raise SummaryError(f"there is no cancer with the id {cancer_id!r} (known: {known})")
    return tuple(_summary(record, cancer, today) for cancer in cancers)


def first_sentences(text: str, count: int = EXPLANATION_SENTENCES) -> tuple[str, ...]:
    """The first ``count`` sentences of ``text``, each cut to a length a page can hold."""
    return tuple(shorten(sentence, SENTENCE_CHARS) for sentence in sentences(text)[:count])


def _summary(record: Record, cancer: Cancer, today: dt.date) -> CancerSummary:
    history = record.history(cancer.id)
    analysis = analyse(history)
    return CancerSummary(
        header=_header(record, cancer, today),
        status=_current_status(analysis.periods),
        history=history,
        analysis=analysis,
        periods=_period_rows(analysis.periods),
        treatments=_treatment_rows(history.treatments),
        statements=_statement_rows(history.statements),
        latest_scan=_latest_scan(history, analysis.assessments),
        questions=_questions(record.questions, cancer, analysis.questions),
        unsized=_unsized(history),
        markers=marker_line(history.marker_results),
    )


def _header(record: Record, cancer: Cancer, today: dt.date) -> Header:
    person = record.person
    site = cancer.primary_site.strip()
    return Header(
        title=f"{TITLE}, printed on {FIXED_ENGLISH.long(today)}",
        name=shorten(person.name.strip() or "Name not given", NAME_CHARS),
        born="" if person.birth_date is None else f"Born {FIXED_ENGLISH.long(person.birth_date)}",
        cancer=shorten(cancer.name.strip() or "Cancer", NAME_CHARS),
        started_in=f"Where it started: {shorten(site, NAME_CHARS)}" if site else "",
        diagnosed=""
        if cancer.diagnosed_on is None
        else f"Diagnosed {FIXED_ENGLISH.long(cancer.diagnosed_on)}",
        continued=f"{person.name.strip()}: {cancer.name.strip()} (continued)",
    )


def _current_status(periods: Sequence[Period]) -> CurrentStatus:
    if not periods:
        return CurrentStatus(None, NO_STATUS, "", NO_STATUS_SENTENCES)
    current = periods[-1]
    # The latest assessment told on its own: the engine's own words for what it found.
    latest = explain_period(current.assessments[-1:])
    return CurrentStatus(
        status=current.status,
        label=current.label,
        dates=(
            f"Since {FIXED_ENGLISH.long(current.start)}. "
            f"Last checked {FIXED_ENGLISH.long(current.last_checked)}."
        ),
        sentences=first_sentences(latest.text),
    )


def _period_rows(periods: Sequence[Period]) -> Shown[PeriodRow]:
    shown = periods[-MAX_PERIODS:]
    rows = tuple(
        PeriodRow(
            status=p.status,
            dates=_period_dates(p),
            label=p.label,
            basis=basis_label(p.basis),
            explanation=first_sentences(p.summary),
        )
        for p in shown
    )
    return Shown(rows, periods_left_out(len(periods) - len(shown)))


def periods_left_out(count: int) -> str:
    """The line under the periods table saying how many earlier periods it leaves out."""
    if not count:
        return ""
    earlier = "1 earlier period is" if count == 1 else f"{count} earlier periods are"
    return f"{earlier} not listed here; the timeline above shows them all."


def _period_dates(period: Period) -> str:
    start = FIXED_ENGLISH.short(period.start)
    if period.end is None:
        return f"Since {start}"
    return f"{start} –\n{FIXED_ENGLISH.short(period.end)}"


def treatment_words(treatment: Treatment) -> str:
    """What a treatment was, in words: ``Chemotherapy: AC-T``, or the kind alone."""
    kind = TREATMENT_KIND_WORDS[treatment.kind]
    name = shorten(treatment.name.strip(), NAME_CHARS)
    return f"{kind}: {name}" if name else kind


def _treatment_rows(treatments: Sequence[Treatment]) -> Shown[TreatmentRow]:
    ordered = sorted(treatments, key=lambda t: t.start)
    shown = ordered[-MAX_TREATMENTS:]
    rows = tuple(TreatmentRow(treatment_words(t), _treatment_dates(t)) for t in shown)
    return Shown(
        rows, _more(len(ordered) - len(shown), "treatment is", "treatments are", "in the app")
    )


def _treatment_dates(treatment: Treatment) -> str:
    start = FIXED_ENGLISH.short(treatment.start)
    if treatment.end is None:
        return f"Since {start}"
    if treatment.end == treatment.start:
        return start
    return f"{start} – {FIXED_ENGLISH.short(treatment.end)}"


def _statement_rows(statements: Sequence[Statement]) -> Shown[StatementRow]:
    ordered = [s for _, s in sorted(enumerate(statements), key=lambda p: (p[1].date, p[0]))]
    shown = ordered[-MAX_STATEMENTS:]
    rows = tuple(
        StatementRow(
            date=FIXED_ENGLISH.long(s.date),
            who=shorten(s.clinician.strip() or "Doctor", NAME_CHARS),
            said=_quote(s.text),
            status=NO_STATUS_GIVEN
            if s.status is None
            else status_label(s.status, s.recurrence_type),
        )
        for s in shown
    )
    left_out = len(ordered) - len(shown)
    note = f"The {len(shown)} latest of {len(ordered)} statements." if left_out else ""
    return Shown(rows, note)


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return f"“{shorten(words, QUOTE_CHARS)}”" if words else "(no words recorded)"


def _latest_scan(history: CancerHistory, assessments: Sequence[Assessment]) -> LatestScan | None:
    ordered = [s for _, s in sorted(enumerate(history.scans), key=lambda p: (p[1].date, p[0]))]
    with_results = [s for s in ordered if s.measurements or s.no_evidence_of_disease]
    if not with_results:
        return None
    scan = with_results[-1]
    spots = {spot.id: spot for spot in history.spots}
    # The spots without a size have a list of their own, with their latest state.
    measured = [(spots[m.spot_id], m) for m in scan.measurements if m.spot_id in spots]
    rows = [_size_row(spot, m) for spot, m in measured if spot.sized]
    # The spots this scan was compared on but that it did not measure, so the gap shows.
    assessed = next((a for a in assessments if a.scan is not None and a.scan.id == scan.id), None)
    if assessed is not None:
        rows += [
            SizeRow(spot_name(spot), spot_where(spot), NOT_MEASURED)
            for spot in assessed.missing_spots
            if spot.sized
        ]
    shown = tuple(rows[:MAX_SIZES])
    left_out = len(rows) - len(shown)
    notes = ["Marked “no evidence of disease”."] if scan.no_evidence_of_disease else []
    summed = "" if assessed is None else sum_text(assessed)
    if summed:
        # "0 mm" must not read as "nothing left" while spots without a size are still followed.
        unsized = any(not spot.sized for spot in history.spots)
        label = "Sum of tracked spots with a size" if unsized else "Sum of tracked spots"
        notes.append(f"{label}: {summed}.")
    note = " ".join(notes)
    return LatestScan(
        title=_scan_title(scan),
        sizes=Shown(shown, _more(left_out, "spot is", "spots are", "in the record")),
        note=note,
    )


def _scan_title(scan: Scan) -> str:
    parts = [FIXED_ENGLISH.long(scan.date), SCAN_KIND_WORDS[scan.kind]]
    if scan.facility.strip():
        parts.append(shorten(scan.facility.strip(), NAME_CHARS))
    return ", ".join(parts)


def _size_row(spot: Spot, measurement: Measurement) -> SizeRow:
    if measurement.too_small:
        size = TOO_SMALL
    elif measurement.size_tenths == 0:
        size = GONE
    elif measurement.size_tenths is None:
        size = NOT_MEASURED
    else:
        size = mm_text(measurement.size_tenths)
    if measurement.uncertain:
        size += f" ({UNCERTAIN.lower()})"
    return SizeRow(spot_name(spot), spot_where(spot), size)


def _unsized(history: CancerHistory) -> Shown[StateRow]:
    scans = [s for s in history.scans if s.measurements or s.no_evidence_of_disease]
    rows = state_rows(history, max((s.date for s in scans), default=None))
    shown = tuple(rows[:MAX_UNSIZED])
    return Shown(shown, _more(len(rows) - len(shown), "spot is", "spots are", "in the app"))


def _questions(
    questions: Sequence[Question], cancer: Cancer, suggested: Sequence[str]
) -> Shown[str]:
    # The person's own questions not yet asked, then the app's suggestions they have not
    # already taken up, newest first: when the page has no room for all, the ones about the
    # latest scans are the ones for this appointment.
    own = [
        q.text.strip()
        for q in questions
        if q.cancer_id in (None, cancer.id) and q.asked_on is None and q.text.strip()
    ]
    taken = {text.casefold() for text in own}
    texts = own + [text for text in reversed(suggested) if text.casefold() not in taken]
    shown = tuple(shorten(" ".join(text.split()), QUESTION_CHARS) for text in texts[:MAX_QUESTIONS])
    left_out = len(texts) - len(shown)
    return Shown(shown, _more(left_out, "question is", "questions are", "in the app"))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, never split inside a quotation or after a title like "Dr."."""
    pieces = [piece.strip() for piece in _SENTENCE_END.split(" ".join(text.split()))]
    found: list[str] = []
    for piece in filter(None, pieces):
        if found and found[-1].count("“") > found[-1].count("”"):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return found


def _more(count: int, one: str, many: str, where: str) -> str:
    """``3 more questions are in the app.``, or "" for none."""
    if not count:
        return ""
    return f"{count} more {one if count == 1 else many} {where}."
