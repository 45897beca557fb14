"""Fields for text and choices: a choice box, a text box of a few lines, and a text field that keeps
the record's rule for it and says beside itself what is wrong."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from survivor_app.domain import TextRule
from survivor_app.gui.field_problems import FieldMessage, sentence_of

T = TypeVar("T")


class ChoiceBox(QComboBox, Generic[T]):
    """A drop-down list of choices in words, each standing for one value.

    The values stay in Python: Qt would turn a string enum stored as item data into a plain str.
    """

    def __init__(self, *, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values: list[T] = []

    def add_choice(self, words: str, value: T, explanation: str = "") -> None:
        """Offer ``value`` under ``words``; an explanation is the item's tool tip."""
        self.addItem(words)
        if explanation:
            self.setItemData(self.count() - 1, explanation, Qt.ItemDataRole.ToolTipRole)
        self._values.append(value)

    def choice(self) -> T:
        """The value chosen now."""
        return self._values[self.currentIndex()]

    def choose(self, value: T) -> None:
        """Choose ``value``, which must be one of the choices."""
        self.setCurrentIndex(self._values.index(value))

    def explanation(self) -> str:
        """The explanation of the current choice ("" when it has none)."""
        return str(self.currentData(Qt.ItemDataRole.ToolTipRole) or "")


class TextBox(QPlainTextEdit):
    """A box for several lines of plain text, as tall as a few lines of the person's font."""

    def __init__(self, *, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines

    def sizeHint(self) -> QSize:
        """The usual width, and the height of ``lines`` lines (the box scrolls past them)."""
        return QSize(super().sizeHint().width(), self._height_of(self._lines))

    def minimumSizeHint(self) -> QSize:
        """Never shorter than two lines."""
        return QSize(super().minimumSizeHint().width(), self._height_of(min(self._lines, 2)))

    def _height_of(self, lines: int) -> int:
        margins = self.contentsMargins()
        document = 2 * round(self.document().documentMargin())
        return (
            self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + document
        )


def _stacked(field: QWidget, editor: QWidget, message: FieldMessage) -> None:
    """Lay out an editor with its message underneath, and send focus to the editor."""
    layout = QVBoxLayout(field)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor)
    layout.addWidget(message)
    field.setFocusProxy(editor)


class TextField(QWidget):
    """A line or a box of text that keeps the record's ``rule`` for it, with the sentence shown
    beneath it while it is wrong. ``required`` asks for text the rule lets be empty, or asks
    for it in other words than the rule's."""

    #: Emitted on every edit; carries nothing (read ``text()``).
    changed = Signal()

    def __init__(
        self,
        editor: QLineEdit | QPlainTextEdit,
        *,
        accessible_name: str,
        rule: TextRule,
        required: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self._rule = rule
        self._required = required
        self._touched = False
        editor.setAccessibleName(accessible_name)
        # No maxLength on a line: Qt counts UTF-16 units and would quietly cut a name of
        # emoji the record format accepts; problem() refuses what is too long instead.
        if isinstance(editor, QPlainTextEdit):
            # Tab moves on to the next field, so the keyboard can leave a text box.
            editor.setTabChangesFocus(True)
        editor.textChanged.connect(self._on_edited)
        self.message = FieldMessage(editor, parent=self)
        _stacked(self, editor, self.message)

    def text(self) -> str:
        """What was typed, without spaces at either end; a box's lines end with ``\\n``."""
        if isinstance(self.editor, QLineEdit):
            return self.editor.text().strip()
        # toPlainText() would turn no-break spaces into plain ones; the raw text keeps them,
        # with a paragraph separator where each line ends.
        return self.editor.document().toRawText().replace("\u2029", "\n").strip()

    def set_text(self, text: str) -> None:
        """Fill the field, as when editing something already recorded."""
        if isinstance(self.editor, QLineEdit):
            self.editor.setText(text)
        else:
            self.editor.setPlainText(text)

    def problem(self) -> str | None:
        """Why the text cannot be accepted, or None: the record's rule for it (not too long,
        lines only where it allows them, no control character but tab), and not empty where
        it is required."""
        text = self.text()
        if self._required is not None and not text:
            return self._required
        return sentence_of(self._rule.check(text, "text"))

    def show_problem(self, problem: str | None) -> None:
        """Show the sentence; a blank field nobody has typed in yet only gets a calm hint."""
        self.message.show_problem(problem, hint=not self._touched and not self.text())

    def _on_edited(self) -> None:
        self._touched = True
        self.changed.emit()
