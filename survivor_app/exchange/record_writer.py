"""Writing a record as JSON in version 3 of FORMAT.md: the same record gives the same bytes."""

from __future__ import annotations

import datetime as dt

from survivor_app.domain import Measurement, Record, mm_number
from survivor_app.exchange.json_text import indented_json
from survivor_app.exchange.marker_json import marker_result_json
from survivor_app.exchange.record_file import FORMAT_NAME, FORMAT_VERSION


def write_record(record: Record) -> bytes:
    """The record as JSON, UTF-8 with a final newline: the same record gives the same bytes."""
    # A long record says the same of a spot again and again (and the store reads equal
    # measurements as one object): each object's entry is made once, found by its id (the
    # record holds every measurement while this runs, so no two of them share one).
    entries: dict[int, dict[str, object]] = {}
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "person": {
            "name": record.person.name,
            "birth_date": _iso(record.person.birth_date),
            "notes": record.person.notes,
        },
        "cancers": [
            {
                "id": cancer.id,
                "name": cancer.name,
                "primary_site": cancer.primary_site,
                "diagnosed_on": _iso(cancer.diagnosed_on),
                "notes": cancer.notes,
            }
            for cancer in record.cancers
        ],
        "spots": [
            {
                "id": spot.id,
                "cancer": spot.cancer_id,
                "name": spot.name,
                "location": spot.location,
                "area": spot.area.value,
                "lymph_node": spot.lymph_node,
                "sized": spot.sized,
            }
            for spot in record.spots
        ],
        "scans": [
            {
                "id": scan.id,
                "cancer": scan.cancer_id,
                "date": scan.date.isoformat(),
                "kind": scan.kind.value,
                "facility": scan.facility,
                "no_evidence_of_disease": scan.no_evidence_of_disease,
                "new_baseline": scan.new_baseline,
                "notes": scan.notes,
                "measurements": [
                    entries.get(id(measurement))
                    or entries.setdefault(id(measurement), _measurement(measurement))
                    for measurement in scan.measurements
                ],
            }
            for scan in record.scans
        ],
        "statements": [
            {
                "id": statement.id,
                "cancer": statement.cancer_id,
                "date": statement.date.isoformat(),
                "clinician": statement.clinician,
                "text": statement.text,
                "status": None if statement.status is None else statement.status.value,
                "recurrence_type": (
                    None if statement.recurrence_type is None else statement.recurrence_type.value
                ),
            }
            for statement in record.statements
        ],
        "treatments": [
            {
                "id": treatment.id,
                "cancer": treatment.cancer_id,
                "kind": treatment.kind.value,
                "name": treatment.name,
                "start": treatment.start.isoformat(),
                "end": _iso(treatment.end),
            }
            for treatment in record.treatments
        ],
        "questions": [
            {
                "id": question.id,
                "cancer": question.cancer_id,
                "text": question.text,
                "asked_on": _iso(question.asked_on),
                "answer": question.answer,
            }
            for question in record.questions
        ],
        "marker_results": [marker_result_json(result) for result in record.marker_results],
    }
    return (indented_json(document) + "\n").encode("utf-8")


def _measurement(measurement: Measurement) -> dict[str, object]:
    """A sized spot's entry gives its size (or too small to measure); the entry of a spot
    without a size gives its state, and never a size (FORMAT.md §2)."""
    if measurement.state is not None:
        return {
            "spot": measurement.spot_id,
            "state": measurement.state.value,
            "uncertain": measurement.uncertain,
        }
    return {
        "spot": measurement.spot_id,
        "size_mm": _mm(measurement.size_tenths),
        "too_small": measurement.too_small,
        "uncertain": measurement.uncertain,
    }


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def _mm(tenths: int | None) -> float | None:
    # A tenth divided by ten prints with exactly one decimal (400 → 40.0, 92 → 9.2).
    return None if tenths is None else mm_number(tenths)
