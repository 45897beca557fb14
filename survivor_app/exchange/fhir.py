"""The record as a FHIR R4 Bundle of type ``collection``, aligned with mCODE, for a care team's
systems: the person, each cancer, its spots, every size measured and every labelled assessment.

Choices a reader of the bundle should know:

- Every ``id`` and ``urn:uuid:`` ``fullUrl`` is a UUID 5 derived from the record's own ids (e.g.
  ``scan/sc1/spot/s2``) within a namespace of the person's name and date of birth, so the same
  record always gives the same bundle, and two people's bundles never share an id.
- The bundle carries no ``timestamp`` (FHIR requires one only of a document bundle): a time of
  export would make two exports of the same record differ.
- One TumorSize observation per size given. A spot marked "gone" has a size, 0 mm; a spot "too
  small to measure" has no number, so it gets none; a spot not measured gets none either.
- A spot without a size (one the reports only mention, RECIST's non-target lesion) gets its
  Tumor BodyStructure like any other, whose description says so, and never a TumorSize: no size
  is invented for it. What the reports say of it (present, gone, clearly growing) reaches the
  CancerDiseaseStatus only through the label the status rules give.
- One CancerDiseaseStatus observation per assessment of the status rules, with the app's own label
  in its ``note``; a scan that holds notes only is not an assessment and gets none.
- Laterality is not recorded, so no BodyStructure has a ``locationQualifier``.
- One TumorMarkerTest observation per marker result, after its cancer's sizes and statuses, by
  date (``fhir_markers``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from survivor_app.domain import (
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Record,
    Scan,
    Spot,
    Status,
    mm_number,
)
from survivor_app.domain.words import AREA_SENTENCES, GONE, NODE_SENTENCES, status_label
from survivor_app.exchange.fhir_markers import placeholder, tumor_marker_test, write_exact
from survivor_app.status import Assessment, analyse

#: Who wrote a label or a note that the status rules made, rather than the person or a doctor.
APP = "Survivorship Tracker"

#: Never to change: every id in every bundle ever written hangs from it.
NAMESPACE = uuid.UUID("6b9037b8-c87c-47d8-bea8-fa76c8e31609")

_MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
PRIMARY_CANCER_CONDITION = _MCODE + "mcode-primary-cancer-condition"
TUMOR = _MCODE + "mcode-tumor"
TUMOR_SIZE = _MCODE + "mcode-tumor-size"
CANCER_DISEASE_STATUS = _MCODE + "mcode-cancer-disease-status"
EVIDENCE_TYPE = _MCODE + "mcode-cancer-disease-status-evidence-type"
RELATED_CONDITION = _MCODE + "mcode-related-condition"

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
RESOURCE_TYPES = "http://hl7.org/fhir/resource-types"

PROBLEM_LIST_ITEM = (CONDITION_CATEGORY, "problem-list-item", "Problem List Item")
BODY_STRUCTURE = (RESOURCE_TYPES, "BodyStructure", "BodyStructure")

TUMOR_SIZE_CODE = (LOINC, "21889-1", "Size Tumor")
LONGEST_DIMENSION = (LOINC, "33728-7", "Size.maximum dimension in Tumor")
DISEASE_STATUS_CODE = (LOINC, "97509-4", "Cancer disease progression")
MALIGNANT_NEOPLASM = (SNOMED, "1240414004", "Malignant neoplasm (morphologic abnormality)")
IMAGING = (SNOMED, "363679005", "Imaging (procedure)")
CLINICAL_EXAMINATION = (SNOMED, "5880005", "Physical examination procedure (procedure)")

IMPROVED = (SNOMED, "268910001", "Patient's condition improved (finding)")
STABLE = (SNOMED, "359746009", "Patient's condition stable (finding)")
WORSENED = (SNOMED, "271299001", "Patient's condition worsened (finding)")
UNDETERMINED = (SNOMED, "709137006", "Patient condition undetermined (situation)")

#: The trend each label states, in mCODE's words. A baseline has nothing to compare with yet and
#: "not enough information" compares nothing, so both are undetermined.
DISEASE_STATUS: dict[Status, tuple[str, str, str]] = {
    Status.BASELINE: UNDETERMINED,
    Status.COMPLETE_REMISSION: IMPROVED,
    Status.PARTIAL_REMISSION: IMPROVED,
    Status.STABLE: STABLE,
    Status.PROGRESSED: WORSENED,
    Status.RECURRED: WORSENED,
    Status.NOT_EVALUABLE: UNDETERMINED,
}

# mCODE tells a cancer's course in its CancerDiseaseStatus observations, and its examples give the
# Condition the latest of it in FHIR's words. FHIR's "remission" (no signs now, with a risk of
# return) fits a complete or partial response, where "resolved" or "inactive" would claim what no
# one can say of a cancer; "relapse" (a return after improvement) fits growth or a return; every
# other label (a starting point, stable disease) leaves the cancer "active".
CLINICAL_STATUS: dict[Status, tuple[str, str, str]] = {
    Status.COMPLETE_REMISSION: (CONDITION_CLINICAL, "remission", "Remission"),
    Status.PARTIAL_REMISSION: (CONDITION_CLINICAL, "remission", "Remission"),
    Status.PROGRESSED: (CONDITION_CLINICAL, "relapse", "Relapse"),
    Status.RECURRED: (CONDITION_CLINICAL, "relapse", "Relapse"),
}
ACTIVE = (CONDITION_CLINICAL, "active", "Active")


Json = dict[str, object]


def write_fhir(record: Record) -> bytes:
    """The record as a FHIR R4 collection Bundle in JSON: the same record gives the same bytes."""
    ids = _Ids.of_person(record.person)
    bundle: Json = {
        "resourceType": "Bundle",
        "id": ids.bundle,
        "type": "collection",
        "entry": [
            {"fullUrl": _urn(str(resource["id"])), "resource": resource}
            for resource in _resources(record, ids)
        ],
    }
    text = json.dumps(_fhir_strings(bundle), indent=2, ensure_ascii=False, default=placeholder)
    return (write_exact(text) + "\n").encode("utf-8")


# FHIR's string type allows space, tab, CR and LF as its only white space; a person's text (and an
# imported id) may hold any other, such as a form feed or a no-break space.
_FOREIGN_SPACE = re.compile(r"[^ \r\n\t\S]")


def _fhir_strings(value: object) -> object:
    """The bundle with every other white-space character in its strings turned into a space."""
    if isinstance(value, str):
        return _FOREIGN_SPACE.sub(" ", value)
    if isinstance(value, dict):
        return {key: _fhir_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fhir_strings(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class _Ids:
    """The id of every resource in one person's bundle, from the record's own ids."""

    namespace: uuid.UUID

    @classmethod
    def of_person(cls, person: Person) -> _Ids:
        birth = "" if person.birth_date is None else person.birth_date.isoformat()
        return cls(uuid.uuid5(NAMESPACE, _path("person", person.name, birth)))

    @property
    def bundle(self) -> str:
        return self._of("bundle")

    @property
    def patient(self) -> str:
        return self._of("person")

    def condition(self, cancer_id: str) -> str:
        return self._of("cancer", cancer_id)

    def tumor(self, spot_id: str) -> str:
        return self._of("spot", spot_id)

    def tumor_size(self, scan_id: str, spot_id: str) -> str:
        return self._of("scan", scan_id, "spot", spot_id)

    def status_of_scan(self, scan_id: str) -> str:
        return self._of("scan", scan_id, "status")

    def status_of_statement(self, statement_id: str) -> str:
        return self._of("statement", statement_id, "status")

    def marker_result(self, result_id: str) -> str:
        return self._of("marker", result_id)

    def _of(self, *parts: str) -> str:
        return str(uuid.uuid5(self.namespace, _path(*parts)))


def _path(*parts: str) -> str:
    # Quoting every part keeps a "/" inside an imported id from making two paths alike.
    return "/".join(quote(part, safe="") for part in parts)


def _resources(record: Record, ids: _Ids) -> Iterator[Json]:
    yield _patient(record.person, ids)
    for cancer in record.cancers:
        history = record.history(cancer.id)
        assessments = analyse(history).assessments
        yield _condition(cancer, assessments, ids)
        yield from (_tumor(spot, ids) for spot in history.spots)
        yield from _timeline(history, assessments, ids)
        condition = _reference(ids.condition(cancer.id), cancer.name)
        # sorted() keeps entry order within one date.
        for result in sorted(history.marker_results, key=lambda result: result.date):
            yield tumor_marker_test(
                result,
                resource_id=ids.marker_result(result.id),
                subject=_reference(ids.patient),
                condition=condition,
            )


def _timeline(
    history: CancerHistory, assessments: tuple[Assessment, ...], ids: _Ids
) -> Iterator[Json]:
    """Sizes and assessments in date order, each scan's sizes just before the status they give."""
    spots = {spot.id: spot for spot in history.spots}
    order = {spot.id: index for index, spot in enumerate(history.spots)}
    sized = {
        scan.id: sorted(
            ((m, m.size_tenths) for m in scan.measurements if m.size_tenths is not None),
            key=lambda pair: order[pair[0].spot_id],
        )
        for scan in history.scans
    }
    events = [
        (scan.date, 0, _tumor_size(scan, spots[m.spot_id], m, size, ids))
        for scan in history.scans
        for m, size in sized[scan.id]
    ]
    for a in assessments:
        sizes = [] if a.scan is None else [m for m, _ in sized[a.scan.id]]
        events.append((a.date, 1, _disease_status(a, history.cancer, sizes, ids)))
    # sorted() keeps entry order within one date and kind, so the output never varies.
    return (resource for _, _, resource in sorted(events, key=lambda event: event[:2]))


def _patient(person: Person, ids: _Ids) -> Json:
    # No mCODE CancerPatient profile is claimed: through US Core it requires a gender and an
    # identifier, and the record holds neither.
    resource: Json = {"resourceType": "Patient", "id": ids.patient}
    if person.name.strip():
        resource["name"] = [{"text": person.name}]
    if person.birth_date is not None:
        resource["birthDate"] = person.birth_date.isoformat()
    return resource


def _condition(cancer: Cancer, assessments: tuple[Assessment, ...], ids: _Ids) -> Json:
    resource: Json = {
        "resourceType": "Condition",
        "id": ids.condition(cancer.id),
        "meta": {"profile": [PRIMARY_CANCER_CONDITION]},
        "clinicalStatus": _concept(_clinical_status(assessments)),
        "category": [_concept(PROBLEM_LIST_ITEM)],
        "code": {"text": cancer.name},
    }
    if cancer.primary_site.strip():
        resource["bodySite"] = [{"text": cancer.primary_site}]
    resource["subject"] = _reference(ids.patient)
    if cancer.diagnosed_on is not None:
        resource["onsetDateTime"] = cancer.diagnosed_on.isoformat()
    if cancer.notes.strip():
        resource["note"] = [{"text": cancer.notes}]
    return resource


def _clinical_status(assessments: tuple[Assessment, ...]) -> tuple[str, str, str]:
    # "Not enough information" says nothing about the cancer, so the label before it stands, as
    # the status rules also look past it when they look back (STATUS_RULES.md §4, rule 3).
    for assessment in reversed(assessments):
        if assessment.status is not Status.NOT_EVALUABLE:
            return CLINICAL_STATUS.get(assessment.status, ACTIVE)
    return ACTIVE


def _tumor(spot: Spot, ids: _Ids) -> Json:
    resource: Json = {
        "resourceType": "BodyStructure",
        "id": ids.tumor(spot.id),
        "meta": {"profile": [TUMOR]},
        "extension": [
            {"url": RELATED_CONDITION, "valueReference": _reference(ids.condition(spot.cancer_id))}
        ],
        "identifier": [{"use": "usual", "type": _concept(BODY_STRUCTURE), "value": spot.id}],
        # The Tumor profile requires a morphology; every spot is one the person follows as cancer.
        "morphology": _concept(MALIGNANT_NEOPLASM),
    }
    if spot.location.strip():
        resource["location"] = {"text": spot.location}
    where = (NODE_SENTENCES if spot.lymph_node else AREA_SENTENCES)[spot.area]
    resource["description"] = f"{spot.name}. {where}" + ("" if spot.sized else _WITHOUT_A_SIZE)
    resource["patient"] = _reference(ids.patient)
    return resource


#: Said of a spot without a size, after where it is.
_WITHOUT_A_SIZE = " The reports mention it without giving a size, so it has no size here."


def _tumor_size(scan: Scan, spot: Spot, measurement: Measurement, tenths: int, ids: _Ids) -> Json:
    notes: list[str] = []
    if measurement.gone:
        notes.append(f"{GONE}: the report says this spot has disappeared.")
    if spot.lymph_node:
        notes.append("A lymph node: this is its short axis, the width reports give for nodes.")
    if measurement.uncertain:
        notes.append("The report was not sure this spot is cancer.")
    resource: Json = {
        "resourceType": "Observation",
        "id": ids.tumor_size(scan.id, spot.id),
        "meta": {"profile": [TUMOR_SIZE]},
        "status": "final",
        "code": _concept(TUMOR_SIZE_CODE),
        "subject": _reference(ids.patient),
        "focus": [_reference(ids.tumor(spot.id), spot.name)],
        "effectiveDateTime": scan.date.isoformat(),
        "method": {"text": scan.kind.value},
        "component": [
            {
                "code": _concept(LONGEST_DIMENSION),
                "valueQuantity": {
                    "value": mm_number(tenths),
                    "unit": "mm",
                    "system": UCUM,
                    "code": "mm",
                },
            }
        ],
    }
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    return resource


def _disease_status(
    assessment: Assessment, cancer: Cancer, sizes: list[Measurement], ids: _Ids
) -> Json:
    scan, statement = assessment.scan, assessment.statement
    if scan is not None:
        key = ids.status_of_scan(scan.id)
    elif statement is not None:
        key = ids.status_of_statement(statement.id)
    else:
        raise ValueError("An assessment holds a scan, a statement, or both.")
    evidence = [IMAGING] if scan is not None else []
    if statement is not None:
        evidence.append(CLINICAL_EXAMINATION)
    label = status_label(assessment.status, assessment.recurrence_type, assessment.confirmed)
    notes: list[Json] = [{"authorString": APP, "text": label}]
    if assessment.disagreement is not None:
        notes.append({"authorString": APP, "text": assessment.disagreement})
    if statement is not None and statement.text.strip():
        who = statement.clinician.strip() or "The doctor"
        notes.append({"text": f"{who} said: “{statement.text}”"})
    resource: Json = {
        "resourceType": "Observation",
        "id": key,
        "meta": {"profile": [CANCER_DISEASE_STATUS]},
        "extension": [
            {"url": EVIDENCE_TYPE, "valueCodeableConcept": _concept(kind)} for kind in evidence
        ],
        "status": "final",
        "code": _concept(DISEASE_STATUS_CODE),
        "subject": _reference(ids.patient),
        "focus": [_reference(ids.condition(cancer.id), cancer.name)],
        "effectiveDateTime": assessment.date.isoformat(),
    }
    if statement is not None and statement.clinician.strip():
        resource["performer"] = [{"display": statement.clinician}]
    resource["valueCodeableConcept"] = _concept(DISEASE_STATUS[assessment.status])
    resource["note"] = notes
    if scan is not None and sizes:
        resource["derivedFrom"] = [_reference(ids.tumor_size(scan.id, m.spot_id)) for m in sizes]
    return resource


def _concept(code: tuple[str, str, str]) -> Json:
    system, value, display = code
    return {"coding": [{"system": system, "code": value, "display": display}]}


def _reference(target: str, display: str = "") -> Json:
    reference: Json = {"reference": _urn(target)}
    if display.strip():
        reference["display"] = display
    return reference


def _urn(resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"
