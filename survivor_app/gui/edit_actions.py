"""Edit's actions and the tables' Add, Edit and Delete: one entry per kind of thing in ``KINDS``
(its dialog, how it is found, the question asked before deleting it, its tab), and one handler for
each of adding, changing and deleting, which builds the change and has the session write it.

The changes are asked of ``survivor_app.changes`` when built (``changes.AddScan``, ...), so that
their module is imported at the first edit, not while the window starts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from survivor_app import changes
from survivor_app.changes import Write
from survivor_app.domain import (
    Cancer,
    CancerHistory,
    Person,
    Question,
    Scan,
    Spot,
    new_id,
)
from survivor_app.domain import record_rules as rules
from survivor_app.domain.markers import marker_name
from survivor_app.domain.words import TREATMENT_KIND_WORDS, shorten
from survivor_app.gui.dates import long_date
from survivor_app.gui.record_session import RecordSession
from survivor_app.gui.widgets.record_view import RecordView
from survivor_app.gui.widgets.table_tab import TableTab
from survivor_app.storage import RecordStore

UNDO_HINT = "You can undo this with Edit ▸ Undo."

T = TypeVar("T")


class ShowsRecord(Protocol):
    """What the edit actions need of the window: the record open and the cancer shown."""

    view: RecordView
    #: The cancer shown; a new cancer is chosen before it is written, so the views follow it.
    cancer_id: str | None

    @property
    def session(self) -> RecordSession | None: ...


@dataclass(frozen=True, slots=True)
class Shown:
    """What an edit starts from: the record open, whose it is, and the cancer shown."""

    session: RecordSession
    person: Person
    cancer_id: str | None

    @property
    def store(self) -> RecordStore:
        return self.session.store

    def history(self) -> CancerHistory:
        """All that is recorded about the cancer shown."""
        assert self.cancer_id is not None
        return self.session.cancers.get(self.cancer_id)[0]

    def cancer_of(self, thing: Any) -> Cancer:
        """The cancer a thing being changed is about, or the one shown for a new thing."""
        cancer_id = self.cancer_id if thing is None else thing.cancer_id
        assert cancer_id is not None
        return self.store.cancer(cancer_id)


@dataclass(frozen=True, slots=True)
class EditKind(Generic[T]):
    """How the window adds, changes and deletes one kind of thing."""

    #: Edit's menu item that adds one, and its shortcut.
    menu: str
    shortcut: str | None
    #: True when one is only added or changed with a cancer shown: it belongs to that cancer.
    of_cancer_shown: bool
    #: The thing with this id, from what is open.
    lookup: Callable[[Shown, str], T]
    #: Asks with the kind's dialog (imported when first asked) for a new one (given None) or
    #: changes to one; the change to write, or None when cancelled or nothing changed.
    ask: Callable[[QWidget, Shown, T | None], Write | None]
    #: The question asked before deleting one.
    confirm: Callable[[T], str]
    remove: Callable[[Shown, T], Write]
    #: The tab that lists them, where a new one is selected; None for a cancer, which is shown
    #: in place of the one shown.
    tab: Callable[[RecordView], TableTab] | None


def _quoted(text: str, limit: int = 60) -> str:
    """A person's words inside a question to them, cut to a readable length."""
    return f"“{shorten(' '.join(text.split()), limit)}”"


def _find(things: Callable[[RecordStore], tuple[Any, ...]]) -> Callable[[Shown, str], Any]:
    return lambda shown, thing_id: next(t for t in things(shown.store) if t.id == thing_id)


def _added_or_changed(kind: changes.Kind[Any], before: Any, after: Any) -> Write | None:
    if after is None or after == before:
        return None
    return changes.Added(kind, after) if before is None else changes.Changed(kind, before, after)


def _ask_scan(parent: QWidget, shown: Shown, scan: Scan | None) -> Write | None:
    from survivor_app.gui.dialogs.scan import ScanDialog

    history = shown.history()
    if scan is None:
        entry = ScanDialog.ask(parent, person=shown.person, history=history)
        return None if entry is None else changes.AddScan(entry.scan, tuple(entry.new_spots))
    entry = ScanDialog.ask(parent, person=shown.person, history=history, scan=scan)
    if entry is None or (entry.scan == scan and not entry.new_spots):
        return None
    return changes.ChangeScan(scan, entry.scan, tuple(entry.new_spots))


def _scans_of(history: CancerHistory, spot: Spot) -> tuple[Scan, ...]:
    """The scans that say something of a spot."""
    return tuple(scan for scan in history.scans if scan.measurement_of(spot.id) is not None)


def _ask_spot(parent: QWidget, shown: Shown, before: Any) -> Write | None:
    from survivor_app.gui.dialogs.spot import SpotDialog

    scans = 0 if before is None else len(_scans_of(shown.history(), before))
    after = SpotDialog.ask(parent, cancer=shown.cancer_of(before), spot=before, scans_of_spot=scans)
    return _added_or_changed(changes.SPOTS, before, after)


def _deleting_spot(spot: Spot) -> str:
    return f"Delete the spot {_quoted(spot.name)} and what the scans say of it?"


def _ask_statement(parent: QWidget, shown: Shown, before: Any) -> Write | None:
    from survivor_app.gui.dialogs.statement import StatementDialog

    after = StatementDialog.ask(
        parent, person=shown.person, cancer=shown.cancer_of(before), statement=before
    )
    return _added_or_changed(changes.STATEMENTS, before, after)


def _ask_treatment(parent: QWidget, shown: Shown, before: Any) -> Write | None:
    from survivor_app.gui.dialogs.treatment import TreatmentDialog

    after = TreatmentDialog.ask(
        parent, person=shown.person, cancer=shown.cancer_of(before), treatment=before
    )
    return _added_or_changed(changes.TREATMENTS, before, after)


def _ask_marker(parent: QWidget, shown: Shown, before: Any) -> Write | None:
    from survivor_app.gui.dialogs.marker import MarkerDialog

    cancer = shown.cancer_of(before)
    earlier = shown.store.marker_results(cancer.id)
    latest = max(earlier, key=lambda r: r.date) if earlier and before is None else None
    after = MarkerDialog.ask(parent, person=shown.person, cancer=cancer, result=before, like=latest)
    return _added_or_changed(changes.MARKER_RESULTS, before, after)


def _ask_question(parent: QWidget, shown: Shown, before: Any) -> Write | None:
    from survivor_app.gui.dialogs.question import QuestionDialog

    after = QuestionDialog.ask(
        parent,
        person=shown.person,
        cancers=shown.store.cancers(),
        question=before,
        cancer_id=shown.cancer_id,
    )
    return _added_or_changed(changes.QUESTIONS, before, after)


def _ask_cancer(parent: QWidget, shown: Shown, before: CancerHistory | None) -> Write | None:
    from survivor_app.gui.dialogs.cancer import CancerDialog

    if before is None:
        cancer = CancerDialog.ask(parent, person=shown.person)
        return None if cancer is None else changes.AddCancer(cancer)
    after = CancerDialog.ask(parent, person=shown.person, cancer=before.cancer)
    return (
        None
        if after is None or after == before.cancer
        else changes.ChangeCancer(before.cancer, after)
    )


def _deleting_treatment(treatment: Any) -> str:
    name = treatment.name or TREATMENT_KIND_WORDS[treatment.kind]
    return f"Delete the treatment {_quoted(name)} that started on {long_date(treatment.start)}?"


SCAN: EditKind[Any] = EditKind(
    # Not Ctrl+Shift+S: that is "Save as" (Save a copy) on most systems.
    menu="Add &scan…",
    shortcut="Ctrl+Shift+N",
    of_cancer_shown=True,
    lookup=_find(RecordStore.scans),
    ask=_ask_scan,
    confirm=lambda scan: f"Delete the scan of {long_date(scan.date)}?",
    remove=lambda _shown, scan: changes.Removed(changes.SCANS, scan),
    tab=lambda view: view.scans_tab,
)
SPOT: EditKind[Any] = EditKind(
    menu="Add sp&ot…",
    shortcut=None,
    of_cancer_shown=True,
    lookup=_find(RecordStore.spots),
    ask=_ask_spot,
    confirm=_deleting_spot,
    remove=lambda shown, spot: changes.DeleteSpot(spot, _scans_of(shown.history(), spot)),
    tab=lambda view: view.spots_tab,
)
STATEMENT: EditKind[Any] = EditKind(
    menu="Add s&tatement…",
    shortcut="Ctrl+Shift+D",
    of_cancer_shown=True,
    lookup=_find(RecordStore.statements),
    ask=_ask_statement,
    confirm=lambda statement: f"Delete the doctor’s statement of {long_date(statement.date)}?",
    remove=lambda _shown, statement: changes.Removed(changes.STATEMENTS, statement),
    tab=lambda view: view.statements_tab,
)
TREATMENT: EditKind[Any] = EditKind(
    menu="Add tr&eatment…",
    shortcut="Ctrl+Shift+T",
    of_cancer_shown=True,
    lookup=_find(RecordStore.treatments),
    ask=_ask_treatment,
    confirm=_deleting_treatment,
    remove=lambda _shown, treatment: changes.Removed(changes.TREATMENTS, treatment),
    tab=lambda view: view.treatments_tab,
)
MARKER: EditKind[Any] = EditKind(
    menu="Add &marker result…",
    shortcut="Ctrl+Shift+M",
    of_cancer_shown=True,
    lookup=_find(RecordStore.marker_results),
    ask=_ask_marker,
    confirm=lambda result: (
        f"Delete the {_quoted(marker_name(result))} result of {long_date(result.date)}?"
    ),
    remove=lambda _shown, result: changes.Removed(changes.MARKER_RESULTS, result),
    tab=lambda view: view.markers_tab,
)
QUESTION: EditKind[Any] = EditKind(
    menu="Add &question…",
    shortcut="Ctrl+Shift+Q",
    of_cancer_shown=False,
    lookup=_find(RecordStore.questions),
    ask=_ask_question,
    confirm=lambda question: f"Delete the question {_quoted(question.text)}?",
    remove=lambda _shown, question: changes.Removed(changes.QUESTIONS, question),
    tab=lambda view: view.questions_tab,
)
CANCER: EditKind[CancerHistory] = EditKind(
    menu="Add &cancer…",
    shortcut=None,
    of_cancer_shown=False,
    lookup=lambda shown, _cancer_id: shown.history(),
    ask=_ask_cancer,
    confirm=lambda history: (
        f"Delete {_quoted(history.cancer.name)} with all its scans, doctor’s statements, "
        "treatments, marker results and questions?"
    ),
    remove=lambda shown, history: changes.DeleteCancer(
        history, shown.store.questions(history.cancer.id)
    ),
    tab=None,
)
#: The kinds listed in a tab, in the order of Edit's menu.
TABLE_KINDS = (SCAN, SPOT, STATEMENT, TREATMENT, MARKER, QUESTION)


def _new_id(change: Write) -> str:
    """The id of the thing an add makes."""
    if isinstance(change, changes.Added):
        return str(change.thing.id)
    if isinstance(change, changes.AddScan):
        return change.scan.id
    assert isinstance(change, changes.AddCancer)
    return change.cancer.id


class EditActions(QObject):
    """Edit's actions after Undo and Redo, and the Add, Edit and Delete of the record's tabs."""

    def __init__(self, parent: QWidget, window: ShowsRecord, menu: QMenu) -> None:
        super().__init__(parent)
        self._parent = parent
        self._window = window
        #: Edit's "Add …" actions of the kinds listed in tabs, by kind.
        self.adding: dict[EditKind[Any], QAction] = {}
        for kind in TABLE_KINDS:
            action = menu.addAction(kind.menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.add(k))
            if kind.shortcut is not None:
                action.setShortcut(QKeySequence(kind.shortcut))
            self.adding[kind] = action
            assert kind.tab is not None
            tab = kind.tab(window.view)
            tab.add_requested.connect(lambda k=kind: self.add(k))
            tab.edit_requested.connect(lambda thing_id, k=kind: self.edit(k, thing_id))
            tab.delete_requested.connect(lambda thing_id, k=kind: self.delete(k, thing_id))
        menu.addSeparator()
        self.edit_person_action = menu.addAction("Edit &person…", self.edit_person)
        self.add_cancer_action = menu.addAction(CANCER.menu, lambda: self.add(CANCER))
        self.edit_cancer_action = menu.addAction(
            "Edit c&ancer…", lambda: self._on_cancer_shown(self.edit)
        )
        self.delete_cancer_action = menu.addAction(
            "&Delete cancer…", lambda: self._on_cancer_shown(self.delete)
        )
        window.view.suggestion_adopted.connect(self.adopt_question)

    def enable(self, editable: bool, cancers: int) -> None:
        """Enable what makes sense: nothing unless the record can be changed; what belongs to a
        cancer only with one shown; deleting a cancer only when another is left."""
        shown = editable and self._window.cancer_id is not None
        for kind, action in self.adding.items():
            action.setEnabled(shown if kind.of_cancer_shown else editable)
        self.edit_person_action.setEnabled(editable)
        self.add_cancer_action.setEnabled(editable)
        self.edit_cancer_action.setEnabled(shown)
        self.delete_cancer_action.setEnabled(editable and cancers > 1)

    def add(self, kind: EditKind[Any]) -> None:
        """Ask for a new thing of this kind, write it, and show it."""
        shown = self._shown(kind)
        if shown is None:
            return
        change = kind.ask(self._parent, shown, None)
        if change is None:
            return
        made = _new_id(change)
        if kind.tab is None:
            # Chosen before the change is written, so the views refresh onto the new cancer.
            self._window.cancer_id = made
            if not self._push(change):
                self._window.cancer_id = shown.cancer_id
        elif self._push(change):
            tab = kind.tab(self._window.view)
            self._window.view.tabs.setCurrentWidget(tab)
            tab.select_id(made)

    def edit(self, kind: EditKind[Any], thing_id: str) -> None:
        """Ask for changes to a thing, and write them."""
        shown = self._shown(kind)
        if shown is not None:
            change = kind.ask(self._parent, shown, kind.lookup(shown, thing_id))
            if change is not None:
                self._push(change)

    def delete(self, kind: EditKind[Any], thing_id: str) -> None:
        """Delete a thing, after asking."""
        shown = self._shown(kind)
        if shown is None:
            return
        thing = kind.lookup(shown, thing_id)
        answer = QMessageBox.question(
            self._parent,
            "Delete?",
            f"{kind.confirm(thing)} {UNDO_HINT}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(kind.remove(shown, thing))

    def edit_person(self) -> None:
        """Ask for changes to whose record this is (Edit ▸ Edit person)."""
        from survivor_app.gui.dialogs.person import PersonDialog

        shown = self._shown()
        if shown is None:
            return
        record = shown.store.load()
        earliest = None if record is None else rules.earliest_recorded_date(record)
        after = PersonDialog.ask(self._parent, person=shown.person, earliest=earliest)
        if after is not None and after != shown.person:
            self._push(changes.ChangePerson(shown.person, after))

    def adopt_question(self, text: str) -> None:
        """Add a suggested question to the list, as it is."""
        question = Question(id=new_id("question"), text=text, cancer_id=self._window.cancer_id)
        if self._push(changes.Added(changes.QUESTIONS, question)):
            self._window.view.questions_tab.select_id(question.id)

    def _on_cancer_shown(self, handler: Callable[[EditKind[Any], str], None]) -> None:
        if self._window.cancer_id is not None:
            handler(CANCER, self._window.cancer_id)

    def _shown(self, kind: EditKind[Any] | None = None) -> Shown | None:
        """What an edit of this kind starts from; None when there is nothing to edit it in."""
        session = self._window.session
        person = session.store.person() if session is not None else None
        cancer_id = self._window.cancer_id
        if session is None or person is None:
            return None
        if kind is not None and kind.of_cancer_shown and cancer_id is None:
            return None
        return Shown(session, person, cancer_id)

    def _push(self, change: Write) -> bool:
        session = self._window.session
        return session is not None and session.push(change)
