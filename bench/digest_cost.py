"""What the content digest costs on the 30-year record (``make_large_record.py``): taking it
(as every backup does, and as stamping the record at each clean close would), and a whole backup
with and without it, against a plain open of the record. Prints the median of several runs.

Usage: ``.venv/bin/python bench/digest_cost.py [--runs N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from make_large_record import large_record

from survivor_app.storage import BackupFolder, RecordStore
from survivor_app.storage.connection import connect_read_only
from survivor_app.storage.digest import content_digest


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    """Build the 30-year record in a temporary folder and print what each step takes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        record = Path(folder) / "large.survivor"
        with RecordStore.open(record) as store:
            store.replace_content(large_record(dt.date(2026, 1, 1)))
        size = record.stat().st_size / 2**20

        def digest() -> str:
            with closing(connect_read_only(record)) as connection:
                return content_digest(connection)

        def open_and_close() -> None:
            RecordStore.open(record).close()

        def backup() -> None:
            with RecordStore.open(record) as store:
                BackupFolder(record).make(store, "by-hand").unlink()

        print(f"30-year record: {size:.1f} MiB, median of {runs} runs")
        print(f"  open and close the record:        {median_ms(open_and_close, runs):7.1f} ms")
        print(f"  content digest (read + SHA-256):   {median_ms(digest, runs):7.1f} ms")
        print(f"  open, back up (with digest), close: {median_ms(backup, runs):7.1f} ms")


if __name__ == "__main__":
    main()
