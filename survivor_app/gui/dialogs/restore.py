"""The dialog of File ▸ Restore from backup…: the record's backups, newest first, each with when
and why it was made and what it holds; the ones that cannot be used are shown but not chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from survivor_app.gui.dates import long_date
from survivor_app.gui.dialogs.entry import DIALOG_WIDTH_CHARS, gloss
from survivor_app.storage import BackupFolder, BackupInfo

TITLE = "Restore from backup"
KEPT_FIRST = "Your record as it is now will be kept as a backup first."
NO_BACKUPS = (
    "There are no backups of this record yet. One is made each day the record changes, and "
    "before every import."
)

#: Why a backup was made, in the person's words, by the reason in its file name.
REASONS = {
    "daily": "daily",
    "by-hand": "by hand",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-update": "before an update",
    "damaged": "from a damaged record",
}

#: What a backup holds, in the order it is told; scans and statements are always told.
_COUNTED = (
    ("scans", "scan", "scans", True),
    ("statements", "statement", "statements", True),
    ("treatments", "treatment", "treatments", False),
    ("questions", "question", "questions", False),
    ("marker_results", "tumour marker result", "tumour marker results", False),
)

#: The widest the list may ask to be, in average characters of the person's font; longer
#: lines wrap.
LIST_WIDTH_CHARS = 100
#: The item data that holds a usable backup's path.
PATH_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex


def made_when(made: dt.datetime) -> str:
    """When a backup was made, in local time and the person's locale: ``3 March 2024 at 14:05``."""
    local = made.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{long_date(local.date())} at {time}"


def why_made(reason: str) -> str:
    """Why a backup was made, in plain words (``before an import``)."""
    return REASONS.get(reason, reason.replace("-", " "))


def what_it_holds(counts: Mapping[str, int] | None) -> str:
    """What a backup holds (``12 scans, 7 statements``), or that an older version made it."""
    if counts is None:
        return "Made by an earlier version of the app."
    parts = []
    for key, one, many, always in _COUNTED:
        number = counts.get(key, 0)
        if number == 1:
            parts.append(f"1 {one}")
        elif number or always:
            parts.append(f"{number or 'no'} {many}")
    return ", ".join(parts)


def backup_text(backup: BackupInfo) -> str:
    """A backup as the list shows it: when and why on the first line, then what it holds, or
    why it cannot be used."""
    first = f"{made_when(backup.made)}, made {why_made(backup.reason)}"
    second = what_it_holds(backup.counts) if backup.problem is None else backup.problem
    return f"{first}\n{second}"


def _item(backup: BackupInfo) -> QListWidgetItem:
    """A backup as a row of the list: one that cannot be used is shown, in italics, but cannot
    be chosen."""
    text = backup_text(backup)
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ". "))
    if backup.is_good:
        item.setData(PATH_ROLE, str(backup.path))
    else:
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
    return item


class _ReadableDelegate(QStyledItemDelegate):
    """Draws a backup that cannot be chosen in the colour of the text around it: Qt's grey for
    what is disabled is too faint for many eyes, and the italics already set it apart."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """The usual look, with the text of a disabled row as readable as any other."""
        super().initStyleOption(option, index)
        palette = option.palette
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, text)
        option.palette = palette


class RestoreDialog(QDialog):
    """Choose the backup to put back in place of the record."""

    def __init__(self, parent: QWidget | None, *, record: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        backups = BackupFolder(record).backups()
        layout = QVBoxLayout(self)

        heading = QLabel("&Backups of your record, newest first:")
        layout.addWidget(heading)
        self.backups = QListWidget()
        self.backups.setAccessibleName("Backups of your record")
        self.backups.setAccessibleDescription("Choose the backup to put back.")
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups.setWordWrap(True)
        # Items of two lines, set apart, are easier to tell from each other.
        self.backups.setSpacing(self.fontMetrics().height() // 4)
        # Room for five or six backups at once, in the person's font size.
        self.backups.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.backups.setItemDelegate(_ReadableDelegate(self.backups))
        heading.setBuddy(self.backups)
        for backup in backups:
            self.backups.addItem(_item(backup))
        self.backups.setMinimumWidth(self._width_for(backups))
        layout.addWidget(self.backups)

        self.empty = gloss(NO_BACKUPS)
        layout.addWidget(self.empty)
        self.note = gloss(KEPT_FIRST)
        layout.addWidget(self.note)
        if backups:
            self.empty.hide()
        else:
            heading.hide()
            self.backups.hide()
            self.note.hide()

        # The sentences under the list read best on lines of a comfortable length.
        width = self.fontMetrics().averageCharWidth() * DIALOG_WIDTH_CHARS
        layout.addSpacerItem(
            QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        )
        # Parented at once: a default button needs its dialog to know it.
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self._buttons)
        self.restore_button = self._buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_button.setDefault(True)
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel, and keep the record as it is")
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        self.backups.itemSelectionChanged.connect(self._follow_choice)
        self.backups.itemDoubleClicked.connect(lambda _item: self.accept())
        self._choose_newest_good()
        self._follow_choice()
        if backups:
            self.backups.setFocus()
        else:
            # Nothing to restore: a button that can never be pressed would only puzzle.
            self.restore_button.hide()

    @classmethod
    def ask(cls, parent: QWidget | None, *, record: Path) -> Path | None:
        """Ask which backup of ``record`` to restore; its path, or None when cancelled."""
        dialog = cls(parent, record=record)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.deleteLater()

    def chosen(self) -> Path | None:
        """The backup chosen now, or None when none is."""
        items = self.backups.selectedItems()
        if not items:
            return None
        return Path(items[0].data(PATH_ROLE))

    def accept(self) -> None:
        """Close with Restore, but only once a usable backup is chosen."""
        if self.chosen() is not None:
            super().accept()

    def _width_for(self, backups: list[BackupInfo]) -> int:
        """Wide enough for each backup's lines to fit on one line (in italics too), in the
        person's font size, up to ``LIST_WIDTH_CHARS``."""
        metrics = self.backups.fontMetrics()
        lines = [line for backup in backups for line in backup_text(backup).split("\n")]
        text = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        around = (
            self.backups.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            + 2 * self.backups.frameWidth()
            + 2 * self.backups.spacing()
            # Room for the item's own margins, and for italics, which run a little wider.
            + 4 * metrics.averageCharWidth()
        )
        return min(text, metrics.averageCharWidth() * LIST_WIDTH_CHARS) + around

    def _choose_newest_good(self) -> None:
        for row in range(self.backups.count()):
            item = self.backups.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.backups.setCurrentItem(item)
                return

    def _follow_choice(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
