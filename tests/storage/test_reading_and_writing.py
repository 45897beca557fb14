"""Every kind of thing a record holds goes in, comes back the same, in its place, and goes away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from survivor_app.domain import (
    MAX_SIZE_TENTHS,
    Area,
    Cancer,
    Measurement,
    Person,
    Question,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)
from survivor_app.storage import RecordStore
from tests.storage.samples import in_reading_order, sample_record

JAN = dt.date(2023, 1, 10)
FEB = dt.date(2023, 2, 10)


def test_a_new_record_is_empty(store: RecordStore) -> None:
    assert store.is_empty()
    assert store.person() is None
    assert store.load() is None
    assert set(store.counts().values()) == {0}


def test_the_whole_record_comes_back_in_reading_order(filled: RecordStore) -> None:
    assert filled.load() == in_reading_order(sample_record())
    assert filled.counts() == {
        "cancers": 2,
        "spots": 3,
        "scans": 3,
        "measurements": 5,
        "statements": 3,
        "treatments": 2,
        "questions": 3,
        "marker_results": 3,
    }


def test_one_cancer_s_history_holds_only_its_own(filled: RecordStore) -> None:
    expected = in_reading_order(sample_record())
    assert filled.history("c1") == expected.history("c1")
    assert filled.history("c2") == expected.history("c2")
    assert [q.id for q in filled.questions("c1")] == ["q1"]
    assert [q.id for q in filled.questions()] == ["q1", "q2", "q3"]


def test_an_unknown_cancer_is_a_key_error(filled: RecordStore) -> None:
    with pytest.raises(KeyError):
        filled.cancer("nowhere")
    with pytest.raises(KeyError):
        filled.history("nowhere")


def test_the_person_is_entered_then_replaced(store: RecordStore) -> None:
    store.set_person(Person("Ana"))
    assert store.person() == Person("Ana")
    assert not store.is_empty()
    store.set_person(Person("Ana Example", dt.date(1961, 4, 9), "notes"))
    assert store.person() == Person("Ana Example", dt.date(1961, 4, 9), "notes")


def test_a_cancer_is_added_updated_and_deleted(store: RecordStore) -> None:
    cancer = Cancer("c1", "Breast cancer", "left breast", dt.date(2022, 1, 20), "notes")
    store.add_cancer(cancer)
    assert store.cancers() == (cancer,)
    changed = replace(cancer, name="Lung cancer", diagnosed_on=None)
    store.update_cancer(changed)
    assert store.cancer("c1") == changed
    store.delete_cancer("c1")
    assert store.cancers() == ()


def test_a_spot_is_added_updated_and_deleted(filled: RecordStore) -> None:
    spot = Spot("s9", "c2", "Neck node", Area.DISTANT, True, "neck")
    filled.add_spot(spot)
    assert filled.spots("c2")[-1] == spot
    changed = replace(spot, name="Node", area=Area.REGIONAL_NODE, location="")
    filled.update_spot(changed)
    assert filled.spots("c2")[-1] == changed
    filled.delete_spot("s9")
    assert spot.id not in [s.id for s in filled.spots()]


def test_a_scan_is_added_updated_with_new_measurements_and_deleted(filled: RecordStore) -> None:
    scan = Scan(
        "sc9",
        "c1",
        JAN,
        ScanKind.PET_CT,
        (Measurement("s2", 95), Measurement("s1", 110, uncertain=True)),
        facility="Clinic",
        notes="Follow-up.",
    )
    filled.add_scan(scan)
    assert filled.scans("c1")[-1] == scan
    changed = replace(
        scan, kind=ScanKind.ULTRASOUND, measurements=(Measurement("s1", None, too_small=True),)
    )
    filled.update_scan(changed)
    assert filled.scans("c1")[-1] == changed
    filled.delete_scan("sc9")
    assert scan.id not in [s.id for s in filled.scans()]
    assert filled.counts()["measurements"] == 5


def test_a_statement_is_added_updated_and_deleted(filled: RecordStore) -> None:
    statement = Statement("d9", "c2", JAN, "All clear.", "Dr. Lee", Status.STABLE)
    filled.add_statement(statement)
    assert filled.statements("c2") == (statement,)
    changed = replace(statement, status=Status.RECURRED, recurrence_type=RecurrenceType.DISTANT)
    filled.update_statement(changed)
    assert filled.statements("c2") == (changed,)
    filled.delete_statement("d9")
    assert filled.statements("c2") == ()


def test_a_treatment_is_added_updated_and_deleted(filled: RecordStore) -> None:
    treatment = Treatment("t9", "c2", TreatmentKind.RADIATION, JAN, "Daily")
    filled.add_treatment(treatment)
    assert filled.treatments("c2")[-1] == treatment
    changed = replace(treatment, kind=TreatmentKind.IMMUNOTHERAPY, end=FEB)
    filled.update_treatment(changed)
    assert filled.treatments("c2")[-1] == changed
    filled.delete_treatment("t9")
    assert [t.id for t in filled.treatments()] == ["t1", "t2"]


def test_a_question_is_added_updated_and_deleted(filled: RecordStore) -> None:
    question = Question("q9", "What does stable mean?")
    filled.add_question(question)
    assert filled.questions()[-1] == question
    changed = replace(question, cancer_id="c1", asked_on=JAN, answer="Not growing.")
    filled.update_question(changed)
    assert filled.questions("c1")[-1] == changed
    filled.delete_question("q9")
    assert [q.id for q in filled.questions()] == ["q1", "q2", "q3"]


def test_scans_and_statements_come_by_date_then_entry_order(store: RecordStore) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    for scan_id, day in (("late", FEB), ("first", JAN), ("second", JAN)):
        store.add_scan(Scan(scan_id, "c1", day, ScanKind.CT))
    for statement_id, day in (("late", FEB), ("first", JAN), ("second", JAN)):
        store.add_statement(Statement(statement_id, "c1", day, "said"))
    assert [s.id for s in store.scans()] == ["first", "second", "late"]
    assert [s.id for s in store.statements()] == ["first", "second", "late"]


def test_an_update_keeps_the_item_s_place_among_those_of_its_date(store: RecordStore) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    for statement_id in ("first", "second", "third"):
        store.add_statement(Statement(statement_id, "c1", JAN, "said"))
    store.update_statement(Statement("first", "c1", JAN, "said more", status=Status.STABLE))
    assert [s.id for s in store.statements()] == ["first", "second", "third"]
    store.add_spot(Spot("s1", "c1", "Tumour", Area.PRIMARY, False))
    store.add_spot(Spot("s2", "c1", "Node", Area.REGIONAL_NODE, True))
    store.update_spot(Spot("s1", "c1", "Main tumour", Area.PRIMARY, False))
    assert [s.name for s in store.spots()] == ["Main tumour", "Node"]


def test_measurements_keep_the_order_they_were_entered_in(store: RecordStore) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    for spot_id in ("a", "b", "c"):
        store.add_spot(Spot(spot_id, "c1", spot_id, Area.PRIMARY, False))
    measurements = (Measurement("c", 30), Measurement("a", 10), Measurement("b", 20))
    store.add_scan(Scan("sc1", "c1", JAN, ScanKind.CT, measurements))
    assert store.scans()[0].measurements == measurements


@pytest.mark.parametrize("size", [0, MAX_SIZE_TENTHS])
def test_the_smallest_and_largest_sizes_are_kept(store: RecordStore, size: int) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    store.add_spot(Spot("s1", "c1", "Tumour", Area.PRIMARY, False))
    store.add_scan(Scan("sc1", "c1", JAN, ScanKind.CT, (Measurement("s1", size),)))
    assert store.scans()[0].measurements == (Measurement("s1", size),)


@pytest.mark.parametrize(
    "measurement",
    [
        Measurement("s1", -1),
        Measurement("s1", MAX_SIZE_TENTHS + 1),
        Measurement("s1", None),
        Measurement("s1", 10, too_small=True),
        Measurement("s9", 10),
    ],
    ids=["below-0", "above-500mm", "no-size", "size-and-too-small", "unknown-spot"],
)
def test_a_measurement_outside_the_rules_is_refused_whole(
    store: RecordStore, measurement: Measurement
) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    store.add_spot(Spot("s1", "c1", "Tumour", Area.PRIMARY, False))
    with pytest.raises(ValueError, match="refused"):
        store.add_scan(Scan("sc1", "c1", JAN, ScanKind.CT, (measurement,)))
    assert store.scans() == ()


def test_a_spot_of_another_cancer_cannot_be_measured(filled: RecordStore) -> None:
    scan = Scan("sc9", "c2", JAN, ScanKind.CT, (Measurement("s1", 10),))
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        filled.add_scan(scan)
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        filled.update_scan(replace(scan, id="sc3"))
    assert filled.load() == in_reading_order(sample_record())


def test_a_spot_cannot_move_to_another_cancer_while_it_is_measured(filled: RecordStore) -> None:
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        filled.update_spot(replace(filled.spots()[0], cancer_id="c2"))


@pytest.mark.parametrize(
    "add",
    [
        lambda store: store.add_spot(Spot("s9", "c9", "Tumour", Area.PRIMARY, False)),
        lambda store: store.add_scan(Scan("sc9", "c9", JAN, ScanKind.CT)),
        lambda store: store.add_statement(Statement("d9", "c9", JAN, "said")),
        lambda store: store.add_treatment(Treatment("t9", "c9", TreatmentKind.OTHER, JAN)),
        lambda store: store.add_question(Question("q9", "Why?", "c9")),
    ],
    ids=["spot", "scan", "statement", "treatment", "question"],
)
def test_nothing_can_belong_to_a_cancer_that_is_not_there(
    filled: RecordStore, add: Callable[[RecordStore], None]
) -> None:
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        add(filled)


def test_a_recurrence_type_needs_a_recurred_status(store: RecordStore) -> None:
    store.add_cancer(Cancer("c1", "Breast cancer", "breast"))
    statement = Statement(
        "d1", "c1", JAN, "said", status=Status.STABLE, recurrence_type=RecurrenceType.LOCAL
    )
    with pytest.raises(ValueError, match="refused"):
        store.add_statement(statement)


@pytest.mark.parametrize("kind", ["cancer", "spot", "scan", "statement", "treatment", "question"])
def test_adding_an_id_twice_is_a_value_error(filled: RecordStore, kind: str) -> None:
    listed = filled.load()
    assert listed is not None
    first = getattr(listed, f"{kind}s")[0]
    with pytest.raises(ValueError, match="UNIQUE"):
        getattr(filled, f"add_{kind}")(first)
    assert filled.load() == listed


@pytest.mark.parametrize("kind", ["cancer", "spot", "scan", "statement", "treatment", "question"])
def test_updating_or_deleting_a_missing_id_is_a_key_error(filled: RecordStore, kind: str) -> None:
    listed = filled.load()
    assert listed is not None
    missing = replace(getattr(listed, f"{kind}s")[0], id="missing")
    with pytest.raises(KeyError, match="missing"):
        getattr(filled, f"update_{kind}")(missing)
    with pytest.raises(KeyError, match="missing"):
        getattr(filled, f"delete_{kind}")("missing")
    assert filled.load() == listed


def test_deleting_a_cancer_removes_everything_about_it(filled: RecordStore) -> None:
    filled.delete_cancer("c1")
    expected = in_reading_order(sample_record())
    assert filled.load() == Record(
        person=expected.person,
        cancers=(expected.cancers[1],),
        spots=expected.spots[2:],
        scans=tuple(s for s in expected.scans if s.cancer_id == "c2"),
        treatments=expected.treatments[1:],
        questions=expected.questions[1:],
        marker_results=expected.marker_results[2:],
    )
    assert filled.counts()["measurements"] == 1


def test_deleting_a_scan_removes_its_measurements(filled: RecordStore) -> None:
    filled.delete_scan("sc1")
    assert filled.counts()["measurements"] == 3
    assert filled.counts()["spots"] == 3


def test_deleting_a_spot_removes_it_from_every_scan(filled: RecordStore) -> None:
    filled.delete_spot("s2")
    assert [[m.spot_id for m in scan.measurements] for scan in filled.scans("c1")] == [
        ["s1"],
        ["s1"],
    ]


def test_settings_are_kept_and_replaced(store: RecordStore) -> None:
    assert store.setting("timeline.range") is None
    store.set_setting("timeline.range", "all")
    store.set_setting("timeline.range", "year")
    assert store.setting("timeline.range") == "year"
    assert store.is_empty()


def test_questions_alone_make_a_record_not_empty(store: RecordStore) -> None:
    store.add_question(Question("q1", "Where do I start?"))
    assert not store.is_empty()
    assert store.load() is None


def test_replace_content_swaps_everything_but_the_settings(filled: RecordStore) -> None:
    filled.set_setting("window", "wide")
    smaller = Record(
        person=Person("Ben"),
        cancers=(Cancer("x1", "Lung cancer", "right lung"),),
        questions=(Question("q1", "Who do I call?", "x1"),),
    )
    filled.replace_content(smaller)
    assert filled.load() == smaller
    assert filled.setting("window") == "wide"
