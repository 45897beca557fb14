"""The FHIR R4 Bundle: valid for FHIR's own models, one resource per thing the record holds, the
mCODE codes in their places, and the same bytes for the same record."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given, settings

from survivor_app.domain import (
    Area,
    Cancer,
    Measurement,
    Person,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
)
from survivor_app.domain.words import status_label
from survivor_app.exchange import read_record
from survivor_app.exchange.fhir import write_fhir
from survivor_app.status import analyse
from tests.exchange.documents import TODAY, records
from tests.shared_files import (
    DEMO_RECORD,
    EXAMPLE_RECORDS,
    example_params,
    has_spots_without_a_size,
)

RECORD_FILES = [DEMO_RECORD, *EXAMPLE_RECORDS]

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
EVIDENCE = MCODE + "mcode-cancer-disease-status-evidence-type"

#: The mCODE trend each status of STATUS_RULES.md §2 is exported as (SPEC.md §5).
TRENDS = {
    "baseline": "709137006",
    "complete_remission": "268910001",
    "partial_remission": "268910001",
    "stable": "359746009",
    "progressed": "271299001",
    "recurred": "271299001",
    "not_evaluable": "709137006",
}

Resource = dict[str, Any]


def bundle_of(record: Record) -> dict[str, Any]:
    """The exported bundle, checked by FHIR's own R4 models as a whole and resource by resource."""
    data = write_fhir(record)
    bundle: dict[str, Any] = json.loads(data)
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return bundle


def resources(bundle: dict[str, Any], kind: str) -> list[Resource]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def observations(bundle: dict[str, Any], loinc: str) -> list[Resource]:
    # A marker the person names is coded as text alone.
    coded = [o for o in resources(bundle, "Observation") if "coding" in o["code"]]
    return [o for o in coded if code_of(o["code"]) == (LOINC, loinc)]


def code_of(concept: dict[str, Any]) -> tuple[str, str]:
    (coding,) = concept["coding"]
    return coding["system"], coding["code"]


def target(bundle: dict[str, Any], reference: dict[str, str]) -> Resource:
    found: list[Resource] = [
        e["resource"] for e in bundle["entry"] if e["fullUrl"] == reference["reference"]
    ]
    (resource,) = found
    return resource


def profile(resource: Resource) -> str:
    (url,) = resource["meta"]["profile"]
    assert isinstance(url, str)
    return url


def references(value: object) -> list[str]:
    """Every ``reference`` anywhere inside a resource."""
    if isinstance(value, dict):
        own = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return own + [ref for item in value.values() for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def sizes_given(record: Record) -> int:
    return sum(m.size_tenths is not None for s in record.scans for m in s.measurements)


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_every_record_exports_a_valid_collection_with_one_resource_per_thing(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    bundle = bundle_of(record)
    assert bundle["type"] == "collection"
    assert "timestamp" not in bundle
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assessments = sum(len(analyse(record.history(c.id)).assessments) for c in record.cancers)
    assert kinds == {
        "Patient": 1,
        "Condition": len(record.cancers),
        "BodyStructure": len(record.spots),
        "Observation": sizes_given(record) + assessments,
    }
    assert len(observations(bundle, "21889-1")) == sizes_given(record)
    assert len(observations(bundle, "97509-4")) == assessments


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_every_id_is_a_uuid_and_every_reference_stays_in_the_bundle(path: Path) -> None:
    bundle = bundle_of(read_record(path.read_bytes(), today=TODAY))
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
        assert uuid.UUID(entry["resource"]["id"]).version == 5
        assert set(references(entry["resource"])) <= set(urls)


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_exporting_twice_gives_the_same_bytes_as_indented_utf8_json(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    data = write_fhir(record)
    assert write_fhir(record) == data
    assert write_fhir(read_record(path.read_bytes(), today=TODAY)) == data
    text = data.decode("utf-8")
    assert text.endswith("}\n")
    assert text.startswith('{\n  "resourceType": "Bundle",\n')


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_no_date_is_written_but_the_records_own(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    text = write_fhir(record).decode("utf-8")
    own = {
        day.isoformat()
        for day in (
            record.person.birth_date,
            *(c.diagnosed_on for c in record.cancers),
            *(s.date for s in record.scans),
            *(s.date for s in record.statements),
        )
        if day is not None
    }
    assert set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)) <= own
    assert '"timestamp"' not in text
    assert '"lastUpdated"' not in text


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: path.name)
def test_every_size_given_is_a_tumor_size_of_its_spot(path: Path) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    bundle = bundle_of(record)
    patient = resources(bundle, "Patient")[0]
    found = []
    for observation in observations(bundle, "21889-1"):
        assert profile(observation) == MCODE + "mcode-tumor-size"
        assert observation["status"] == "final"
        assert target(bundle, observation["subject"]) is patient
        (focus,) = observation["focus"]
        tumor = target(bundle, focus)
        assert tumor["resourceType"] == "BodyStructure"
        (component,) = observation["component"]
        assert code_of(component["code"]) == (LOINC, "33728-7")
        quantity = component["valueQuantity"]
        assert (quantity["system"], quantity["code"], quantity["unit"]) == (
            "http://unitsofmeasure.org",
            "mm",
            "mm",
        )
        assert "valueQuantity" not in observation
        found.append(
            (observation["effectiveDateTime"], tumor["identifier"][0]["value"], quantity["value"])
        )
    recorded = [
        (s.date.isoformat(), m.spot_id, m.size_tenths / 10)
        for s in record.scans
        for m in s.measurements
        if m.size_tenths is not None
    ]
    assert sorted(found) == sorted(recorded)


@pytest.mark.parametrize("path", example_params())
def test_every_assessment_is_a_disease_status_with_the_expected_trend_and_label(
    path: Path,
) -> None:
    record = read_record(path.read_bytes(), today=TODAY)
    expected = json.loads(path.with_name(path.name.replace(".record.", ".expected.")).read_text())
    bundle = bundle_of(record)
    wanted = [
        (
            cancer.name,
            entry["date"],
            TRENDS[entry["status"]],
            status_label(
                Status(entry["status"]),
                None
                if entry["recurrence_type"] is None
                else RecurrenceType(entry["recurrence_type"]),
                entry["confirmed"],
            ),
        )
        for cancer in record.cancers
        for entry in expected["cancers"][cancer.id]
    ]
    found = []
    for observation in observations(bundle, "97509-4"):
        assert profile(observation) == MCODE + "mcode-cancer-disease-status"
        assert observation["status"] == "final"
        (focus,) = observation["focus"]
        condition = target(bundle, focus)
        assert condition["resourceType"] == "Condition"
        assert target(bundle, observation["subject"])["resourceType"] == "Patient"
        system, trend = code_of(observation["valueCodeableConcept"])
        assert system == SNOMED
        found.append(
            (
                condition["code"]["text"],
                observation["effectiveDateTime"],
                trend,
                observation["note"][0]["text"],
            )
        )
    assert found == wanted


def test_the_evidence_is_imaging_for_a_scan_and_an_examination_for_a_doctor() -> None:
    bundle = bundle_of(read_record(DEMO_RECORD.read_bytes(), today=TODAY))
    evidence = {}
    for observation in observations(bundle, "97509-4"):
        kinds = [code_of(e["valueCodeableConcept"]) for e in observation["extension"]]
        assert {e["url"] for e in observation["extension"]} == {EVIDENCE}
        evidence[observation["effectiveDateTime"]] = (kinds, observation.get("performer"))
    imaging, examination = (SNOMED, "363679005"), (SNOMED, "5880005")
    assert evidence["2022-09-20"] == ([imaging], None)
    # Dr. Osei's words of 18 July 2023 are about the scan of 10 July.
    assert evidence["2023-07-10"] == ([imaging, examination], [{"display": "Dr. Osei"}])
    # Her words of 14 October 2024 came with no scan in the month before.
    assert evidence["2024-10-14"] == ([examination], [{"display": "Dr. Osei"}])


def test_a_disagreement_and_the_doctors_words_are_kept_in_notes() -> None:
    bundle = bundle_of(read_record(DEMO_RECORD.read_bytes(), today=TODAY))
    (observation,) = [
        o for o in observations(bundle, "97509-4") if o["effectiveDateTime"] == "2025-11-24"
    ]
    assert [note["text"] for note in observation["note"]] == [
        "Partial remission",
        "Your doctor said “Partial remission”, but the sizes point to “Stable (controlled)”.",
        "Dr. Lindqvist said: “The tumour is shrinking nicely on the new treatment.”",
    ]
    sizes = [target(bundle, ref) for ref in observation["derivedFrom"]]
    assert [o["component"][0]["valueQuantity"]["value"] for o in sizes] == [22.0, 10.0]


def test_the_demo_person_cancers_and_spots_read_as_written() -> None:
    bundle = bundle_of(read_record(DEMO_RECORD.read_bytes(), today=TODAY))
    (patient,) = resources(bundle, "Patient")
    assert patient["name"] == [{"text": "Margaret Ellis"}]
    assert patient["birthDate"] == "1956-05-14"
    breast, lung = resources(bundle, "Condition")
    assert profile(breast) == MCODE + "mcode-primary-cancer-condition"
    assert breast["code"] == {"text": "Breast cancer"}
    assert breast["bodySite"] == [{"text": "left breast"}]
    assert breast["onsetDateTime"] == "2022-09-12"
    assert target(bundle, breast["subject"]) is patient
    assert lung["code"] == {"text": "Lung cancer"}
    tumors = resources(bundle, "BodyStructure")
    assert [t["identifier"][0]["value"] for t in tumors] == ["s1", "s2", "s3", "s4", "s5"]
    node = tumors[1]
    assert profile(node) == MCODE + "mcode-tumor"
    assert node["location"] == {"text": "left armpit"}
    assert node["description"] == "Armpit lymph node. A lymph node near where the cancer started."
    assert "locationQualifier" not in node
    assert target(bundle, node["extension"][0]["valueReference"]) is breast
    assert target(bundle, node["patient"]) is patient


def test_a_spot_without_a_size_is_a_tumor_with_no_size_observation() -> None:
    (example,) = [path for path in EXAMPLE_RECORDS if has_spots_without_a_size(path)]
    record = read_record(example.read_bytes(), today=TODAY)
    bundle = bundle_of(record)
    tumors = {t["identifier"][0]["value"]: t for t in resources(bundle, "BodyStructure")}
    without = [spot for spot in record.spots if not spot.sized]
    assert without
    for spot in without:
        tumor = tumors[spot.id]
        assert profile(tumor) == MCODE + "mcode-tumor"
        assert tumor["description"] == (
            f"{spot.name}. Elsewhere in the body. "
            "The reports mention it without giving a size, so it has no size here."
        )
        assert tumor["location"] == {"text": spot.location}
        measured = [f for o in observations(bundle, "21889-1") for f in o["focus"]]
        assert all(target(bundle, focus) is not tumor for focus in measured)
    # Its states are in the record, but no observation gives it a number.
    assert sum(m.state is not None for s in record.scans for m in s.measurements) > 0
    assert len(observations(bundle, "21889-1")) == sizes_given(record)
    unsized = {spot.id for spot in without}
    sized = [t for spot_id, t in tumors.items() if spot_id not in unsized]
    assert sized
    assert all("without giving a size" not in t["description"] for t in sized)


def record_with_labels(*sums_mm: int, statement: Status | None = None) -> Record:
    """One cancer with one spot measured at these sizes, three months apart."""
    scans = tuple(
        Scan(
            id=f"sc{index}",
            cancer_id="c1",
            date=dt.date(2024, 1, 1) + dt.timedelta(days=91 * index),
            kind=ScanKind.CT,
            measurements=(Measurement("s1", size * 10),) if size >= 0 else (),
        )
        for index, size in enumerate(sums_mm)
    )
    statements = (
        ()
        if statement is None
        else (
            Statement(
                id="d1",
                cancer_id="c1",
                date=dt.date(2023, 6, 1),
                text="Said before any scan.",
                status=statement,
            ),
        )
    )
    return Record(
        person=Person(name="Ana Example"),
        cancers=(Cancer(id="c1", name="Skin cancer", primary_site="back"),),
        spots=(Spot("s1", "c1", "Back spot", Area.PRIMARY, lymph_node=False),),
        scans=scans,
        statements=statements,
    )


def clinical_status(record: Record) -> str:
    (condition,) = resources(bundle_of(record), "Condition")
    (coding,) = condition["clinicalStatus"]["coding"]
    assert coding["system"] == "http://terminology.hl7.org/CodeSystem/condition-clinical"
    code: str = coding["code"]
    return code


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (record_with_labels(), "active"),
        (record_with_labels(40), "active"),
        (record_with_labels(40, 38), "active"),
        (record_with_labels(40, 20), "remission"),
        (record_with_labels(40, 0), "remission"),
        (record_with_labels(40, 50), "relapse"),
        (record_with_labels(statement=Status.RECURRED), "relapse"),
        (record_with_labels(40, 20, -1), "remission"),
    ],
    ids=[
        "nothing yet",
        "starting point",
        "stable",
        "partial remission",
        "complete remission",
        "progressed",
        "recurred",
        "notes only after a remission",
    ],
)
def test_the_cancer_is_in_remission_or_relapse_as_its_latest_label_says(
    record: Record, expected: str
) -> None:
    assert clinical_status(record) == expected


def test_not_enough_information_leaves_the_label_before_it_standing() -> None:
    spots = (
        Spot("s1", "c1", "Back spot", Area.PRIMARY, lymph_node=False),
        Spot("s2", "c1", "Shoulder spot", Area.PRIMARY, lymph_node=False),
    )
    scans = (
        Scan(
            "sc1",
            "c1",
            dt.date(2024, 1, 1),
            ScanKind.CT,
            (Measurement("s1", 400), Measurement("s2", 300)),
        ),
        Scan(
            "sc2",
            "c1",
            dt.date(2024, 4, 1),
            ScanKind.CT,
            (Measurement("s1", 200), Measurement("s2", 100)),
        ),
        Scan("sc3", "c1", dt.date(2024, 7, 1), ScanKind.CT, (Measurement("s1", 200),)),
    )
    record = Record(
        person=Person(name="Ana Example"),
        cancers=(Cancer(id="c1", name="Skin cancer", primary_site="back"),),
        spots=spots,
        scans=scans,
    )
    statuses = [a.status for a in analyse(record.history("c1")).assessments]
    assert statuses[1:] == [Status.PARTIAL_REMISSION, Status.NOT_EVALUABLE]
    assert clinical_status(record) == "remission"


def test_gone_is_a_size_of_0_and_too_small_is_no_size() -> None:
    record = record_with_labels(40)
    later = Scan(
        id="sc9",
        cancer_id="c1",
        date=dt.date(2024, 6, 1),
        kind=ScanKind.MRI,
        measurements=(Measurement("s1", 0), Measurement("s2", None, too_small=True)),
    )
    nodes = Spot("s2", "c1", "Neck node", Area.REGIONAL_NODE, lymph_node=True, location="neck")
    record = Record(
        person=record.person,
        cancers=record.cancers,
        spots=(*record.spots, nodes),
        scans=(*record.scans, later),
    )
    bundle = bundle_of(record)
    sizes = [
        (o["effectiveDateTime"], o["focus"][0]["display"], o["component"][0]["valueQuantity"])
        for o in observations(bundle, "21889-1")
    ]
    assert [(date, spot, quantity["value"]) for date, spot, quantity in sizes] == [
        ("2024-01-01", "Back spot", 40.0),
        ("2024-06-01", "Back spot", 0.0),
    ]
    gone = observations(bundle, "21889-1")[1]
    assert gone["method"] == {"text": "MRI"}
    assert gone["note"] == [{"text": "Gone: the report says this spot has disappeared."}]


def test_ids_follow_the_records_ids_and_the_person() -> None:
    record = record_with_labels(40, 20)
    ids = [e["fullUrl"] for e in bundle_of(record)["entry"]]
    renamed_cancer = Record(
        person=record.person,
        cancers=(Cancer(id="c1", name="Melanoma", primary_site="upper back"),),
        spots=record.spots,
        scans=record.scans,
    )
    assert [e["fullUrl"] for e in bundle_of(renamed_cancer)["entry"]] == ids
    someone_else = Record(
        person=Person(name="Bea Example"),
        cancers=record.cancers,
        spots=record.spots,
        scans=record.scans,
    )
    assert not set(ids) & {e["fullUrl"] for e in bundle_of(someone_else)["entry"]}


def test_ids_holding_slashes_never_give_two_resources_one_id() -> None:
    spots = (
        Spot("a", "c1", "Spot a", Area.PRIMARY, lymph_node=False),
        Spot("a/spot/b", "c1", "Spot with a slash", Area.PRIMARY, lymph_node=False),
        Spot("b", "c1", "Spot b", Area.PRIMARY, lymph_node=False),
    )
    scans = (
        Scan("x", "c1", dt.date(2024, 1, 1), ScanKind.CT, (Measurement("a/spot/b", 10),)),
        Scan("x/spot/a", "c1", dt.date(2024, 2, 1), ScanKind.CT, (Measurement("b", 10),)),
    )
    record = Record(
        person=Person(name="Ana Example"),
        cancers=(Cancer(id="c1", name="Skin cancer", primary_site="back"),),
        spots=spots,
        scans=scans,
    )
    urls = [e["fullUrl"] for e in bundle_of(record)["entry"]]
    assert len(set(urls)) == len(urls)


@settings(max_examples=30)
@given(records())
def test_any_record_exports_a_valid_bundle(record: Record) -> None:
    bundle = bundle_of(record)
    assert write_fhir(record) == write_fhir(record)
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    for entry in bundle["entry"]:
        assert set(references(entry["resource"])) <= set(urls)
    assert len(observations(bundle, "21889-1")) == sizes_given(record)


def test_white_space_that_fhir_strings_forbid_becomes_a_space() -> None:
    record = record_with_labels(20, 10)
    odd = Record(
        person=Person(name="Ana\u00a0Example", notes="line\x0cbreak"),
        cancers=record.cancers,
        spots=(Spot("s\x0c1", "c1", "Back\x0bspot", Area.PRIMARY, lymph_node=False),),
        scans=tuple(
            Scan(s.id, s.cancer_id, s.date, s.kind, (Measurement("s\x0c1", 100),))
            for s in record.scans
        ),
    )
    text = write_fhir(odd).decode("utf-8")
    assert "\\f" not in text
    assert "\u00a0" not in text
    assert "\\u000b" not in text
    Bundle.model_validate(json.loads(text))
