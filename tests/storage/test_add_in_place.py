"""A thing added at a place (Undo putting back what was deleted) takes that place in entry
order, before whatever holds it now."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from survivor_app.domain import Record
from survivor_app.storage import RecordStore
from tests.storage.samples import sample_record


def test_a_delete_says_where_the_thing_stood_and_an_add_puts_it_back_there(
    tmp_path: Path,
) -> None:
    record = sample_record()
    with RecordStore.open(tmp_path / "record.db") as store:
        store.replace_content(record)
        before = store.load()
        first = before.treatments[0]
        place = store.delete_treatment(first.id)
        store.add_treatment(first, at=place)
        assert store.load() == before


def test_an_add_at_a_place_held_comes_before_the_thing_holding_it(tmp_path: Path) -> None:
    record = sample_record()
    with RecordStore.open(tmp_path / "record.db") as store:
        store.replace_content(Record(record.person, record.cancers))
        first, second = (
            dataclasses.replace(record.treatments[0], id="t-a"),
            dataclasses.replace(record.treatments[0], id="t-b"),
        )
        store.add_treatment(first)
        place = store.delete_treatment(first.id)
        store.add_treatment(second)
        # The place is held now (by the second): the first goes just before it, and a later
        # one still comes after both.
        store.add_treatment(first, at=place)
        third = dataclasses.replace(first, id="t-c")
        store.add_treatment(third)
        assert store.load().treatments == (first, second, third)


def test_a_cancer_deleted_says_where_it_and_each_thing_of_it_stood(tmp_path: Path) -> None:
    record = sample_record()
    with RecordStore.open(tmp_path / "record.db") as store:
        store.replace_content(record)
        places = store.delete_cancer("c1")
        # The first cancer entered, and each thing of it where it was entered among all.
        assert places.cancer == 1
        for kind, things in (
            (places.spots, record.spots),
            (places.scans, record.scans),
            (places.statements, record.statements),
            (places.treatments, record.treatments),
            (places.questions, record.questions),
            (places.marker_results, record.marker_results),
        ):
            assert kind == {
                thing.id: at for at, thing in enumerate(things, start=1) if thing.cancer_id == "c1"
            }
