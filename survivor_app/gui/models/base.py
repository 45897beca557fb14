"""The shared shape of the record's table models: columns over a list of rows keyed by id."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

#: The role a QSortFilterProxyModel sorts by: real dates and numbers, not their display text.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The role that gives the id of the thing a row shows.
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its heading, the text a person reads and the value it sorts by."""

    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any]


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over rows of the record; edits go through undo commands, not the model.

    ``set_rows`` replaces the content with what storage holds now, telling the views exactly
    which rows went, came or changed, so that a selection survives an edit elsewhere.
    """

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        key: Callable[[Row], Hashable],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._rows: list[Row] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long quotes and answers are cut off in a narrow column; the tooltip shows them whole.
            text = column.text(row)
            return text if len(text) > 40 else None
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == ID_ROLE:
            return self._key(row)
        return None

    def row_at(self, row: int) -> Row:
        """The thing shown in one row."""
        return self._rows[row]

    def rows(self) -> tuple[Row, ...]:
        """Every row, in the model's own order (views may sort them differently)."""
        return tuple(self._rows)

    def row_of(self, key: Hashable) -> int:
        """The row that shows the thing with this id, or -1."""
        return next((i for i, row in enumerate(self._rows) if self._key(row) == key), -1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows, announcing each row that went away, came in or changed."""
        new = list(rows)
        new_keys = [self._key(row) for row in new]
        wanted = set(new_keys)
        # Bottom up, so the rows still to be looked at keep their numbers.
        for i in reversed(range(len(self._rows))):
            if self._key(self._rows[i]) not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        kept = [self._key(row) for row in self._rows]
        kept_set = set(kept)
        if kept != [key for key in new_keys if key in kept_set]:
            # Storage keeps things in the order they were entered, so this is rare.
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        last_column = len(self._columns) - 1
        for i, (key, row) in enumerate(zip(new_keys, new, strict=True)):
            if i >= len(self._rows) or self._key(self._rows[i]) != key:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
            elif self._rows[i] != row:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, last_column))
