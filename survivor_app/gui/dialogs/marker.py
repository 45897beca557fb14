"""The dialog for one tumour marker result: which marker, when, the value exactly as the report
gives it ("<0.1" kept as below the lab's limit), the lab's upper limit of normal, the lab and notes.
Markers never decide a label (STATUS_RULES.md §9); the dialog says so."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLineEdit, QWidget

from survivor_app.domain import Cancer, MarkerKind, MarkerResult, Person, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.domain.markers import KNOWN_MARKERS
from survivor_app.domain.words import MARKER_GLOSSES, MARKER_WORDS, MARKERS_NEVER_DECIDE
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck, describe, sentence_of
from survivor_app.gui.marker_value_field import ValueField
from survivor_app.gui.text_fields import ChoiceBox, TextBox, TextField

VALUE_GLOSS = (
    "Type the number as the report gives it. “<0.1” means below 0.1, the lowest the lab can "
    "measure: it is kept as it is."
)
UPPER_LIMIT_GLOSS = (
    "The highest value the lab calls normal (from a range such as “0–35”). Leave it empty when "
    "the report does not give one."
)


class MarkerDialog(EntryDialog[MarkerResult]):
    """Record one blood test of a tumour marker for one cancer."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        result: MarkerResult | None = None,
        like: MarkerResult | None = None,
    ) -> None:
        """``like``: for a new result, the cancer's latest one, whose marker, name, unit, upper
        limit and lab the new one starts from (the same test at the same lab, most often)."""
        super().__init__(
            parent, title="Change a marker result" if result else "Add a marker result"
        )
        self._cancer = cancer
        # Made once, so that asking for the value twice gives the same result.
        self._id = result.id if result is not None else new_id("marker")
        self.add_gloss(MARKERS_NEVER_DECIDE)

        self._marker: ChoiceBox[MarkerKind] = ChoiceBox(accessible_name="Marker")
        for kind in MarkerKind:
            self._marker.add_choice(MARKER_WORDS[kind], kind, MARKER_GLOSSES[kind])
        self.add_row("&Marker", self._marker)
        self._marker_gloss = self.add_gloss("")

        self._name = TextField(
            QLineEdit(),
            accessible_name="Name of the marker",
            rule=rules.MARKER_NAME,
        )
        self._name.editor.setPlaceholderText("e.g. CA 72-4")
        self._name_label = self.add_row("Na&me", self._name, self._name.editor)

        self._unit = TextField(QLineEdit(), accessible_name="Unit", rule=rules.MARKER_UNIT)
        self._unit.editor.setPlaceholderText("e.g. U/mL")
        self.add_row("&Unit", self._unit, self._unit.editor)

        self._date = DateField(
            accessible_name="Date of the blood test", birth_date=person.birth_date
        )
        self.add_row("&Date", self._date, self._date.edit)

        self._value = ValueField(
            accessible_name="Value",
            below_allowed=True,
            required="Please type the value, such as 4.1 or <0.1.",
        )
        describe(self._value.edit, VALUE_GLOSS)
        self.add_row("&Value", self._value, self._value.edit)
        self.add_gloss(VALUE_GLOSS)

        self._upper = ValueField(
            accessible_name="Upper limit of normal", below_allowed=False, required=None
        )
        describe(self._upper.edit, UPPER_LIMIT_GLOSS)
        self.add_row("Upper &limit of normal", self._upper, self._upper.edit)
        self.add_gloss(UPPER_LIMIT_GLOSS)

        self._lab = TextField(QLineEdit(), accessible_name="Lab", rule=rules.MARKER_LAB)
        self._lab.editor.setPlaceholderText("e.g. City Hospital laboratory")
        self.add_row("L&ab", self._lab, self._lab.editor)

        self._notes = TextField(TextBox(lines=3), accessible_name="Notes", rule=rules.MARKER_NOTES)
        self.add_row("N&otes", self._notes, self._notes.editor)

        self._fill(result, like)
        self._marker.currentIndexChanged.connect(lambda _index: self._follow_marker())
        self._unit.changed.connect(self._show_unit)
        self.watch(self._name, self._unit, self._date, self._lab, self._notes)
        self._value.changed.connect(self.recheck)
        self._upper.changed.connect(self.recheck)
        self.finish()

    def _fill(self, result: MarkerResult | None, like: MarkerResult | None) -> None:
        """The fields of ``result`` being changed, or for a new one those ``like`` shares with
        it: the marker, its name and unit, the upper limit and the lab."""
        pattern = result if result is not None else like
        if pattern is not None:
            self._marker.choose(pattern.marker)
            self._name.set_text(pattern.name)
            self._upper.set_value(pattern.upper_limit)
            self._lab.set_text(pattern.lab)
        if result is not None:
            self._date.set_value(result.date)
            self._value.set_value(result.value, below_limit=result.below_limit)
            self._notes.set_text(result.notes)
        self._follow_marker(keep_unit=pattern.unit if pattern is not None else None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person,
        cancer: Cancer,
        result: MarkerResult | None = None,
        like: MarkerResult | None = None,
    ) -> MarkerResult | None:
        """Ask for a new marker result of ``cancer`` (or changes to ``result``); None on Cancel."""
        return cls(parent, person=person, cancer=cancer, result=result, like=like).run()

    def check_fields(self, check: FormCheck) -> None:
        """The record's rules for a marker result: a known marker has its own unit, another
        needs a name and a unit; a possible date; the value a number from 0, the upper limit
        (when given) above 0."""
        marker = self._marker.choice()
        name = self._name.text() if marker is MarkerKind.OTHER else ""
        check.add(self._name, sentence_of(rules.check_marker_name(marker, name)))
        unit = self._unit.problem() or sentence_of(
            rules.check_marker_unit(marker, self._unit.text())
        )
        check.add(self._unit, unit)
        check.add(self._date, self._date.problem())
        check.add(self._value, self._value.problem())
        check.add(self._upper, self._upper.problem())
        check.add(self._lab, self._lab.problem())
        check.add(self._notes, self._notes.problem())

    def value(self) -> MarkerResult | None:
        """The result as entered (keeping its id when it was changed), or None while wrong."""
        date, typed = self._date.value(), self._value.value()
        if not self.recheck() or date is None or typed is None:
            return None
        marker = self._marker.choice()
        upper = self._upper.value()
        return MarkerResult(
            id=self._id,
            cancer_id=self._cancer.id,
            date=date,
            marker=marker,
            value=typed.value,
            unit=self._unit.text(),
            below_limit=typed.below_limit,
            upper_limit=None if upper is None else upper.value,
            name=self._name.text() if marker is MarkerKind.OTHER else "",
            lab=self._lab.text(),
            notes=self._notes.text(),
        )

    def _follow_marker(self, keep_unit: str | None = None) -> None:
        """A known marker brings its usual unit (the only one the record keeps for it); another
        marker asks for its name and unit."""
        marker = self._marker.choice()
        known = KNOWN_MARKERS.get(marker)
        self._marker_gloss.setText(MARKER_GLOSSES[marker])
        describe(self._marker, MARKER_GLOSSES[marker])
        self.form.setRowVisible(self._name, known is None)
        self._unit.editor.setReadOnly(known is not None)
        # Filled in for the person: not typed, so an emptied unit gets a calm hint, not a warning.
        with QSignalBlocker(self._unit.editor):
            if known is not None:
                self._unit.set_text(known.unit)
                describe(self._unit.editor, f"The unit {MARKER_WORDS[marker]} is measured in.")
            else:
                self._unit.set_text(keep_unit if keep_unit is not None else "")
                describe(self._unit.editor, "The unit the report gives, such as U/mL or ng/mL.")
        self._show_unit()
        self.recheck()

    def _show_unit(self) -> None:
        unit = self._unit.text()
        self._value.set_unit(unit)
        self._upper.set_unit(unit)
