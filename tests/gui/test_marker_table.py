"""The Markers tab's table: each result's date, marker, value as the lab gave it ("<0.1" kept)
with its unit, the lab's upper limit of normal and the lab; sorted by real dates and values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from survivor_app.domain import MarkerKind, MarkerResult
from survivor_app.gui.models.tables import NOTHING, MarkerTableModel
from tests.gui.tables import shown_ids

pytestmark = pytest.mark.usefixtures("uk_dates")

RESULTS = (
    MarkerResult("m1", "c1", dt.date(2024, 3, 1), MarkerKind.CEA, Decimal("4.10"), "ng/mL",
                 upper_limit=Decimal("5"), lab="City lab"),
    MarkerResult("m2", "c1", dt.date(2023, 12, 1), MarkerKind.PSA, Decimal("0.1"), "ng/mL",
                 below_limit=True),
    MarkerResult("m3", "c1", dt.date(2024, 6, 1), MarkerKind.OTHER, Decimal("12"), "kU/L",
                 name="CYFRA 21-1"),
    MarkerResult("m4", "c1", dt.date(2024, 1, 5), MarkerKind.PSA, Decimal("0.1"), "ng/mL"),
)  # fmt: skip


def texts(model: MarkerTableModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_each_row_says_the_result_as_the_lab_gave_it(qtmodeltester: ModelTester) -> None:
    model = MarkerTableModel()
    model.set_rows(RESULTS)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Date", "Marker", "Value", "Upper limit of normal", "Lab",
    ]  # fmt: skip
    assert texts(model, 0) == ["1 Mar 2024", "CEA", "4.10 ng/mL", "5 ng/mL", "City lab"]
    assert texts(model, 1) == ["1 Dec 2023", "PSA", "<0.1 ng/mL", NOTHING, NOTHING]
    assert texts(model, 2)[1:3] == ["CYFRA 21-1", "12 kU/L"]


def test_sorted_by_real_dates_and_values() -> None:
    model = MarkerTableModel()
    model.set_rows(RESULTS)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown_ids(model) == ["m3", "m1", "m4", "m2"]
    # By value: 0.1 below the limit comes before a measured 0.1, and 4.10 before 12.
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert shown_ids(model) == ["m2", "m4", "m1", "m3"]
