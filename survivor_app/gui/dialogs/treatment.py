"""The dialog for one treatment: what it was, and when it started and ended."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from survivor_app.domain import Cancer, Person, Treatment, TreatmentKind, new_id
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.fields import ChoiceBox, DateField, FormCheck, TextField, describe

#: The kinds of treatment in the person's words.
TREATMENT_WORDS: dict[TreatmentKind, str] = {
    TreatmentKind.SURGERY: "Surgery",
    TreatmentKind.CHEMOTHERAPY: "Chemotherapy",
    TreatmentKind.RADIATION: "Radiation",
    TreatmentKind.HORMONE_THERAPY: "Hormone therapy",
    TreatmentKind.IMMUNOTHERAPY: "Immunotherapy",
    TreatmentKind.TARGETED_THERAPY: "Targeted therapy",
    TreatmentKind.OTHER: "Other",
}


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
        for kind, words in TREATMENT_WORDS.items():
            self._kind.add_choice(words, kind)
        self.add_row("&Kind", self._kind)

        self._name = TextField(QLineEdit(), accessible_name="Name of the treatment")
        self._name.editor.setPlaceholderText("e.g. the medicine's name")
        self.add_row("&Name", self._name, self._name.editor)

        self._start = DateField(accessible_name="Start date", birth_date=person.birth_date)
        self.add_row("&Start", self._start, self._start.edit)

        self._end = DateField(accessible_name="End date", birth_date=person.birth_date)
        self.add_row("&End", self._end, self._end.edit)
        self._ongoing = QCheckBox("Still &going on")
        self._ongoing.setAccessibleName("Still going on")
        describe(self._ongoing, "Tick when the treatment has not ended yet.")
        self.form.addRow("", self._ongoing)

        if treatment is not None:
            self._kind.choose(treatment.kind)
            self._name.set_text(treatment.name)
            self._start.set_value(treatment.start)
            if treatment.end is not None:
                self._end.set_value(treatment.end)
        ongoing = treatment is None or treatment.end is None
        self._ongoing.setChecked(ongoing)
        self._end.set_in_use(not ongoing)
        self._ongoing.toggled.connect(lambda checked: self._end.set_in_use(not checked))
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
        end_before_start = start is not None and end is not None and end < start
        check.add(
            self._end,
            self._end.problem()
            or ("The end cannot be before the start." if end_before_start else None),
        )

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
            end=self._end.value(),
        )
