"""The spot dialog: a name, a place, an area in plain words, whether it is a lymph node, and
whether the reports give it a size."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QRadioButton
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Cancer, Spot
from survivor_app.gui.dialogs import SpotDialog
from survivor_app.gui.dialogs.spot import SIZED_HELP

from .forms import choose, control, shown_problems


def new_dialog(qtbot: QtBot, cancer: Cancer, spot: Spot | None = None) -> SpotDialog:
    dialog = SpotDialog(None, cancer=cancer, spot=spot)
    qtbot.addWidget(dialog)
    return dialog


def shown_dialog(qtbot: QtBot, cancer: Cancer) -> SpotDialog:
    """A new spot's dialog on the screen, with the keyboard's focus."""
    dialog = new_dialog(qtbot, cancer)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
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


def test_a_spot_without_a_size_is_chosen_by_the_keyboard(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = shown_dialog(qtbot, cancer)
    name = control(dialog, "Name of the spot", QLineEdit)
    name.setFocus()
    qtbot.keyClicks(name, "Bone spots")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "spine")
    sized = control(dialog, "The reports give it a size", QRadioButton)
    unsized = control(dialog, "The reports mention it without a size", QRadioButton)
    assert sized.isChecked()
    # Area, Lymph node, then the choice of a size, where an arrow key moves to "without".
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is sized
    qtbot.keyClick(sized, Qt.Key.Key_Down)
    assert unsized.isChecked()
    assert unsized.accessibleDescription() == SIZED_HELP
    assert "several small bone spots" in SIZED_HELP
    assert shown_problems(dialog) == []
    spot = dialog.value()
    assert spot is not None
    assert spot == Spot(spot.id, cancer.id, "Bone spots", Area.PRIMARY, False, "spine", False)


def test_the_mnemonics_choose_with_or_without_a_size(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = shown_dialog(qtbot, cancer)
    qtbot.keyClicks(control(dialog, "Name of the spot", QLineEdit), "Fluid around the lung")
    unsized = control(dialog, "The reports mention it without a size", QRadioButton)
    sized = control(dialog, "The reports give it a size", QRadioButton)
    # A button's letter clicks it a moment later (the button is seen going down).
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(unsized.isChecked)
    spot = dialog.value()
    assert spot is not None
    assert not spot.sized
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(sized.isChecked)
    spot = dialog.value()
    assert spot is not None
    assert spot.sized


def test_changing_a_spot_without_a_size_keeps_it_so(
    qtbot: QtBot, cancer: Cancer, spots: tuple[Spot, ...]
) -> None:
    bones = replace(spots[2], name="Bone spots", sized=False)
    dialog = new_dialog(qtbot, cancer, bones)
    assert control(dialog, "The reports mention it without a size", QRadioButton).isChecked()
    assert dialog.value() == bones


@pytest.mark.parametrize("sized", [True, False])
def test_a_spot_already_on_scans_is_not_switched_between_sizes_and_states(
    qtbot: QtBot, cancer: Cancer, spots: tuple[Spot, ...], *, sized: bool
) -> None:
    spot = replace(spots[2], sized=sized)
    dialog = SpotDialog(None, cancer=cancer, spot=spot, scans_of_spot=2)
    qtbot.addWidget(dialog)
    other = control(
        dialog,
        "The reports mention it without a size" if sized else "The reports give it a size",
        QRadioButton,
    )
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Space)
    assert other.isChecked()
    (problem,) = shown_problems(dialog)
    assert problem.startswith(
        "This spot has sizes on 2 scans" if sized else "This spot is on 2 scans without a size"
    )
    assert problem.endswith("add it again as a new spot.")
    assert other.accessibleDescription() == problem
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None
    # Choosing back takes the message away, and the spot is given back unchanged.
    back = next(b for b in dialog.findChildren(QRadioButton) if b is not other)
    back.setFocus()
    qtbot.keyClick(back, Qt.Key.Key_Space)
    assert shown_problems(dialog) == []
    assert dialog.value() == spot


def test_a_spot_on_no_scan_yet_may_switch(
    qtbot: QtBot, cancer: Cancer, spots: tuple[Spot, ...]
) -> None:
    dialog = SpotDialog(None, cancer=cancer, spot=spots[2], scans_of_spot=0)
    qtbot.addWidget(dialog)
    control(dialog, "The reports mention it without a size", QRadioButton).setChecked(True)
    assert dialog.value() == replace(spots[2], sized=False)
