"""The dialog for the person whose record this is: name, date of birth and notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from survivor_app.domain import Person
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck, sentence_of
from survivor_app.gui.text_fields import TextBox, TextField


class PersonDialog(EntryDialog[Person]):
    """Say whose record this is. ``earliest`` is the earliest date the record holds: a date of
    birth cannot come after it."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person | None = None,
        earliest: dt.date | None = None,
    ) -> None:
        super().__init__(parent, title="About the person")
        self._earliest = earliest
        self._name = TextField(QLineEdit(), accessible_name="Name", rule=rules.PERSON_NAME)
        self.add_row("&Name", self._name, self._name.editor)
        self.add_gloss("The name of the person whose record this is.")

        self._birth = DateField(accessible_name="Date of birth")
        self._birth_known = self.add_optional_date(
            "Date of &birth",
            self._birth,
            in_use=person is not None and person.birth_date is not None,
        )

        self._notes = TextField(TextBox(lines=4), accessible_name="Notes", rule=rules.PERSON_NOTES)
        self.add_row("N&otes", self._notes, self._notes.editor)

        if person is not None:
            self._name.set_text(person.name)
            if person.birth_date is not None:
                self._birth.set_value(person.birth_date)
            self._notes.set_text(person.notes)
        self.watch(self._name, self._birth, self._notes)
        self.finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person | None = None,
        earliest: dt.date | None = None,
    ) -> Person | None:
        """Ask who the record is about (or for changes to ``person``); None when cancelled."""
        return cls(parent, person=person, earliest=earliest).run()

    def check_fields(self, check: FormCheck) -> None:
        """A person needs a name; a date of birth, when given, is a possible date that is not
        after any date the record already holds."""
        check.add(self._name, self._name.problem())
        birth = self._birth.value()
        after = None if birth is None else rules.check_birth_date(birth, earliest=self._earliest)
        check.add(self._birth, self._birth.problem() or sentence_of(after))
        check.add(self._notes, self._notes.problem())

    def value(self) -> Person | None:
        """The person as entered, or None while something is wrong."""
        if not self.recheck():
            return None
        return Person(
            name=self._name.text(), birth_date=self._birth.value(), notes=self._notes.text()
        )
