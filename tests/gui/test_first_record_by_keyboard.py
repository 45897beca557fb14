"""A first record made with the keyboard alone, as a new user would in their own locale: the
welcome page, three scans (one with a lymph node, one with no evidence of disease), a
doctor's statement, a treatment and the PDF. The record then holds exactly what was typed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Measurement, ScanKind, TreatmentKind
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.storage import RecordStore

pytestmark = [
    # Qt's offscreen platform says these when a window or a menu opens; real screens do not.
    pytest.mark.qt_log_ignore(
        r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
    ),
]

NO_KEYS = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier

BIRTH = dt.date(1954, 3, 14)
DIAGNOSED = dt.date(2023, 11, 2)
FIRST, CLEAR, LATEST = dt.date(2023, 11, 20), dt.date(2024, 5, 13), dt.date(2024, 11, 4)
SAID_ON = dt.date(2024, 5, 21)
TREATED = (dt.date(2023, 12, 4), dt.date(2024, 3, 28))


def typed(date: dt.date, locale: str, separator: str) -> str:
    """A date as a person in ``locale`` writes it by hand: their order, no leading zeros."""
    day, month, year = str(date.day), str(date.month), str(date.year)
    parts = (month, day, year) if locale == "en_US" else (day, month, year)
    return separator.join(parts)


class Keyboard:
    """Keys pressed wherever the focus is, as a person's keyboard sends them."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the focus"
        return widget

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_KEYS, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus(), key, modifiers)

    def alt(self, letter: str) -> None:
        """The mnemonic ``letter`` (Alt and the underlined letter)."""
        self.press(Qt.Key(ord(letter.upper())), ALT)

    def in_dialog(self, fill: Callable[[QDialog], None], open_it: Callable[[], None]) -> None:
        """Press the keys that open a modal dialog, and fill it in while it is open."""
        failures: list[BaseException] = []
        filled: list[QDialog] = []
        before = QApplication.activeModalWidget()

        def fill_when_shown() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog is before:
                QTimer.singleShot(10, fill_when_shown)
                return
            assert isinstance(dialog, QDialog)
            try:
                self.qtbot.waitUntil(dialog.isActiveWindow)
                fill(dialog)
            except BaseException as failure:  # the dialog must not stay open on a failure
                failures.append(failure)
                dialog.reject()
            filled.append(dialog)

        QTimer.singleShot(0, fill_when_shown)
        open_it()
        # A button's letter clicks it a moment later (the button is seen going down).
        self.qtbot.waitUntil(lambda: bool(filled))
        # The window below becomes active again, with the focus where it was left (Qt's
        # offscreen platform leaves that to the test, as a window manager does).
        below = QApplication.activeModalWidget() or self.window
        below.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        if failures:
            raise failures[0]


@pytest.fixture(params=["en_GB", "en_US", "de_DE"])
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    """The person's locale, for the whole window."""
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


@pytest.fixture
def window(
    qtbot: QtBot, locale: str, settings: AppSettings, record_path: Path
) -> Iterator[MainWindow]:
    """The welcome page of a new record, shown and active, in ``locale``."""
    main = MainWindow(settings, record_path)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.start_at(record_path)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    main.close()


class NewUser:
    """A person in ``locale`` making their first record with the keyboard alone."""

    def __init__(self, keys: Keyboard, locale: str) -> None:
        self.keys = keys
        self.locale = locale
        self.point = "," if locale == "de_DE" else "."
        # Every separator in turn, so that each is typed in each locale.
        self._separators = itertools.cycle(["/", "-", ".", " "])

    def date(self, day: dt.date) -> str:
        return typed(day, self.locale, next(self._separators))

    def starts_the_record(self, window: MainWindow) -> None:
        keys = self.keys
        keys.alt("n")
        keys.type("Ana Example")
        keys.press(Qt.Key.Key_Tab)
        assert keys.focus() is window.welcome.birth.edit
        assert keys.focus().property("text") == ""  # nothing is ever filled in for the person
        keys.type(self.date(BIRTH))
        assert window.welcome.birth.value() == BIRTH
        keys.press(Qt.Key.Key_Tab)
        keys.type("Breast cancer")
        keys.press(Qt.Key.Key_Tab)
        keys.type("left breast")
        keys.press(Qt.Key.Key_Tab)
        keys.type(self.date(DIAGNOSED))
        keys.press(Qt.Key.Key_Tab)
        assert keys.focus() is window.welcome.start_button
        keys.press(Qt.Key.Key_Space)
        assert window.pages.currentWidget() is window.view

    def adds_a_scan(self, fill: Callable[[QDialog], None]) -> None:
        def fill_and_ok(dialog: QDialog) -> None:
            fill(dialog)
            self.keys.press(Qt.Key.Key_Return, CTRL)
            assert dialog.result() == QDialog.DialogCode.Accepted

        self.keys.in_dialog(fill_and_ok, lambda: self.keys.press(Qt.Key.Key_N, CTRL_SHIFT))

    def adds_a_spot(self, name: str, area_steps: int, *, lymph_node: bool) -> None:
        keys = self.keys

        def fill(dialog: QDialog) -> None:
            keys.alt("n")
            keys.type(name)
            keys.alt("a")
            keys.press(Qt.Key.Key_Down, times=area_steps)
            if lymph_node:
                keys.press(Qt.Key.Key_Tab)
                keys.press(Qt.Key.Key_Space)
            keys.press(Qt.Key.Key_Return)
            assert dialog.result() == QDialog.DialogCode.Accepted

        keys.in_dialog(fill, lambda: keys.alt("n"))

    def first_scan(self, _dialog: QDialog) -> None:
        """Two new spots, one of them a lymph node, each sized as it is added."""
        keys = self.keys
        keys.alt("d")
        keys.type(self.date(FIRST))
        self.adds_a_spot("Breast tumour", 0, lymph_node=False)
        keys.type("32")
        self.adds_a_spot("Armpit node", 1, lymph_node=True)
        keys.type(f"18{self.point}5")

    def clear_scan(self, _dialog: QDialog) -> None:
        """An MRI with no evidence of disease, which says every spot is gone."""
        keys = self.keys
        keys.alt("d")
        keys.type(self.date(CLEAR))
        keys.alt("k")
        keys.press(Qt.Key.Key_Down)  # MRI
        keys.alt("e")
        keys.qtbot.waitUntil(lambda: keys.focus().property("checked") is True)

    def latest_scan(self, _dialog: QDialog) -> None:
        """A size in each spot's row, the second one in cm, and a note."""
        keys = self.keys
        keys.alt("d")
        keys.type(self.date(LATEST))
        keys.alt("o")
        keys.type("Two small spots again.")
        # Tab past "Find sizes in this report", "No evidence of disease" and "New starting
        # point" to the first size.
        keys.press(Qt.Key.Key_Tab, times=4)
        keys.type("4")
        keys.press(Qt.Key.Key_Tab, times=4)  # its unit, finding, "uncertain", the next size
        keys.type(f"0{self.point}6")
        keys.press(Qt.Key.Key_Tab)
        keys.press(Qt.Key.Key_Down)  # cm

    def adds_a_statement(self) -> None:
        keys = self.keys

        def fill(dialog: QDialog) -> None:
            keys.alt("d")
            keys.type(self.date(SAID_ON))
            keys.alt("w")
            keys.type("Dr. Osei")
            keys.alt("s")
            keys.type("There is no sign of the cancer on the scan.")
            keys.press(Qt.Key.Key_Return, CTRL)
            assert dialog.result() == QDialog.DialogCode.Accepted

        keys.in_dialog(fill, lambda: keys.press(Qt.Key.Key_D, CTRL_SHIFT))

    def adds_a_treatment(self) -> None:
        keys = self.keys

        def fill(dialog: QDialog) -> None:
            keys.alt("k")
            keys.press(Qt.Key.Key_Down)  # Chemotherapy
            keys.alt("n")
            keys.type("FEC")
            keys.alt("s")
            keys.type(self.date(TREATED[0]))
            keys.alt("g")  # no longer going on: the end is asked for
            keys.qtbot.waitUntil(lambda: keys.focus().property("checked") is False)
            keys.alt("e")
            assert keys.focus().accessibleName() == "End date"
            keys.type(self.date(TREATED[1]))
            keys.press(Qt.Key.Key_Return)
            assert dialog.result() == QDialog.DialogCode.Accepted

        keys.in_dialog(fill, lambda: keys.press(Qt.Key.Key_T, CTRL_SHIFT))

    def exports_the_pdf(self, pdf: Path) -> None:
        """File ▸ Export summary as PDF…, by the menu's letters."""
        self.keys.alt("f")
        menu = QApplication.activePopupWidget()
        assert menu is not None
        QTest.keyClick(menu, Qt.Key.Key_D)
        self.keys.qtbot.waitUntil(pdf.exists)


def test_a_first_record_typed_with_the_keyboard_alone_holds_what_was_typed(
    qtbot: QtBot,
    window: MainWindow,
    *,
    locale: str,
    record_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = NewUser(Keyboard(qtbot, window), locale)
    user.starts_the_record(window)
    user.adds_a_scan(user.first_scan)
    user.adds_a_scan(user.clear_scan)
    user.adds_a_scan(user.latest_scan)
    user.adds_a_statement()
    user.adds_a_treatment()
    pdf = tmp_path / "summary.pdf"
    # The one thing not typed: the system's save dialog, answered here.
    monkeypatch.setattr(
        "survivor_app.gui.summary_actions.QFileDialog.getSaveFileName",
        lambda *_args: (str(pdf), ""),
    )
    user.exports_the_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    window.close()
    with RecordStore.open(record_path, read_only=True) as store:
        record = store.load()
    assert record is not None
    assert (record.person.name, record.person.birth_date) == ("Ana Example", BIRTH)
    (cancer,) = record.cancers
    assert (cancer.name, cancer.primary_site, cancer.diagnosed_on) == (
        "Breast cancer",
        "left breast",
        DIAGNOSED,
    )
    tumour, node = record.spots
    assert (tumour.name, tumour.area, tumour.lymph_node) == ("Breast tumour", Area.PRIMARY, False)
    assert (node.name, node.area, node.lymph_node) == ("Armpit node", Area.REGIONAL_NODE, True)
    scans = sorted(record.scans, key=lambda scan: scan.date)
    assert [(s.date, s.kind, s.no_evidence_of_disease, s.measurements) for s in scans] == [
        (FIRST, ScanKind.CT, False, (Measurement(tumour.id, 320), Measurement(node.id, 185))),
        (CLEAR, ScanKind.MRI, True, (Measurement(tumour.id, 0), Measurement(node.id, 0))),
        (LATEST, ScanKind.CT, False, (Measurement(tumour.id, 40), Measurement(node.id, 60))),
    ]
    assert scans[2].notes == "Two small spots again."
    (said,) = record.statements
    assert (said.date, said.clinician, said.text, said.status) == (
        SAID_ON,
        "Dr. Osei",
        "There is no sign of the cancer on the scan.",
        None,
    )
    (treated,) = record.treatments
    assert (treated.kind, treated.name, treated.start, treated.end) == (
        TreatmentKind.CHEMOTHERAPY,
        "FEC",
        *TREATED,
    )
