"""The whole record's periods as the JSON of FORMAT.md §4."""

from __future__ import annotations

import json

from survivor_app.domain import Person, Record
from survivor_app.exchange.periods_json import periods_document
from tests.status.histories import CANCER, JOURNEY, SPOTS, history, record_of, scan

ASSESSMENT_KEYS = [
    "date",
    "scan",
    "statement",
    "measured",
    "stated",
    "status",
    "recurrence_type",
    "confirmed",
    "sum_mm",
    "baseline_sum_mm",
    "nadir_mm",
    "change_from_baseline_pct",
    "change_from_nadir_pct",
    "starts_episode",
    "new_baseline_sum_mm",
    "disagreement",
]
PERIOD_KEYS = [
    "start",
    "end",
    "last_checked",
    "status",
    "recurrence_type",
    "confirmed",
    "basis",
    "label",
    "summary",
    "explanation",
]


def test_the_periods_document_follows_format_section_4() -> None:
    h = history(scan("2022-01-25", {"P": "32", "N": "18"}))
    document = json.loads(periods_document(record_of(h)))
    assert list(document) == ["format", "version", "rules", "cancers"]
    assert (document["format"], document["version"], document["rules"]) == (
        "survivor-periods",
        2,
        "status-rules-2",
    )
    (cancer,) = document["cancers"]
    assert list(cancer) == ["cancer", "assessments", "periods", "questions"]
    assert cancer["assessments"] == [
        {
            "date": "2022-01-25",
            "scan": "sc-2022-01-25-CT",
            "statement": None,
            "measured": "baseline",
            "stated": None,
            "status": "baseline",
            "recurrence_type": None,
            "confirmed": None,
            "sum_mm": 50.0,
            "baseline_sum_mm": 50.0,
            "nadir_mm": None,
            "change_from_baseline_pct": None,
            "change_from_nadir_pct": None,
            "starts_episode": True,
            "new_baseline_sum_mm": 50.0,
            "disagreement": None,
        }
    ]
    (period,) = cancer["periods"]
    assert list(period) == PERIOD_KEYS
    assert {k: v for k, v in period.items() if k not in ("summary", "explanation")} == {
        "start": "2022-01-25",
        "end": None,
        "last_checked": "2022-01-25",
        "status": "baseline",
        "recurrence_type": None,
        "confirmed": None,
        "basis": ["measurements"],
        "label": "Starting point",
    }
    assert (
        period["summary"]
        == "The scan of 25 January 2022 is your starting point, with a sum of 50 mm."
    )
    assert period["explanation"].startswith(period["summary"] + " ")
    assert cancer["questions"] == []


def test_sizes_and_percentages_are_numbers_with_one_decimal() -> None:
    text = periods_document(record_of(JOURNEY))
    document = json.loads(text)
    fourth = document["cancers"][0]["assessments"][3]
    assert list(fourth) == ASSESSMENT_KEYS
    assert (fourth["sum_mm"], fourth["nadir_mm"], fourth["change_from_nadir_pct"]) == (
        25.2,
        21.0,
        20.0,
    )
    assert '"sum_mm": 25.2,' in text
    assert '"change_from_nadir_pct": 20.0,' in text
    assert '"change_from_baseline_pct": -16.0,' in text
    assert "19.99" not in text


def test_the_periods_document_is_byte_stable_and_keeps_its_dashes() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2024-06-03", {"L": "12"}),
    )
    first, second = periods_document(record_of(h)), periods_document(record_of(h))
    assert first == second
    assert first.endswith("}\n")
    assert "Recurred — distant" in first
    assert first.startswith('{\n  "format": "survivor-periods",\n')


def test_every_cancer_of_the_record_is_listed_in_order() -> None:
    second = CANCER.__class__(id="c2", name="Lung cancer", primary_site="right lung")
    record = Record(
        person=Person("Case Person"),
        cancers=(second, CANCER),
        spots=SPOTS,
        scans=(scan("2024-01-01", {"P": "30"}),),
    )
    document = json.loads(periods_document(record))
    assert [c["cancer"] for c in document["cancers"]] == ["c2", "c1"]
    assert document["cancers"][0]["assessments"] == []
    assert document["cancers"][0]["periods"] == []
