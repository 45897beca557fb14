"""The date field: a date typed in the order of the person's locale or picked from a calendar,
read back as it is understood, and refused beside itself when the record's rule for dates does
not allow it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from survivor_app.domain import check_date
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
from survivor_app.gui.field_problems import FieldMessage, describe, sentence_of


def date_problem(date: dt.date, *, birth_date: dt.date | None, today: dt.date) -> str | None:
    """Why a date cannot be accepted (the record's rule: from 1900, not in the future, not
    before the date of birth), or None when it can."""
    return sentence_of(check_date(date, "date", birth_date=birth_date, today=today))


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
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing())
        self._hold_message_line()
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
        self._hold_message_line()
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

    def _hold_message_line(self) -> None:
        # While the date is in use, the line beneath keeps its place once the date is read (its
        # hint and problems come and go as it is typed), so the fields below stay where the
        # person saw them; a date left out takes no room for it.
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(self._in_use)
        self.message.setSizePolicy(policy)

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
