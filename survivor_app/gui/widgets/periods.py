"""The periods list beside the plot: each period's label, dates, basis and opening sentence, with
a swatch that matches its band and a mark where the doctor and the scans differ."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from survivor_app.domain import Status
from survivor_app.gui.models.periods import LINES_ROLE, STATUS_ROLE, PeriodListModel
from survivor_app.gui.widgets.period_style import swatch_brushes

AnyIndex = QModelIndex | QPersistentModelIndex


#: Layouts kept at most, for a few widths of the list's periods.
_LAYOUTS_KEPT = 2000


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where a period's swatch and lines are drawn within its row, and the row's height."""

    swatch: QRect
    lines: list[tuple[QFont, QRect, str]]
    height: int


class PeriodDelegate(QStyledItemDelegate):
    """Draws a period as a swatch beside its label (bold), dates, basis, opening sentence, and the
    mark where the doctor and the scans differ; long lines wrap rather than being cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Layouts by their lines, width and font: the list asks for every row's height each
        # time it scrolls to a period, and wrapping the same lines again gives the same layout.
        self._layouts: dict[tuple[tuple[str, ...], int, str], _Layout] = {}

    def _layout(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> _Layout:
        """Where the swatch and each line go, in a row ``width`` pixels wide at (0, 0)."""
        key = (index.data(LINES_ROLE), width, option.font.key())
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) >= _LAYOUTS_KEPT:
                self._layouts.clear()
            layout = self._layouts[key] = self._laid_out(option, key[0], width)
        return layout

    def _laid_out(
        self, option: QStyleOptionViewItem, texts: tuple[str, ...], width: int
    ) -> _Layout:
        metrics = QFontMetrics(option.font)
        padding = max(4, metrics.height() // 3)
        swatch = QRect(padding, padding + 2, metrics.height() * 3 // 2, metrics.height() * 2)
        left = swatch.right() + padding + metrics.height() // 2
        text_width = max(width - left - padding, metrics.height() * 4)
        lines = []
        top = padding
        for number, line in enumerate(texts):
            font = QFont(option.font)
            font.setBold(number == 0)
            flags = Qt.TextFlag.TextWordWrap
            height = (
                QFontMetrics(font)
                .boundingRect(QRect(0, 0, text_width, 10_000), flags, line)
                .height()
            )
            lines.append((font, QRect(left, top, text_width, height), line))
            top += height
        return _Layout(swatch, lines, max(top, swatch.bottom()) + padding)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 320
        return QSize(width, self._layout(option, index, width).height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The item's background, focus and selection, as the platform draws them; the text is ours.
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        layout = self._layout(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        base = option.palette.color(QPalette.ColorRole.Base)
        fill, hatch = swatch_brushes(Status(index.data(STATUS_ROLE)), dark=base.lightness() < 128)
        # On the list's own background, so a chosen row's highlight does not tint the colour.
        painter.fillRect(layout.swatch, base)
        painter.fillRect(layout.swatch, fill)
        painter.fillRect(layout.swatch, hatch)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(layout.swatch)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(group, role))
        for font, rect, line in layout.lines:
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, line)
        painter.restore()


class PeriodList(QListView):
    """The periods of one cancer, oldest first; choosing one shows its explanation."""

    period_selected = Signal(int)
    """Emitted when the chosen period changes; carries its index, or -1 when none is chosen."""

    def __init__(self, model: PeriodListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(PeriodDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap to the list's width, so there is never anything to scroll to sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are laid out again when the list is resized, so long lines wrap to the new width.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setAccessibleName("Periods")
        self.setAccessibleDescription(
            "Each period of your history with its label, dates and what it is based on. "
            "Choose one to read its explanation."
        )
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def selected_period(self) -> int:
        """The index of the chosen period, or -1."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_period(self, index: int) -> None:
        """Choose a period (-1 chooses none), as if the person had clicked it."""
        if index < 0 or index >= self.model().rowCount():
            self.clearSelection()
            return
        model_index = self.model().index(index, 0)
        self.setCurrentIndex(model_index)
        self.scrollTo(model_index)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.period_selected.emit(self.selected_period())
