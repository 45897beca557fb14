"""What every data-entry dialog has in common: a form, OK and Cancel, and OK kept disabled
until every field is right, so nothing half-entered is ever returned."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from survivor_app.gui.fields import (
    DateField,
    FormCheck,
    SizeField,
    TextBox,
    TextField,
    WrappingLabel,
    describe,
    problem_style_sheet,
)

T = TypeVar("T")

#: The narrowest a dialog may be, in average characters of the person's font.
DIALOG_WIDTH_CHARS = 60
#: What a box of several lines says of the key that presses OK from it.
OK_KEY_HINT = "Ctrl+Enter presses OK."
#: How long a gloss's line may run before it wraps, in average characters of the font.
GLOSS_CHARS = 80


def gloss(text: str) -> QLabel:
    """A short explanation under a field, wrapped past a comfortable line length."""
    return WrappingLabel(text, chars=GLOSS_CHARS)


class EntryDialog(QDialog, Generic[T]):
    """A dialog that returns one domain object, checked field by field as it is typed.

    Subclasses build their fields into ``form`` (or ``body``), call ``finish()`` once at the
    end of their ``__init__``, and say what is wrong in ``check_fields``.
    """

    def __init__(self, parent: QWidget | None, *, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        # The dialog follows its content as fields and messages appear and disappear.
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._style_sheet = ""
        self._finished = False
        self._follow_palette()

    def add_row(self, text: str, field: QWidget, buddy: QWidget | None = None) -> QLabel:
        """Add a field under a label whose mnemonic (``&Date``) moves the focus to it."""
        label = QLabel(text)
        label.setBuddy(buddy or field)
        self.form.addRow(label, field)
        return label

    def add_optional_date(self, text: str, field: DateField, *, in_use: bool) -> QCheckBox:
        """Add a date that may be left out, under a tick box (``Date of &birth``) that uses it."""
        box = QCheckBox(text)
        box.setAccessibleName(f"{text.replace('&', '')}: known")
        describe(box, "Tick to give the date.")
        box.setChecked(in_use)
        field.set_in_use(in_use)
        box.toggled.connect(field.set_in_use)
        self.form.addRow(box, field)
        return box

    def watch(self, *fields: TextField | DateField | SizeField) -> None:
        """Check the whole form again whenever one of these fields changes."""
        for field in fields:
            field.changed.connect(self.recheck)

    def add_gloss(self, text: str) -> QLabel:
        """Add a short explanation in the field column, under the row before it."""
        label = gloss(text)
        self.form.addRow("", label)
        return label

    def add_check_box(self, text: str, explanation: str) -> QCheckBox:
        """Add a tick box with a one-line gloss under it; it rechecks the form when ticked."""
        box = QCheckBox(text)
        box.setAccessibleName(text.replace("&", ""))
        describe(box, explanation)
        box.toggled.connect(self.recheck)
        self.form.addRow("", box)
        self.add_gloss(explanation)
        return box

    def finish(self) -> None:
        """Put OK and Cancel last (also last in the tab order), then check the fields once."""
        # A strut keeps glosses from wrapping into narrow columns, in the person's font size.
        width = self.fontMetrics().averageCharWidth() * DIALOG_WIDTH_CHARS
        self.body.addSpacerItem(
            QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        )
        self.body.addWidget(self._buttons)
        self.ok_button().setDefault(True)
        # Enter adds a line in a box of several lines; Ctrl+Enter presses OK from anywhere.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.accept)
        for box in self.findChildren(TextBox):
            box.setPlaceholderText("\n".join(filter(None, (box.placeholderText(), OK_KEY_HINT))))
            box.setToolTip(OK_KEY_HINT)
        self._finished = True
        self.recheck()

    def ok_button(self) -> QPushButton:
        """The OK button, enabled only while everything entered is right."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    def recheck(self) -> bool:
        """Check every field, show what is wrong beside it, and allow OK only when all is right."""
        if not self._finished:
            # Filling in the fields while the form is being built: finish() checks them all.
            return False
        check = FormCheck()
        self.check_fields(check)
        self.ok_button().setEnabled(check.passed)
        return check.passed

    def check_fields(self, check: FormCheck) -> None:
        """Add each field with its problem (or None) to ``check``, in form order."""
        raise NotImplementedError

    def value(self) -> T | None:
        """What was entered, or None while something is still wrong."""
        raise NotImplementedError

    def accept(self) -> None:
        """Close with OK, but only when everything entered is right."""
        if self.recheck():
            super().accept()

    def run(self) -> T | None:
        """Show the dialog until the person answers: the value on OK, None on Cancel or Escape."""
        try:
            if self.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.value()
        finally:
            self.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's switch between light and dark, so marks stay readable."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()
        super().changeEvent(event)

    def _follow_palette(self) -> None:
        sheet = problem_style_sheet(self.palette())
        # Setting a style sheet can itself send a palette change: only set a different one.
        if sheet != self._style_sheet:
            self._style_sheet = sheet
            self.setStyleSheet(sheet)
