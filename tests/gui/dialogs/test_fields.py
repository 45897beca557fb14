"""The shared fields: dates with four-digit years, exact sizes in mm or cm, and their messages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, TextRule
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField, date_problem
from survivor_app.gui.dates import date_pattern, long_date, short_date
from survivor_app.gui.field_problems import (
    PROBLEM_PROPERTY,
    FieldMessage,
    FormCheck,
    describe,
    mark_field,
    problem_style_sheet,
)
from survivor_app.gui.size_field import SizeField, size_text
from survivor_app.gui.text_fields import ChoiceBox, TextBox, TextField
from tests.gui.dialogs.forms import is_hint

# Showing a window on Qt's offscreen platform warns that it cannot pass on size hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = dt.date.today()
#: What Qt's offscreen platform says when a popup opens; real screens do not.
OPENING_A_POPUP = r"This plugin does not support (raise|grabbing the keyboard)"


@pytest.mark.parametrize(
    ("locale", "pattern"),
    [
        ("en_US", "M/d/yyyy"),
        ("de_DE", "dd.MM.yyyy"),
        ("en_GB", "dd/MM/yyyy"),
        ("ja_JP", "yyyy/MM/dd"),
    ],
)
def test_date_pattern_always_has_a_four_digit_year(locale: str, pattern: str) -> None:
    assert date_pattern(QLocale(locale)) == pattern


@pytest.mark.parametrize(
    ("locale", "short", "long"),
    [
        ("C", "6 Dec 2026", "6 December 2026"),
        ("en_GB", "6 Dec 2026", "6 December 2026"),
        ("en_US", "Dec 6, 2026", "December 6, 2026"),
        ("de_DE", "6 Dec 2026", "6 December 2026"),
        ("ja_JP", "6 Dec 2026", "6 December 2026"),
    ],
)
def test_dates_shown_name_their_month_in_every_locale(locale: str, short: str, long: str) -> None:
    QLocale.setDefault(QLocale.c() if locale == "C" else QLocale(locale))
    assert (short_date(dt.date(2026, 12, 6)), long_date(dt.date(2026, 12, 6))) == (short, long)


def test_date_problem_refuses_the_future_and_before_birth() -> None:
    birth = dt.date(1961, 4, 9)
    assert date_problem(TODAY, birth_date=birth, today=TODAY) is None
    assert date_problem(birth, birth_date=birth, today=TODAY) is None
    assert date_problem(TODAY + dt.timedelta(days=1), birth_date=birth, today=TODAY) == (
        "This date is in the future."
    )
    assert date_problem(dt.date(1961, 4, 8), birth_date=birth, today=TODAY) == (
        "This date is before your date of birth."
    )
    assert date_problem(dt.date(1900, 1, 1), birth_date=None, today=TODAY) is None
    # The record's rule from the domain: nothing before 1900 (a year such as 0022 is a typo).
    assert date_problem(dt.date(1899, 12, 31), birth_date=None, today=TODAY) == (
        "Please type a date from 1900 on."
    )
    assert date_problem(dt.date(22, 5, 14), birth_date=birth, today=TODAY) == (
        "Please type a date from 1900 on."
    )


@pytest.mark.parametrize(
    ("tenths", "unit", "text"),
    [(235, "mm", "23.5"), (400, "mm", "40"), (0, "mm", "0"), (235, "cm", "2.35"), (400, "cm", "4"),
     (5, "cm", "0.05"), (10, "cm", "0.1"), (5000, "cm", "50")],
)  # fmt: skip
def test_size_text_writes_what_a_person_would_type(tenths: int, unit: str, text: str) -> None:
    assert size_text(tenths, unit) == text


def test_size_text_uses_a_decimal_comma_where_the_locale_does() -> None:
    QLocale.setDefault(QLocale("de_DE"))
    assert size_text(235) == "23,5"


@pytest.mark.parametrize(
    ("text", "unit", "tenths"),
    [("23.5", "mm", 235), ("23,5", "mm", 235), ("2.35", "cm", 235), ("0", "mm", 0),
     ("500", "mm", 5000), ("50", "cm", 5000), ("0.01", "cm", 1)],
)  # fmt: skip
def test_size_field_reads_tenths_of_a_mm(qtbot: QtBot, text: str, unit: str, tenths: int) -> None:
    field = SizeField(accessible_name="Size of the spot")
    qtbot.addWidget(field)
    field.unit.setCurrentIndex(field.unit.findText(unit))
    qtbot.keyClicks(field.edit, text)
    assert field.problem() is None
    assert field.tenths() == tenths


@pytest.mark.parametrize(
    ("text", "unit", "problem"),
    [
        ("", "mm", "Please enter a size."),
        ("abc", "mm", "Please enter a number, such as 23.5."),
        ("500.1", "mm", "A size must be 500 mm (50 cm) or less."),
        ("50.01", "cm", "A size must be 500 mm (50 cm) or less."),
        ("-1", "mm", "A size cannot be below 0."),
        ("23.45", "mm", "Please give the size to the nearest 0.1 mm."),
        ("2.345", "cm", "Please give the size to the nearest 0.01 cm."),
    ],
)
def test_size_field_says_why_a_size_is_wrong(
    qtbot: QtBot, text: str, unit: str, problem: str
) -> None:
    field = SizeField(accessible_name="Size of the spot")
    qtbot.addWidget(field)
    field.unit.setCurrentIndex(field.unit.findText(unit))
    field.edit.setText(text)
    assert field.problem() == problem
    field.show_problem(field.problem())
    assert field.message.text() == problem
    assert field.edit.property(PROBLEM_PROPERTY) is True


def test_size_field_shows_a_recorded_size_in_either_unit(qtbot: QtBot) -> None:
    field = SizeField(accessible_name="Size of the spot")
    qtbot.addWidget(field)
    field.set_size(235, "cm")
    assert (field.text(), field.unit_name(), field.tenths()) == ("2.35", "cm", 235)
    field.set_size(None)
    assert field.is_blank()


def type_in(field: DateField, text: str, qtbot: QtBot) -> None:
    """Type ``text`` over whatever the field holds, key by key."""
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)


def test_date_field_gives_the_date_and_checks_it(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date", birth_date=dt.date(1961, 4, 9))
    qtbot.addWidget(field)
    assert field.edit.placeholderText() == "e.g. 25/03/2024"
    field.set_value(dt.date(2023, 3, 25))
    assert field.edit.text() == "25 Mar 2023"
    assert field.value() == dt.date(2023, 3, 25)
    assert field.problem() is None
    field.set_value(TODAY + dt.timedelta(days=1))
    assert field.problem() == "This date is in the future."
    field.set_value(dt.date(1960, 1, 1))
    assert field.problem() == "This date is before your date of birth."


def test_a_new_date_field_starts_empty_with_a_calm_hint(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date", required="Please give your date of birth.")
    qtbot.addWidget(field)
    assert (field.edit.text(), field.value()) == ("", None)
    field.show_problem(field.problem())
    assert (field.message.text(), is_hint(field.message)) == (
        "Please give your date of birth.",
        True,
    )
    type_in(field, "1", qtbot)
    field.edit.clear()
    field.show_problem(field.problem())
    assert not is_hint(field.message)


@pytest.mark.parametrize(
    ("locale", "typed", "words"),
    [
        ("en_GB", "14/03/1954", "Sunday 14 March 1954"),
        ("en_GB", "14.3.1954", "Sunday 14 March 1954"),
        ("en_US", "3/14/1954", "Sunday, March 14, 1954"),
        ("en_US", "03-14-1954", "Sunday, March 14, 1954"),
        ("de_DE", "14.03.1954", "Sunday 14 March 1954"),
        ("de_DE", "14 3 1954", "Sunday 14 March 1954"),
        ("C", "14 03 1954", "Sunday 14 March 1954"),
        ("en_US", "1954-03-14", "Sunday, March 14, 1954"),
        ("de_DE", "March 14, 1954", "Sunday 14 March 1954"),
    ],
)
def test_a_typed_date_is_said_in_words_beside_the_field(
    qtbot: QtBot, locale: str, typed: str, words: str
) -> None:
    QLocale.setDefault(QLocale.c() if locale == "C" else QLocale(locale))
    field = DateField(accessible_name="Date")
    qtbot.addWidget(field)
    type_in(field, typed, qtbot)
    assert field.edit.text() == typed
    assert field.value() == dt.date(1954, 3, 14)
    assert field.understood.text() == words
    assert field.edit.accessibleDescription() == words


def test_a_wrong_date_says_why_and_keeps_the_text(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date")
    qtbot.addWidget(field)
    type_in(field, "31/02/2024", qtbot)
    assert field.edit.text() == "31/02/2024"
    assert (field.value(), field.problem()) == (None, "There is no 31 February.")
    assert field.understood.text() == ""
    type_in(field, "14/03/54", qtbot)
    assert field.problem() == "Please type the year in full, for example 1954."


def test_tab_and_shift_tab_keep_what_was_typed(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    before, after = QLineEdit(window), QLineEdit(window)
    field = DateField(accessible_name="Date", parent=window)
    QWidget.setTabOrder(before, field.edit)
    QWidget.setTabOrder(field.edit, after)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "02/05/20")
    qtbot.keyClick(field.edit, Qt.Key.Key_Backtab)
    assert before.hasFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert field.edit.hasFocus()
    field.edit.end(False)
    qtbot.keyClicks(field.edit, "21")
    # The calendar's button takes no Tab stop: Tab goes on to the next field.
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert field.edit.text() == "02/05/2021"
    assert field.value() == dt.date(2021, 5, 2)


@pytest.mark.qt_log_ignore(OPENING_A_POPUP)
def test_the_calendar_opens_with_alt_down_and_gives_the_day_picked(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date")
    qtbot.addWidget(field)
    field.set_value(dt.date(2024, 1, 31))
    field.show()
    qtbot.waitExposed(field)
    assert field.calendar_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None
    assert calendar.isVisible()
    assert calendar.selectedDate() == QDate(2024, 1, 31)
    days = QApplication.focusWidget()
    assert days is not None
    assert calendar.isAncestorOf(days)
    qtbot.keyClick(days, Qt.Key.Key_Left)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert field.value() == dt.date(2024, 1, 30)
    assert field.edit.text() == "30 Jan 2024"


@pytest.mark.qt_log_ignore(OPENING_A_POPUP)
def test_escape_closes_the_calendar_and_keeps_the_text(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClicks(field.edit, "14/03/19")
    field.calendar_button.click()
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None
    assert calendar.isVisible()
    days = QApplication.focusWidget()
    assert days is not None
    assert calendar.isAncestorOf(days)
    qtbot.keyClick(days, Qt.Key.Key_Escape)
    assert not calendar.isVisible()
    assert field.edit.text() == "14/03/19"


def test_a_date_not_in_use_has_no_value_and_no_problem(qtbot: QtBot) -> None:
    field = DateField(accessible_name="Date")
    qtbot.addWidget(field)
    field.set_value(TODAY + dt.timedelta(days=3))
    assert field.problem() == "This date is in the future."
    with qtbot.waitSignal(field.changed):
        field.set_in_use(False)
    assert (field.value(), field.problem(), field.in_use()) == (None, None, False)


def test_a_date_counts_while_its_window_is_disabled(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    field = DateField(accessible_name="Date", parent=window)
    field.set_value(dt.date(2024, 1, 31))
    window.setEnabled(False)
    assert field.value() == dt.date(2024, 1, 31)


def test_text_field_gives_a_calm_hint_until_the_person_has_typed(qtbot: QtBot) -> None:
    field = TextField(QLineEdit(), accessible_name="Name", rule=rules.PERSON_NAME)
    qtbot.addWidget(field)
    field.show_problem(field.problem())
    assert field.message.text() == "Please give a name."
    assert is_hint(field.message)
    assert field.editor.property(PROBLEM_PROPERTY) is not True
    qtbot.keyClicks(field.editor, "A")
    field.editor.clear()
    field.show_problem(field.problem())
    assert field.message.text() == "Please give a name."
    assert not is_hint(field.message)
    assert field.editor.property(PROBLEM_PROPERTY) is True


def test_text_field_trims_spaces_and_refuses_what_is_too_long(qtbot: QtBot) -> None:
    field = TextField(TextBox(), accessible_name="Notes", rule=TextRule(10, lines=True))
    qtbot.addWidget(field)
    field.set_text("  a note  ")
    assert field.text() == "a note"
    assert field.problem() is None
    field.set_text("x" * 11)
    assert field.problem() == "This is too long: please keep it to 10 characters or fewer."


def test_text_box_is_as_tall_as_its_lines(qtbot: QtBot) -> None:
    short, tall = TextBox(lines=2), TextBox(lines=6)
    qtbot.addWidget(short)
    qtbot.addWidget(tall)
    line = short.fontMetrics().lineSpacing()
    assert tall.sizeHint().height() - short.sizeHint().height() == 4 * line


def test_marking_a_field_tells_a_screen_reader_why_and_then_what_it_is(qtbot: QtBot) -> None:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    describe(widget, "Where the scan was done.")
    mark_field(widget, "Please say where.")
    assert widget.accessibleDescription() == "Please say where."
    assert widget.property(PROBLEM_PROPERTY) is True
    mark_field(widget, None)
    assert widget.accessibleDescription() == "Where the scan was done."
    assert widget.property(PROBLEM_PROPERTY) is False


def test_field_message_shows_the_sentence_and_marks_its_fields(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit(form)
    message = FieldMessage(field, parent=form)
    message.show_problem("This date is in the future.")
    assert not message.isHidden()
    assert (message.text(), is_hint(message)) == ("This date is in the future.", False)
    assert field.property(PROBLEM_PROPERTY) is True
    message.show_problem(None)
    assert message.isHidden()
    assert message.text() == ""
    assert field.property(PROBLEM_PROPERTY) is False


def test_form_check_counts_what_is_wrong(qtbot: QtBot) -> None:
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    check = FormCheck()
    check.add(FieldMessage(parent=first), None)
    assert check.passed
    check.add(FieldMessage(parent=second), "Please give a name.")
    assert not check.passed
    assert check.problems == ("Please give a name.",)


def test_choice_box_gives_back_the_enum_itself(qtbot: QtBot) -> None:
    box: ChoiceBox[Area] = ChoiceBox(accessible_name="Area")
    qtbot.addWidget(box)
    box.add_choice("Where it started", Area.PRIMARY, "The place where it began.")
    box.add_choice("Elsewhere in the body", Area.DISTANT)
    box.choose(Area.DISTANT)
    assert box.choice() is Area.DISTANT
    assert box.explanation() == ""
    box.choose(Area.PRIMARY)
    assert box.explanation() == "The place where it began."


def test_problem_marks_read_on_light_and_dark_backgrounds() -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    light_sheet, dark_sheet = problem_style_sheet(light), problem_style_sheet(dark)
    assert light_sheet != dark_sheet
    for sheet in (light_sheet, dark_sheet):
        assert f'[{PROBLEM_PROPERTY}="true"]' in sheet
        assert "border: 2px solid" in sheet
