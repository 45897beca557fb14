"""The dialog for one doctor's statement: when, who, the words, and the status they express."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from survivor_app.domain import (
    STATED_STATUSES,
    Cancer,
    Person,
    RecurrenceType,
    Statement,
    Status,
    new_id,
)
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import RECURRENCE_WORDS, short_status_label, status_label
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck, WrappingLabel, describe
from survivor_app.gui.text_fields import ChoiceBox, TextBox, TextField
from survivor_app.status.suggest import Suggestion, suggest_status


def _status_words(status: Status) -> str:
    # "Recurred (type not recorded)" would contradict the type chosen in the next field.
    return short_status_label(status) if status is Status.RECURRED else status_label(status)


def _suggestion_words(suggestion: Suggestion) -> str:
    if suggestion.recurrence_type is not None:
        return status_label(suggestion.status, suggestion.recurrence_type)
    return _status_words(suggestion.status)


class StatementDialog(EntryDialog[Statement]):
    """Record what a doctor said and the status it expresses, with a suggestion from the words.

    The suggestion is only ever offered: the status changes when the person presses "Use this".
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        statement: Statement | None = None,
    ) -> None:
        super().__init__(parent, title="Change a statement" if statement else "Add a statement")
        self._cancer = cancer
        self._statement = statement
        # Made once, so that asking for the value twice gives the same statement.
        self._id = statement.id if statement is not None else new_id("statement")
        self._suggested: Suggestion | None = None

        self._date = DateField(
            accessible_name="Date of the statement", birth_date=person.birth_date
        )
        self.add_row("&Date", self._date, self._date.edit)

        self._clinician = TextField(
            QLineEdit(), accessible_name="Who said it", rule=rules.STATEMENT_CLINICIAN
        )
        self._clinician.editor.setPlaceholderText("e.g. Dr. Osei")
        self.add_row("&Who said it", self._clinician, self._clinician.editor)

        self._text = TextField(
            TextBox(lines=4),
            accessible_name="What they said",
            rule=rules.STATEMENT_TEXT,
            required="Please write what they said.",
        )
        self._text.editor.setPlaceholderText("Their words, as close as you remember them.")
        self.add_row("What they &said", self._text, self._text.editor)

        self._suggestion = WrappingLabel()
        self._use_suggestion = QPushButton("&Use this")
        self._use_suggestion.setAccessibleName("Use the suggested status")
        self._use_suggestion.setAutoDefault(False)
        self._use_suggestion.clicked.connect(self.use_suggestion)
        self._suggestion_row = QWidget()
        row = QHBoxLayout(self._suggestion_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._suggestion, 1)
        row.addWidget(self._use_suggestion)
        self.form.addRow("", self._suggestion_row)

        self._status: ChoiceBox[Status | None] = ChoiceBox(accessible_name="Status")
        self._status.add_choice("No status", None)
        for status in STATED_STATUSES:
            self._status.add_choice(_status_words(status), status)
        self.add_row("S&tatus", self._status)
        self.add_gloss("The status their words express. You choose it; the app never does.")

        self._recurrence: ChoiceBox[RecurrenceType | None] = ChoiceBox(
            accessible_name="Where it came back"
        )
        self._recurrence.add_choice("Not recorded", None)
        for recurrence_type, words in RECURRENCE_WORDS.items():
            self._recurrence.add_choice(words, recurrence_type)
        self.add_row("Where it came &back", self._recurrence)

        if statement is not None:
            self._date.set_value(statement.date)
            self._clinician.set_text(statement.clinician)
            self._text.set_text(statement.text)
            self._status.choose(statement.status)
            self._recurrence.choose(statement.recurrence_type)
        self._status.currentIndexChanged.connect(self._on_status_changed)
        self._recurrence.currentIndexChanged.connect(self._offer)
        self._text.changed.connect(self._on_text_changed)
        self._on_status_changed()
        self._on_text_changed()
        self.watch(self._date, self._clinician, self._text)
        self.finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        statement: Statement | None = None,
    ) -> Statement | None:
        """Ask for a new statement on ``cancer`` (or changes to ``statement``); None on Cancel."""
        return cls(parent, person=person, cancer=cancer, statement=statement).run()

    def suggestion(self) -> Suggestion | None:
        """The status offered from the words now (None: nothing is offered)."""
        return self._suggested if self._suggestion_row.isVisibleTo(self) else None

    def use_suggestion(self) -> None:
        """Take the offered status: the one way a suggestion reaches the status field."""
        if self._suggested is None:
            return
        self._status.choose(self._suggested.status)
        if self._suggested.recurrence_type is not None:
            self._recurrence.choose(self._suggested.recurrence_type)

    def check_fields(self, check: FormCheck) -> None:
        """A statement needs a possible date and the doctor's words."""
        check.add(self._date, self._date.problem())
        check.add(self._clinician, self._clinician.problem())
        check.add(self._text, self._text.problem())

    def value(self) -> Statement | None:
        """The statement as entered (keeping its id when it was changed), or None while wrong."""
        date = self._date.value()
        if not self.recheck() or date is None:
            return None
        status = self._status.choice()
        return Statement(
            id=self._id,
            cancer_id=self._cancer.id,
            date=date,
            text=self._text.text(),
            clinician=self._clinician.text(),
            status=status,
            recurrence_type=self._recurrence.choice() if status is Status.RECURRED else None,
        )

    def _on_text_changed(self) -> None:
        self._suggested = suggest_status(self._text.text(), primary_site=self._cancer.primary_site)
        self._offer()

    def _on_status_changed(self) -> None:
        recurred = self._status.choice() is Status.RECURRED
        self._recurrence.setEnabled(recurred)
        if not recurred:
            self._recurrence.setCurrentIndex(0)
        self._offer()

    def _offer(self) -> None:
        # Nothing to offer when the words suggest nothing, or what is chosen already.
        suggested = self._suggested
        offered = suggested is not None and (
            suggested.status is not self._status.choice()
            or suggested.recurrence_type not in (None, self._recurrence.choice())
        )
        if suggested is not None:
            words = f"Suggested from the words: {_suggestion_words(suggested)}."
            self._suggestion.setText(words)
            describe(self._use_suggestion, words)
        self._suggestion_row.setVisible(offered)
