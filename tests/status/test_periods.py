"""Periods (STATUS_RULES.md §7) and the whole record's periods as JSON (FORMAT.md §4) and as
text for a terminal."""

from __future__ import annotations

import datetime as dt
import json

from survivor_app.domain import Basis, Person, Record, RecurrenceType, Status
from survivor_app.exchange.periods_json import periods_document
from survivor_app.status import analyse
from survivor_app.terminal import periods_text
from tests.status.histories import CANCER, SPOTS, history, record_of, said, scan

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

JOURNEY = history(
    scan("2022-06-01", {"P": "10", "L": "10", "U": "10"}),
    scan("2022-09-01", {"P": "8", "L": "8", "U": "8"}),
    scan("2022-12-01", {"P": "7", "L": "7", "U": "7"}),
    scan("2023-03-01", {"P": "8", "L": "8", "U": "9.2"}),
    scan("2023-06-01", {"P": "8", "L": "8", "U": "10"}),
    scan("2023-09-01", {"P": "0", "L": "0", "U": "0"}),
    statements=[
        said("2022-09-10", Status.STABLE, "Stable."),
        said("2023-12-01", Status.COMPLETE_REMISSION, "No evidence of disease."),
    ],
)


def test_consecutive_equal_labels_form_one_period_ending_where_the_next_starts() -> None:
    periods = analyse(JOURNEY).periods
    assert [(p.status, p.start.isoformat()) for p in periods] == [
        (Status.BASELINE, "2022-06-01"),
        (Status.STABLE, "2022-09-01"),
        (Status.PARTIAL_REMISSION, "2022-12-01"),
        (Status.STABLE, "2023-03-01"),
        (Status.PROGRESSED, "2023-06-01"),
        (Status.COMPLETE_REMISSION, "2023-09-01"),
    ]
    assert [p.end for p in periods] == [p.start for p in periods[1:]] + [None]
    assert periods[2].last_checked == dt.date(2022, 12, 1)
    assert len(periods[-1].assessments) == 2
    assert periods[-1].last_checked == dt.date(2023, 12, 1)
    assert periods[-1].label == "Complete remission (no evidence of disease)"


def test_confirmation_splits_periods() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-02-01", {"P": "20"}),
        scan("2024-02-10", {"P": "24"}, new_baseline=True),
        scan("2024-04-01", {"P": "16"}),
        scan("2024-05-01", {"P": "16"}),
    )
    periods = analyse(h).periods
    assert [(p.status, p.confirmed) for p in periods] == [
        (Status.BASELINE, None),
        (Status.PARTIAL_REMISSION, False),
        (Status.BASELINE, None),
        (Status.PARTIAL_REMISSION, True),
    ]
    assert periods[1].label == "Partial remission (not yet confirmed)"


def test_the_basis_names_what_each_label_rests_on() -> None:
    periods = analyse(JOURNEY).periods
    # Stable: the doctor said so, the sizes agreed. Complete remission: measured, then said.
    assert periods[0].basis == (Basis.MEASUREMENTS,)
    assert periods[1].basis == (Basis.MEASUREMENTS, Basis.DOCTOR)
    assert periods[-1].basis == (Basis.MEASUREMENTS, Basis.DOCTOR)
    disagreeing = history(
        scan("2024-01-01", {"P": "30"}),
        scan("2024-03-01", {"P": "21"}),
        statements=[said("2024-03-02", Status.STABLE)],
    )
    assert analyse(disagreeing).periods[1].basis == (Basis.DOCTOR,)


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


def test_the_terminal_text_shows_labels_dates_explanations_and_questions() -> None:
    h = history(
        scan("2022-11-01", {"P": "40"}),
        scan("2023-03-01", {"P": "0"}),
        scan("2024-06-03", {"L": "12"}),
        statements=[said("2024-06-20", Status.RECURRED, recurrence_type=RecurrenceType.DISTANT)],
    )
    text = periods_text(record_of(h))
    lines = text.splitlines()
    assert lines[:2] == ["Breast cancer", "============="]
    assert "Recurred — distant" in lines
    assert "  Since 3 June 2024 (last checked 3 June 2024)" in lines
    assert "  From 1 March 2023 to 3 June 2024" in lines
    assert "  Based on: Measurements and doctor’s statement" in lines
    assert "Questions for your next appointment:" in lines
    assert any(line.startswith("  - The cancer came back on 3 June 2024.") for line in lines)
    assert max(len(line) for line in lines) <= 78
    assert text.endswith("\n")


def test_the_terminal_text_of_a_cancer_with_nothing_yet() -> None:
    record = Record(person=Person("Case Person"), cancers=(CANCER,))
    assert "Nothing to show yet" in periods_text(record)


def test_a_different_recurrence_type_starts_a_new_period() -> None:
    h = history(
        scan("2024-01-01", {"P": "30"}),
        statements=[
            said("2024-06-01", Status.RECURRED, recurrence_type=RecurrenceType.LOCAL),
            said("2024-09-01", Status.RECURRED, recurrence_type=RecurrenceType.DISTANT),
            said("2024-12-01", Status.RECURRED, recurrence_type=RecurrenceType.DISTANT),
        ],
    )
    periods = analyse(h).periods
    assert [p.label for p in periods] == [
        "Starting point",
        "Recurred — local",
        "Recurred — distant",
    ]
    assert [len(p.assessments) for p in periods] == [1, 1, 2]
    assert periods[-1].basis == (Basis.DOCTOR,)
