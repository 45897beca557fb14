"""The spot dialog: a name, a place, an area in plain words, and whether it is a lymph node."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Cancer, Spot
from survivor_app.gui.dialogs import SpotDialog

from .forms import choose, control, shown_problems


def new_dialog(qtbot: QtBot, cancer: Cancer, spot: Spot | None = None) -> SpotDialog:
    dialog = SpotDialog(None, cancer=cancer, spot=spot)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_spot_is_returned_as_entered(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, cancer)
    qtbot.keyClicks(control(dialog, "Name of the spot", QLineEdit), "Liver spot A")
    qtbot.keyClicks(control(dialog, "Where in the body", QLineEdit), " left lobe of the liver ")
    choose(control(dialog, "Area", QComboBox), "Elsewhere in the body")
    assert dialog.ok_button().isEnabled()
    dialog.accept()
    spot = dialog.value()
    assert spot is not None
    assert spot.id.startswith("spot-")
    assert spot == Spot(
        spot.id, cancer.id, "Liver spot A", Area.DISTANT, False, "left lobe of the liver"
    )


def test_a_spot_needs_a_name(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, cancer)
    assert not dialog.ok_button().isEnabled()
    name = control(dialog, "Name of the spot", QLineEdit)
    qtbot.keyClicks(name, "  ")
    assert shown_problems(dialog) == ["Please give the spot a name."]
    assert not dialog.ok_button().isEnabled()
    dialog.accept()
    assert dialog.result() == SpotDialog.DialogCode.Rejected
    assert dialog.value() is None


def test_a_lymph_node_cannot_be_where_it_started(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, cancer)
    qtbot.keyClicks(control(dialog, "Name of the spot", QLineEdit), "Armpit node")
    control(dialog, "Lymph node", QCheckBox).setChecked(True)
    assert shown_problems(dialog) == [
        "A lymph node cannot be where the cancer started. "
        "Please choose “Nearby lymph nodes” or “Elsewhere in the body”."
    ]
    assert not dialog.ok_button().isEnabled()
    choose(control(dialog, "Area", QComboBox), "Nearby lymph nodes")
    assert shown_problems(dialog) == []
    spot = dialog.value()
    assert spot is not None
    assert (spot.area, spot.lymph_node) == (Area.REGIONAL_NODE, True)


def test_the_area_is_explained_with_where_the_cancer_started(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, cancer)
    area = control(dialog, "Area", QComboBox)
    assert area.accessibleDescription() == "The place where the cancer first began (left breast)."
    choose(area, "Nearby lymph nodes")
    assert area.accessibleDescription() == "Lymph nodes close to where the cancer started."


def test_changing_a_spot_keeps_its_id(
    qtbot: QtBot, cancer: Cancer, spots: tuple[Spot, ...]
) -> None:
    node = spots[1]
    dialog = new_dialog(qtbot, cancer, node)
    assert dialog.value() == node
    name = control(dialog, "Name of the spot", QLineEdit)
    name.clear()
    qtbot.keyClicks(name, "Left armpit node")
    choose(control(dialog, "Area", QComboBox), "Elsewhere in the body")
    assert dialog.value() == Spot(
        node.id, cancer.id, "Left armpit node", Area.DISTANT, True, node.location
    )


def test_a_control_character_pasted_from_a_pdf_is_shown_beside_the_name_as_typed(
    qtbot: QtBot, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, cancer)
    name = control(dialog, "Name of the spot", QLineEdit)
    qtbot.keyClicks(name, "Liver spot")
    name.insert("\x0c")  # a form feed, as pasted from a PDF
    qtbot.keyClicks(name, " A")
    assert shown_problems(dialog) == [
        "This holds a control character (U+000C) that a record cannot keep. Please remove it."
    ]
    assert not dialog.ok_button().isEnabled()
    assert name.text() == "Liver spot\x0c A"
    # Taking it out by the keyboard is all it needs.
    for _ in range(2):
        qtbot.keyClick(name, Qt.Key.Key_Left)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert shown_problems(dialog) == []
    assert dialog.ok_button().isEnabled()
    spot = dialog.value()
    assert spot is not None
    assert spot.name == "Liver spot A"
