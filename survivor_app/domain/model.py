"""The things a person records: who they are, their cancers, spots, scans, statements,
treatments and questions, as frozen dataclasses with no knowledge of storage or screens."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

#: Sizes are whole tenths of a millimetre: 23.5 mm is 235. Never a float in a comparison.
TENTHS_PER_MM = 10
#: The largest size a person can enter, in tenths of a millimetre (500 mm).
MAX_SIZE_TENTHS = 500 * TENTHS_PER_MM


class Area(enum.StrEnum):
    """Where a spot is, measured from where the cancer started."""

    PRIMARY = "primary"
    REGIONAL_NODE = "regional_node"
    DISTANT = "distant"


class SpotState(enum.StrEnum):
    """What a report says of a spot it gives no size for (STATUS_RULES.md §1), with the values
    of the exchange format. No entry at a scan means the spot was not looked at."""

    PRESENT = "present"
    GONE = "gone"
    GROWING = "growing"


class ScanKind(enum.StrEnum):
    """The imaging test a scan was, with the values of the exchange format."""

    CT = "CT"
    MRI = "MRI"
    PET_CT = "PET-CT"
    PET = "PET"
    X_RAY = "X-ray"
    ULTRASOUND = "ultrasound"
    MAMMOGRAM = "mammogram"
    BONE_SCAN = "bone scan"
    OTHER = "other"


class TreatmentKind(enum.StrEnum):
    """The kinds of treatment a person can record."""

    SURGERY = "surgery"
    CHEMOTHERAPY = "chemotherapy"
    RADIATION = "radiation"
    HORMONE_THERAPY = "hormone therapy"
    IMMUNOTHERAPY = "immunotherapy"
    TARGETED_THERAPY = "targeted therapy"
    OTHER = "other"


class Status(enum.StrEnum):
    """Every label of STATUS_RULES.md §2."""

    BASELINE = "baseline"
    COMPLETE_REMISSION = "complete_remission"
    PARTIAL_REMISSION = "partial_remission"
    STABLE = "stable"
    PROGRESSED = "progressed"
    RECURRED = "recurred"
    NOT_EVALUABLE = "not_evaluable"


#: The statuses a doctor's statement may carry (FORMAT.md §2).
STATED_STATUSES: tuple[Status, ...] = (
    Status.COMPLETE_REMISSION,
    Status.PARTIAL_REMISSION,
    Status.STABLE,
    Status.PROGRESSED,
    Status.RECURRED,
)


class Basis(enum.StrEnum):
    """What a label rests on (STATUS_RULES.md §7): the sizes, a doctor's statement, or both."""

    MEASUREMENTS = "measurements"
    DOCTOR = "doctor"


class RecurrenceType(enum.StrEnum):
    """Where a cancer came back (STATUS_RULES.md §5)."""

    LOCAL = "local"
    REGIONAL = "regional"
    DISTANT = "distant"


@dataclass(frozen=True, slots=True)
class Person:
    """The person whose record this is."""

    name: str
    birth_date: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Cancer:
    """One diagnosis the person follows."""

    id: str
    name: str
    primary_site: str
    diagnosed_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Spot:
    """One tumour or lymph node followed across scans (RECIST calls it a lesion)."""

    id: str
    cancer_id: str
    name: str
    area: Area
    lymph_node: bool
    location: str = ""
    #: True when the reports give the spot a size; False for a spot they only mention ("several
    #: small bone spots"), which RECIST calls a non-target lesion.
    sized: bool = True


@dataclass(frozen=True, slots=True)
class Measurement:
    """What one scan said of one spot.

    For a sized spot, ``size_tenths`` is the size in tenths of a millimetre (0 means gone), or
    None when the spot was too small to measure (``too_small``); ``state`` is None. For a spot
    without a size, ``size_tenths`` is None, ``too_small`` False and ``state`` says what the
    report said. A spot with no measurement in a scan was not measured (or looked at) then.
    """

    spot_id: str
    size_tenths: int | None
    too_small: bool = False
    uncertain: bool = False
    state: SpotState | None = None

    @property
    def gone(self) -> bool:
        """True when the report says the spot has disappeared, sized or not."""
        return self.size_tenths == 0 or self.state is SpotState.GONE


@dataclass(frozen=True, slots=True)
class Scan:
    """One imaging test on one date, with the sizes it gave."""

    id: str
    cancer_id: str
    date: dt.date
    kind: ScanKind
    measurements: tuple[Measurement, ...] = ()
    facility: str = ""
    no_evidence_of_disease: bool = False
    new_baseline: bool = False
    notes: str = ""

    def measurement_of(self, spot_id: str) -> Measurement | None:
        """The measurement of one spot at this scan, or None when it was not measured."""
        for measurement in self.measurements:
            if measurement.spot_id == spot_id:
                return measurement
        return None


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a doctor said on a date, with the status the person chose for it."""

    id: str
    cancer_id: str
    date: dt.date
    text: str
    clinician: str = ""
    status: Status | None = None
    recurrence_type: RecurrenceType | None = None


@dataclass(frozen=True, slots=True)
class Treatment:
    """A treatment and when it ran; ``end`` is None while it goes on."""

    id: str
    cancer_id: str
    kind: TreatmentKind
    start: dt.date
    name: str = ""
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A question for the next appointment; ``cancer_id`` None means about the person."""

    id: str
    text: str
    cancer_id: str | None = None
    asked_on: dt.date | None = None
    answer: str = ""


class MarkerKind(enum.StrEnum):
    """The tumour markers the app knows (``domain.markers`` holds their units and LOINC codes),
    and ``OTHER`` for one the person names."""

    CA_125 = "CA-125"
    CEA = "CEA"
    PSA = "PSA"
    CA_19_9 = "CA 19-9"
    CA_15_3 = "CA 15-3"
    AFP = "AFP"
    HCG = "hCG"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class MarkerResult:
    """One blood test of one tumour marker on one date (STATUS_RULES.md §9: never a label).

    ``value`` is the number exactly as typed. ``below_limit`` is True for a result the lab gave
    as below what it can measure ("<0.1"): ``value`` is then that limit. ``upper_limit`` is the
    lab's upper limit of normal when the report gives it. ``name`` names an ``OTHER`` marker.
    """

    id: str
    cancer_id: str
    date: dt.date
    marker: MarkerKind
    value: Decimal
    unit: str
    below_limit: bool = False
    upper_limit: Decimal | None = None
    name: str = ""
    lab: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    """The whole content of one person's record, in the order it was entered."""

    person: Person
    cancers: tuple[Cancer, ...] = ()
    spots: tuple[Spot, ...] = ()
    scans: tuple[Scan, ...] = ()
    statements: tuple[Statement, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    questions: tuple[Question, ...] = field(default=())
    marker_results: tuple[MarkerResult, ...] = ()

    def history(self, cancer_id: str) -> CancerHistory:
        """Everything recorded about one cancer, for the status engine and the views."""
        cancer = next(c for c in self.cancers if c.id == cancer_id)
        return CancerHistory(
            cancer=cancer,
            spots=tuple(s for s in self.spots if s.cancer_id == cancer_id),
            scans=tuple(s for s in self.scans if s.cancer_id == cancer_id),
            statements=tuple(s for s in self.statements if s.cancer_id == cancer_id),
            treatments=tuple(t for t in self.treatments if t.cancer_id == cancer_id),
            marker_results=tuple(m for m in self.marker_results if m.cancer_id == cancer_id),
        )


@dataclass(frozen=True, slots=True)
class CancerHistory:
    """One cancer with its spots, scans, statements, treatments and marker results, each in
    entry order."""

    cancer: Cancer
    spots: tuple[Spot, ...] = ()
    scans: tuple[Scan, ...] = ()
    statements: tuple[Statement, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    marker_results: tuple[MarkerResult, ...] = ()
