"""What every data-entry dialog shares: names for screen readers, mnemonics, OK as the default,
Escape and Cancel, ``ask()``, and marks that follow the light or dark palette and the font."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import (
    Area,
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Question,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
)
from survivor_app.gui.dialogs import (
    CancerDialog,
    PersonDialog,
    QuestionDialog,
    ScanDialog,
    ScanEntry,
    SpotDialog,
    StatementDialog,
    TreatmentDialog,
)
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import problem_style_sheet
from survivor_app.gui.text_fields import TextBox

from .forms import control, heard_names

# Showing a window on Qt's offscreen platform warns that it cannot pass on size hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

Build = Callable[[Person, CancerHistory], EntryDialog[object]]
Ask = Callable[[Person, CancerHistory], object]

DIALOGS: dict[str, Build] = {
    "cancer": lambda p, h: CancerDialog(None, person=p),
    "spot": lambda p, h: SpotDialog(None, cancer=h.cancer),
    "scan": lambda p, h: ScanDialog(None, person=p, history=h),
    "statement": lambda p, h: StatementDialog(None, person=p, cancer=h.cancer),
    "treatment": lambda p, h: TreatmentDialog(None, person=p, cancer=h.cancer),
    "question": lambda p, h: QuestionDialog(None, person=p, cancers=[h.cancer]),
    "person": lambda p, h: PersonDialog(None, person=p),
}

ASKS: dict[str, Ask] = {
    "cancer": lambda p, h: CancerDialog.ask(None, person=p),
    "spot": lambda p, h: SpotDialog.ask(None, cancer=h.cancer),
    "scan": lambda p, h: ScanDialog.ask(None, person=p, history=h),
    "statement": lambda p, h: StatementDialog.ask(None, person=p, cancer=h.cancer),
    "treatment": lambda p, h: TreatmentDialog.ask(None, person=p, cancer=h.cancer),
    "question": lambda p, h: QuestionDialog.ask(None, person=p, cancers=[h.cancer]),
    "person": lambda p, h: PersonDialog.ask(None, person=p),
}


@pytest.fixture(params=sorted(DIALOGS))
def dialog(
    request: pytest.FixtureRequest, qtbot: QtBot, person: Person, history: CancerHistory
) -> EntryDialog[object]:
    """Each dialog in turn, for a new entry."""
    built = DIALOGS[request.param](person, history)
    qtbot.addWidget(built)
    return built


def controls(dialog: QWidget) -> list[QWidget]:
    """Everything the Tab key can reach, without the inner parts of date and choice boxes."""
    return [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
        and widget.isVisibleTo(dialog)
    ]


def test_every_control_has_a_name_for_screen_readers(dialog: EntryDialog[object]) -> None:
    unnamed = [
        widget
        for widget in controls(dialog)
        if not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ]
    assert unnamed == []
    # On Linux Qt names a combo box by its value ("mm"): a label for it must say what it is.
    unlabelled = [
        box.accessibleName()
        for box in dialog.findChildren(QComboBox)
        if box in controls(dialog) and heard_names(box)[1:] in ([], [""])
    ]
    assert unlabelled == []


def test_every_control_in_the_scan_grid_names_its_spot(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = ScanDialog(None, person=person, history=history)
    qtbot.addWidget(dialog)
    (grid,) = [
        area
        for area in dialog.findChildren(QScrollArea)
        if area.accessibleName() == "Spots on this scan"
    ]
    in_grid = [widget for widget in controls(dialog) if grid.isAncestorOf(widget)]
    # A size, its unit, what the scan said and "uncertain", for each of the three spots.
    assert len(in_grid) == 4 * len(history.spots)
    for spot in history.spots:
        heard = [
            " / ".join(heard_names(w)) for w in in_grid if spot.name in " ".join(heard_names(w))
        ]
        assert len(heard) == 4, heard
    finding = next(w for w in in_grid if isinstance(w, QComboBox) and w.currentText() != "mm")
    assert heard_names(finding) == ["Not measured", "What the scan said about Breast tumour"]


def test_every_mnemonic_reaches_a_control_and_none_is_used_twice(
    dialog: EntryDialog[object],
) -> None:
    keys: list[str] = []
    for label in dialog.findChildren(QLabel):
        if mnemonic := re.search(r"&(\w)", label.text()):
            assert label.buddy() is not None, label.text()
            keys.append(mnemonic.group(1).lower())
    for button in dialog.findChildren(QAbstractButton):
        if mnemonic := re.search(r"&(\w)", button.text()):
            keys.append(mnemonic.group(1).lower())
    assert keys
    assert len(keys) == len(set(keys)), keys


def test_ok_is_the_default_and_escape_cancels(qtbot: QtBot, dialog: EntryDialog[object]) -> None:
    assert dialog.ok_button().isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("name", sorted(ASKS))
def test_ask_gives_none_when_cancelled(
    monkeypatch: pytest.MonkeyPatch,
    person: Person,
    history: CancerHistory,
    name: str,
) -> None:
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ASKS[name](person, history) is None


def test_ask_gives_what_was_entered_on_ok(qtbot: QtBot) -> None:
    def fill_in_and_press_ok() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, PersonDialog)
        qtbot.keyClicks(control(shown, "Name", QLineEdit), "Ana Example")
        qtbot.mouseClick(shown.ok_button(), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in_and_press_ok)
    assert PersonDialog.ask(None) == Person("Ana Example")


def test_marks_follow_a_switch_to_a_dark_palette(qtbot: QtBot, cancer: Cancer) -> None:
    dialog = SpotDialog(None, cancer=cancer)
    qtbot.addWidget(dialog)
    dark = QPalette(dialog.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    assert dialog.styleSheet() != problem_style_sheet(dark)
    dialog.setPalette(dark)
    assert dialog.styleSheet() == problem_style_sheet(dark)


def test_dialogs_grow_with_the_system_font(qtbot: QtBot, cancer: Cancer) -> None:
    normal = SpotDialog(None, cancer=cancer)
    qtbot.addWidget(normal)
    font = QApplication.font()
    larger = font.__class__(font)
    larger.setPointSizeF(font.pointSizeF() * 2)
    QApplication.setFont(larger)
    try:
        large = SpotDialog(None, cancer=cancer)
        qtbot.addWidget(large)
    finally:
        QApplication.setFont(font)
    # Margins and frames come from the style and stay put; the text and what holds it grow.
    assert large.sizeHint().width() > normal.sizeHint().width() * 3 // 2
    assert large.sizeHint().height() > normal.sizeHint().height() * 5 // 4


# What a dialog shows is what it stores: each one opened on something recorded and closed
# with OK gives back exactly that thing, with nothing filled in, cleared or guessed.
D = dt.date
RECORDED: list[tuple[str, object]] = [
    ("person", Person("Ana Example", D(1961, 4, 9), "Left-handed.")),
    ("person", Person("Ana Example")),
    ("cancer", Cancer("cancer-1", "Breast cancer", "left breast", D(2022, 1, 20), "Stage II.")),
    ("cancer", Cancer("cancer-1", "Breast cancer", "not known")),
    ("spot", Spot("spot-2", "cancer-1", "Armpit node", Area.REGIONAL_NODE, True, "axilla")),
    ("spot", Spot("spot-3", "cancer-1", "Liver spot A", Area.DISTANT, False, "")),
    ("scan", Scan("scan-2", "cancer-1", D(2022, 6, 1), ScanKind.CT,
                  (Measurement("spot-1", 0), Measurement("spot-2", None, too_small=True,
                                                          uncertain=True),
                   Measurement("spot-3", 125, uncertain=True)),
                  facility="City Hospital", new_baseline=True, notes="Smaller.")),
    ("scan", Scan("scan-3", "cancer-1", D(2023, 6, 1), ScanKind.PET_CT,
                  (Measurement("spot-1", 0), Measurement("spot-2", 0)),
                  no_evidence_of_disease=True)),
    ("scan", Scan("scan-4", "cancer-1", D(2023, 7, 1), ScanKind.MRI, (),
                  no_evidence_of_disease=True)),
    ("statement", Statement("statement-1", "cancer-1", D(2024, 2, 29), "It came back.",
                            "Dr. Osei", Status.RECURRED, RecurrenceType.DISTANT)),
    ("statement", Statement("statement-2", "cancer-1", D(2023, 1, 2), "We will see.")),
    ("treatment", Treatment("treatment-1", "cancer-1", TreatmentKind.SURGERY, D(2022, 2, 3),
                            "Lumpectomy", D(2022, 2, 3))),
    ("treatment", Treatment("treatment-2", "cancer-1", TreatmentKind.SURGERY, D(2022, 2, 3),
                            "", D(2022, 2, 9))),
    ("treatment", Treatment("treatment-3", "cancer-1", TreatmentKind.CHEMOTHERAPY,
                            D(2022, 3, 1), "FEC", None)),
    ("treatment", Treatment("treatment-4", "cancer-1", TreatmentKind.RADIATION, D(2022, 3, 1))),
    ("question", Question("question-1", "Why?", "cancer-1", D(2024, 5, 2), "Because.")),
    ("question", Question("question-2", "When is the next scan?")),
]  # fmt: skip


def edit_dialog(recorded: object, person: Person, history: CancerHistory) -> EntryDialog[Any]:
    """The dialog that changes ``recorded``, opened on it."""
    cancer = history.cancer
    match recorded:
        case Person():
            return PersonDialog(None, person=recorded)
        case Cancer():
            return CancerDialog(None, person=person, cancer=recorded)
        case Spot():
            return SpotDialog(None, cancer=cancer, spot=recorded)
        case Scan():
            return ScanDialog(None, person=person, history=history, scan=recorded)
        case Statement():
            return StatementDialog(None, person=person, cancer=cancer, statement=recorded)
        case Treatment():
            return TreatmentDialog(None, person=person, cancer=cancer, treatment=recorded)
        case Question():
            return QuestionDialog(None, person=person, cancers=[cancer], question=recorded)
    raise AssertionError(recorded)


@pytest.mark.parametrize(("kind", "recorded"), RECORDED, ids=lambda value: str(value)[:24])
def test_a_dialog_gives_back_exactly_what_it_was_opened_on(
    qtbot: QtBot, person: Person, history: CancerHistory, kind: str, recorded: object
) -> None:
    dialog = edit_dialog(recorded, person, history)
    qtbot.addWidget(dialog)
    assert dialog.ok_button().isEnabled()
    if isinstance(recorded, Scan):
        assert dialog.value() == ScanEntry(recorded)
    else:
        assert dialog.value() == recorded


@pytest.mark.parametrize(
    ("kind", "recorded"),
    [(kind, recorded) for kind, recorded in RECORDED[::2] if kind not in ("spot", "treatment")],
    ids=lambda value: str(value)[:24],
)
def test_ctrl_enter_presses_ok_from_a_box_of_several_lines_and_the_box_says_so(
    qtbot: QtBot, person: Person, history: CancerHistory, kind: str, recorded: object
) -> None:
    dialog = edit_dialog(recorded, person, history)
    qtbot.addWidget(dialog)
    boxes = dialog.findChildren(TextBox)
    assert boxes, f"the {kind} dialog has no box of several lines"
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    for box in boxes:
        assert "Ctrl+Enter presses OK." in box.placeholderText()
    before = boxes[0].toPlainText()
    boxes[0].setFocus()
    qtbot.keyClick(boxes[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert boxes[0].toPlainText() == before
