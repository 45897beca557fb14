"""The size field: a size typed in mm or cm, read exactly as whole tenths of a mm and refused beside
itself when it is not a size the record can keep."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from survivor_app.domain import TENTHS_PER_MM, SizeError, tenths_from_text
from survivor_app.gui.field_problems import FieldMessage, label_for_screen_readers
from survivor_app.gui.text_fields import ChoiceBox

#: Units a size can be typed in, as shown and as ``tenths_from_text`` reads them.
SIZE_UNITS = ("mm", "cm")


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
