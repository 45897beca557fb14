"""The marker dialog: a marker from the known list (its unit filled in) or one the person names,
a date, the value exactly as the report gives it ("<0.1" kept), the lab's upper limit of normal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Cancer, MarkerKind, MarkerResult, Person
from survivor_app.domain import record_rules as rules
from survivor_app.gui.dialogs import MarkerDialog

from .forms import choose, control, shown_problems, type_date


def new_dialog(
    qtbot: QtBot, person: Person, cancer: Cancer, result: MarkerResult | None = None
) -> MarkerDialog:
    dialog = MarkerDialog(None, person=person, cancer=cancer, result=result)
    qtbot.addWidget(dialog)
    return dialog


def type_into(qtbot: QtBot, dialog: MarkerDialog, name: str, text: str) -> None:
    edit = control(dialog, name, QLineEdit)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_a_known_marker_brings_its_unit_and_keeps_the_value_as_typed(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Marker", QComboBox), "CEA")
    unit = control(dialog, "Unit", QLineEdit)
    assert (unit.text(), unit.isReadOnly()) == ("ng/mL", True)
    type_date(dialog, "Date of the blood test", "03/03/2025")
    type_into(qtbot, dialog, "Value", "4.10")
    type_into(qtbot, dialog, "Upper limit of normal", "5")
    type_into(qtbot, dialog, "Lab", "City lab")
    result = dialog.value()
    assert result is not None
    assert result.id.startswith("marker")
    assert result == MarkerResult(
        result.id,
        cancer.id,
        dt.date(2025, 3, 3),
        MarkerKind.CEA,
        Decimal("4.10"),
        "ng/mL",
        upper_limit=Decimal("5"),
        lab="City lab",
    )
    # The exact digits typed: 4.10, not 4.1.
    assert str(result.value) == "4.10"


def test_below_the_labs_limit_is_kept(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    choose(control(dialog, "Marker", QComboBox), "PSA")
    type_date(dialog, "Date of the blood test", "01/06/2024")
    type_into(qtbot, dialog, "Value", "<0,1")
    result = dialog.value()
    assert result is not None
    assert (result.value, result.below_limit, result.unit) == (Decimal("0.1"), True, "ng/mL")


def test_a_bad_value_is_refused_beside_the_field(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the blood test", "01/06/2024")
    for typed, sentence in (
        ("4.1.2", "Please type the number as the report gives it, such as 4.1 or <0.1."),
        ("-3", "This cannot be below 0."),
        ("1.23456", "Please give at most 4 decimals."),
        ("<0", "A lab's limit is above 0."),
        ("1e3", "Please type the number as the report gives it, such as 4.1 or <0.1."),
    ):
        type_into(qtbot, dialog, "Value", typed)
        assert shown_problems(dialog) == [sentence]
        assert not dialog.ok_button().isEnabled()
        assert dialog.value() is None
    type_into(qtbot, dialog, "Value", "12")
    assert shown_problems(dialog) == []
    assert dialog.ok_button().isEnabled()


def test_the_upper_limit_is_optional_but_above_zero(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the blood test", "01/06/2024")
    type_into(qtbot, dialog, "Value", "20")
    assert dialog.value() is not None
    type_into(qtbot, dialog, "Upper limit of normal", "0")
    zero = rules.check_marker_number(Decimal(0), "upper_limit", above_zero=True)
    assert zero is not None
    assert shown_problems(dialog) == [zero.sentence]
    type_into(qtbot, dialog, "Upper limit of normal", "<35")
    assert shown_problems(dialog) == ["Please type a number, such as 35."]
    type_into(qtbot, dialog, "Upper limit of normal", "35")
    result = dialog.value()
    assert result is not None
    assert result.upper_limit == Decimal("35")


def test_another_marker_needs_its_name_and_unit(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    name = control(dialog, "Name of the marker", QLineEdit)
    assert not name.isVisibleTo(dialog)
    choose(control(dialog, "Marker", QComboBox), "Other (type its name)")
    assert name.isVisibleTo(dialog)
    unit = control(dialog, "Unit", QLineEdit)
    assert (unit.text(), unit.isReadOnly()) == ("", False)
    # Nothing typed yet: calm hints, no warnings.
    assert shown_problems(dialog) == []
    type_date(dialog, "Date of the blood test", "01/06/2024")
    type_into(qtbot, dialog, "Value", "3.2")
    type_into(qtbot, dialog, "Name of the marker", "x")
    name.clear()
    unit.setText("x")
    unit.clear()
    assert shown_problems(dialog) == [
        "Please give the marker's name.",
        "Please give the unit, such as ng/mL.",
    ]
    type_into(qtbot, dialog, "Name of the marker", "CA 72-4")
    type_into(qtbot, dialog, "Unit", "U/mL")
    result = dialog.value()
    assert result is not None
    assert (result.marker, result.name, result.unit) == (MarkerKind.OTHER, "CA 72-4", "U/mL")


def test_the_whole_form_by_keyboard(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    marker = control(dialog, "Marker", QComboBox)
    marker.setFocus()
    # CA-125 is first; Down chooses CEA.
    qtbot.keyClick(marker, Qt.Key.Key_Down)
    assert marker.currentText() == "CEA"
    for text in ("03/03/2025", "<0.5", "5", "City lab", "Taken at the GP"):
        # The unit, filled in from the marker and read-only, is passed by.
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        while isinstance(dialog.focusWidget(), QLineEdit) and dialog.focusWidget().isReadOnly():
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), text)
    assert isinstance(dialog.focusWidget(), QPlainTextEdit)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == MarkerDialog.DialogCode.Accepted
    result = dialog.value()
    assert result is not None
    assert (result.marker, result.date, result.value, result.below_limit) == (
        MarkerKind.CEA,
        dt.date(2025, 3, 3),
        Decimal("0.5"),
        True,
    )
    assert (result.upper_limit, result.lab, result.notes) == (
        Decimal("5"),
        "City lab",
        "Taken at the GP",
    )


def test_changing_a_result_keeps_it_as_it_was(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    recorded = MarkerResult(
        "marker-1", cancer.id, dt.date(2024, 2, 1), MarkerKind.OTHER, Decimal("0.050"),
        "kU/L", below_limit=True, upper_limit=Decimal("7.5"), name="CYFRA 21-1", lab="Lab",
        notes="fasting",
    )  # fmt: skip
    dialog = new_dialog(qtbot, person, cancer, recorded)
    assert control(dialog, "Value", QLineEdit).text() == "<0.050"
    assert dialog.value() == recorded


def test_a_future_date_is_refused(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_into(qtbot, dialog, "Value", "1")
    type_date(
        dialog,
        "Date of the blood test",
        (dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"),
    )
    assert shown_problems(dialog) == ["This date is in the future."]
    assert dialog.value() is None
