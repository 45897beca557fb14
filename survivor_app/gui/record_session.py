"""The record open in the window: its store, its undo stack, and the signal that tells the views
to read it again after every change."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from survivor_app.gui.commands import RecordCommand
from survivor_app.storage import BackupFolder, RecordStore, RecordWriteError

_log = logging.getLogger(__name__)


class RecordSession(QObject):
    """One open record, and every change made to it in this session.

    Every edit goes through ``push``: the command's change is written in one transaction, then
    the command goes on the undo stack, then ``record_changed`` tells the views to refresh from
    storage. ``undo`` and ``redo`` work the same way; the stack's own undo() and redo() write
    nothing, so the window's Undo and Redo call these instead.
    """

    record_changed = Signal()
    """Emitted after every change written to the record (an edit, an undo or a redo); carries
    nothing: the views read what they show from ``store``."""

    write_failed = Signal(str)
    """Emitted when a change could not be written; carries the sentence for the person. The
    record and the undo stack are left as they were."""

    def __init__(
        self,
        store: RecordStore,
        *,
        example_folder: tempfile.TemporaryDirectory[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._example_folder = example_folder

    @property
    def path(self) -> Path:
        """Where the record's file is."""
        return self.store.path

    @property
    def is_example(self) -> bool:
        """True for the example record, a copy in a temporary folder that is removed on close."""
        return self._example_folder is not None

    def push(self, command: RecordCommand) -> bool:
        """Make a change; False (and ``write_failed``) when it could not be written."""
        if not self._write(command.apply):
            return False
        self.undo_stack.push(command)
        self.record_changed.emit()
        return True

    def undo(self) -> bool:
        """Take back the latest change still in effect; False when there is none or it failed."""
        index = self.undo_stack.index()
        if index == 0:
            return False
        command = self.undo_stack.command(index - 1)
        assert isinstance(command, RecordCommand)
        if not self._write(command.revert):
            return False
        self.undo_stack.undo()
        self.record_changed.emit()
        return True

    def redo(self) -> bool:
        """Make again the latest change taken back; False when there is none or it failed."""
        index = self.undo_stack.index()
        if index == self.undo_stack.count():
            return False
        command = self.undo_stack.command(index)
        assert isinstance(command, RecordCommand)
        if not self._write(command.apply):
            return False
        self.undo_stack.redo()
        self.record_changed.emit()
        return True

    def restore(self, backup: Path) -> Path:
        """Put a backup's content in place of the record's; the path of the copy of the record
        as it was, kept among its backups.

        Raises RecordError (with the sentence for the person) when the backup cannot be used or
        written; the record and the undo stack are then as they were. After a restore the undo
        stack is cleared, since its changes were made to the content now replaced, and the
        views refresh.
        """
        before = BackupFolder(self.path).restore(backup, self.store)
        self.undo_stack.clear()
        self.record_changed.emit()
        return before

    def back_up_if_due(self) -> None:
        """Make the day's backup when one is due (SPEC.md §1: at most once a day, when the
        record changed). A backup that cannot be written is logged, not shown: the record
        itself is safe, and the next chance comes when it is opened or closed again."""
        try:
            BackupFolder(self.path).make_if_due(self.store)
        except RecordWriteError:
            _log.warning("The daily backup of %s could not be made.", self.path, exc_info=True)

    def close(self) -> None:
        """Close the record after its daily backup (and remove the example's temporary copy)."""
        self.undo_stack.clear()
        if self._example_folder is None:
            self.back_up_if_due()
        self.store.close()
        if self._example_folder is not None:
            self._example_folder.cleanup()
            self._example_folder = None

    def _write(self, change: Callable[[RecordStore], None]) -> bool:
        try:
            with self.store.transaction():
                change(self.store)
        except RecordWriteError as error:
            self.write_failed.emit(str(error))
            return False
        return True
