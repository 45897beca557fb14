"""Changes written by the record session against a real record: every change, its undo and its
redo reach storage, each is announced with what it touched, and a write that fails leaves the
record and the undo history as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.changes import (
    QUESTIONS,
    SCANS,
    STATEMENTS,
    AddCancer,
    Added,
    AddScan,
    Changed,
    ChangePerson,
    ChangeScan,
    DeleteCancer,
    Fill,
    Part,
    Removed,
    ReplaceContent,
    Touches,
)
from survivor_app.domain import Area, Cancer, Person, Question, Spot
from survivor_app.gui.record_session import RecordSession
from survivor_app.storage import RecordStore, RecordWriteError
from tests.gui.records import (
    BASELINE,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TUMOUR,
    scan,
    small_record,
    write_record_file,
)

LIVER = Spot("s3", "c1", "Liver spot", Area.DISTANT, False, "liver")


@pytest.fixture
def session(record_path: Path) -> Iterator[RecordSession]:
    """A session on the small record."""
    write_record_file(record_path, small_record())
    opened = RecordSession(RecordStore.open(record_path, create=False))
    yield opened
    opened.close()


def test_a_change_is_written_then_undone_then_redone(qtbot: QtBot, session: RecordSession) -> None:
    store = session.store
    with qtbot.waitSignal(session.record_changed):
        assert session.push(AddScan(SHRUNK))
    assert store.scans("c1") == (BASELINE, SHRUNK)
    undo = session.history.to_undo()
    assert undo is not None
    assert undo.name == "add scan"
    with qtbot.waitSignal(session.record_changed):
        assert session.undo()
    assert store.scans("c1") == (BASELINE,)
    assert session.history.to_redo() == AddScan(SHRUNK)
    with qtbot.waitSignal(session.record_changed):
        assert session.redo()
    assert store.scans("c1") == (BASELINE, SHRUNK)
    assert not session.redo()


def test_every_change_is_announced_with_what_it_touched(
    qtbot: QtBot, session: RecordSession
) -> None:
    asked = Changed(QUESTIONS, QUESTION, dataclasses.replace(QUESTION, answer="Months."))
    with qtbot.waitSignal(session.record_changed) as told:
        session.push(asked)
    assert told.args == [asked]
    # On Undo, the edit taken back: it touched the same things.
    with qtbot.waitSignal(session.record_changed) as told:
        session.undo()
    assert told.args == [asked]
    assert asked.touches == Touches(Part.QUESTIONS, "c1")


def test_a_change_that_cannot_be_undone_starts_the_history_afresh(
    session: RecordSession,
) -> None:
    session.push(AddScan(SHRUNK))
    session.push(ReplaceContent(small_record(), small_record(scans=(BASELINE, SHRUNK))))
    session.push(Fill(small_record()))
    assert session.store.load() == small_record()
    assert session.history.to_undo() is None


def test_nothing_to_undo_is_not_a_change(qtbot: QtBot, session: RecordSession) -> None:
    with qtbot.assertNotEmitted(session.record_changed):
        assert not session.undo()
        assert not session.redo()


def test_a_scan_with_new_spots_is_undone_with_them(session: RecordSession) -> None:
    found = scan("sc3", dt.date(2024, 7, 1), (TUMOUR, 150), (LIVER, 80))
    session.push(AddScan(found, (LIVER,)))
    assert session.store.spots("c1")[-1] == LIVER
    session.undo()
    assert LIVER not in session.store.spots("c1")
    assert session.store.scans("c1") == (BASELINE,)


def test_a_changed_scan_keeps_its_old_sizes_for_undo(session: RecordSession) -> None:
    changed = scan(BASELINE.id, BASELINE.date, (TUMOUR, 330), (LIVER, 40))
    session.push(ChangeScan(BASELINE, changed, (LIVER,)))
    assert session.store.scans("c1") == (changed,)
    session.undo()
    assert session.store.scans("c1") == (BASELINE,)
    assert LIVER not in session.store.spots("c1")


def test_a_deleted_scan_comes_back_with_its_measurements(session: RecordSession) -> None:
    session.push(Removed(SCANS, BASELINE))
    assert session.store.scans("c1") == ()
    session.undo()
    assert session.store.scans("c1") == (BASELINE,)
    redo = session.history.to_redo()
    assert redo is not None
    assert redo.name == "delete scan"


def test_a_deleted_cancer_comes_back_with_everything_at_once(session: RecordSession) -> None:
    store = session.store
    other = Cancer("c2", "Skin cancer", "back")
    general = Question("q2", "Should I see a dietitian?")
    session.push(AddCancer(other))
    session.push(Added(QUESTIONS, general))
    before = store.load()
    history = store.history("c1")
    session.push(DeleteCancer(history, store.questions("c1")))
    assert [c.id for c in store.cancers()] == ["c2"]
    assert store.scans() == ()
    assert store.statements() == ()
    assert store.spots() == ()
    assert store.questions() == (general,)
    session.undo()
    after = store.load()
    assert before is not None
    assert after is not None
    # Undone things go back after the others in entry order; the content is the same.
    assert set(after.cancers) == set(before.cancers)
    for kind in ("spots", "scans", "statements", "treatments", "questions"):
        assert set(getattr(after, kind)) == set(getattr(before, kind)), kind


def test_edits_of_the_person_and_of_things_are_undone(session: RecordSession) -> None:
    store = session.store
    person = store.person()
    assert person is not None
    renamed = Person("Ana M. Example", person.birth_date)
    session.push(ChangePerson(person, renamed))
    answered = dataclasses.replace(QUESTION, answer="At least a month.")
    session.push(Changed(QUESTIONS, QUESTION, answered))
    assert store.person() == renamed
    assert store.questions() == (answered,)
    session.undo()
    session.undo()
    assert store.person() == person
    assert store.questions() == (QUESTION,)


def test_an_import_replaces_everything_and_is_undone(session: RecordSession) -> None:
    store = session.store
    before = store.load()
    assert before is not None
    imported = dataclasses.replace(small_record(scans=(BASELINE, SHRUNK)), questions=())
    session.push(ReplaceContent(before, imported))
    assert store.load() == imported
    session.undo()
    assert store.load() == before


def test_a_failed_write_leaves_the_record_and_the_history_as_they_were(
    qtbot: QtBot, session: RecordSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.store

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise RecordWriteError("The disk is full.")

    monkeypatch.setattr(store, "add_statement", disk_full)
    later = dataclasses.replace(STATEMENT, id="d2")
    with (
        qtbot.assertNotEmitted(session.record_changed),
        qtbot.waitSignal(session.write_failed) as failed,
    ):
        assert not session.push(Added(STATEMENTS, later))
    assert failed.args == ["The disk is full."]
    assert session.history.to_undo() is None
    assert store.statements() == (STATEMENT,)


def test_a_failed_undo_keeps_the_change_undoable(
    qtbot: QtBot, session: RecordSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.store
    session.push(AddScan(SHRUNK))
    real_delete = store.delete_scan

    def busy(*_args: object) -> None:
        raise RecordWriteError("Another copy of the app is using this record.")

    monkeypatch.setattr(store, "delete_scan", busy)
    with qtbot.waitSignal(session.write_failed):
        assert not session.undo()
    assert session.history.to_undo() == AddScan(SHRUNK)
    assert store.scans("c1") == (BASELINE, SHRUNK)
    monkeypatch.setattr(store, "delete_scan", real_delete)
    assert session.undo()
    assert store.scans("c1") == (BASELINE,)


def test_a_write_that_fails_half_way_writes_nothing(
    session: RecordSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.store

    def refused(*_args: object) -> None:
        raise RecordWriteError

    # The new spot is written first, then the scan fails: the spot must not stay behind.
    monkeypatch.setattr(store, "add_scan", refused)
    found = scan("sc3", dt.date(2024, 7, 1), (TUMOUR, 150), (LIVER, 80))
    assert not session.push(AddScan(found, (LIVER,)))
    assert LIVER not in store.spots("c1")


def test_the_example_s_folder_goes_when_it_closes(tmp_path: Path) -> None:
    folder = tempfile.TemporaryDirectory(dir=tmp_path)
    store = RecordStore.open(Path(folder.name) / "example.survivor", create=True)
    session = RecordSession(store, example_folder=folder)
    assert session.is_example
    assert session.path.parent == Path(folder.name)
    session.close()
    assert not Path(folder.name).exists()
    assert not session.is_example
