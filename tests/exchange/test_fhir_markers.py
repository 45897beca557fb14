"""Tumour marker results in the FHIR bundle: one mCODE TumorMarkerTest observation per result,
valid for FHIR's own models, coded with LOINC and UCUM for a known marker, as text for one the
person names, and each number written exactly as the lab gave it."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import given, settings

from survivor_app.domain import Cancer, MarkerKind, MarkerResult, Person, Record
from survivor_app.domain.markers import KNOWN_MARKERS
from survivor_app.domain.record_rules import decimal_text
from survivor_app.exchange.fhir import write_fhir
from survivor_app.exchange.fhir_markers import BELOW_LIMIT_NOTE, TUMOR_MARKER_TEST
from tests.exchange.documents import records
from tests.exchange.test_fhir import bundle_of, references, resources

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
RELATED_CONDITION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-condition"

CANCER = Cancer("c1", "Prostate cancer", "prostate")
PSA = MarkerResult(
    "m1",
    "c1",
    dt.date(2024, 3, 4),
    MarkerKind.PSA,
    Decimal("0.10"),
    "ng/mL",
    upper_limit=Decimal("4.0"),
    lab="City Lab",
    notes="Fasting.",
)
BELOW = MarkerResult(
    "m2", "c1", dt.date(2024, 9, 1), MarkerKind.PSA, Decimal("0.01"), "ng/mL", below_limit=True
)
OWN = MarkerResult(
    "m3", "c1", dt.date(2024, 1, 5), MarkerKind.OTHER, Decimal("12"), "µg/L", name="PAP"
)
RECORD = Record(
    Person("Ben Example", dt.date(1950, 2, 3)), (CANCER,), marker_results=(PSA, BELOW, OWN)
)

Resource = dict[str, Any]


def marker_tests(bundle: dict[str, Any]) -> list[Resource]:
    return [
        o for o in resources(bundle, "Observation") if o["meta"]["profile"] == [TUMOR_MARKER_TEST]
    ]


def test_each_result_is_a_tumor_marker_test_in_date_order() -> None:
    bundle = bundle_of(RECORD)
    tests = marker_tests(bundle)
    assert [o["effectiveDateTime"] for o in tests] == ["2024-01-05", "2024-03-04", "2024-09-01"]
    (condition,) = resources(bundle, "Condition")
    (patient,) = resources(bundle, "Patient")
    for observation in tests:
        assert observation["status"] == "final"
        assert observation["category"][0]["coding"][0]["code"] == "laboratory"
        assert observation["subject"]["reference"] == f"urn:uuid:{patient['id']}"
        (related,) = observation["extension"]
        assert related["url"] == RELATED_CONDITION
        assert related["valueReference"]["reference"] == f"urn:uuid:{condition['id']}"


def test_a_known_marker_has_its_loinc_code_and_its_ucum_unit() -> None:
    psa = marker_tests(bundle_of(RECORD))[1]
    assert psa["code"] == {"coding": [{"system": LOINC, "code": "2857-1"}], "text": "PSA"}
    assert psa["valueQuantity"] == {
        "value": 0.10,
        "unit": "ng/mL",
        "system": UCUM,
        "code": "ng/mL",
    }
    assert psa["referenceRange"][0]["high"] == {
        "value": 4.0,
        "unit": "ng/mL",
        "system": UCUM,
        "code": "ng/mL",
    }
    assert psa["performer"] == [{"display": "City Lab"}]
    assert psa["note"] == [{"text": "Fasting."}]


def test_hcg_s_unit_has_its_ucum_code() -> None:
    hcg = replace(PSA, marker=MarkerKind.HCG, unit="IU/L", value=Decimal("2"))
    (observation,) = marker_tests(bundle_of(replace(RECORD, marker_results=(hcg,))))
    assert observation["code"]["coding"] == [{"system": LOINC, "code": "21198-7"}]
    assert observation["valueQuantity"]["code"] == "[IU]/L"
    assert observation["valueQuantity"]["unit"] == "IU/L"


def test_a_result_below_the_lab_s_limit_is_the_limit_with_a_comparator() -> None:
    below = marker_tests(bundle_of(RECORD))[2]
    assert below["valueQuantity"]["comparator"] == "<"
    assert below["valueQuantity"]["value"] == 0.01
    assert below["note"] == [{"text": BELOW_LIMIT_NOTE}]
    assert "referenceRange" not in below
    assert "performer" not in below


def test_a_marker_the_person_names_is_text_without_a_code() -> None:
    own = marker_tests(bundle_of(RECORD))[0]
    assert own["code"] == {"text": "PAP"}
    assert own["valueQuantity"] == {"value": 12, "unit": "µg/L"}


def test_every_number_is_written_exactly_as_the_lab_gave_it() -> None:
    data = write_fhir(RECORD).decode("utf-8")
    assert re.findall(r'"value": ([0-9.]+)', data) == ["12", "0.10", "4.0", "0.01"]
    assert write_fhir(RECORD) == write_fhir(RECORD)


@settings(max_examples=30)
@given(records())
def test_any_record_gives_one_valid_marker_test_per_result(record: Record) -> None:
    bundle = bundle_of(record)
    tests = marker_tests(bundle)
    assert len(tests) == len(record.marker_results)
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    by_id = {result.id: result for result in record.marker_results}
    data = write_fhir(record).decode("utf-8")
    for observation in tests:
        assert set(references(observation)) <= urls
    for result in by_id.values():
        known = KNOWN_MARKERS.get(result.marker)
        values = [
            o["valueQuantity"] for o in tests if o["effectiveDateTime"] == result.date.isoformat()
        ]
        assert any(
            Decimal(str(value["value"])) == result.value
            and value.get("code") == (None if known is None else known.ucum)
            and (value.get("comparator") == "<") == result.below_limit
            for value in values
        )
        assert f'"value": {decimal_text(result.value)}' in data
    json.loads(data)
