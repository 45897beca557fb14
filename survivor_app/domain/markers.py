"""The tumour markers the app knows: each one's usual unit, its UCUM code and its LOINC code.

Issue 18 lists them; the FHIR export and the marker dialog read them from here alone."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.domain.model import MarkerKind, MarkerResult


@dataclass(frozen=True, slots=True)
class KnownMarker:
    """A marker with its usual unit as labs write it, that unit's UCUM code, and the LOINC code
    of its blood test."""

    kind: MarkerKind
    unit: str
    ucum: str
    loinc: str


#: Every marker the app knows, in the order the dialog offers them; ``MarkerKind.OTHER`` is not
#: here: its name and unit are the person's.
KNOWN_MARKERS: dict[MarkerKind, KnownMarker] = {
    known.kind: known
    for known in (
        KnownMarker(MarkerKind.CA_125, "U/mL", "U/mL", "10334-1"),
        KnownMarker(MarkerKind.CEA, "ng/mL", "ng/mL", "2039-6"),
        KnownMarker(MarkerKind.PSA, "ng/mL", "ng/mL", "2857-1"),
        KnownMarker(MarkerKind.CA_19_9, "U/mL", "U/mL", "24108-3"),
        KnownMarker(MarkerKind.CA_15_3, "U/mL", "U/mL", "6875-9"),
        KnownMarker(MarkerKind.AFP, "ng/mL", "ng/mL", "1834-1"),
        KnownMarker(MarkerKind.HCG, "IU/L", "[IU]/L", "21198-7"),
    )
}


def marker_name(result: MarkerResult) -> str:
    """The marker's name as a person writes it: "CA-125", or the person's own for another."""
    return result.name.strip() if result.marker is MarkerKind.OTHER else result.marker.value
