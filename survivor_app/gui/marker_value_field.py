"""The field for a tumour marker's value as the lab report gives it: a number kept exactly as
typed ("4.10" stays 4.10), or "<0.1" for a result below the lowest the lab can measure; and the
same field, without "<", for the lab's upper limit of normal. What the number may be is the
record's rule (``record_rules.check_marker_number``), which the importer checks too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from survivor_app.domain.record_rules import check_marker_number, decimal_text
from survivor_app.gui.field_problems import FieldMessage, sentence_of

#: A number as people type it: decimal digits with at most one decimal point (a comma is read as
#: one), a minus sign for the rule to refuse. Python's Decimal alone would also read "1e3", "+5",
#: "nan" and "1_000".
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
#: What the lab writes before a result below the lowest it can measure.
BELOW = "<"


@dataclass(frozen=True, slots=True)
class TypedValue:
    """A value as typed: the number exactly, and whether the lab gave it as below that number."""

    value: Decimal
    below_limit: bool = False


def value_text(value: Decimal, *, below_limit: bool = False) -> str:
    """A value as a person types it again: ``4.10``, ``<0.1`` (never in exponent form)."""
    return f"{BELOW if below_limit else ''}{decimal_text(value)}"


def read_typed_value(text: str, *, below_allowed: bool) -> TypedValue | str:
    """The value in ``text``, or the sentence saying why it is not one (the record's rule: from
    0, above 0 for a limit, below a billion, four decimals at most)."""
    cleaned = text.strip().replace(",", ".")
    below = cleaned.startswith(BELOW)
    if below:
        cleaned = cleaned[len(BELOW) :].strip()
    example = "4.1 or <0.1" if below_allowed else "35"
    if below and not below_allowed:
        return f"Please type a number, such as {example}."
    if not _NUMBER.fullmatch(cleaned):
        return f"Please type the number as the report gives it, such as {example}."
    value = Decimal(cleaned)
    # A limit (of normal, or the lowest the lab can measure) is above 0.
    problem = check_marker_number(value, "value", above_zero=below or not below_allowed)
    return sentence_of(problem) or TypedValue(value, below)


class ValueField(QWidget):
    """A value typed as the report gives it, with its unit beside it and what is wrong beneath.

    ``below_allowed`` accepts "<0.1"; ``required`` is the sentence asked when it is left empty
    (None: it may be left empty).
    """

    #: Emitted on every edit; carries nothing (read ``reading()``).
    changed = Signal()

    def __init__(
        self,
        *,
        accessible_name: str,
        below_allowed: bool,
        required: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._below_allowed = below_allowed
        self._required = required
        self._touched = False
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText("e.g. 4.1 or <0.1" if below_allowed else "e.g. 35")
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("e.g. 4.1 or <0.1") * 5 // 4)
        self.unit = QLabel(self)
        self.unit.setTextFormat(Qt.TextFormat.PlainText)
        self.edit.textChanged.connect(self.changed)
        self.edit.textEdited.connect(self._on_typed)
        line = QHBoxLayout()
        line.addWidget(self.edit)
        line.addWidget(self.unit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        self.message = FieldMessage(self.edit, parent=self)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)

    def set_unit(self, unit: str) -> None:
        """Show the unit the value is in, beside it."""
        self.unit.setText(unit)

    def set_value(self, value: Decimal | None, *, below_limit: bool = False) -> None:
        """Show a recorded value (None empties the field)."""
        self.edit.setText("" if value is None else value_text(value, below_limit=below_limit))

    def reading(self) -> TypedValue | str | None:
        """The value typed, the sentence saying why it is not one, or None when left empty."""
        if not self.edit.text().strip():
            return None
        return read_typed_value(self.edit.text(), below_allowed=self._below_allowed)

    def value(self) -> TypedValue | None:
        """The value, or None while empty or wrong."""
        reading = self.reading()
        return reading if isinstance(reading, TypedValue) else None

    def problem(self) -> str | None:
        """Why the value cannot be accepted, or None."""
        reading = self.reading()
        if reading is None:
            return self._required
        return reading if isinstance(reading, str) else None

    def show_problem(self, problem: str | None) -> None:
        """Show the sentence beneath the value; an empty new field gets a calm hint."""
        self.message.show_problem(problem, hint=not self._touched and not self.edit.text())

    def _on_typed(self) -> None:
        self._touched = True
