"""The one place that computes a path: the data folder, the record, its backups, the config."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "SurvivorshipTracker"
RECORD_FILE_NAME = "record.survivor"
#: Overrides the whole data folder (the default record and its backups live there).
HOME_VARIABLE = "SURVIVOR_APP_HOME"
#: Overrides the record file itself.
RECORD_VARIABLE = "SURVIVOR_APP_RECORD"


def data_dir() -> Path:
    """The folder that holds the default record: ``SURVIVOR_APP_HOME`` or the platform's."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for the app's own settings (window size, recent records)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser() / "config"
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The folder for what the app can make again (the last drawn timelines)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser() / "cache"
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def timeline_snapshot_path(record: Path) -> Path:
    """Where the picture of a record's last drawn timeline is kept: in the cache folder, named
    for the record's file name and its whole path (two ``record.survivor`` in different folders
    keep apart)."""
    where = hashlib.sha256(str(record.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / "timelines" / f"{record.name}-{where}.png"


def record_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The record to open: ``--record PATH``, else ``SURVIVOR_APP_RECORD``, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    override = os.environ.get(RECORD_VARIABLE)
    if override:
        return Path(override).expanduser()
    return data_dir() / RECORD_FILE_NAME


def backups_dir(record: Path) -> Path:
    """The record's own backups folder, ``backups/<record file name>/`` beside it: named for the
    whole file name, so ``mum`` and ``mum.survivor`` never share one."""
    return shared_backups_dir(record) / record.name


def shared_backups_dir(record: Path) -> Path:
    """The ``backups/`` folder beside a record, which holds each record's own folder (and, from
    before those, the backups of every record in the folder side by side)."""
    return record.parent / "backups"
