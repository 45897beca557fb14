"""Every example of the specification (``tests/data/examples``) gets exactly the labels its
expected file demands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from survivor_app.exchange import read_record
from survivor_app.status import analyse
from tests.shared_files import EXAMPLE_RECORDS, as_expected, example_params, expected_labels

# Later than every example's dates, so that none is refused as lying in the future.
TODAY = dt.date(2100, 1, 1)


def test_there_are_examples() -> None:
    assert len(EXAMPLE_RECORDS) >= 6


@pytest.mark.parametrize("case", example_params())
def test_example_gets_its_expected_labels(case: Path) -> None:
    expected = expected_labels(case)
    record = read_record(case.read_bytes(), today=TODAY)
    got = {
        cancer.id: [
            {
                "date": a.date.isoformat(),
                "status": a.status.value,
                "recurrence_type": None if a.recurrence_type is None else a.recurrence_type.value,
                "confirmed": a.confirmed,
                "measured": None if a.measured is None else a.measured.value,
                "stated": None if a.stated is None else a.stated.value,
                "disagreement": a.disagreement,
            }
            for a in analyse(record.history(cancer.id)).assessments
        ]
        for cancer in record.cancers
    }
    assert as_expected(expected, got) == expected
