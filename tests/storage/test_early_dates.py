"""Storage refuses a date before 1900 whichever way it comes (the dialogs and the importer
refuse it first), and keeps the record as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from survivor_app.domain import Record, Treatment, TreatmentKind
from survivor_app.storage import RecordStore, RecordWriteError
from survivor_app.storage.tables import BEFORE_EARLIEST
from tests.gui.records import BASELINE, PERSON, small_record

YEAR_22 = dt.date(22, 5, 14)

WRITES: list[tuple[str, Callable[[RecordStore, Record], None]]] = [
    (
        "a scan",
        lambda store, _: store.add_scan(dataclasses.replace(BASELINE, id="x", date=YEAR_22)),
    ),
    (
        "a changed scan",
        lambda store, _: store.update_scan(dataclasses.replace(BASELINE, date=YEAR_22)),
    ),
    (
        "a birth date",
        lambda store, _: store.set_person(dataclasses.replace(PERSON, birth_date=YEAR_22)),
    ),
    (
        "a treatment's end",
        lambda store, _: store.add_treatment(
            Treatment(
                "t9", "c1", TreatmentKind.SURGERY, dt.date(2024, 1, 2), end=dt.date(1899, 12, 31)
            )
        ),
    ),
    (
        "an import",
        lambda store, record: store.replace_content(
            dataclasses.replace(record, scans=(dataclasses.replace(BASELINE, date=YEAR_22),))
        ),
    ),
]


@pytest.mark.parametrize("write", [w for _, w in WRITES], ids=[name for name, _ in WRITES])
def test_a_date_before_1900_is_refused_and_nothing_changes(
    record_path: Path, write: Callable[[RecordStore, Record], None]
) -> None:
    record = small_record()
    with RecordStore.open(record_path) as store:
        store.replace_content(record)
        with pytest.raises(RecordWriteError) as refused:
            write(store, record)
        assert str(refused.value) == BEFORE_EARLIEST
        assert store.load() == record


def test_the_first_day_of_1900_is_kept(record_path: Path) -> None:
    record = dataclasses.replace(
        small_record(), person=dataclasses.replace(PERSON, birth_date=dt.date(1900, 1, 1))
    )
    with RecordStore.open(record_path) as store:
        store.replace_content(record)
        assert store.load() == record
