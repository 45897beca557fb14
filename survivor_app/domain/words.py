"""The words a person sees for the record's kinds and states, and for the labels the rules give:
written once here, so that the window, the printed summary, the exports and the command line all
say the same thing. No Qt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from survivor_app.domain.model import (
    Area,
    Basis,
    MarkerKind,
    RecurrenceType,
    ScanKind,
    SpotState,
    Status,
    TreatmentKind,
)

#: The kinds of scan in the words reports use.
SCAN_KIND_WORDS: dict[ScanKind, str] = {
    ScanKind.CT: "CT",
    ScanKind.MRI: "MRI",
    ScanKind.PET_CT: "PET-CT",
    ScanKind.PET: "PET",
    ScanKind.X_RAY: "X-ray",
    ScanKind.ULTRASOUND: "Ultrasound",
    ScanKind.MAMMOGRAM: "Mammogram",
    ScanKind.BONE_SCAN: "Bone scan",
    ScanKind.OTHER: "Other",
}

TREATMENT_KIND_WORDS: dict[TreatmentKind, str] = {
    TreatmentKind.SURGERY: "Surgery",
    TreatmentKind.CHEMOTHERAPY: "Chemotherapy",
    TreatmentKind.RADIATION: "Radiation",
    TreatmentKind.HORMONE_THERAPY: "Hormone therapy",
    TreatmentKind.IMMUNOTHERAPY: "Immunotherapy",
    TreatmentKind.TARGETED_THERAPY: "Targeted therapy",
    TreatmentKind.OTHER: "Other",
}

#: The tumour markers as the dialog offers them; an OTHER marker is shown by its own name.
MARKER_WORDS: dict[MarkerKind, str] = {kind: kind.value for kind in MarkerKind} | {
    MarkerKind.OTHER: "Other (type its name)"
}

#: What each marker is, in a sentence: the blood test, and the cancers it is often followed in.
MARKER_GLOSSES: dict[MarkerKind, str] = {
    MarkerKind.CA_125: "A protein in the blood, often followed after ovarian cancer.",
    MarkerKind.CEA: "Carcinoembryonic antigen, a protein in the blood, often followed after "
    "bowel cancer.",
    MarkerKind.PSA: "Prostate-specific antigen, a protein made by the prostate, followed after "
    "prostate cancer.",
    MarkerKind.CA_19_9: "A protein in the blood, often followed after pancreatic cancer.",
    MarkerKind.CA_15_3: "A protein in the blood, sometimes followed after breast cancer.",
    MarkerKind.AFP: "Alpha-fetoprotein, a protein in the blood, followed after liver and "
    "testicular cancer.",
    MarkerKind.HCG: "Human chorionic gonadotropin, a hormone in the blood, followed after "
    "testicular cancer.",
    MarkerKind.OTHER: "Another blood test your doctors follow: type its name and unit.",
}


#: Where a spot is, from where the cancer started.
AREA_WORDS: dict[Area, str] = {
    Area.PRIMARY: "Where the cancer started",
    Area.REGIONAL_NODE: "Nearby lymph nodes",
    Area.DISTANT: "Elsewhere in the body",
}

#: Where a spot is, inside an explanation's sentence: "It is {…}."
AREA_IN_A_SENTENCE: dict[Area, str] = {
    Area.PRIMARY: "where the cancer first started",
    Area.REGIONAL_NODE: "in the lymph nodes near where the cancer started",
    Area.DISTANT: "in another part of the body",
}

#: Where a spot is, as a sentence of its own (a FHIR body structure's description).
AREA_SENTENCES: dict[Area, str] = {
    Area.PRIMARY: "Where the cancer started.",
    Area.REGIONAL_NODE: "In the lymph nodes near where the cancer started.",
    Area.DISTANT: "Elsewhere in the body.",
}

#: Where a lymph node is, as a sentence of its own.
NODE_SENTENCES: dict[Area, str] = {
    Area.PRIMARY: "A lymph node where the cancer started.",
    Area.REGIONAL_NODE: "A lymph node near where the cancer started.",
    Area.DISTANT: "A lymph node elsewhere in the body.",
}

#: Where a cancer came back, each with what it means (STATUS_RULES.md §5).
RECURRENCE_WORDS: dict[RecurrenceType, str] = {
    RecurrenceType.LOCAL: "Local — where it started",
    RecurrenceType.REGIONAL: "Regional — nearby lymph nodes",
    RecurrenceType.DISTANT: "Distant — elsewhere in the body",
}

# What a scan said of one spot besides its size.
GONE = "Gone"
TOO_SMALL = "Too small to measure"
NOT_MEASURED = "Not measured"
UNCERTAIN = "Uncertain"
#: What "uncertain" means, to follow it after a colon.
UNCERTAIN_MEANS = "the report is not sure this is cancer"

#: What a scan said of a spot without a size (STATUS_RULES.md §1).
SPOT_STATE_WORDS: dict[SpotState, str] = {
    SpotState.PRESENT: "Present",
    SpotState.GONE: "Gone",
    SpotState.GROWING: "Clearly growing",
}
#: A spot without a size that a scan has no entry for.
NOT_LOOKED_AT = "Not looked at"
#: Whether the reports give a spot a size, in a few words.
WITH_A_SIZE = "With a size"
WITHOUT_A_SIZE = "Without a size"
#: What a spot without a size is, in a few words after its name.
MENTIONED_WITHOUT_A_SIZE = "mentioned without a size"
#: The states in the timeline's legend, which names the marks of the lane of such spots.
NO_SIZE_STATE_WORDS: dict[SpotState, str] = {
    state: f"{WITHOUT_A_SIZE}: {words.lower()}" for state, words in SPOT_STATE_WORDS.items()
}
#: What each state means, as a sentence of its own.
SPOT_STATE_SENTENCES: dict[SpotState, str] = {
    SpotState.PRESENT: "The report says it is still there.",
    SpotState.GONE: "The report says it has gone.",
    SpotState.GROWING: "The report says it has clearly grown or worsened.",
}
#: Said of a spot without a size that a scan marked "no evidence of disease" left out.
GONE_WITH_NO_EVIDENCE = "The scan found no evidence of disease."

#: A scan that holds notes only, which the rules do not assess (STATUS_RULES.md §3).
NOTES_ONLY = "Notes only"
#: A doctor's statement recorded without a status.
NO_STATUS_GIVEN = "No status given"
#: Said where periods would be listed while a cancer has none.
NOTHING_YET = "Nothing to show yet: add a scan or a doctor’s statement."
#: A treatment with no end date.
ONGOING = "Ongoing"

_SHOWN_AS: dict[Status, str] = {
    Status.BASELINE: "Starting point",
    Status.COMPLETE_REMISSION: "Complete remission (no evidence of disease)",
    Status.PARTIAL_REMISSION: "Partial remission",
    Status.STABLE: "Stable (controlled)",
    Status.PROGRESSED: "Progressed",
    Status.RECURRED: "Recurred",
    Status.NOT_EVALUABLE: "Not enough information",
}

_SHORT: dict[Status, str] = {
    Status.BASELINE: "Starting point",
    Status.COMPLETE_REMISSION: "Complete remission",
    Status.PARTIAL_REMISSION: "Partial remission",
    Status.STABLE: "Stable",
    Status.PROGRESSED: "Progressed",
    Status.RECURRED: "Recurred",
    Status.NOT_EVALUABLE: "Not enough information",
}

_BASIS: dict[frozenset[Basis], str] = {
    frozenset({Basis.MEASUREMENTS}): "Measurements",
    frozenset({Basis.DOCTOR}): "Doctor’s statement",
    frozenset(Basis): "Measurements and doctor’s statement",
}

NOT_YET_CONFIRMED = " (not yet confirmed)"


def status_label(
    status: Status,
    recurrence_type: RecurrenceType | None = None,
    confirmed: bool | None = None,
) -> str:
    """A status as STATUS_RULES.md §2 shows it, e.g. ``Recurred — distant`` or
    ``Partial remission (not yet confirmed)``."""
    if status is Status.RECURRED:
        words = (
            "Recurred (type not recorded)"
            if recurrence_type is None
            else f"Recurred — {recurrence_type.value}"
        )
    else:
        words = _SHOWN_AS[status]
    return words + NOT_YET_CONFIRMED if confirmed is False else words


def short_status_label(status: Status) -> str:
    """A status in two words at most, for narrow table columns."""
    return _SHORT[status]


def basis_label(basis: Iterable[Basis]) -> str:
    """What a label rests on, e.g. ``Measurements and doctor’s statement``."""
    return _BASIS[frozenset(basis)]


def based_on(basis: Iterable[Basis]) -> str:
    """The line under a period that says what its label rests on: ``Based on: Measurements``."""
    return f"Based on: {basis_label(basis)}"


def listed(words: Sequence[str]) -> str:
    """Words joined for a sentence: ``A``, ``A and B``, ``A, B and C``."""
    if len(words) < 3:
        return " and ".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def shorten(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its start cut to end in "…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Tumour markers beside the sizes (STATUS_RULES.md §9), said once where their numbers are shown.
MARKERS_NEVER_DECIDE = (
    "Tumour markers are blood tests. Some cancers raise a substance in the blood. The app shows "
    "these results, but they never decide a label. Labels come from your scans and what your "
    "doctors said."
)
#: After a value the lab gave as below what it can measure, e.g. "below 0.1 ng/mL, …".
LOWEST_THE_LAB_CAN_MEASURE = "the lowest the lab can measure"
#: After the lab's upper limit of normal, e.g. "above 35 U/mL, …".
UPPER_LIMIT_OF_NORMAL = "the lab’s upper limit of normal (the highest it counts as usual)"
