"""The record open in the window: its store, its undo history, and the signal that tells the
views what changed after every change."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from survivor_app.changes import Change, Edit, History, Restored, Write
from survivor_app.gui.cancer_cache import CancerCache
from survivor_app.gui.timeline_snapshot import TimelineSnapshot
from survivor_app.storage import BackupFolder, RecordStore, RecordWriteError

_log = logging.getLogger(__name__)


class RecordSession(QObject):
    """One open record, and every change made to it in this session.

    Every change goes one way: ``write`` (or ``push``, which reports a failure instead of
    raising) writes it in one transaction; only once that has been committed does the undo
    history move, and then ``record_changed`` carries the change to the views. ``undo`` and
    ``redo`` take the same way, as does ``restore``.
    """

    record_changed = Signal(object)
    """Emitted after every change written to the record: an edit, an undo, a redo, a record
    filled or started, a restore. Carries the ``survivor_app.changes.Change`` (on Undo, the edit
    taken back), whose ``touches`` says what the views need to read again."""

    write_failed = Signal(str)
    """Emitted when ``push``, ``undo`` or ``redo`` could not write; carries the sentence for the
    person. The record and the undo history are left as they were."""

    def __init__(
        self,
        store: RecordStore,
        *,
        example_folder: tempfile.TemporaryDirectory[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        #: The edits Edit ▸ Undo and Edit ▸ Redo walk; moved here only.
        self.history = History()
        #: The cancer in view, read once and then kept up to date by each change.
        self.cancers = CancerCache(store)
        self._example_folder = example_folder
        #: The picture of the timeline last drawn, shown at the next start while matplotlib
        #: loads; none for the example, a copy made afresh each time.
        self.timeline_snapshot = (
            None if example_folder is not None else TimelineSnapshot(store, self)
        )

    @property
    def path(self) -> Path:
        """Where the record's file is."""
        return self.store.path

    @property
    def is_example(self) -> bool:
        """True for the example record, a copy in a temporary folder that is removed on close."""
        return self._example_folder is not None

    def write(self, change: Write) -> None:
        """Make a change; RecordWriteError (and nothing written) when it could not be written.

        An edit goes on the undo history; any other change starts the history afresh.
        """
        with self.store.transaction():
            change.apply(self.store)
        if isinstance(change, Edit):
            self.history.done(change)
        else:
            self.history.clear()
        self._announce(change)

    def push(self, change: Write) -> bool:
        """Make a change; False (and ``write_failed``) when it could not be written."""
        try:
            self.write(change)
        except RecordWriteError as error:
            self.write_failed.emit(str(error))
            return False
        return True

    def undo(self) -> bool:
        """Take back the latest change still in effect; False when there is none or it failed."""
        edit = self.history.to_undo()
        if edit is None or not self._in_one_transaction(edit, undo=True):
            return False
        self.history.undone()
        self._announce(edit, undone=True)
        return True

    def redo(self) -> bool:
        """Make again the latest change taken back; False when there is none or it failed."""
        edit = self.history.to_redo()
        if edit is None or not self._in_one_transaction(edit, undo=False):
            return False
        self.history.redone()
        self._announce(edit)
        return True

    def restore(self, backup: Path) -> Path:
        """Put a backup's content in place of the record's; the path of the copy of the record
        as it was, kept among its backups.

        Raises RecordError (with the sentence for the person) when the backup cannot be used or
        written; the record and the undo history are then as they were. After a restore the
        history is cleared, since its changes were made to the content now replaced.
        """
        kept = BackupFolder(self.path).restore(backup, self.store)
        self.history.clear()
        self._announce(Restored(backup, kept))
        return kept

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
        self.history.clear()
        if self._example_folder is None:
            self.back_up_if_due()
        if self.timeline_snapshot is not None:
            self.timeline_snapshot.keep_now()
        self.store.close()
        if self._example_folder is not None:
            self._example_folder.cleanup()
            self._example_folder = None

    def _announce(self, change: Change, *, undone: bool = False) -> None:
        self.cancers.follow(change, undone=undone)
        self.record_changed.emit(change)

    def _in_one_transaction(self, edit: Edit, *, undo: bool) -> bool:
        try:
            with self.store.transaction():
                if undo:
                    edit.revert(self.store)
                else:
                    edit.apply(self.store)
        except RecordWriteError as error:
            self.write_failed.emit(str(error))
            return False
        return True
