"""The whole record's periods as text for a terminal."""

from __future__ import annotations

from survivor_app.domain import Person, Record, RecurrenceType, Status
from survivor_app.terminal import periods_text
from tests.status.histories import CANCER, history, record_of, said, scan


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
