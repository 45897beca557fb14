"""What a record table model shows, read through ``data()`` as a view reads it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel

from survivor_app.gui.models.base import ID_ROLE


def shown_ids(model: QAbstractItemModel) -> list[object]:
    """The id of the thing each row shows, in the model's own order."""
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]
