"""The shared shape of the record's table models: columns over a list of rows keyed by id."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

#: The role that gives the id of the thing a row shows.
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The roles ``RecordTableModel.data`` answers, as plain numbers: comparing with Qt's enum
# members costs more than the rest of a call.
_TEXT_ROLES = frozenset((int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole)))
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED_ROLES = _TEXT_ROLES | {_TOOLTIP_ROLE, int(ID_ROLE)}

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its heading, the text a person reads and the value it sorts by (a real date
    or number, not its display text; text in lower case, as a person expects)."""

    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any]


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over rows of the record; edits are changes the session writes, not the
    model.

    ``set_rows`` replaces the content with what storage holds now, telling the views exactly
    which rows went, came or changed, so that a selection survives an edit elsewhere.

    The model sorts itself (``sort``, as a view's headings ask): each row's key is worked out once
    per sort, where a sorting proxy would ask the model for two values on every comparison. Until
    a column is chosen, rows keep the order storage gives them, the order they were entered.
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
        # Each row's place in storage's order, by id: what the rows fall back on when keys tie.
        self._entry: dict[Hashable, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

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
        # Views ask for a dozen roles per cell: thousands of calls for a long record. The roles
        # this model has nothing for are answered first, and the index is checked in plain
        # Python, as checkIndex would.
        if role not in _ANSWERED_ROLES or not index.isValid() or index.model() is not self:
            return None
        row_number, column_number = index.row(), index.column()
        if row_number >= len(self._rows) or column_number >= len(self._columns):
            return None
        row = self._rows[row_number]
        column = self._columns[column_number]
        if role in _TEXT_ROLES:
            return column.text(row)
        if role == _TOOLTIP_ROLE:
            # Long quotes and answers are cut off in a narrow column; the tooltip shows them whole.
            text = column.text(row)
            return text if len(text) > 40 else None
        return self._key(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by one column (-1: the order they were entered), telling the views
        where each row went so that the chosen row stays chosen."""
        self._sort_column = column if 0 <= column < len(self._columns) else -1
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        old_row_of_key = {self._key(row): number for number, row in enumerate(self._rows)}
        self._rows = self._sorted(self._rows)
        self._move_persistent_rows([old_row_of_key[self._key(row)] for row in self._rows])
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[Row], *, entered: bool = False) -> list[Row]:
        """These rows in the chosen order; rows that tie keep the order they were entered in
        (``entered``: the order they are given in)."""
        if entered:
            by_entry = list(rows)
        else:
            by_entry = sorted(
                rows, key=lambda row: self._entry.get(self._key(row), len(self._entry))
            )
        if self._sort_column < 0:
            return by_entry
        sort_key = self._columns[self._sort_column].sort_key
        keys = [sort_key(row) for row in by_entry]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Python's sort is stable also in reverse, as Qt's is: ties keep the entry order.
        order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        return [by_entry[i] for i in order]

    def _move_persistent_rows(self, old_row_of: Sequence[int]) -> None:
        """Point the views' kept indexes (selection, current row) at where their rows went:
        ``old_row_of[new]`` is the row each row had before."""
        new_row_of = {old: new for new, old in enumerate(old_row_of)}
        before = self.persistentIndexList()
        after = [
            self.index(new_row_of[index.row()], index.column())
            if index.row() in new_row_of
            else QModelIndex()
            for index in before
        ]
        self.changePersistentIndexList(before, after)

    def column_texts(self, column: int, rows: range | None = None) -> list[str]:
        """The text each row (or each of ``rows``) shows in one column, in the model's order."""
        text = self._columns[column].text
        shown = self._rows if rows is None else self._rows[rows.start : rows.stop]
        return [text(row) for row in shown]

    def row_of(self, key: Hashable) -> int:
        """The row that shows the thing with this id, or -1."""
        return next((i for i, row in enumerate(self._rows) if self._key(row) == key), -1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (given in the order they were entered), in the chosen order,
        announcing each row that went away, came in, moved or changed.

        Neighbouring rows that go or come together are announced in one signal, so that a view
        fits itself to a thousand new rows once rather than a thousand times.
        """
        self._entry = {self._key(row): number for number, row in enumerate(rows)}
        # Each row's key once: the rows are given in the order they were entered.
        new = self._sorted(rows, entered=len(self._entry) == len(rows))
        new_keys = [self._key(row) for row in new]
        wanted = set(new_keys)
        # Bottom up, so the rows still to be looked at keep their numbers.
        last = len(self._rows) - 1
        while last >= 0:
            if self._key(self._rows[last]) in wanted:
                last -= 1
                continue
            first = last
            while first > 0 and self._key(self._rows[first - 1]) not in wanted:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
            last = first - 1
        kept = [self._key(row) for row in self._rows]
        kept_set = set(kept)
        wanted_order = [key for key in new_keys if key in kept_set]
        if kept != wanted_order:
            # An edit moved a row (a new date, say): the kept rows change places first.
            self.layoutAboutToBeChanged.emit()
            old_row_of_key = {key: number for number, key in enumerate(kept)}
            old_row_of = [old_row_of_key[key] for key in wanted_order]
            self._rows = [self._rows[old] for old in old_row_of]
            self._move_persistent_rows(old_row_of)
            kept = wanted_order
            self.layoutChanged.emit()
        last_column = len(self._columns) - 1
        i = 0
        while i < len(new):
            if i < len(self._rows) and kept[i] == new_keys[i]:
                if self._rows[i] is not new[i] and self._rows[i] != new[i]:
                    self._rows[i] = new[i]
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last_column))
                i += 1
                continue
            # The new rows before the next kept one (or up to the end) come in together.
            end = i + 1
            while end < len(new) and new_keys[end] not in kept_set:
                end += 1
            self.beginInsertRows(QModelIndex(), i, end - 1)
            self._rows[i:i] = new[i:end]
            kept[i:i] = new_keys[i:end]
            self.endInsertRows()
            i = end
