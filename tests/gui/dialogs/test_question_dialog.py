"""The question dialog: the words, what it is about, when it was asked, and the answer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from survivor_app.domain import Cancer, Person, Question
from survivor_app.gui.dialogs import QuestionDialog

from .forms import choose, control, shown_problems, type_date

SECOND = Cancer("cancer-2", "Skin cancer", "left arm")


def new_dialog(
    qtbot: QtBot,
    person: Person,
    cancer: Cancer,
    question: Question | None = None,
    cancer_id: str | None = None,
) -> QuestionDialog:
    dialog = QuestionDialog(
        None, person=person, cancers=[cancer, SECOND], question=question, cancer_id=cancer_id
    )
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_question_is_about_the_cancer_it_was_asked_for(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer, cancer_id=SECOND.id)
    assert control(dialog, "What the question is about", QComboBox).currentText() == "Skin cancer"
    qtbot.keyClicks(control(dialog, "Question", QPlainTextEdit), "Should I see a dermatologist?")
    question = dialog.value()
    assert question is not None
    assert question.id.startswith("question-")
    assert question == Question(question.id, "Should I see a dermatologist?", SECOND.id)


def test_a_question_asked_and_answered(qtbot: QtBot, person: Person, cancer: Cancer) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    assert not control(dialog, "Date asked", QLineEdit).isEnabled()
    qtbot.keyClicks(control(dialog, "Question", QPlainTextEdit), "Can I travel?")
    choose(control(dialog, "What the question is about", QComboBox), "About me in general")
    control(dialog, "Asked on: known", QCheckBox).setChecked(True)
    type_date(dialog, "Date asked", "02/05/2024")
    qtbot.keyClicks(control(dialog, "Answer", QPlainTextEdit), "Yes, after the next scan.")
    question = dialog.value()
    assert question is not None
    assert question == Question(
        question.id, "Can I travel?", None, dt.date(2024, 5, 2), "Yes, after the next scan."
    )


def test_a_question_needs_words_and_a_possible_date(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    qtbot.keyClicks(control(dialog, "Question", QPlainTextEdit), "  ")
    control(dialog, "Asked on: known", QCheckBox).setChecked(True)
    type_date(dialog, "Date asked", (dt.date.today() + dt.timedelta(1)).strftime("%d/%m/%Y"))
    assert shown_problems(dialog) == ["Please write the question.", "This date is in the future."]
    assert not dialog.ok_button().isEnabled()


def test_a_question_is_at_most_2000_characters(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    dialog = new_dialog(qtbot, person, cancer)
    control(dialog, "Question", QPlainTextEdit).setPlainText("?" * 2001)
    assert shown_problems(dialog) == [
        "This is too long: please keep it to 2,000 characters or fewer."
    ]
    assert dialog.value() is None


def test_changing_a_question_keeps_its_id_and_cancer(
    qtbot: QtBot, person: Person, cancer: Cancer
) -> None:
    question = Question("question-1", "How long should a response last?", cancer.id)
    dialog = new_dialog(qtbot, person, cancer, question, cancer_id=SECOND.id)
    assert dialog.value() == question
    qtbot.keyClicks(control(dialog, "Answer", QPlainTextEdit), "A month at least.")
    assert dialog.value() == Question(
        "question-1", "How long should a response last?", cancer.id, None, "A month at least."
    )
