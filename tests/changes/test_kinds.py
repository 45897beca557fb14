"""Every kind of change against a real record: it writes itself, takes itself back to exactly the
record it found, and says which cancer and which parts of the record it touched."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from survivor_app.changes import (
    QUESTIONS,
    SCANS,
    STATEMENTS,
    TREATMENTS,
    AddCancer,
    Added,
    AddScan,
    ChangeCancer,
    Changed,
    ChangePerson,
    ChangeScan,
    DeleteCancer,
    Edit,
    Fill,
    Part,
    Removed,
    ReplaceContent,
    StartRecord,
    Touches,
)
from survivor_app.domain import Area, Cancer, Person, Question, Record, Spot
from survivor_app.storage import RecordStore
from tests.gui.records import (
    BASELINE,
    CANCER,
    PERSON,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TREATMENT,
    TUMOUR,
    scan,
    small_record,
    write_record_file,
)

LIVER = Spot("s3", "c1", "Liver spot", Area.DISTANT, False, "liver")
SKIN = Cancer("c2", "Skin cancer", "back")
GENERAL = Question("q2", "Should I see a dietitian?")
FOUND = scan("sc3", dt.date(2024, 7, 1), (TUMOUR, 150), (LIVER, 80))
RECORD = small_record()

#: One edit of every kind, and what it touches.
EDITS: list[tuple[Edit, Touches]] = [
    (AddScan(SHRUNK), Touches(Part.SCANS, "c1")),
    (AddScan(FOUND, (LIVER,)), Touches(Part.SCANS | Part.SPOTS, "c1")),
    (
        ChangeScan(BASELINE, dataclasses.replace(FOUND, id=BASELINE.id), (LIVER,)),
        Touches(Part.SCANS | Part.SPOTS, "c1"),
    ),
    (Removed(SCANS, BASELINE), Touches(Part.SCANS, "c1")),
    (Added(STATEMENTS, dataclasses.replace(STATEMENT, id="d2")), Touches(Part.STATEMENTS, "c1")),
    (
        Changed(STATEMENTS, STATEMENT, dataclasses.replace(STATEMENT, text="Smaller.")),
        Touches(Part.STATEMENTS, "c1"),
    ),
    (Removed(STATEMENTS, STATEMENT), Touches(Part.STATEMENTS, "c1")),
    (Removed(TREATMENTS, TREATMENT), Touches(Part.TREATMENTS, "c1")),
    (
        Changed(TREATMENTS, TREATMENT, dataclasses.replace(TREATMENT, end=dt.date(2024, 5, 1))),
        Touches(Part.TREATMENTS, "c1"),
    ),
    # A general question is shown with every cancer.
    (Added(QUESTIONS, GENERAL), Touches(Part.QUESTIONS, None)),
    (
        Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, asked_on=dt.date(2024, 5, 2))),
        Touches(Part.QUESTIONS, "c1"),
    ),
    # A question moved to no cancer in particular leaves one cancer and joins them all.
    (
        Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, cancer_id=None)),
        Touches(Part.QUESTIONS, None),
    ),
    (Removed(QUESTIONS, QUESTION), Touches(Part.QUESTIONS, "c1")),
    (AddCancer(SKIN), Touches(Part.CANCERS, "c2")),
    (
        ChangeCancer(CANCER, dataclasses.replace(CANCER, name="Left breast cancer")),
        Touches(Part.CANCERS, "c1"),
    ),
    (
        DeleteCancer(RECORD.history("c1"), (QUESTION,)),
        Touches(Part.HISTORY | Part.QUESTIONS, "c1"),
    ),
    (ChangePerson(PERSON, Person("Ana M. Example", PERSON.birth_date)), Touches(Part.PERSON)),
    (
        ReplaceContent(RECORD, small_record(scans=(BASELINE, SHRUNK))),
        Touches(Part.EVERYTHING),
    ),
]


@pytest.fixture
def store(record_path: Path) -> Iterator[RecordStore]:
    """The small record, open for writing."""
    write_record_file(record_path, RECORD)
    with RecordStore.open(record_path, create=False) as opened:
        yield opened


def _content(store: RecordStore) -> Record | None:
    # Undone things go back after the others in entry order: the content is the same.
    record = store.load()
    if record is None:
        return None
    return dataclasses.replace(
        record,
        **{
            kind: tuple(sorted(getattr(record, kind), key=repr))
            for kind in ("cancers", "spots", "scans", "statements", "treatments", "questions")
        },
    )


@pytest.mark.parametrize(("edit", "touches"), EDITS, ids=lambda value: type(value).__name__)
def test_an_edit_writes_itself_and_takes_itself_back(
    store: RecordStore, edit: Edit, touches: Touches
) -> None:
    before = _content(store)
    with store.transaction():
        edit.apply(store)
    assert _content(store) != before
    with store.transaction():
        edit.revert(store)
    assert _content(store) == before
    assert edit.touches == touches


def test_edits_are_named_for_the_edit_menu() -> None:
    names = [edit.name for edit, _touches in EDITS]
    assert names[:4] == ["add scan", "add scan", "change scan", "delete scan"]
    assert "change question" in names
    assert "delete cancer" in names
    assert names[-2:] == ["change person", "import"]


def test_a_new_record_is_filled_or_started_in_one_go(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "filled.survivor") as filled:
        Fill(RECORD).apply(filled)
        assert filled.load() == RECORD
    with RecordStore.open(tmp_path / "started.survivor") as started:
        StartRecord(PERSON, CANCER).apply(started)
        assert started.load() == Record(PERSON, cancers=(CANCER,))
    assert Fill(RECORD).touches == StartRecord(PERSON, CANCER).touches == Touches(Part.EVERYTHING)


def test_what_a_change_touched_concerns_only_the_views_of_those_parts() -> None:
    scan_of_c1 = Touches(Part.SCANS, "c1")
    assert scan_of_c1.concern(Part.HISTORY, "c1")
    assert not scan_of_c1.concern(Part.HISTORY, "c2")
    assert not scan_of_c1.concern(Part.QUESTIONS, "c1")
    # A view of the whole record (no cancer in particular) cares about every cancer.
    assert scan_of_c1.concern(Part.SCANS, None)
    general_question = Touches(Part.QUESTIONS)
    assert general_question.concern(Part.QUESTIONS, "c2")
    assert not general_question.concern(Part.HISTORY, "c2")
