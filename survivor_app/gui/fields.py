"""The pieces every data-entry dialog shares: text, date and size fields that say beside
themselves what is wrong, and the check that keeps OK disabled until everything is right."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QDate, QLocale, QPoint, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from survivor_app.domain import (
    TENTHS_PER_MM,
    Problem,
    SizeError,
    TextRule,
    check_date,
    tenths_from_text,
)
from survivor_app.domain.rules import EARLIEST_DATE
from survivor_app.domain.typed_dates import read_typed_date
from survivor_app.gui.dates import (
    date_order,
    python_date,
    qdate,
    short_date,
    typed_example,
    window_style,
)

#: The dynamic property a wrong field carries; the dialogs' style sheet draws its border.
PROBLEM_PROPERTY = "problem"
#: The property holding what a screen reader says of a field while nothing is wrong with it.
DESCRIPTION_PROPERTY = "plainDescription"
#: Units a size can be typed in, as shown and as ``tenths_from_text`` reads them.
SIZE_UNITS = ("mm", "cm")

T = TypeVar("T")


def date_problem(date: dt.date, *, birth_date: dt.date | None, today: dt.date) -> str | None:
    """Why a date cannot be accepted (the record's rule: from 1900, not in the future, not
    before the date of birth), or None when it can."""
    return sentence_of(check_date(date, "date", birth_date=birth_date, today=today))


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


class _DateLine(QLineEdit):
    """The line a date is typed on; Alt+Down asks for the calendar, as in a drop-down list."""

    #: Emitted when Alt+Down is pressed; carries nothing.
    calendar_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.calendar_requested.emit()
            return
        super().keyPressEvent(event)


class _CalendarPopup(QFrame):
    """A month to pick a day from, closed by Enter or a click on a day, or by Escape."""

    #: Emitted with the day picked (a ``datetime.date``).
    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        # A popup has no window frame: its own line sets it apart from the dialog beneath.
        self.setFrameStyle(QFrame.Shape.StyledPanel | QFrame.Shadow.Plain)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def open_at(self, anchor: QWidget, date: dt.date) -> None:
        """Show the month of ``date`` under ``anchor``, with the keyboard on that day."""
        self.calendar.setDateRange(qdate(EARLIEST_DATE), qdate(dt.date.today()))
        self.calendar.setSelectedDate(qdate(date))
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _pick(self, date: QDate) -> None:
        self.close()
        self.picked.emit(python_date(date))


class DateField(QWidget):
    """A date typed as the person writes it, with the date it was read as said beside it.

    The text is only ever read, never rewritten: "14/03/1954", "14 March 1954" or "1954-03-14"
    are read in the locale's order (``read_typed_date``), and the field says "Sunday 14 March
    1954" beside itself, or what is wrong beneath. A calendar opens from the button beside it,
    or with Alt+Down; the button takes no Tab stop. A field that is not in use (an optional
    date left out) has no value and no problem. A new field starts empty.
    """

    #: Emitted on every change of the typed text or of whether the field is in use.
    changed = Signal()

    def __init__(
        self,
        *,
        accessible_name: str,
        birth_date: dt.date | None = None,
        required: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._birth_date = birth_date
        self._required = required
        self._in_use = True
        self._touched = False
        self.edit = _DateLine(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(f"e.g. {typed_example()}")
        # Room for the longest date a person may type: "September 30, 2024".
        self.edit.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("September 30, 2024") * 5 // 4
        )
        self.edit.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setAccessibleName(f"{accessible_name}: calendar")
        self.calendar_button.setToolTip("Choose the day on a calendar (Alt+Down)")
        # Tab goes from field to field; the calendar is a click or Alt+Down away.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.edit.calendar_requested.connect(self.open_calendar)
        self.understood = QLabel(self)
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self._calendar: _CalendarPopup | None = None
        self.edit.textChanged.connect(self._on_changed)
        self.edit.textEdited.connect(self._on_typed)
        line = QHBoxLayout()
        line.setSpacing(self.fontMetrics().averageCharWidth() // 2)
        line.addWidget(self.edit)
        line.addWidget(self.calendar_button)
        line.addSpacing(self.fontMetrics().averageCharWidth())
        line.addWidget(self.understood, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        self.message = FieldMessage(self.edit, parent=self)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self._show_understood()

    def reading(self) -> dt.date | str:
        """The date as typed, or the sentence saying why the text is not one real date."""
        return read_typed_date(self.edit.text(), date_order())

    def value(self) -> dt.date | None:
        """The date, or None while the field is not in use or not a real date yet."""
        reading = self.reading()
        if not self._in_use or isinstance(reading, str):
            return None
        return reading

    def set_value(self, date: dt.date | None) -> None:
        """Show a date (None empties the field, as new), as when editing something recorded."""
        self._touched = False
        self.edit.setText("" if date is None else short_date(date))

    def set_in_use(self, in_use: bool) -> None:
        """Use the date, or leave it out (an optional date, or an end still to come)."""
        self._in_use = in_use
        self.edit.setEnabled(in_use)
        self.calendar_button.setEnabled(in_use)
        self._show_understood()
        self.changed.emit()

    def in_use(self) -> bool:
        """True when the date counts."""
        return self._in_use

    def problem(self) -> str | None:
        """Why the date cannot be accepted, or None (always None while not in use)."""
        if not self.in_use():
            return None
        if not self.edit.text().strip():
            return self._required or f"Please type the date, for example {typed_example()}."
        reading = self.reading()
        if isinstance(reading, str):
            return reading
        return date_problem(reading, birth_date=self._birth_date, today=dt.date.today())

    def show_problem(self, problem: str | None) -> None:
        """Show the sentence beneath the date (None hides it); an empty new field gets a hint."""
        self.message.show_problem(problem, hint=not self._touched and not self.edit.text())

    def open_calendar(self) -> None:
        """Open the calendar on the date typed (or today); the day picked replaces the text."""
        if not self._in_use:
            return
        if self._calendar is None:
            self._calendar = _CalendarPopup(self)
            self._calendar.picked.connect(self._on_picked)
        self._calendar.open_at(self.edit, self.value() or dt.date.today())

    def _on_picked(self, date: dt.date) -> None:
        self.set_value(date)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_typed(self) -> None:
        self._touched = True

    def _on_changed(self) -> None:
        self._show_understood()
        self.changed.emit()

    def _show_understood(self) -> None:
        reading = self.reading()
        words = ""
        if self._in_use and isinstance(reading, dt.date):
            words = window_style().with_weekday(reading)
        self.understood.setText(words)
        describe(self.edit, words)


def size_text(tenths: int, unit: str = "mm") -> str:
    """A size as a person would type it: ``23.5`` (mm), ``2.35`` (cm), in the locale's decimals."""
    scale = TENTHS_PER_MM if unit == "mm" else TENTHS_PER_MM * 10
    whole, part = divmod(tenths, scale)
    if part == 0:
        return str(whole)
    digits = str(part).rjust(len(str(scale)) - 1, "0").rstrip("0")
    # tenths_from_text reads a comma or a point, so only those two are ever written.
    point = "," if QLocale().decimalPoint() == "," else "."
    return f"{whole}{point}{digits}"


class SizeField(QWidget):
    """A size typed in mm or cm, read exactly as whole tenths of a millimetre.

    Its ``message`` sits beneath the number, or with ``message_below=False`` is left for the
    owner to place, so that a grid of sizes can give each message a whole row of its own.
    """

    #: Emitted on every edit of the number or change of unit.
    changed = Signal()

    def __init__(
        self, *, accessible_name: str, message_below: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText("e.g. 23.5")
        # Wide enough for "500.0" and the placeholder, in the person's own font size.
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("e.g. 23.5") * 3 // 2)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit: ChoiceBox[str] = ChoiceBox(
            accessible_name=f"{accessible_name}, unit", parent=self
        )
        for unit in SIZE_UNITS:
            self.unit.add_choice(unit, unit)
        label_for_screen_readers(self.unit, f"{accessible_name}, unit")
        self.edit.textChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)
        number = QHBoxLayout()
        number.addWidget(self.edit, 1)
        number.addWidget(self.unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(number)
        self.setFocusProxy(self.edit)
        self.message = FieldMessage(self.edit, parent=self)
        if message_below:
            layout.addWidget(self.message)

    def text(self) -> str:
        """The number as typed."""
        return self.edit.text()

    def is_blank(self) -> bool:
        """True when nothing but spaces was typed."""
        return not self.edit.text().strip()

    def unit_name(self) -> str:
        """``mm`` or ``cm``."""
        return self.unit.choice()

    def set_size(self, tenths: int | None, unit: str = "mm") -> None:
        """Show a size (None empties the field), as when editing a scan already recorded."""
        with QSignalBlocker(self.unit):
            self.unit.choose(unit)
        self.edit.setText("" if tenths is None else size_text(tenths, unit))

    def tenths(self) -> int:
        """The size in tenths of a millimetre; raises SizeError with a sentence when wrong."""
        return tenths_from_text(self.edit.text(), unit=self.unit_name())

    def problem(self) -> str | None:
        """Why the size cannot be accepted, or None."""
        try:
            self.tenths()
        except SizeError as error:
            return str(error)
        return None

    def show_problem(self, problem: str | None) -> None:
        """Mark the number and show the sentence in ``message``."""
        self.message.show_problem(problem)
