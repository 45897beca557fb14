"""The dialog for one treatment: what it was, and when it started and ended."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from survivor_app.domain import Cancer, Person, Treatment, TreatmentKind, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import TREATMENT_KIND_WORDS
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck, describe, sentence_of
from survivor_app.gui.text_fields import ChoiceBox, TextField


class TreatmentDialog(EntryDialog[Treatment]):
    """Record a treatment of one cancer and the dates it ran."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        treatment: Treatment | None = None,
    ) -> None:
        super().__init__(parent, title="Change a treatment" if treatment else "Add a treatment")
        self._cancer = cancer
        self._treatment = treatment
        # Made once, so that asking for the value twice gives the same treatment.
        self._id = treatment.id if treatment is not None else new_id("treatment")

        self._kind: ChoiceBox[TreatmentKind] = ChoiceBox(accessible_name="Kind of treatment")
        for kind, words in TREATMENT_KIND_WORDS.items():
            self._kind.add_choice(words, kind)
        self.add_row("&Kind", self._kind)

        self._name = TextField(
            QLineEdit(), accessible_name="Name of the treatment", rule=rules.TREATMENT_NAME
        )
        self._name.editor.setPlaceholderText("e.g. the medicine's name")
        self.add_row("&Name", self._name, self._name.editor)

        self._start = DateField(accessible_name="Start date", birth_date=person.birth_date)
        self.add_row("&Start", self._start, self._start.edit)

        self._end = DateField(
            accessible_name="End date",
            birth_date=person.birth_date,
            required="Please type the date it ended.",
        )
        self.add_row("&End", self._end, self._end.edit)
        self._one_day = self._length_box("One &day only", "Tick for an operation or one dose.")
        self._ongoing = self._length_box(
            "Still &going on", "Tick when the treatment has not ended yet."
        )
        # Until the person ticks one of them, the kind chooses: surgery takes one day.
        self._length_chosen = False

        if treatment is not None:
            self._length_chosen = True
            self._kind.choose(treatment.kind)
            self._name.set_text(treatment.name)
            self._start.set_value(treatment.start)
            if treatment.end not in (None, treatment.start):
                self._end.set_value(treatment.end)
            self._one_day.setChecked(treatment.end == treatment.start)
            self._ongoing.setChecked(treatment.end is None)
        else:
            self._follow_kind()
        self._one_day.toggled.connect(self._on_one_day)
        self._ongoing.toggled.connect(self._on_ongoing)
        self._kind.currentIndexChanged.connect(self._follow_kind)
        self._end.set_in_use(self._end_in_use())
        self.watch(self._name, self._start, self._end)
        self.finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        treatment: Treatment | None = None,
    ) -> Treatment | None:
        """Ask for a new treatment of ``cancer`` (or changes to ``treatment``); None on Cancel."""
        return cls(parent, person=person, cancer=cancer, treatment=treatment).run()

    def check_fields(self, check: FormCheck) -> None:
        """Both dates must be possible ones, and the end cannot come before the start."""
        check.add(self._name, self._name.problem())
        check.add(self._start, self._start.problem())
        start, end = self._start.value(), self._end.value()
        order = None if start is None else rules.check_treatment_end(start, end)
        check.add(self._end, self._end.problem() or sentence_of(order))

    def value(self) -> Treatment | None:
        """The treatment as entered (keeping its id when it was changed), or None while wrong."""
        start = self._start.value()
        if not self.recheck() or start is None:
            return None
        return Treatment(
            id=self._id,
            cancer_id=self._cancer.id,
            kind=self._kind.choice(),
            start=start,
            name=self._name.text(),
            end=start if self._one_day.isChecked() else self._end.value(),
        )

    def _length_box(self, text: str, explanation: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(text.replace("&", ""))
        describe(box, explanation)
        # Only a tick by the person (a click or the space bar) stops the kind choosing.
        box.clicked.connect(self._on_length_chosen)
        self.form.addRow("", box)
        return box

    def _on_length_chosen(self) -> None:
        self._length_chosen = True

    def _follow_kind(self) -> None:
        if self._length_chosen:
            return
        surgery = self._kind.choice() is TreatmentKind.SURGERY
        self._one_day.setChecked(surgery)
        self._ongoing.setChecked(not surgery)

    def _on_one_day(self, checked: bool) -> None:
        if checked:
            self._ongoing.setChecked(False)
        self._end.set_in_use(self._end_in_use())

    def _on_ongoing(self, checked: bool) -> None:
        if checked:
            self._one_day.setChecked(False)
        self._end.set_in_use(self._end_in_use())

    def _end_in_use(self) -> bool:
        # The end is asked for only when the treatment took more than a day and is over;
        # it is never filled in for the person.
        return not (self._one_day.isChecked() or self._ongoing.isChecked())
