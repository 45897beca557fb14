"""The person dialog: a name, an optional date of birth, and notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Person
from survivor_app.gui.dialogs import PersonDialog

from .forms import control, shown_problems, type_date


def test_a_new_person_is_returned_as_entered(qtbot: QtBot) -> None:
    dialog = PersonDialog(None)
    qtbot.addWidget(dialog)
    assert not control(dialog, "Date of birth", QLineEdit).isEnabled()
    qtbot.keyClicks(control(dialog, "Name", QLineEdit), "Ana Example")
    control(dialog, "Date of birth: known", QCheckBox).setChecked(True)
    type_date(dialog, "Date of birth", "09/04/1961")
    qtbot.keyClicks(control(dialog, "Notes", QPlainTextEdit), "Kept by my daughter.")
    assert dialog.value() == Person("Ana Example", dt.date(1961, 4, 9), "Kept by my daughter.")


def test_a_person_needs_a_name_and_a_birth_date_in_the_past(qtbot: QtBot) -> None:
    dialog = PersonDialog(None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(control(dialog, "Name", QLineEdit), " ")
    control(dialog, "Date of birth: known", QCheckBox).setChecked(True)
    type_date(dialog, "Date of birth", (dt.date.today() + dt.timedelta(1)).strftime("%d/%m/%Y"))
    assert shown_problems(dialog) == ["Please give a name.", "This date is in the future."]
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None


def test_changing_the_person_keeps_what_was_not_changed(qtbot: QtBot, person: Person) -> None:
    dialog = PersonDialog(None, person=person)
    qtbot.addWidget(dialog)
    assert dialog.value() == person
    control(dialog, "Date of birth: known", QCheckBox).setChecked(False)
    assert dialog.value() == Person("Ana Example", None, "")
