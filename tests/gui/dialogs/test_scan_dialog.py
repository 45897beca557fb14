"""The scan dialog: date, kind and report, and for each spot a size in mm or cm, "gone",
"too small to measure" or "not measured" (for a spot without a size: present, gone, clearly
growing or not looked at), checked as typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from survivor_app.domain import (
    Area,
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Scan,
    ScanKind,
    Spot,
    SpotState,
)
from survivor_app.gui.dialogs import ScanDialog, ScanEntry, SpotDialog
from survivor_app.gui.dialogs.spot_draft import SpotDraft

from .forms import choose, control, heard_names, shown_problems, type_date

NEW_SPOT = Spot("spot-9", "cancer-1", "Lung spot", Area.DISTANT, False, "right lung")


def new_dialog(
    qtbot: QtBot, person: Person, history: CancerHistory, scan: Scan | None = None
) -> ScanDialog:
    dialog = ScanDialog(None, person=person, history=history, scan=scan)
    qtbot.addWidget(dialog)
    type_date(dialog, "Date of the scan", "01/03/2023")
    return dialog


def size(dialog: ScanDialog, spot: str) -> QLineEdit:
    return control(dialog, f"Size of {spot}", QLineEdit)


def unit(dialog: ScanDialog, spot: str) -> QComboBox:
    return control(dialog, f"Size of {spot}, unit", QComboBox)


def finding(dialog: ScanDialog, spot: str) -> QComboBox:
    return control(dialog, f"What the scan said about {spot}", QComboBox)


def uncertain(dialog: ScanDialog, spot: str) -> QCheckBox:
    return control(dialog, f"{spot}: uncertain", QCheckBox)


def entry(dialog: ScanDialog) -> ScanEntry:
    value = dialog.value()
    assert value is not None
    return value


def test_sizes_in_mm_and_cm_are_returned_in_tenths_of_a_mm(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    choose(control(dialog, "Kind of scan", QComboBox), "CT")
    qtbot.keyClicks(control(dialog, "Where it was done", QLineEdit), "City Hospital")
    qtbot.keyClicks(control(dialog, "Notes", QPlainTextEdit), "Findings: smaller.")
    qtbot.keyClicks(size(dialog, "Breast tumour"), "23.5")
    choose(unit(dialog, "Armpit node"), "cm")
    qtbot.keyClicks(size(dialog, "Armpit node"), "1,85")
    choose(finding(dialog, "Liver spot A"), "Too small to measure")
    uncertain(dialog, "Liver spot A").setChecked(True)
    assert dialog.ok_button().isEnabled()
    value = entry(dialog)
    assert value.new_spots == ()
    assert value.scan.id.startswith("scan-")
    assert value.scan == Scan(
        value.scan.id,
        "cancer-1",
        dt.date(2023, 3, 1),
        ScanKind.CT,
        (
            Measurement("spot-1", 235),
            Measurement("spot-2", 185),
            Measurement("spot-3", None, too_small=True, uncertain=True),
        ),
        facility="City Hospital",
        notes="Findings: smaller.",
    )


def test_gone_and_not_measured_spots(qtbot: QtBot, person: Person, history: CancerHistory) -> None:
    dialog = new_dialog(qtbot, person, history)
    choose(finding(dialog, "Breast tumour"), "Gone")
    assert not uncertain(dialog, "Breast tumour").isEnabled()
    qtbot.keyClicks(size(dialog, "Armpit node"), "0")
    control(dialog, "New starting point (new baseline)", QCheckBox).setChecked(True)
    scan = entry(dialog).scan
    assert scan.measurements == (Measurement("spot-1", 0), Measurement("spot-2", 0))
    assert scan.new_baseline


def test_typing_a_size_chooses_size(qtbot: QtBot, person: Person, history: CancerHistory) -> None:
    dialog = new_dialog(qtbot, person, history)
    assert finding(dialog, "Liver spot A").currentText() == "Not measured"
    qtbot.keyClicks(size(dialog, "Liver spot A"), "7")
    assert finding(dialog, "Liver spot A").currentText() == "Size"


@pytest.mark.parametrize(
    ("typed", "in_unit", "problem"),
    [
        ("600", "mm", "A size must be 500 mm (50 cm) or less."),
        ("51", "cm", "A size must be 500 mm (50 cm) or less."),
        ("twelve", "mm", "Please enter a number, such as 23.5."),
        ("12.25", "mm", "Please give the size to the nearest 0.1 mm."),
        ("1.255", "cm", "Please give the size to the nearest 0.01 cm."),
    ],
)
def test_a_wrong_size_says_why_and_blocks_ok(
    qtbot: QtBot, person: Person, history: CancerHistory, *, typed: str, in_unit: str, problem: str
) -> None:
    dialog = new_dialog(qtbot, person, history)
    choose(unit(dialog, "Breast tumour"), in_unit)
    qtbot.keyClicks(size(dialog, "Breast tumour"), typed)
    assert shown_problems(dialog) == [problem]
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None


def test_size_chosen_but_left_empty_is_not_half_entered(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    choose(finding(dialog, "Breast tumour"), "Size")
    assert shown_problems(dialog) == ["Please enter a size."]
    assert dialog.value() is None


def test_a_spot_cannot_be_both_gone_and_sized(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    qtbot.keyClicks(size(dialog, "Breast tumour"), "12")
    choose(finding(dialog, "Breast tumour"), "Gone")
    assert shown_problems(dialog) == [
        "A spot cannot be both gone and have a size. Please clear the size, or choose “Size”."
    ]
    assert not dialog.ok_button().isEnabled()
    size(dialog, "Breast tumour").clear()
    assert dialog.ok_button().isEnabled()
    assert entry(dialog).scan.measurements == (Measurement("spot-1", 0),)


def test_no_evidence_of_disease_allows_no_size_above_zero(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    control(dialog, "No evidence of disease", QCheckBox).setChecked(True)
    qtbot.keyClicks(size(dialog, "Breast tumour"), "5")
    assert shown_problems(dialog) == [
        "With “No evidence of disease” ticked, no spot can have a size above 0."
    ]
    assert not dialog.ok_button().isEnabled()
    size(dialog, "Breast tumour").setText("0")
    scan = entry(dialog).scan
    assert scan.no_evidence_of_disease
    assert scan.measurements == (
        Measurement("spot-1", 0),
        Measurement("spot-2", 0),
        Measurement("spot-3", 0),
    )


def test_no_evidence_of_disease_shows_every_spot_gone_and_unticking_puts_them_back(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    qtbot.keyClicks(size(dialog, "Breast tumour"), "12")
    choose(finding(dialog, "Armpit node"), "Too small to measure")
    uncertain(dialog, "Armpit node").setChecked(True)
    before = entry(dialog).scan.measurements
    no_evidence = control(dialog, "No evidence of disease", QCheckBox)
    no_evidence.setFocus()
    qtbot.keyClick(no_evidence, Qt.Key.Key_Space)
    assert no_evidence.isChecked()
    spots = ("Breast tumour", "Armpit node", "Liver spot A")
    assert [finding(dialog, spot).currentText() for spot in spots] == ["Gone"] * 3
    assert [size(dialog, spot).text() for spot in spots] == [""] * 3
    assert entry(dialog).scan.measurements == tuple(
        Measurement(spot_id, 0) for spot_id in ("spot-1", "spot-2", "spot-3")
    )
    qtbot.keyClick(no_evidence, Qt.Key.Key_Space)
    assert [finding(dialog, spot).currentText() for spot in spots] == [
        "Size",
        "Too small to measure",
        "Not measured",
    ]
    assert size(dialog, "Breast tumour").text() == "12"
    assert uncertain(dialog, "Armpit node").isChecked()
    assert entry(dialog).scan.measurements == before


def test_unticking_keeps_a_spot_the_person_changed_meanwhile(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    qtbot.keyClicks(size(dialog, "Breast tumour"), "12")
    no_evidence = control(dialog, "No evidence of disease", QCheckBox)
    no_evidence.setChecked(True)
    choose(finding(dialog, "Breast tumour"), "Too small to measure")
    no_evidence.setChecked(False)
    assert finding(dialog, "Breast tumour").currentText() == "Too small to measure"
    assert size(dialog, "Breast tumour").text() == ""


def test_a_spot_added_to_a_scan_with_no_evidence_of_disease_is_gone(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: NEW_SPOT)
    dialog = new_dialog(qtbot, person, history)
    control(dialog, "No evidence of disease", QCheckBox).setChecked(True)
    control(dialog, "Add a new spot", QPushButton).click()
    assert finding(dialog, "Lung spot").currentText() == "Gone"
    assert Measurement("spot-9", 0) in entry(dialog).scan.measurements


def test_one_scan_of_a_kind_a_day(qtbot: QtBot, person: Person, history: CancerHistory) -> None:
    dialog = new_dialog(qtbot, person, history)
    type_date(dialog, "Date of the scan", "25/01/2022")
    choose(control(dialog, "Kind of scan", QComboBox), "MRI")
    assert shown_problems(dialog) == ["There is already a scan of this kind (MRI) on this date."]
    choose(control(dialog, "Kind of scan", QComboBox), "PET-CT")
    assert shown_problems(dialog) == []


def test_the_scan_date_must_be_possible(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, history)
    type_date(
        dialog, "Date of the scan", (dt.date.today() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    )
    assert shown_problems(dialog) == ["This date is in the future."]
    type_date(dialog, "Date of the scan", "01/01/1961")
    assert shown_problems(dialog) == ["This date is before your date of birth."]
    assert not dialog.ok_button().isEnabled()


def test_changing_a_scan_keeps_its_id_and_sizes(
    qtbot: QtBot, person: Person, history: CancerHistory, first_scan: Scan
) -> None:
    dialog = ScanDialog(None, person=person, history=history, scan=first_scan)
    qtbot.addWidget(dialog)
    assert size(dialog, "Breast tumour").text() == "32"
    assert uncertain(dialog, "Armpit node").isChecked()
    assert entry(dialog) == ScanEntry(first_scan)
    choose(finding(dialog, "Armpit node"), "Not measured")
    size(dialog, "Armpit node").clear()
    assert entry(dialog).scan.measurements == (Measurement("spot-1", 320),)
    assert entry(dialog).scan.id == first_scan.id


def test_a_new_spot_gets_a_row_and_is_returned_with_the_scan(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Cancer, SpotDraft | None]] = []

    def ask(
        parent: QWidget | None,
        *,
        cancer: Cancer,
        spot: Spot | None = None,
        draft: SpotDraft | None = None,
    ) -> Spot:
        asked.append((cancer, draft))
        return NEW_SPOT

    monkeypatch.setattr(SpotDialog, "ask", ask)
    dialog = new_dialog(qtbot, person, history)
    qtbot.keyClicks(size(dialog, "Breast tumour"), "30")
    control(dialog, "Add a new spot", QPushButton).click()
    # The button starts from an empty spot dialog: no draft (nor its "checked" as one).
    assert asked == [(history.cancer, None)]
    qtbot.keyClicks(size(dialog, "Lung spot"), "12")
    uncertain(dialog, "Lung spot").setChecked(True)
    value = entry(dialog)
    assert value.new_spots == (NEW_SPOT,)
    assert value.scan.measurements == (
        Measurement("spot-1", 300),
        Measurement("spot-9", 120, uncertain=True),
    )


def test_a_new_spot_cancelled_adds_nothing(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: None)
    dialog = new_dialog(qtbot, person, history)
    control(dialog, "Add a new spot", QPushButton).click()
    assert entry(dialog).new_spots == ()
    assert [
        w for w in dialog.findChildren(QLineEdit) if w.accessibleName() == "Size of Lung spot"
    ] == []


def test_a_cancer_without_spots_says_how_to_add_one(
    qtbot: QtBot, person: Person, cancer: Cancer, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = new_dialog(qtbot, person, CancerHistory(cancer))
    hint = [label for label in dialog.findChildren(QLabel) if label.text().startswith("No spots")]
    assert [label.isVisibleTo(dialog) for label in hint] == [True]
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: NEW_SPOT)
    control(dialog, "Add a new spot", QPushButton).click()
    assert not hint[0].isVisibleTo(dialog)
    assert finding(dialog, "Lung spot").currentText() == "Not measured"
    assert entry(dialog) == ScanEntry(
        Scan(entry(dialog).scan.id, cancer.id, dt.date(2023, 3, 1), ScanKind.CT), (NEW_SPOT,)
    )


def test_tab_goes_through_the_spots_before_the_add_button(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: NEW_SPOT)
    dialog = new_dialog(qtbot, person, history)
    control(dialog, "Add a new spot", QPushButton).click()
    expected = [
        control(dialog, "New starting point (new baseline)", QCheckBox),
        *(
            widget
            for spot in ("Breast tumour", "Armpit node", "Liver spot A", "Lung spot")
            for widget in (
                size(dialog, spot),
                unit(dialog, spot),
                finding(dialog, spot),
                uncertain(dialog, spot),
            )
        ),
        control(dialog, "Add a new spot", QPushButton),
        dialog.ok_button(),
    ]
    chain: list[QWidget] = []
    widget = expected[0]
    while len(chain) < len(expected) * 3 and widget is not dialog.ok_button():
        chain.append(widget)
        widget = widget.nextInFocusChain()
    chain.append(widget)
    assert [w for w in chain if w in expected] == expected


BONES = Spot("spot-4", "cancer-1", "Bone spots", Area.DISTANT, False, "spine", sized=False)


@pytest.fixture
def with_bones(history: CancerHistory) -> CancerHistory:
    """The cancer with its three sized spots and bone spots the reports give no size for."""
    return replace(history, spots=(*history.spots, BONES))


def shown(
    qtbot: QtBot, person: Person, history: CancerHistory, scan: Scan | None = None
) -> ScanDialog:
    """A scan's dialog on the screen, with the keyboard's focus."""
    dialog = new_dialog(qtbot, person, history, scan)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def state(dialog: ScanDialog, spot: str) -> QComboBox:
    return finding(dialog, spot)


def type_letter(qtbot: QtBot, widget: QWidget, letter: str) -> None:
    """Type one letter into a choice box after a pause, as a person picks a choice by its first
    letter (letters typed in quick succession spell out one word to look for)."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(widget, letter)


def test_a_spot_without_a_size_has_a_state_instead_of_a_size(
    qtbot: QtBot, person: Person, with_bones: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, with_bones)
    assert [w for w in dialog.findChildren(QLineEdit) if "Bone spots" in w.accessibleName()] == []
    choices = [state(dialog, "Bone spots").itemText(i) for i in range(4)]
    assert choices == ["Present", "Gone", "Clearly growing", "Not looked at"]
    assert state(dialog, "Bone spots").currentText() == "Not looked at"
    assert not uncertain(dialog, "Bone spots").isEnabled()
    # Not looked at: the scan holds no entry for the spot.
    assert entry(dialog).scan.measurements == ()


def test_the_state_is_chosen_with_tab_and_typed_letters(
    qtbot: QtBot, person: Person, with_bones: CancerHistory
) -> None:
    dialog = shown(qtbot, person, with_bones)
    liver = uncertain(dialog, "Liver spot A")
    qtbot.keyClicks(size(dialog, "Liver spot A"), "14")
    liver.setFocus()
    qtbot.keyClick(liver, Qt.Key.Key_Tab)
    bones = state(dialog, "Bone spots")
    assert dialog.focusWidget() is bones
    type_letter(qtbot, bones, "p")
    assert bones.currentText() == "Present"
    qtbot.keyClick(bones, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is uncertain(dialog, "Bone spots")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert entry(dialog).scan.measurements == (
        Measurement("spot-3", 140),
        Measurement("spot-4", None, uncertain=True, state=SpotState.PRESENT),
    )
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is bones
    type_letter(qtbot, bones, "c")
    assert bones.currentText() == "Clearly growing"
    assert entry(dialog).scan.measurements[-1] == Measurement(
        "spot-4", None, uncertain=True, state=SpotState.GROWING
    )
    # Gone or not looked at: "uncertain" means nothing, and is cleared.
    type_letter(qtbot, bones, "g")
    assert not uncertain(dialog, "Bone spots").isChecked()
    assert entry(dialog).scan.measurements[-1] == Measurement("spot-4", None, state=SpotState.GONE)
    type_letter(qtbot, bones, "n")
    assert bones.currentText() == "Not looked at"
    assert entry(dialog).scan.measurements == (Measurement("spot-3", 140),)


def test_no_evidence_of_disease_sets_spots_without_a_size_gone_and_puts_them_back(
    qtbot: QtBot, person: Person, with_bones: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, with_bones)
    choose(state(dialog, "Bone spots"), "Present")
    uncertain(dialog, "Bone spots").setChecked(True)
    before = entry(dialog).scan.measurements
    no_evidence = control(dialog, "No evidence of disease", QCheckBox)
    no_evidence.setFocus()
    qtbot.keyClick(no_evidence, Qt.Key.Key_Space)
    assert state(dialog, "Bone spots").currentText() == "Gone"
    assert Measurement("spot-4", None, state=SpotState.GONE) in entry(dialog).scan.measurements
    qtbot.keyClick(no_evidence, Qt.Key.Key_Space)
    assert state(dialog, "Bone spots").currentText() == "Present"
    assert uncertain(dialog, "Bone spots").isChecked()
    assert entry(dialog).scan.measurements == before


@pytest.mark.parametrize("words", ["Present", "Clearly growing"])
def test_no_evidence_of_disease_refuses_a_spot_the_report_still_mentions(
    qtbot: QtBot, person: Person, with_bones: CancerHistory, words: str
) -> None:
    dialog = new_dialog(qtbot, person, with_bones)
    control(dialog, "No evidence of disease", QCheckBox).setChecked(True)
    choose(state(dialog, "Bone spots"), words)
    problem = "With “No evidence of disease” ticked, each spot is gone or not looked at."
    assert shown_problems(dialog) == [problem]
    assert state(dialog, "Bone spots").accessibleDescription() == problem
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None
    choose(state(dialog, "Bone spots"), "Not looked at")
    assert shown_problems(dialog) == []
    assert dialog.ok_button().isEnabled()


def test_changing_a_scan_keeps_its_states(
    qtbot: QtBot, person: Person, with_bones: CancerHistory, first_scan: Scan
) -> None:
    scan = replace(
        first_scan,
        measurements=(
            *first_scan.measurements,
            Measurement("spot-4", None, uncertain=True, state=SpotState.GROWING),
        ),
    )
    dialog = ScanDialog(None, person=person, history=with_bones, scan=scan)
    qtbot.addWidget(dialog)
    assert state(dialog, "Bone spots").currentText() == "Clearly growing"
    assert uncertain(dialog, "Bone spots").isChecked()
    assert entry(dialog) == ScanEntry(scan)
    choose(state(dialog, "Bone spots"), "Gone")
    assert entry(dialog).scan.measurements[-1] == Measurement("spot-4", None, state=SpotState.GONE)


def test_a_new_spot_without_a_size_gets_a_state_row_with_the_focus(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: BONES)
    dialog = shown(qtbot, person, history)
    control(dialog, "Add a new spot", QPushButton).click()
    bones = state(dialog, "Bone spots")
    qtbot.waitUntil(lambda: dialog.focusWidget() is bones)
    type_letter(qtbot, bones, "p")
    value = entry(dialog)
    assert value.new_spots == (BONES,)
    assert value.scan.measurements == (Measurement("spot-4", None, state=SpotState.PRESENT),)


def test_tab_goes_through_sized_rows_and_state_rows_in_order(
    qtbot: QtBot, person: Person, with_bones: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, with_bones)
    expected = [
        uncertain(dialog, "Liver spot A"),
        state(dialog, "Bone spots"),
        uncertain(dialog, "Bone spots"),
        control(dialog, "Add a new spot", QPushButton),
    ]
    chain = [expected[0]]
    while len(chain) < 20 and chain[-1] is not expected[-1]:
        chain.append(chain[-1].nextInFocusChain())
    assert [w for w in chain if w in expected] == expected


def test_a_state_row_names_its_spot_to_a_screen_reader(
    qtbot: QtBot, person: Person, with_bones: CancerHistory
) -> None:
    dialog = new_dialog(qtbot, person, with_bones)
    bones = state(dialog, "Bone spots")
    # The spot's name in the grid is a label for its one choice, as it is for a size.
    assert heard_names(bones) == [
        "Not looked at",
        "Bone spots",
        "What the scan said about Bone spots",
    ]
    assert bones.accessibleDescription().startswith("Bone spots (spine) has no size")
    assert heard_names(uncertain(dialog, "Bone spots"))[0] == "Bone spots: uncertain"


def test_a_new_row_is_scrolled_into_view_below_many_spots(
    qtbot: QtBot, person: Person, history: CancerHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = tuple(
        Spot(f"spot-{n}", "cancer-1", f"Liver spot {n}", Area.DISTANT, False) for n in range(10, 40)
    )
    monkeypatch.setattr(SpotDialog, "ask", lambda *args, **kwargs: BONES)
    dialog = shown(qtbot, person, replace(history, spots=(*history.spots, *many)))
    control(dialog, "Add a new spot", QPushButton).click()
    bones = state(dialog, "Bone spots")
    qtbot.waitUntil(lambda: dialog.focusWidget() is bones)
    # Where a person types is where they can see it: in the grid's view and the form's.
    qtbot.waitUntil(lambda: not bones.visibleRegion().isEmpty())
    # Whole, not cut off at the bottom of the grid.
    assert bones.visibleRegion().boundingRect().size() == bones.size()


def test_the_fields_below_the_date_stay_put_as_it_is_typed(
    qtbot: QtBot, person: Person, history: CancerHistory
) -> None:
    # The hint beneath the date gives way to problems while it is typed, and to nothing once
    # it is read: a person reaching for the next field finds it where it was.
    dialog = ScanDialog(None, person=person, history=history)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    kind = control(dialog, "Kind of scan", QComboBox)
    edit = control(dialog, "Date of the scan", QLineEdit)
    place = kind.mapTo(dialog, kind.rect().topLeft())
    for key in "01/03/2023":
        QTest.keyClicks(edit, key)
        qtbot.wait(10)
        assert kind.mapTo(dialog, kind.rect().topLeft()) == place, edit.text()
    assert edit.text() == "01/03/2023"
