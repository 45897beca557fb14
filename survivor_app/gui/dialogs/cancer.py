"""The dialog for one cancer: its name, where it started and when it was diagnosed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from survivor_app.domain import Cancer, Person, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck
from survivor_app.gui.text_fields import TextBox, TextField


class CancerDialog(EntryDialog[Cancer]):
    """Name a cancer the person follows, and say where and when it was found."""

    def __init__(
        self, parent: QWidget | None, *, person: Person, cancer: Cancer | None = None
    ) -> None:
        super().__init__(parent, title="Change a cancer" if cancer else "Add a cancer")
        self._cancer = cancer
        # Made once, so that asking for the value twice gives the same cancer.
        self._id = cancer.id if cancer is not None else new_id("cancer")

        self._name = TextField(
            QLineEdit(), accessible_name="Name of the cancer", rule=rules.CANCER_NAME
        )
        self._name.editor.setPlaceholderText("e.g. Breast cancer")
        self.add_row("&Name", self._name, self._name.editor)

        self._site = TextField(
            QLineEdit(), accessible_name="Where it started", rule=rules.CANCER_SITE
        )
        self._site.editor.setPlaceholderText("e.g. left breast")
        self.add_row("Where it &started", self._site, self._site.editor)
        self.add_gloss(
            "The part of the body where it first began. If nobody knows, write “not known”."
        )

        self._diagnosed = DateField(
            accessible_name="Date of diagnosis", birth_date=person.birth_date
        )
        self._diagnosed_known = self.add_optional_date(
            "Date of &diagnosis",
            self._diagnosed,
            in_use=cancer is None or cancer.diagnosed_on is not None,
        )

        self._notes = TextField(TextBox(lines=4), accessible_name="Notes", rule=rules.CANCER_NOTES)
        self.add_row("N&otes", self._notes, self._notes.editor)

        if cancer is not None:
            self._name.set_text(cancer.name)
            self._site.set_text(cancer.primary_site)
            if cancer.diagnosed_on is not None:
                self._diagnosed.set_value(cancer.diagnosed_on)
            self._notes.set_text(cancer.notes)
        self.watch(self._name, self._site, self._diagnosed, self._notes)
        self.finish()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, person: Person, cancer: Cancer | None = None
    ) -> Cancer | None:
        """Ask for a new cancer (or changes to ``cancer``); None when cancelled."""
        return cls(parent, person=person, cancer=cancer).run()

    def check_fields(self, check: FormCheck) -> None:
        """A cancer needs a name and a place it started; the date must be a possible one."""
        check.add(self._name, self._name.problem())
        check.add(self._site, self._site.problem())
        check.add(self._diagnosed, self._diagnosed.problem())
        check.add(self._notes, self._notes.problem())

    def value(self) -> Cancer | None:
        """The cancer as entered (keeping its id when it was changed), or None while wrong."""
        if not self.recheck():
            return None
        return Cancer(
            id=self._id,
            name=self._name.text(),
            primary_site=self._site.text(),
            diagnosed_on=self._diagnosed.value(),
            notes=self._notes.text(),
        )
