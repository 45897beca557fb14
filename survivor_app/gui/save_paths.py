"""Where the window suggests saving what the person exports or prints, and under what name:
the record's file name and the date, never the person's name unless they type it (a name in
a file name shows in every folder listing, recent-files list and upload)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths

#: Characters that some file system refuses in a name, replaced in the names suggested.
NOT_IN_FILE_NAMES = '<>:"/\\|?*'


def documents_folder() -> Path:
    """The person's documents folder, or their home folder when there is none (the save dialog
    would otherwise open wherever the app was started)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def file_name(text: str) -> str:
    """A name a file can have on any system, made from ``text`` (a person's name may hold a /)."""
    return "".join("-" if character in NOT_IN_FILE_NAMES else character for character in text)


def start_folder(last_used: Path | None) -> Path:
    """Where a save dialog opens: the folder the person last saved into, while it still exists,
    or else the documents folder."""
    return last_used if last_used is not None and last_used.is_dir() else documents_folder()


def suggested_path(text: str, folder: Path | None = None) -> Path:
    """A file named after ``text`` in ``folder``, or else the documents folder."""
    return (folder or documents_folder()) / file_name(text)


def suggested_export(record: Path, what: str, suffix: str, folder: Path | None = None) -> Path:
    """The file suggested for an export of ``record``: ``mum scans 2026-11-23.csv`` for the
    scans of ``mum.survivor`` exported on that day, in ``folder`` or the documents folder."""
    return suggested_path(f"{record.stem} {what} {dt.date.today().isoformat()}{suffix}", folder)
