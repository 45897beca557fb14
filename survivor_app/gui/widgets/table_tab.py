"""One tab of the main window: a sortable table of scans, statements, treatments or questions,
with Add, Edit and Delete buttons and their keys (Insert, Enter or Return, Delete)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from survivor_app.gui.models.base import ID_ROLE, RecordTableModel

#: Pixels by which a text's width as measured here may differ from the width Qt lays it out at.
_ROUNDING_ROOM = 2.0


class TableTab(QWidget):
    """A table of one kind of thing, and the buttons that add, edit and delete them."""

    add_requested = Signal()
    """Emitted by the Add button or the Insert key; carries nothing."""

    edit_requested = Signal(str)
    """Emitted by the Edit button, Enter, Return or a double click; carries the chosen row's id."""

    delete_requested = Signal(str)
    """Emitted by the Delete button or key; carries the chosen row's id."""

    def __init__(
        self,
        model: RecordTableModel,
        *,
        plural: str,
        singular: str,
        sort_column: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editable = True
        # The width of each text in the table's font, kept from one fitting to the next: an
        # edit adds a row or two, and the others' texts need not be measured again.
        self._advances: dict[str, float] = {}
        self._advances_font = ""
        #: The rows changed while the tab was hidden: its columns are fitted when it is shown.
        self._fit_when_shown = False
        #: Each column's content width as last measured, kept while none of the rows measured
        #: changes or goes (None: measure every row again): new rows alone are then measured.
        self._measured: list[int] | None = None
        self.model = model
        self.table = self._make_table(sort_column)
        self.table.setAccessibleName(plural)
        self.table.horizontalHeader().setAccessibleName(f"{plural}: column headings")
        self.add_button = QPushButton(f"&Add {singular}…")
        self.add_button.setAccessibleName(f"Add {singular}")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setAccessibleName(f"Edit the chosen {singular}")
        self.delete_button = QPushButton("De&lete…")
        self.delete_button.setAccessibleName(f"Delete the chosen {singular}")
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)

        for keys, slot in (
            ((QKeySequence(Qt.Key.Key_Insert),), self._add),
            ((QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)), self._edit),
            ((QKeySequence(QKeySequence.StandardKey.Delete),), self._delete),
        ):
            for key in keys:
                shortcut = QShortcut(key, self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)

        column = QVBoxLayout()
        column.addWidget(self.table, 1)
        column.addLayout(self.buttons)
        #: The tab's row: the table with its buttons, then anything added beside them.
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.row.addLayout(column, 3)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._fit_columns)
        model.rowsInserted.connect(self._fit_columns)
        model.dataChanged.connect(self._forget_measured)
        model.rowsRemoved.connect(self._forget_measured)
        self._on_selection_changed()

    def _make_table(self, sort_column: int | None) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        # A few rows on a small screen with large text (the rest scroll), so the plot above
        # keeps its room.
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 3)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        table.setSortingEnabled(True)
        if sort_column is None:
            # Entry order, until the person clicks a heading.
            table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        else:
            # Newest first: the latest scan or statement is what a person looks for.
            table.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
        table.doubleClicked.connect(self._edit)
        return table

    def selected_id(self) -> str | None:
        """The id of the chosen row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select_id(self, key: str) -> None:
        """Choose the row of the thing with this id, and show it."""
        row = self.model.row_of(key)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def set_editable(self, editable: bool) -> None:
        """Allow adding, editing and deleting, or not (a record open read-only)."""
        self._editable = editable
        self.add_button.setEnabled(editable)
        self._on_selection_changed()

    def _add(self) -> None:
        if self._editable:
            self.add_requested.emit()

    def _edit(self) -> None:
        key = self.selected_id()
        if key is not None and self._editable:
            self.edit_requested.emit(key)

    def _delete(self) -> None:
        key = self.selected_id()
        if key is not None and self._editable:
            self.delete_requested.emit(key)

    def _on_selection_changed(
        self,
        _selected: QItemSelection | None = None,
        _deselected: QItemSelection | None = None,
    ) -> None:
        chosen = self._editable and self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_columns()

    def _fit_columns(
        self, _parent: QModelIndex | None = None, first: int = -1, last: int = -1
    ) -> None:
        # Every column but the last fits its content, up to a width that leaves room for the
        # others (a long quote is shown whole in its tooltip); the last takes the rest. A tab
        # behind another is fitted when it is shown: the window fills five of them at start.
        self._fit_when_shown = not self.isVisible()
        font = self.table.font()
        if font.key() != self._advances_font:
            self._advances, self._advances_font, self._measured = {}, font.key(), None
        if self._fit_when_shown:
            self._measured = None
            return
        # Rows come in (an edit adds one): the widest cell is the widest before or a new one.
        rows = range(first, last + 1) if first >= 0 and self._measured is not None else None
        columns = range(self.model.columnCount() - 1)
        measured = [self._content_width(column, rows) for column in columns]
        if rows is not None and self._measured is not None:
            measured = [max(a, b) for a, b in zip(measured, self._measured, strict=True)]
        self._measured = measured
        widest = self.fontMetrics().averageCharWidth() * 40
        header = self.table.horizontalHeader()
        for column, content in zip(columns, measured, strict=True):
            fitted = max(content, header.sectionSizeHint(column))
            self.table.setColumnWidth(column, min(fitted, widest))

    def _forget_measured(self, *_args: object) -> None:
        self._measured = None

    def _content_width(self, column: int, rows: range | None) -> int:
        """The width ``QTableView.resizeColumnToContents`` would give a column's cells (of
        ``rows`` alone, or of every row).

        Qt asks the delegate about every row, a dozen questions to the model per cell: far too
        slow for the thousand scans of a long record, after every edit. A cell's width grows
        with the width of its text alone, so only the rows whose text is widest are asked
        about (one per width, with a little room for rounding).
        """
        metrics = QFontMetricsF(self.table.font())
        advances = self._advances
        row_of_advance: dict[float, int] = {}
        numbers = range(self.model.rowCount()) if rows is None else rows
        for row, text in zip(numbers, self.model.column_texts(column, rows), strict=True):
            advance = advances.get(text)
            if advance is None:
                advance = advances[text] = metrics.horizontalAdvance(text)
            row_of_advance.setdefault(advance, row)
        hint = 0
        if row_of_advance:
            widest_text = max(row_of_advance)
            for advance, row in row_of_advance.items():
                if advance >= widest_text - _ROUNDING_ROOM:
                    index = self.model.index(row, column)
                    hint = max(hint, self.table.sizeHintForIndex(index).width())
        # QTableView counts the grid line in, as here.
        return hint + 1 if self.table.showGrid() else hint
