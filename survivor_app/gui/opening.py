"""Opening a record in every case the window meets: the person's own, one open in another
window or that cannot be written to (a read-only view is offered), a damaged one (a copy of its
newest good backup is offered), the example (a copy in a temporary folder), and the record already
open here. Each returns what to show, or nothing after telling the person why."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from survivor_app.changes import Fill
from survivor_app.gui.dates import long_date
from survivor_app.gui.record_session import RecordSession
from survivor_app.gui.widgets.record_view import EXAMPLE_BANNER, READ_ONLY_BANNER
from survivor_app.storage import (
    BackupFolder,
    DamagedRecordError,
    RecordError,
    RecordLockedError,
    RecordNotWritableError,
    RecordStore,
)

CANNOT_OPEN = "This record cannot be opened"
DAMAGED_WITHOUT_BACKUP = (
    "This record is damaged, so it cannot be opened. Nothing in it was changed, and there is "
    "no backup of it yet. Please keep the file: it may still be possible to recover it."
)
#: The banner of a read-only view of a record whose folder or file cannot be written to.
NOT_WRITABLE_BANNER = (
    "This record cannot be changed here, because its folder or file cannot be written to. "
    "You can look at it, print it and export it."
)


@dataclass(frozen=True, slots=True)
class Opened:
    """A record open in the window, and how it is shown."""

    session: RecordSession
    #: What the record view's banner says about it (the example, a read-only view); None for
    #: the person's own record, open to be changed.
    banner: str | None = None


def open_record(parent: QWidget, path: Path, open_now: Opened | None) -> Opened | None:
    """Open the record at ``path``: ``open_now`` again when it is that record by any of its
    names; a read-only view of one open in another window or that cannot be written to; a copy
    of the newest good backup of a damaged one, the damaged file left as it is."""
    if open_now is not None and _same_file(path, open_now.session.path):
        parent.raise_()
        parent.activateWindow()
        return open_now
    banner = None
    store: RecordStore | None
    try:
        store = RecordStore.open(path, create=False)
    except RecordLockedError as error:
        store = _offer_read_only(parent, path, error, "This record is open in another window")
        banner = READ_ONLY_BANNER
    except RecordNotWritableError as error:
        store = _offer_read_only(parent, path, error, "This record cannot be changed here")
        banner = NOT_WRITABLE_BANNER
    except DamagedRecordError as error:
        store = _offer_backup_copy(parent, path, error)
    except RecordError as error:
        QMessageBox.warning(parent, CANNOT_OPEN, str(error))
        return None
    if store is None:
        return None
    return Opened(RecordSession(store), banner)


def start_record(path: Path) -> Opened:
    """Open the record at ``path`` to be changed, made empty when it does not exist yet;
    RecordError (with the sentence for the person) when it cannot be."""
    return Opened(RecordSession(RecordStore.open(path, create=True)))


def open_example(parent: QWidget) -> Opened | None:
    """A copy of the example record in a temporary folder, removed when it is closed."""
    from survivor_app.exchange import demo_record

    folder = tempfile.TemporaryDirectory(prefix="survivor-example-")
    try:
        store = RecordStore.open(Path(folder.name) / "example.survivor", create=True)
    except RecordError as error:
        folder.cleanup()
        QMessageBox.warning(parent, "The example cannot be opened", str(error))
        return None
    session = RecordSession(store, example_folder=folder)
    try:
        session.write(Fill(demo_record()))
    except RecordError as error:
        session.close()
        QMessageBox.warning(parent, "The example cannot be opened", str(error))
        return None
    return Opened(session, EXAMPLE_BANNER)


def _offer_read_only(
    parent: QWidget, path: Path, error: RecordError, title: str
) -> RecordStore | None:
    if not _agreed(
        parent,
        title,
        f"{error}\n\nOpen a read-only view now? You can look at everything, but not change it.",
    ):
        return None
    try:
        return RecordStore.open(path, read_only=True)
    except RecordError as refused:
        QMessageBox.warning(parent, CANNOT_OPEN, str(refused))
        return None


def _offer_backup_copy(
    parent: QWidget, path: Path, error: DamagedRecordError
) -> RecordStore | None:
    # SPEC.md §7 and issue 7: the damaged file is never written; its newest good backup is
    # copied beside it and opened in its place, so nothing of either is lost.
    folder = BackupFolder(path)
    backup = folder.newest_good()
    if backup is None:
        QMessageBox.warning(parent, CANNOT_OPEN, DAMAGED_WITHOUT_BACKUP)
        return None
    made = next(info.made for info in folder.backups() if info.path == backup)
    day = made.astimezone().date()
    copy = _free_name(path, f"from the backup of {day.isoformat()}")
    if not _agreed(
        parent,
        "This record is damaged",
        f"{error}\n\nThe newest good backup is from {long_date(day)}. Open a copy of it? "
        f"The copy is saved as “{copy.name}” beside the damaged file, which stays as it is.",
    ):
        return None
    try:
        BackupFolder.copy_out(backup, copy)
        return RecordStore.open(copy, create=False)
    except RecordError as refused:
        QMessageBox.warning(parent, "The backup could not be opened", str(refused))
        return None


def _agreed(parent: QWidget, title: str, offer: str) -> bool:
    """True when the person takes up the offer (Yes, the default)."""
    yes = QMessageBox.StandardButton.Yes
    return (
        QMessageBox.question(parent, title, offer, yes | QMessageBox.StandardButton.No, yes) == yes
    )


def _free_name(beside: Path, words: str) -> Path:
    """A file name beside ``beside`` that nothing has yet: ``record (words).survivor``, then
    ``record (words 2).survivor``, so an earlier copy with the person's edits is never replaced."""
    candidate = beside.with_name(f"{beside.stem} ({words}){beside.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = beside.with_name(f"{beside.stem} ({words} {number}){beside.suffix}")
    return candidate


def _same_file(one: Path, other: Path) -> bool:
    """True when both names lead to one file (a link, a second hard link, another spelling)."""
    try:
        return one.samefile(other)
    except OSError:
        return False
