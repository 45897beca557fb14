"""The tables of the main window: scans, spots, doctor statements, treatments, marker results
and questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from survivor_app.domain import MarkerResult, Question, Scan, Spot, Statement, Treatment
from survivor_app.domain.markers import marker_name
from survivor_app.domain.words import (
    AREA_WORDS,
    NO_STATUS_GIVEN,
    NOTES_ONLY,
    ONGOING,
    SCAN_KIND_WORDS,
    SPOT_STATE_WORDS,
    TREATMENT_KIND_WORDS,
    UNCERTAIN,
    WITH_A_SIZE,
    WITHOUT_A_SIZE,
    status_label,
)
from survivor_app.gui.dates import short_date
from survivor_app.gui.models.base import Column, RecordTableModel

if TYPE_CHECKING:
    from survivor_app.status import Assessment

#: Shown in a cell that has nothing to show, so a screen reader does not read an empty cell.
NOTHING = "—"


#: The scans table's column of what each scan said of the spots without a size.
STATES_COLUMN = 4


@dataclass(frozen=True, slots=True)
class ScanRow:
    """A scan as its table shows it: with the sum shown of its tracked spots (and the new
    starting sum of a scan that starts an episode, in words), the label it got, and what it
    said of each spot without a size, in words (``Bone spots: present``)."""

    scan: Scan
    sum_tenths: int | None
    label: str
    new_start_tenths: int | None = None
    states: tuple[str, ...] = field(default=())
    #: What the row was made from besides its scan (not shown): the assessment made of it and
    #: the spots without a size whose states it reads.
    assessment: Assessment | None = field(default=None, compare=False, repr=False)
    unsized: tuple[Spot, ...] = field(default=(), compare=False, repr=False)


def states_in_words(scan: Scan, spots: Iterable[Spot]) -> tuple[str, ...]:
    """What a scan said of each spot without a size that it looked at, in the spots' order:
    ``Bone spots: clearly growing (uncertain)``."""
    said = []
    for spot in spots:
        if spot.sized:
            continue
        measurement = scan.measurement_of(spot.id)
        if measurement is None or measurement.state is None:
            continue
        words = f"{spot.name}: {SPOT_STATE_WORDS[measurement.state].lower()}"
        said.append(f"{words} ({UNCERTAIN.lower()})" if measurement.uncertain else words)
    return tuple(said)


def scan_rows(
    scans: Iterable[Scan],
    assessments: Iterable[Assessment],
    spots: Iterable[Spot] = (),
    before: Iterable[ScanRow] = (),
) -> tuple[ScanRow, ...]:
    """One row per scan, taking its sum and label from the assessment made of it, if any, and
    the states of the ``spots`` without a size from the scan. A row of ``before`` made from
    the very same scan and assessment, and the same spots without a size, is taken as it is:
    after an edit of a long history most of its thousand rows are."""
    by_scan = {a.scan_id: a for a in assessments if a.scan_id is not None}
    unsized = tuple(spot for spot in spots if not spot.sized)
    made = {row.scan.id: row for row in before}
    rows = []
    for scan in scans:
        assessment = by_scan.get(scan.id)
        row = made.get(scan.id)
        if (
            row is None
            or row.scan is not scan
            or row.assessment is not assessment
            or row.unsized != unsized
        ):
            row = _scan_row(scan, assessment, unsized)
        rows.append(row)
    return tuple(rows)


def _scan_row(scan: Scan, assessment: Assessment | None, unsized: tuple[Spot, ...]) -> ScanRow:
    from survivor_app.status.sums import new_starting_sum, sum_shown

    states = states_in_words(scan, unsized)
    if assessment is None:
        # A scan with notes only is not an assessment (STATUS_RULES.md §3).
        return ScanRow(scan, None, NOTES_ONLY, states=states, unsized=unsized)
    label = status_label(assessment.status, assessment.recurrence_type, assessment.confirmed)
    return ScanRow(
        scan,
        sum_shown(assessment),
        label,
        new_starting_sum(assessment),
        states,
        assessment,
        unsized,
    )


# The rules' words (``status``) are imported when the first row is shown, after the window's
# first paint, not while the window is built.


def _sum_text(row: ScanRow) -> str:
    from survivor_app.status.sums import sum_words

    return sum_words(row.sum_tenths, row.new_start_tenths) or NOTHING


def _value_text(result: MarkerResult) -> str:
    from survivor_app.status.marker_words import short_value_text

    return short_value_text(result)


def _states_text(row: ScanRow) -> str:
    return "; ".join(row.states) or NOTHING


def _date_key(date: dt.date | None) -> dt.date:
    # No date sorts after every date: a question not yet asked, a treatment still going on.
    return date or dt.date.max


class ScanTableModel(RecordTableModel[ScanRow]):
    """Scans: date, kind, sum of the tracked spots, the label the scan was given, and what it
    said of the spots without a size (``STATES_COLUMN``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Date", lambda r: short_date(r.scan.date), lambda r: r.scan.date),
                Column("Kind", lambda r: SCAN_KIND_WORDS[r.scan.kind], lambda r: r.scan.kind.value),
                Column(
                    "Sum of sizes",
                    _sum_text,
                    lambda r: -1 if r.sum_tenths is None else r.sum_tenths,
                ),
                Column("Label", lambda r: r.label, lambda r: r.label.casefold()),
                Column(
                    "Spots without a size",
                    _states_text,
                    lambda r: "; ".join(r.states).casefold(),
                ),
            ),
            key=lambda r: r.scan.id,
            parent=parent,
        )


def _size_in_reports(spot: Spot) -> str:
    return WITH_A_SIZE if spot.sized else WITHOUT_A_SIZE


class SpotTableModel(RecordTableModel[Spot]):
    """Spots: name, whether the reports give it a size, area, lymph node or not, and where in
    the body."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Spot", lambda s: s.name, lambda s: s.name.casefold()),
                Column("Size in the reports", _size_in_reports, lambda s: not s.sized),
                Column(
                    "Area", lambda s: AREA_WORDS[s.area], lambda s: list(AREA_WORDS).index(s.area)
                ),
                Column(
                    "Lymph node", lambda s: "Yes" if s.lymph_node else "No", lambda s: s.lymph_node
                ),
                # Last: the column that takes the rest of the width, and gives way first.
                Column(
                    "Where in the body",
                    lambda s: s.location or NOTHING,
                    lambda s: s.location.casefold(),
                ),
            ),
            key=lambda s: s.id,
            parent=parent,
        )


def _stated(statement: Statement) -> str:
    if statement.status is None:
        return NO_STATUS_GIVEN
    return status_label(statement.status, statement.recurrence_type)


class StatementTableModel(RecordTableModel[Statement]):
    """Doctor statements: date, who said it, what they said, and the status it expresses."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Date", lambda s: short_date(s.date), lambda s: s.date),
                Column("Who", lambda s: s.clinician or NOTHING, lambda s: s.clinician.casefold()),
                Column("What they said", lambda s: s.text, lambda s: s.text.casefold()),
                Column("Status", _stated, lambda s: _stated(s).casefold()),
            ),
            key=lambda s: s.id,
            parent=parent,
        )


class TreatmentTableModel(RecordTableModel[Treatment]):
    """Treatments: kind, name, start and end (or still going on)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Kind", lambda t: TREATMENT_KIND_WORDS[t.kind], lambda t: t.kind.value),
                Column("Name", lambda t: t.name or NOTHING, lambda t: t.name.casefold()),
                Column("Start", lambda t: short_date(t.start), lambda t: t.start),
                Column(
                    "End",
                    lambda t: ONGOING if t.end is None else short_date(t.end),
                    lambda t: _date_key(t.end),
                ),
            ),
            key=lambda t: t.id,
            parent=parent,
        )


class MarkerTableModel(RecordTableModel[MarkerResult]):
    """Tumour marker results: date, marker, the value as the report gives it ("<0.1" kept),
    the lab's upper limit of normal, and the lab."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Date", lambda m: short_date(m.date), lambda m: m.date),
                Column("Marker", marker_name, lambda m: marker_name(m).casefold()),
                Column("Value", _value_text, lambda m: (m.value, not m.below_limit)),
                Column(
                    "Upper limit of normal",
                    lambda m: NOTHING if m.upper_limit is None else f"{m.upper_limit:f} {m.unit}",
                    lambda m: (m.upper_limit is not None, m.upper_limit or 0),
                ),
                Column("Lab", lambda m: m.lab or NOTHING, lambda m: m.lab.casefold()),
            ),
            key=lambda m: m.id,
            parent=parent,
        )


class QuestionTableModel(RecordTableModel[Question]):
    """The person's questions: the question, when it was asked, and the answer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column("Question", lambda q: q.text, lambda q: q.text.casefold()),
                Column(
                    "Asked on",
                    lambda q: "Not yet" if q.asked_on is None else short_date(q.asked_on),
                    lambda q: _date_key(q.asked_on),
                ),
                Column("Answer", lambda q: q.answer or NOTHING, lambda q: q.answer.casefold()),
            ),
            key=lambda q: q.id,
            parent=parent,
        )
