"""What a valid record is, beyond clean text, possible dates and sizes: how long each text may
be, and which combinations make sense. The importer and the dialogs both check these, so the
window never keeps what the app's own import refuses (FORMAT.md §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from decimal import Decimal

from survivor_app.domain.markers import KNOWN_MARKERS
from survivor_app.domain.model import (
    Area,
    MarkerKind,
    Measurement,
    Record,
    RecurrenceType,
    ScanKind,
    SpotState,
    Status,
)
from survivor_app.domain.rules import Problem, ProblemCode, TextRule
from survivor_app.domain.typed_dates import MONTH_NAMES

#: The longest one-line text: names and places.
LINE_MAX_LENGTH = 200
#: The longest notes, quotes and answers.
NOTES_MAX_LENGTH = 20000
#: The longest question.
QUESTION_MAX_LENGTH = 2000
#: The longest id, and reference to one, a record file may hold.
ID_MAX_LENGTH = 64

_A_LINE = TextRule(LINE_MAX_LENGTH)
_NOTES = TextRule(NOTES_MAX_LENGTH, lines=True)

PERSON_NAME = TextRule(LINE_MAX_LENGTH, missing="Please give a name.")
PERSON_NOTES = _NOTES
CANCER_NAME = TextRule(LINE_MAX_LENGTH, missing="Please give the cancer a name.")
CANCER_SITE = TextRule(LINE_MAX_LENGTH, missing="Please say where it started.")
CANCER_NOTES = _NOTES
SPOT_NAME = TextRule(LINE_MAX_LENGTH, missing="Please give the spot a name.")
SPOT_LOCATION = _A_LINE
SCAN_FACILITY = _A_LINE
SCAN_NOTES = _NOTES
STATEMENT_CLINICIAN = _A_LINE
#: The format keeps a statement without words; the dialog asks for them all the same.
STATEMENT_TEXT = _NOTES
TREATMENT_NAME = _A_LINE
QUESTION_TEXT = TextRule(QUESTION_MAX_LENGTH, lines=True, missing="Please write the question.")
QUESTION_ANSWER = _NOTES
#: Ids and references, which only a record file spells out: the app makes its own.
AN_ID = TextRule(ID_MAX_LENGTH, missing="An id cannot be empty.")

#: What no two scans of a record share: its cancer, date and kind.
ScanDay = tuple[str, dt.date, ScanKind]


def check_spot_area(area: Area, *, lymph_node: bool) -> Problem | None:
    """Why a spot cannot be in ``area``, or None: a lymph node is never where a cancer started."""
    if not lymph_node or area is not Area.PRIMARY:
        return None
    return Problem(
        "area",
        ProblemCode.LYMPH_NODE_WHERE_IT_STARTED,
        "A lymph node cannot be where the cancer started. Please choose "
        "“Nearby lymph nodes” or “Elsewhere in the body”.",
        "is not possible for a lymph node; a lymph node's area is regional_node or distant",
    )


def check_treatment_end(start: dt.date, end: dt.date | None) -> Problem | None:
    """Why a treatment cannot end on ``end``, or None: it cannot end before it starts."""
    if end is None or end >= start:
        return None
    return Problem(
        "end",
        ProblemCode.END_BEFORE_START,
        "The end cannot be before the start.",
        f"is before the start {start.isoformat()}",
    )


def check_no_evidence_entry(
    size_tenths: int | None, *, too_small: bool, state: SpotState | None = None
) -> Problem | None:
    """Why a spot's entry cannot be on a scan marked "no evidence of disease", or None: such a
    scan holds only entries that say gone (STATUS_RULES.md §4, FORMAT.md §2); a size above 0,
    "too small to measure", or a spot without a size still present or growing, says the spot is
    still there."""
    if state is not None and state is not SpotState.GONE:
        return Problem(
            "state",
            ProblemCode.SIZE_WITH_NO_EVIDENCE,
            "With “No evidence of disease” ticked, each spot is gone or not looked at.",
            "says the spot is still there, but the scan says no evidence of disease",
        )
    if too_small:
        return Problem(
            "too_small",
            ProblemCode.SIZE_WITH_NO_EVIDENCE,
            "With “No evidence of disease” ticked, each spot is gone or not measured.",
            "says too small to measure, but the scan says no evidence of disease",
        )
    if not size_tenths:
        return None
    return Problem(
        "size_mm",
        ProblemCode.SIZE_WITH_NO_EVIDENCE,
        "With “No evidence of disease” ticked, no spot can have a size above 0.",
        "is above 0, but the scan says no evidence of disease",
    )


def check_entry_kind(*, sized: bool, size: bool, too_small: bool, state: bool) -> Problem | None:
    """Why a scan's entry for a spot cannot give what it gives, or None (STATUS_RULES.md §1,
    FORMAT.md §2): a spot with a size (``sized``) is given a size or "too small to measure",
    never a state; a spot without a size is given a state (present, gone or growing), never a
    size or "too small to measure". ``size``, ``too_small`` and ``state`` say whether the entry
    gives each."""
    if sized:
        if not state:
            return None
        return Problem(
            "state",
            ProblemCode.STATE_OF_A_SIZED_SPOT,
            "This spot has a size in the reports: please give its size, not a state.",
            "is given, but this spot has a size; a state is only for a spot without one "
            "(sized: false)",
        )
    for field, given in (("size_mm", size), ("too_small", too_small)):
        if given:
            return Problem(
                field,
                ProblemCode.SIZE_OF_A_SPOT_WITHOUT_ONE,
                "This spot has no size in the reports: please say whether it is there, gone "
                "or clearly growing.",
                "is given, but this spot has no size (sized: false); "
                "give its state: present, gone or growing",
            )
    if state:
        return None
    return Problem(
        "state",
        ProblemCode.NO_STATE,
        "Please say whether this spot is there, gone or clearly growing.",
        "is missing; a spot without a size needs a state: present, gone or growing",
    )


def check_measurement_kind(measurement: Measurement, *, sized: bool) -> Problem | None:
    """``check_entry_kind`` for a measurement of a spot that has a size when ``sized``."""
    return check_entry_kind(
        sized=sized,
        size=measurement.size_tenths is not None,
        too_small=measurement.too_small,
        state=measurement.state is not None,
    )


def check_scan_day(day: ScanDay, taken: Container[ScanDay]) -> Problem | None:
    """Why a scan cannot be on its day, or None: a cancer has one scan of a kind a day (two
    cannot be told apart, and a second one is most often a slip)."""
    if day not in taken:
        return None
    kind = day[2].value
    return Problem(
        "date",
        ProblemCode.SAME_SCAN_DAY,
        f"There is already a scan of this kind ({kind}) on this date.",
        f"is already the date of a {kind} scan of this cancer",
    )


def check_recurrence(
    status: Status | None, recurrence_type: RecurrenceType | None
) -> Problem | None:
    """Why a statement cannot say where a cancer came back, or None: only with "recurred"."""
    if recurrence_type is None or status is Status.RECURRED:
        return None
    stated = "null" if status is None else f"'{status.value}'"
    return Problem(
        "recurrence_type",
        ProblemCode.RECURRENCE_WITHOUT_RECURRED,
        "Where it came back goes only with the status “Recurred”.",
        f"goes only with the status 'recurred', not with {stated}",
    )


def earliest_recorded_date(record: Record) -> dt.date | None:
    """The earliest date the record holds besides the date of birth, or None when it has none."""
    dates = [
        *(cancer.diagnosed_on for cancer in record.cancers),
        *(scan.date for scan in record.scans),
        *(statement.date for statement in record.statements),
        *(treatment.start for treatment in record.treatments),
        *(question.asked_on for question in record.questions),
        *(result.date for result in record.marker_results),
    ]
    return min((date for date in dates if date is not None), default=None)


def check_birth_date(birth_date: dt.date, *, earliest: dt.date | None) -> Problem | None:
    """Why ``birth_date`` cannot be the person's, or None: every date of the record (the
    ``earliest`` of them) is on or after it."""
    if earliest is None or birth_date <= earliest:
        return None
    words = f"{earliest.day} {MONTH_NAMES[earliest.month - 1]} {earliest.year}"
    return Problem(
        "birth_date",
        ProblemCode.AFTER_A_RECORDED_DATE,
        f"This is after {words}, a date already in your record. Please check it.",
        f"is after {earliest.isoformat()}, a date the record holds",
    )


#: The most decimals a marker result or an upper limit keeps (labs seldom give more than three).
MARKER_DECIMALS = 4
#: Every marker result and upper limit is below this.
MARKER_CEILING = Decimal(1_000_000_000)
#: The longest unit of a marker the person names (the known ones have theirs).
MARKER_UNIT_MAX_LENGTH = 30

MARKER_NAME = _A_LINE
MARKER_UNIT = TextRule(MARKER_UNIT_MAX_LENGTH, missing="Please give the unit, such as ng/mL.")
MARKER_LAB = _A_LINE
MARKER_NOTES = _NOTES


def decimal_text(value: Decimal) -> str:
    """A marker result or limit as stored and exported: plain digits with the decimals as
    typed ("0.10" stays "0.10"), never an exponent."""
    return format(value, "f")


def check_marker_number(value: Decimal, field: str, *, above_zero: bool = False) -> Problem | None:
    """Why ``value`` cannot be a marker result (or, with ``above_zero``, a lab's limit), or
    None: a number from 0 (above 0 for a limit), below a billion, with at most four
    decimals."""
    if not value.is_finite():
        return Problem(field, ProblemCode.NOT_A_NUMBER, "Please enter a number.", "is not a number")
    if value.is_signed():  # -0 too: a sign is never part of a result
        return Problem(field, ProblemCode.BELOW_ZERO, "This cannot be below 0.", "is below 0")
    if value >= MARKER_CEILING:
        return Problem(
            field,
            ProblemCode.ABOVE_LARGEST,
            "This is too large for a marker result. Please check it.",
            f"is not below {MARKER_CEILING}",
        )
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MARKER_DECIMALS:
        return Problem(
            field,
            ProblemCode.FINER_THAN_A_STEP,
            f"Please give at most {MARKER_DECIMALS} decimals.",
            f"has more than {MARKER_DECIMALS} decimals",
        )
    if above_zero and value == 0:
        return Problem(
            field,
            ProblemCode.NOT_ABOVE_ZERO,
            "A lab's limit is above 0.",
            "is 0, but a lab's limit is above 0",
        )
    return None


def check_marker_name(marker: MarkerKind, name: str) -> Problem | None:
    """Why ``name`` cannot name a marker, or None: a marker of the person's own ("other")
    needs one; a known marker has its own."""
    if marker is MarkerKind.OTHER:
        if not name:
            return Problem(
                "name",
                ProblemCode.EMPTY,
                "Please give the marker's name.",
                "is empty, but a marker of the person's own ('other') needs its name",
            )
        return MARKER_NAME.check(name, "name")
    if not name:
        return None
    return Problem(
        "name",
        ProblemCode.NAME_WITHOUT_OTHER,
        "Only a marker of your own (“Other”) is given a name here.",
        f"is given, but only an 'other' marker has a name, not {marker.value}",
    )


def check_marker_unit(marker: MarkerKind, unit: str) -> Problem | None:
    """Why ``unit`` cannot be the unit of ``marker``, or None: a known marker's own unit
    (``domain.markers``), or, for a marker of the person's own, a short unit of their own."""
    known = KNOWN_MARKERS.get(marker)
    if known is None:
        return MARKER_UNIT.check(unit, "unit")
    if unit == known.unit:
        return None
    return Problem(
        "unit",
        ProblemCode.UNIT_NOT_OF_MARKER,
        f"{marker.value} is given in {known.unit}. Please check the unit on the report.",
        f"is not the unit of {marker.value}, which is '{known.unit}'",
    )
