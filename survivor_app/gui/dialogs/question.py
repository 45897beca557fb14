"""The dialog for one question for the next appointment, and the answer once it was asked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from survivor_app.domain import Cancer, Person, Question, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog
from survivor_app.gui.field_problems import FormCheck
from survivor_app.gui.text_fields import ChoiceBox, TextBox, TextField


class QuestionDialog(EntryDialog[Question]):
    """Write a question, say what it is about, and note when it was asked and the answer."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person,
        cancers: Sequence[Cancer],
        question: Question | None = None,
        cancer_id: str | None = None,
    ) -> None:
        super().__init__(parent, title="Change a question" if question else "Add a question")
        self._question = question
        # Made once, so that asking for the value twice gives the same question.
        self._id = question.id if question is not None else new_id("question")

        self._text = TextField(
            TextBox(lines=3), accessible_name="Question", rule=rules.QUESTION_TEXT
        )
        self._text.editor.setPlaceholderText("e.g. How long should a response last?")
        self.add_row("&Question", self._text, self._text.editor)

        self._about: ChoiceBox[str | None] = ChoiceBox(accessible_name="What the question is about")
        self._about.add_choice("About me in general", None)
        for cancer in cancers:
            self._about.add_choice(cancer.name, cancer.id)
        self.add_row("&About", self._about)

        self._asked = DateField(accessible_name="Date asked", birth_date=person.birth_date)
        self._asked_known = self.add_optional_date(
            "A&sked on", self._asked, in_use=question is not None and question.asked_on is not None
        )

        self._answer = TextField(
            TextBox(lines=4), accessible_name="Answer", rule=rules.QUESTION_ANSWER
        )
        self.add_row("A&nswer", self._answer, self._answer.editor)

        about = question.cancer_id if question is not None else cancer_id
        if about in {cancer.id for cancer in cancers}:
            self._about.choose(about)
        if question is not None:
            self._text.set_text(question.text)
            if question.asked_on is not None:
                self._asked.set_value(question.asked_on)
            self._answer.set_text(question.answer)
        self.watch(self._text, self._asked, self._answer)
        self.finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person,
        cancers: Sequence[Cancer],
        question: Question | None = None,
        cancer_id: str | None = None,
    ) -> Question | None:
        """Ask for a new question (or changes to ``question``); None when cancelled.

        ``cancer_id`` chooses the cancer a new question is about; a question being changed
        keeps its own.
        """
        return cls(
            parent, person=person, cancers=cancers, question=question, cancer_id=cancer_id
        ).run()

    def check_fields(self, check: FormCheck) -> None:
        """A question needs words; the date it was asked, when given, must be a possible one."""
        check.add(self._text, self._text.problem())
        check.add(self._asked, self._asked.problem())
        check.add(self._answer, self._answer.problem())

    def value(self) -> Question | None:
        """The question as entered (keeping its id when it was changed), or None while wrong."""
        if not self.recheck():
            return None
        return Question(
            id=self._id,
            text=self._text.text(),
            cancer_id=self._about.choice(),
            asked_on=self._asked.value(),
            answer=self._answer.text(),
        )
