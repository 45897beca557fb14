"""The cancer dialog: a name, where it started, and an optional date of diagnosis."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Cancer, Person
from survivor_app.gui.dialogs import CancerDialog

from .forms import control, shown_problems, type_date


def new_dialog(qtbot: QtBot, person: Person, cancer: Cancer | None = None) -> CancerDialog:
    dialog = CancerDialog(None, person=person, cancer=cancer)
    qtbot.addWidget(dialog)
    return dialog


def fill(qtbot: QtBot, dialog: CancerDialog, name: str, site: str) -> None:
    qtbot.keyClicks(control(dialog, "Name of the cancer", QLineEdit), name)
    qtbot.keyClicks(control(dialog, "Where it started", QLineEdit), site)


def test_a_new_cancer_is_returned_as_entered(qtbot: QtBot, person: Person) -> None:
    dialog = new_dialog(qtbot, person)
    fill(qtbot, dialog, "Breast cancer", "left breast")
    type_date(dialog, "Date of diagnosis", "20/01/2022")
    qtbot.keyClicks(control(dialog, "Notes", QPlainTextEdit), "Found at screening.")
    assert dialog.ok_button().isEnabled()
    cancer = dialog.value()
    assert cancer is not None
    assert cancer.id.startswith("cancer-")
    assert cancer == Cancer(
        cancer.id, "Breast cancer", "left breast", dt.date(2022, 1, 20), "Found at screening."
    )


def test_the_date_of_diagnosis_may_be_left_out(qtbot: QtBot, person: Person) -> None:
    dialog = new_dialog(qtbot, person)
    fill(qtbot, dialog, "Bowel cancer", "not known")
    control(dialog, "Date of diagnosis: known", QCheckBox).setChecked(False)
    assert not control(dialog, "Date of diagnosis", QLineEdit).isEnabled()
    cancer = dialog.value()
    assert cancer is not None
    assert cancer.diagnosed_on is None


def test_a_cancer_needs_a_name_and_where_it_started(qtbot: QtBot, person: Person) -> None:
    dialog = new_dialog(qtbot, person)
    fill(qtbot, dialog, " ", " ")
    assert shown_problems(dialog) == [
        "Please give the cancer a name.",
        "Please say where it started.",
    ]
    assert not dialog.ok_button().isEnabled()


def test_the_date_of_diagnosis_must_be_possible(qtbot: QtBot, person: Person) -> None:
    dialog = new_dialog(qtbot, person)
    fill(qtbot, dialog, "Breast cancer", "left breast")
    type_date(
        dialog, "Date of diagnosis", (dt.date.today() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    )
    assert shown_problems(dialog) == ["This date is in the future."]
    assert not dialog.ok_button().isEnabled()
    type_date(dialog, "Date of diagnosis", "08/04/1961")
    assert shown_problems(dialog) == ["This date is before your date of birth."]
    assert dialog.value() is None
    type_date(dialog, "Date of diagnosis", "09/04/1961")
    assert shown_problems(dialog) == []
    assert dialog.ok_button().isEnabled()


def test_changing_a_cancer_keeps_its_id(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    assert dialog.value() == cancer
    control(dialog, "Date of diagnosis: known", QCheckBox).setChecked(False)
    name = control(dialog, "Name of the cancer", QLineEdit)
    name.clear()
    qtbot.keyClicks(name, "Invasive ductal carcinoma")
    assert dialog.value() == Cancer(cancer.id, "Invasive ductal carcinoma", "left breast", None)
