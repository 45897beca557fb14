"""Every flow a person runs from the command line, in one go, for the tests that watch all of
them at once (privacy of every file, no network anywhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from survivor_app.cli import main
from survivor_app.exchange import EXPORTERS
from survivor_app.storage import (
    BackupFolder,
    RecordStore,
)
from tests.shared_files import READABLE_EXAMPLES
from tests.storage.damage import damage_pages


def run(*args: str | Path) -> None:
    """Run one command, which must succeed."""
    assert main([str(argument) for argument in args]) == 0


def every_flow(folder: Path) -> Path:
    """Run them all on records inside ``folder`` (which must exist); the main record's path.

    The demo record in folders that do not exist yet; every export; the periods; the printed
    summary as a PDF; an import into a new record and one that replaces a record; a backup, the
    daily backup and a restore; the restore of a damaged record; a backup copied out to be
    opened as a new record.
    """
    record = folder / "new folder" / "inside" / "record.survivor"
    run("demo", "--record", record)
    for name in EXPORTERS:
        run("export", "--format", name, "--record", record, "-o", folder / f"record.{name}")
    run("periods", "--record", record)
    run("periods", "--json", "--record", record)
    run("summary", "--record", record, "-o", folder / "summary.pdf")
    run("import", READABLE_EXAMPLES[0], "--record", folder / "imported.survivor")
    run("import", READABLE_EXAMPLES[1], "--record", record, "--replace")
    run("backup", "--record", record)
    with RecordStore.open(record) as store:
        store.set_setting("seen", "yes")
        assert (
            BackupFolder(store.path).make_if_due(
                store, dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
            )
            is not None
        )
    oldest = BackupFolder(record).backups()[-1].path
    run("restore", oldest, "--record", record)
    damage_pages(record)
    run("restore", oldest, "--record", record)
    BackupFolder.copy_out(oldest, folder / "copies" / "opened as a copy.survivor")
    return record
