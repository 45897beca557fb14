"""What every data-entry dialog has in common: a form, OK and Cancel, and OK kept disabled
until every field is right, so nothing half-entered is ever returned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from survivor_app.gui.date_field import DateField
from survivor_app.gui.field_problems import FormCheck, WrappingLabel, describe, problem_style_sheet
from survivor_app.gui.size_field import SizeField
from survivor_app.gui.text_fields import TextBox, TextField

T = TypeVar("T")

#: The narrowest a dialog may be, in average characters of the person's font.
DIALOG_WIDTH_CHARS = 60
#: What a box of several lines says of the key that presses OK from it.
OK_KEY_HINT = "Ctrl+Enter presses OK."
#: How long a gloss's line may run before it wraps, in average characters of the font.
GLOSS_CHARS = 80


#: Room kept for a dialog's title bar before the window system has said how tall it is.
_TITLE_BAR = 32


def gloss(text: str) -> QLabel:
    """A short explanation under a field, wrapped past a comfortable line length."""
    return WrappingLabel(text, chars=GLOSS_CHARS)


class _FormArea(QScrollArea):
    """A dialog's form, scrolling when the screen is too small for all of it (large text on a
    small screen); it asks for the form's whole size, and tells the dialog when that changes."""

    def __init__(self, content: QWidget, grown: Callable[[], None]) -> None:
        super().__init__()
        self._grown = grown
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName("Form")
        # Tab goes straight to the fields inside; the area scrolls to show the one with focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def event(self, event: QEvent) -> bool:
        """Ask for more room when a field or a message appears in the form (the form's layout
        asks the area, its parent, to lay out again)."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            if self.isVisible():
                QTimer.singleShot(0, self, self._grown)
        return super().event(event)

    def sizeHint(self) -> QSize:
        """The whole form, and room for a scroll bar beside it."""
        content = self._content().sizeHint()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + scroll_bar, content.height())

    def _content(self) -> QWidget:
        content = self.widget()
        assert content is not None
        return content

    def minimumSizeHint(self) -> QSize:
        """The form's width, and a few lines of it: the rest scrolls."""
        lines = self.fontMetrics().lineSpacing() * 6
        content = self._content().minimumSizeHint()
        return QSize(content.width(), min(content.height(), lines))


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
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(self.form)
        self._form_area = _FormArea(content, self._fit_to_screen)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._outer = QVBoxLayout(self)
        self._outer.addWidget(self._form_area, 1)
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

    def bring_into_view(self, widget: QWidget) -> None:
        """Scroll the form to show ``widget`` (as Tab does, for a field focused another way)."""
        self._form_area.ensureWidgetVisible(widget)

    def finish(self) -> None:
        """Put OK and Cancel last (also last in the tab order), then check the fields once."""
        # A strut keeps glosses from wrapping into narrow columns, in the person's font size.
        width = self.fontMetrics().averageCharWidth() * DIALOG_WIDTH_CHARS
        self.body.addSpacerItem(
            QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        )
        self.body.addStretch(1)
        # OK and Cancel stay beneath the form, in view however far it scrolls; put in place
        # last, so that they come last for Tab too.
        self._outer.addWidget(self._buttons)
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

    def setVisible(self, visible: bool) -> None:
        """Open at the size the form asks for, within the screen (before Qt places it)."""
        if visible and not self.isVisible():
            self._fit_to_screen()
        super().setVisible(visible)

    def _fit_to_screen(self) -> None:
        """Grow to show the whole form as fields and messages appear, as far as the screen
        allows; beyond that the form scrolls, and OK and Cancel stay in view."""
        screen = self.screen().availableGeometry()
        # The window's frame and title bar, once the window system has given it one.
        frame = self.frameGeometry().size() - self.geometry().size()
        room_height = screen.height() - max(frame.height(), _TITLE_BAR)
        wanted = self.sizeHint()
        width = min(max(self.width() if self.isVisible() else 0, wanted.width()), screen.width())
        height = min(max(self.height() if self.isVisible() else 0, wanted.height()), room_height)
        self.resize(width, height)
        if self.isVisible() and not screen.contains(self.frameGeometry()):
            # Grown past the bottom or the side: back onto the screen.
            place = self.frameGeometry()
            place.moveBottom(min(place.bottom(), screen.bottom()))
            place.moveRight(min(place.right(), screen.right()))
            self.move(max(place.left(), screen.left()), max(place.top(), screen.top()))

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
