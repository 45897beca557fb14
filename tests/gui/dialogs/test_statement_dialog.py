"""The statement dialog: the doctor's words, the status the person chooses, and a suggestion
that is offered from the words and never applied without "Use this"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from survivor_app.domain import Cancer, Person, RecurrenceType, Statement, Status
from survivor_app.gui.dialogs import StatementDialog
from survivor_app.status.suggest import Suggestion

from .forms import choose, control, shown_problems, type_date


def new_dialog(
    qtbot: QtBot, person: Person, cancer: Cancer, statement: Statement | None = None
) -> StatementDialog:
    dialog = StatementDialog(None, person=person, cancer=cancer, statement=statement)
    qtbot.addWidget(dialog)
    return dialog


def use_this(dialog: StatementDialog) -> QPushButton:
    return control(dialog, "Use the suggested status", QPushButton)


def test_a_statement_is_returned_as_entered(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the statement", "02/02/2022")
    qtbot.keyClicks(control(dialog, "Who said it", QLineEdit), "Dr. Osei")
    qtbot.keyClicks(control(dialog, "What they said", QPlainTextEdit), "It is responding well.")
    choose(control(dialog, "Status", QComboBox), "Partial remission")
    statement = dialog.value()
    assert statement is not None
    assert statement.id.startswith("statement-")
    assert statement == Statement(
        statement.id,
        cancer.id,
        dt.date(2022, 2, 2),
        "It is responding well.",
        "Dr. Osei",
        Status.PARTIAL_REMISSION,
    )


def test_the_status_list_offers_the_five_statuses_in_words(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    status = control(dialog, "Status", QComboBox)
    assert [status.itemText(i) for i in range(status.count())] == [
        "No status",
        "Complete remission (no evidence of disease)",
        "Partial remission",
        "Stable (controlled)",
        "Progressed",
        "Recurred",
    ]


def test_where_it_came_back_is_asked_only_for_a_recurrence(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the statement", "02/02/2022")
    qtbot.keyClicks(control(dialog, "What they said", QPlainTextEdit), "We found a spot.")
    where = control(dialog, "Where it came back", QComboBox)
    assert not where.isEnabled()
    choose(control(dialog, "Status", QComboBox), "Recurred")
    assert where.isEnabled()
    statement = dialog.value()
    assert statement is not None
    assert (statement.status, statement.recurrence_type) == (Status.RECURRED, None)
    choose(where, "Regional — nearby lymph nodes")
    statement = dialog.value()
    assert statement is not None
    assert statement.recurrence_type is RecurrenceType.REGIONAL
    choose(control(dialog, "Status", QComboBox), "Stable (controlled)")
    assert not where.isEnabled()
    statement = dialog.value()
    assert statement is not None
    assert (statement.status, statement.recurrence_type) == (Status.STABLE, None)


def test_a_suggestion_is_offered_but_not_applied(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the statement", "02/02/2022")
    assert dialog.suggestion() is None
    qtbot.keyClicks(
        control(dialog, "What they said", QPlainTextEdit), "The scan is stable, it is controlled."
    )
    assert dialog.suggestion() == Suggestion(Status.STABLE)
    assert use_this(dialog).isVisibleTo(dialog)
    assert use_this(dialog).accessibleDescription() == (
        "Suggested from the words: Stable (controlled)."
    )
    assert control(dialog, "Status", QComboBox).currentText() == "No status"
    statement = dialog.value()
    assert statement is not None
    assert statement.status is None


def test_use_this_takes_the_suggested_status_and_place(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    type_date(dialog, "Date of the statement", "02/02/2022")
    qtbot.keyClicks(
        control(dialog, "What they said", QPlainTextEdit),
        "I'm sorry, it has come back in the liver.",
    )
    assert dialog.suggestion() == Suggestion(Status.RECURRED, RecurrenceType.DISTANT)
    use_this(dialog).click()
    assert control(dialog, "Status", QComboBox).currentText() == "Recurred"
    assert control(dialog, "Where it came back", QComboBox).currentText() == (
        "Distant — elsewhere in the body"
    )
    assert dialog.suggestion() is None
    statement = dialog.value()
    assert statement is not None
    assert (statement.status, statement.recurrence_type) == (
        Status.RECURRED,
        RecurrenceType.DISTANT,
    )


def test_the_suggestion_follows_the_words(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    words = control(dialog, "What they said", QPlainTextEdit)
    qtbot.keyClicks(words, "There is no evidence of disease.")
    assert dialog.suggestion() == Suggestion(Status.COMPLETE_REMISSION)
    words.clear()
    qtbot.keyClicks(words, "See you in June.")
    assert dialog.suggestion() is None
    assert not use_this(dialog).isVisibleTo(dialog)


def test_a_statement_needs_the_words_and_a_possible_date(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    assert not dialog.ok_button().isEnabled()
    type_date(dialog, "Date of the statement", "31/12/1960")
    qtbot.keyClicks(control(dialog, "What they said", QPlainTextEdit), " ")
    assert shown_problems(dialog) == [
        "This date is before your date of birth.",
        "Please write what they said.",
    ]
    assert not dialog.ok_button().isEnabled()
    assert dialog.value() is None


def test_changing_a_statement_keeps_its_id(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    statement = Statement(
        "statement-1", cancer.id, dt.date(2024, 6, 3), "It has come back in the liver.",
        "Dr. Osei", Status.RECURRED, RecurrenceType.DISTANT,
    )  # fmt: skip
    dialog = new_dialog(qtbot, person, cancer, statement)
    assert dialog.suggestion() is None
    assert dialog.value() == statement
    choose(control(dialog, "Status", QComboBox), "No status")
    assert dialog.suggestion() == Suggestion(Status.RECURRED, RecurrenceType.DISTANT)
    assert dialog.value() == Statement(
        "statement-1", cancer.id, dt.date(2024, 6, 3), "It has come back in the liver.", "Dr. Osei"
    )
