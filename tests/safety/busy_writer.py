"""A program that writes to a record until it is killed, saying what it has committed; the crash
tests run it as ``python -m tests.safety.busy_writer (scans RUN | import SCANS) RECORD``.

``scans`` adds scan after scan, each in its own transaction, and prints each id once committed.
``import`` swaps the record's content for ``big_record(SCANS)`` in one transaction, printing
``start`` before and ``done`` after.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

from survivor_app.domain import (
    Area,
    Cancer,
    Measurement,
    Person,
    Record,
    Scan,
    ScanKind,
    Spot,
    Statement,
)
from survivor_app.storage import RecordStore

CANCER = Cancer("c1", "Breast cancer", "left breast", dt.date(2019, 5, 1))
SPOTS = tuple(
    Spot(f"s{number}", "c1", f"Spot {number}", Area.PRIMARY if number == 0 else Area.DISTANT, False)
    for number in range(10)
)
FIRST_DAY = dt.date(2019, 6, 1)


def scan(scan_id: str, number: int) -> Scan:
    """A scan that measures every spot, its sizes and notes varying with ``number``."""
    return Scan(
        scan_id,
        "c1",
        FIRST_DAY + dt.timedelta(days=number % 2000),
        ScanKind.CT,
        tuple(
            Measurement(spot.id, (number * 7 + index) % 5000) for index, spot in enumerate(SPOTS)
        ),
        facility="City Hospital",
        notes=f"Scan number {number}. " * (1 + number % 20),
    )


def starting_record() -> Record:
    """The cancer and spots every scan of ``scans`` measures."""
    return Record(Person("Ana Example"), cancers=(CANCER,), spots=SPOTS)


def big_record(scans: int) -> Record:
    """A record large enough that swapping it in takes a noticeable time."""
    return Record(
        Person("Ben Imported", notes="Imported from a big file."),
        cancers=(CANCER,),
        spots=SPOTS,
        scans=tuple(scan(f"big-{number}", number) for number in range(scans)),
        statements=tuple(
            Statement(f"said-{number}", "c1", FIRST_DAY + dt.timedelta(days=number), "Stable.")
            for number in range(scans // 4)
        ),
    )


def add_scans(record: Path, run: str) -> None:
    with RecordStore.open(record, create=False) as store:
        for number in itertools.count():
            scan_id = f"{run}-{number}"
            store.add_scan(scan(scan_id, number))
            print(scan_id, flush=True)


def import_big(record: Path, scans: int) -> None:
    content = big_record(scans)
    with RecordStore.open(record, create=False) as store:
        print("start", flush=True)
        store.replace_content(content)
        print("done", flush=True)


if __name__ == "__main__":
    mode, argument, path = sys.argv[1:]
    if mode == "scans":
        add_scans(Path(path), argument)
    else:
        import_big(Path(path), int(argument))
