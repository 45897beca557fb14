"""The edits made to an open record, for Edit ▸ Undo and Edit ▸ Redo, without Qt.

The history only keeps the edits and how many of them are in effect; whoever writes an edit
moves it (``done``, ``undone``, ``redone``) once the write has been committed, so the history
can never be out of step with the record.
"""

from __future__ import annotations

from survivor_app.changes.writes import Edit


class History:
    """The edits of one session, oldest first, and how many of them are in effect."""

    def __init__(self) -> None:
        self._edits: list[Edit] = []
        self._in_effect = 0

    def to_undo(self) -> Edit | None:
        """The latest edit still in effect, or None."""
        return self._edits[self._in_effect - 1] if self._in_effect else None

    def to_redo(self) -> Edit | None:
        """The latest edit taken back that can be made again, or None."""
        return self._edits[self._in_effect] if self._in_effect < len(self._edits) else None

    def done(self, edit: Edit) -> None:
        """Keep a new edit, written; the edits taken back before it can no longer be redone."""
        del self._edits[self._in_effect :]
        self._edits.append(edit)
        self._in_effect += 1

    def undone(self) -> None:
        """The edit of ``to_undo`` has been taken back."""
        assert self._in_effect > 0, "nothing to undo"
        self._in_effect -= 1

    def redone(self) -> None:
        """The edit of ``to_redo`` has been made again."""
        assert self._in_effect < len(self._edits), "nothing to redo"
        self._in_effect += 1

    def clear(self) -> None:
        """Forget every edit: the content they were made to is gone (a restore, an import into
        an empty record)."""
        self._edits.clear()
        self._in_effect = 0
