"""Ways for the dialog tests to reach a form's controls as a screen reader does: by their names."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from survivor_app.gui.field_problems import FieldMessage

W = TypeVar("W", bound=QWidget)


def control(dialog: QWidget, name: str, kind: type[W]) -> W:
    """The one control of ``kind`` whose accessible name is ``name``."""
    found = [w for w in dialog.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} controls named {name!r}"
    return found[0]


def choose(combo: QComboBox, words: str) -> None:
    """Pick the choice shown as ``words``."""
    index = combo.findText(words)
    assert index >= 0, f"no choice {words!r} in {combo.accessibleName()!r}"
    combo.setCurrentIndex(index)


def is_hint(message: FieldMessage) -> bool:
    """True when the message's sentence is shown as a gentle hint: without its warning sign."""
    (sign,) = (
        label for label in message.findChildren(QLabel) if label.accessibleName() == "Problem"
    )
    return sign.isHidden()


def shown_problems(dialog: QWidget) -> list[str]:
    """Every sentence the dialog shows as a problem (not as a gentle hint), in form order."""
    return [m.text() for m in dialog.findChildren(FieldMessage) if m.text() and not is_hint(m)]


def type_date(dialog: QWidget, name: str, typed: str) -> None:
    """Type a date, key by key, over whatever the date field named ``name`` holds."""
    edit = control(dialog, name, QLineEdit)
    edit.selectAll()
    QTest.keyClicks(edit, typed)


def heard_names(widget: QWidget) -> list[str]:
    """What a screen reader can take for a control's name, as Qt tells it: the name of its
    accessible interface (on Linux, a combo box's current value) and every label "for" it."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    labels = interface.relations(QAccessible.Relation.Label)
    return [interface.text(QAccessible.Text.Name)] + [
        label.text(QAccessible.Text.Name) for label, _ in labels
    ]
