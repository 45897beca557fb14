"""Tumour marker results in the FHIR bundle: one mCODE TumorMarkerTest observation per result.

- A known marker is coded with its LOINC code and its unit with its UCUM code
  (``domain.markers``); a marker the person names has its name as text and their unit as
  written, without a code, since neither is checked against LOINC or UCUM.
- The value is written exactly as the lab gave it: ``0.10`` stays ``0.10`` (a FHIR decimal keeps
  its precision), never passing through binary floating point.
- A result below what the lab can measure ("<0.1") is the limit with the comparator ``<``.
- The lab's upper limit of normal, when the report gives one, is the reference range's ``high``.
- Marker results never decide a label (STATUS_RULES.md §9): no observation claims what one means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from survivor_app.domain import MarkerResult
from survivor_app.domain.markers import KNOWN_MARKERS
from survivor_app.domain.record_rules import decimal_text

Json = dict[str, object]

TUMOR_MARKER_TEST = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
LABORATORY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "laboratory",
            "display": "Laboratory",
        }
    ]
}
#: Said of a result the lab gave as below what it can measure.
BELOW_LIMIT_NOTE = "Below what the lab can measure: the value is the lab's limit."


@dataclass(frozen=True, slots=True)
class Exact:
    """A decimal to write into JSON as a number exactly as typed (``write_exact`` puts it)."""

    text: str


# Python's json writes a Decimal as nothing but a float; an Exact stands in the text as a
# placeholder string that json escapes (a NUL is never in a record's text) until it is put back.
_PLACEHOLDER = "\x00exact:{}\x00"
_PLACED = re.compile(r'"\\u0000exact:([0-9]+(?:\.[0-9]+)?)\\u0000"')


def placeholder(value: object) -> str:
    """What json writes for an Exact (as ``default``), until ``write_exact`` puts it back."""
    if not isinstance(value, Exact):
        raise TypeError(f"{value!r} cannot be written as JSON")
    return _PLACEHOLDER.format(value.text)


def write_exact(text: str) -> str:
    """JSON text with each Exact's placeholder replaced by its number."""
    return _PLACED.sub(r"\1", text)


def tumor_marker_test(
    result: MarkerResult, *, resource_id: str, subject: Json, condition: Json
) -> Json:
    """The observation of one result, of the patient ``subject``, for the cancer ``condition``
    (a reference, given by mCODE's related-condition extension)."""
    known = KNOWN_MARKERS.get(result.marker)
    if known is None:
        code: Json = {"text": result.name}
    else:
        code = {"coding": [{"system": LOINC, "code": known.loinc}], "text": result.marker.value}
    resource: Json = {
        "resourceType": "Observation",
        "id": resource_id,
        "meta": {"profile": [TUMOR_MARKER_TEST]},
        "extension": [
            {
                "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-condition",
                "valueReference": condition,
            }
        ],
        "status": "final",
        "category": [LABORATORY],
        "code": code,
        "subject": subject,
        "effectiveDateTime": result.date.isoformat(),
    }
    if result.lab.strip():
        resource["performer"] = [{"display": result.lab}]
    resource["valueQuantity"] = _quantity(
        result, decimal_text(result.value), comparator="<" if result.below_limit else None
    )
    notes = [BELOW_LIMIT_NOTE] if result.below_limit else []
    if result.notes.strip():
        notes.append(result.notes)
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    if result.upper_limit is not None:
        high = _quantity(result, decimal_text(result.upper_limit))
        resource["referenceRange"] = [{"high": high, "text": "The lab's upper limit of normal."}]
    return resource


def _quantity(result: MarkerResult, number: str, *, comparator: str | None = None) -> Json:
    quantity: Json = {"value": Exact(number)}
    if comparator is not None:
        quantity["comparator"] = comparator
    known = KNOWN_MARKERS.get(result.marker)
    if known is None:
        quantity["unit"] = result.unit
    else:
        quantity.update(unit=known.unit, system=UCUM, code=known.ucum)
    return quantity
