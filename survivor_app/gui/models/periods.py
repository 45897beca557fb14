"""The periods of one cancer as a list model: the plot's text alternative."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from survivor_app.domain.words import based_on, basis_label
from survivor_app.gui.dates import short_date

if TYPE_CHECKING:
    from survivor_app.status import Period

#: The period's status, for the colour and pattern of its swatch.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 13
#: The lines the list shows for the period, as a tuple: its label, dates (e.g. ``Since
#: 3/3/2024``), what the label rests on (e.g. ``Measurements and doctor’s statement``), the
#: opening sentence of its explanation (the whole shows on selection), and the mark where the
#: doctor and the measurements differ.
LINES_ROLE = Qt.ItemDataRole.UserRole + 15

#: The mark shown on a period where the doctor and the measurements differ.
DISAGREEMENT_MARK = "⚑ Your doctor and the scans differ"

AnyIndex = QModelIndex | QPersistentModelIndex


def period_dates(period: Period) -> str:
    """When a period ran, in words: its start and end, or since when and when last checked."""
    start = short_date(period.start)
    if period.end is not None:
        return f"{start} – {short_date(period.end)}"
    if period.last_checked > period.start:
        return f"Since {start}, last checked {short_date(period.last_checked)}"
    return f"Since {start}"


def disagreements(period: Period) -> tuple[str, ...]:
    """The sentences of every assessment in the period where the doctor and the sizes differ."""
    return tuple(a.disagreement for a in period.assessments if a.disagreement)


class PeriodListModel(QAbstractListModel):
    """One row per period, oldest first, as the analysis of one cancer gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._periods: tuple[Period, ...] = ()
        #: Each row's lines, once asked for: the list asks for every row's size each time it
        #: scrolls to a period.
        self._lines: dict[int, tuple[str, ...]] = {}

    def set_periods(self, periods: Sequence[Period]) -> None:
        """Show these periods; a new analysis may regroup them all, so the list starts afresh."""
        self.beginResetModel()
        self._periods = tuple(periods)
        self._lines = {}
        self.endResetModel()

    def period_at(self, row: int) -> Period:
        """The period shown in one row."""
        return self._periods[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._periods)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        period = self._periods[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return period.label
        if role == STATUS_ROLE:
            return period.status.value
        if role == LINES_ROLE:
            return self._lines_of(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(disagreements(period)) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = [period.label, period_dates(period), based_on(period.basis)]
            if disagreements(period):
                words.append("Your doctor and the scans differ in this period")
            return ". ".join(words) + ". " + period.summary
        return None

    def _lines_of(self, row: int) -> tuple[str, ...]:
        lines = self._lines.get(row)
        if lines is None:
            period = self._periods[row]
            lines = (period.label, period_dates(period), basis_label(period.basis), period.summary)
            if disagreements(period):
                lines += (DISAGREEMENT_MARK,)
            self._lines[row] = lines
        return lines
