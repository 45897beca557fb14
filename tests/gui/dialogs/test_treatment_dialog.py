"""The treatment dialog: a kind, a name, a start, and an end or "still going on"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Cancer, Person, Treatment, TreatmentKind
from survivor_app.gui.dialogs import TreatmentDialog
from survivor_app.gui.field_problems import FieldMessage

from .forms import choose, control, shown_problems, type_date


def new_dialog(
    qtbot: QtBot, person: Person, cancer: Cancer, treatment: Treatment | None = None
) -> TreatmentDialog:
    dialog = TreatmentDialog(None, person=person, cancer=cancer, treatment=treatment)
    qtbot.addWidget(dialog)
    return dialog


def test_a_treatment_still_going_on_has_no_end(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Kind of treatment", QComboBox), "Hormone therapy")
    assert control(dialog, "Still going on", QCheckBox).isChecked()
    qtbot.keyClicks(control(dialog, "Name of the treatment", QLineEdit), "Letrozole")
    type_date(dialog, "Start date", "01/08/2022")
    treatment = dialog.value()
    assert treatment is not None
    assert treatment.id.startswith("treatment-")
    assert treatment == Treatment(
        treatment.id, cancer.id, TreatmentKind.HORMONE_THERAPY, dt.date(2022, 8, 1), "Letrozole"
    )


def test_a_finished_treatment_has_an_end(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Kind of treatment", QComboBox), "Chemotherapy")
    type_date(dialog, "Start date", "01/02/2022")
    control(dialog, "Still going on", QCheckBox).setChecked(False)
    type_date(dialog, "End date", "15/07/2022")
    treatment = dialog.value()
    assert treatment is not None
    assert (treatment.kind, treatment.start, treatment.end) == (
        TreatmentKind.CHEMOTHERAPY,
        dt.date(2022, 2, 1),
        dt.date(2022, 7, 15),
    )


def test_surgery_takes_one_day_unless_the_person_says_otherwise(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    assert control(dialog, "Kind of treatment", QComboBox).currentText() == "Surgery"
    assert control(dialog, "One day only", QCheckBox).isChecked()
    assert not control(dialog, "Still going on", QCheckBox).isChecked()
    end = control(dialog, "End date", QLineEdit)
    assert (end.isEnabled(), end.text()) == (False, "")
    type_date(dialog, "Start date", "03/02/2022")
    treatment = dialog.value()
    assert treatment is not None
    assert (treatment.kind, treatment.start, treatment.end) == (
        TreatmentKind.SURGERY,
        dt.date(2022, 2, 3),
        dt.date(2022, 2, 3),
    )
    # Another kind goes on until said otherwise; once the person ticks, the kind no longer does.
    kind = control(dialog, "Kind of treatment", QComboBox)
    choose(kind, "Radiation")
    assert control(dialog, "Still going on", QCheckBox).isChecked()
    one_day = control(dialog, "One day only", QCheckBox)
    one_day.setFocus()
    qtbot.keyClick(one_day, Qt.Key.Key_Space)
    assert not control(dialog, "Still going on", QCheckBox).isChecked()
    choose(kind, "Chemotherapy")
    assert one_day.isChecked()


def test_unticking_still_going_on_asks_for_the_end_and_fills_nothing_in(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Kind of treatment", QComboBox), "Chemotherapy")
    type_date(dialog, "Start date", "01/02/2022")
    ongoing = control(dialog, "Still going on", QCheckBox)
    ongoing.setFocus()
    qtbot.keyClick(ongoing, Qt.Key.Key_Space)
    end = control(dialog, "End date", QLineEdit)
    assert (end.isEnabled(), end.text()) == (True, "")
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None
    messages = [m for m in dialog.findChildren(FieldMessage) if m.text()]
    assert [m.text() for m in messages] == ["Please type the date it ended."]


def test_a_one_day_treatment_opens_as_one_day(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    one_day = Treatment(
        "treatment-1",
        cancer.id,
        TreatmentKind.RADIATION,
        dt.date(2022, 5, 2),
        "",
        dt.date(2022, 5, 2),
    )
    dialog = new_dialog(qtbot, person, cancer, one_day)
    assert control(dialog, "One day only", QCheckBox).isChecked()
    assert control(dialog, "End date", QLineEdit).text() == ""
    assert dialog.value() == one_day


def test_the_end_cannot_be_before_the_start(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Kind of treatment", QComboBox), "Chemotherapy")
    type_date(dialog, "Start date", "01/02/2022")
    control(dialog, "Still going on", QCheckBox).setChecked(False)
    type_date(dialog, "End date", "31/01/2022")
    assert shown_problems(dialog) == ["The end cannot be before the start."]
    assert not dialog.ok_button().isEnabled()
    type_date(dialog, "End date", "01/02/2022")
    assert dialog.ok_button().isEnabled()


def test_treatment_dates_must_be_possible(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Kind of treatment", QComboBox), "Chemotherapy")
    type_date(dialog, "Start date", "01/01/1960")
    control(dialog, "Still going on", QCheckBox).setChecked(False)
    type_date(dialog, "End date", (dt.date.today() + dt.timedelta(days=2)).strftime("%d/%m/%Y"))
    assert shown_problems(dialog) == [
        "This date is before your date of birth.",
        "This date is in the future.",
    ]
    assert dialog.value() is None


def test_changing_a_treatment_keeps_its_id(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    treatment = Treatment(
        "treatment-1", cancer.id, TreatmentKind.CHEMOTHERAPY, dt.date(2022, 2, 1), "AC-T",
        dt.date(2022, 7, 15),
    )  # fmt: skip
    dialog = new_dialog(qtbot, person, cancer, treatment)
    assert not control(dialog, "Still going on", QCheckBox).isChecked()
    assert dialog.value() == treatment
    control(dialog, "Still going on", QCheckBox).setChecked(True)
    assert dialog.value() == Treatment(
        "treatment-1", cancer.id, TreatmentKind.CHEMOTHERAPY, dt.date(2022, 2, 1), "AC-T"
    )
