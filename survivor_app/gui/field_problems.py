"""What every data-entry field shares: the sentence beside a field that says what is wrong, the
marking of the field itself, what a screen reader says of it, and the check that keeps OK disabled
until everything is right."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

from survivor_app.domain import Problem

#: The dynamic property a wrong field carries; the dialogs' style sheet draws its border.
PROBLEM_PROPERTY = "problem"
#: The property holding what a screen reader says of a field while nothing is wrong with it.
DESCRIPTION_PROPERTY = "plainDescription"


def sentence_of(problem: Problem | None) -> str | None:
    """What a field shows of a record rule's problem: its sentence (None: nothing is wrong)."""
    return None if problem is None else problem.sentence


def problem_style_sheet(palette: QPalette) -> str:
    """The rules that mark wrong fields, in a red that reads on the palette's background."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    border, text = ("#ef6b6b", "#ff9c94") if dark else ("#c62828", "#a51c1c")
    return (
        f'*[{PROBLEM_PROPERTY}="true"] {{ border: 2px solid {border}; border-radius: 3px; }}\n'
        f'QLabel[message="problem"] {{ color: {text}; }}\n'
    )


def describe(widget: QWidget, description: str) -> None:
    """Say what a field is for, to a screen reader; a problem is said instead while there is one."""
    widget.setProperty(DESCRIPTION_PROPERTY, description)
    if not widget.property(PROBLEM_PROPERTY):
        widget.setAccessibleDescription(description)


def label_for_screen_readers(widget: QWidget, words: str) -> QLabel:
    """A label that names ``widget`` to a screen reader and is never shown; ``widget`` must be
    in its place already, since the label goes beside it (in the same parent).

    On Linux, Qt tells a screen reader that a combo box's name is its current value ("mm") and
    leaves the real name to a label "for" it: a sibling whose buddy the box is. A form's own
    label does that for its field; a box without one gets this.
    """
    label = QLabel(words, widget.parentWidget())
    label.setBuddy(widget)
    label.hide()
    return label


def mark_field(widget: QWidget, problem: str | None) -> None:
    """Mark a widget as wrong (or right again): its border, and what a screen reader says of it."""
    wrong = problem is not None
    widget.setAccessibleDescription(problem or widget.property(DESCRIPTION_PROPERTY) or "")
    if widget.property(PROBLEM_PROPERTY) == wrong:
        return
    widget.setProperty(PROBLEM_PROPERTY, wrong)
    # A dynamic property only changes the drawing once the style looks at the widget again.
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class ShowsProblem(Protocol):
    """Anything that can show, beside itself, why what was entered is wrong."""

    def show_problem(self, problem: str | None) -> None:
        """Show the sentence (None: nothing is wrong)."""


class WrappingLabel(QLabel):
    """Plain text on one line up to ``chars`` average characters of the font, wrapped past that.

    A plain word-wrapped QLabel asks for a narrow column even for a short sentence, and a form
    then opens with gaps beside it; this one asks for the width it reads best at.
    """

    def __init__(self, text: str = "", *, chars: int = 60, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._chars = chars
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def sizeHint(self) -> QSize:
        """The text's own width up to ``chars`` characters, and the height it needs there."""
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        frame = margins.left() + margins.right() + 2 * self.margin()
        width = min(
            metrics.horizontalAdvance(self.text()) + metrics.averageCharWidth() + frame,
            metrics.averageCharWidth() * self._chars,
        )
        return QSize(width, self.heightForWidth(width))


class FieldMessage(QWidget):
    """A warning sign and a plain sentence beside a field, shown only while something is wrong.

    The fields it speaks for get a marked border too, so neither colour nor the sign alone
    carries the message. A ``hint`` is shown without the sign and the colour, for a field the
    person has not reached yet.
    """

    def __init__(self, *fields: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._icon = QLabel(self)
        self._icon.setAccessibleName("Problem")
        size = self.fontMetrics().height()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._icon.setPixmap(icon.pixmap(size, size))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = WrappingLabel(parent=self)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.setVisible(False)

    def show_problem(self, problem: str | None, *, hint: bool = False) -> None:
        """Show why the field is wrong, or hide when ``problem`` is None."""
        for field in self._fields:
            mark_field(field, None if hint else problem)
        self._icon.setVisible(not hint)
        self._text.setProperty("message", "hint" if hint else "problem")
        self._text.style().unpolish(self._text)
        self._text.style().polish(self._text)
        self._text.setText(problem or "")
        self.setVisible(problem is not None)

    def text(self) -> str:
        """The sentence shown now ("" when nothing is wrong)."""
        return self._text.text() if not self.isHidden() else ""


class FormCheck:
    """One pass over a form: every field shows its problem, and the pass remembers if any did."""

    def __init__(self) -> None:
        self._problems: list[str] = []

    def add(self, field: ShowsProblem, problem: str | None) -> None:
        """Show ``problem`` beside ``field`` (None clears it) and count it."""
        field.show_problem(problem)
        if problem is not None:
            self._problems.append(problem)

    @property
    def passed(self) -> bool:
        """True when no field had a problem."""
        return not self._problems

    @property
    def problems(self) -> tuple[str, ...]:
        """The sentences shown in this pass, in form order."""
        return tuple(self._problems)
