"""Measure how long the status rules take to label one long, unbroken remission, at two lengths,
to show that the time grows in step with the number of scans.

Usage: ``.venv/bin/python bench/labelling.py [--runs N]``. A cancer has one spot that is gone at
every scan after the first, one scan a week; each figure is the best of N runs (default 5) of
``analyse`` (labels, periods, explanations and questions) in this process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from survivor_app.domain import Area, Cancer, CancerHistory, Measurement, Scan, ScanKind, Spot
from survivor_app.status import analyse

LENGTHS = (4_000, 8_000, 16_000)


def remission(scans: int) -> CancerHistory:
    """A spot of 30 mm at the first scan, gone at every weekly scan after it."""
    cancer = Cancer(id="c1", name="Breast cancer", primary_site="left breast")
    spot = Spot("s1", "c1", "Breast tumour", Area.PRIMARY, lymph_node=False)
    start = dt.date(1990, 1, 1)
    return CancerHistory(
        cancer=cancer,
        spots=(spot,),
        scans=tuple(
            Scan(
                id=f"sc{index}",
                cancer_id="c1",
                date=start + dt.timedelta(weeks=index),
                kind=ScanKind.CT,
                measurements=(Measurement("s1", 300 if index == 0 else 0),),
            )
            for index in range(scans)
        ),
    )


def best_of(runs: int, history: CancerHistory) -> float:
    """The shortest time of ``runs`` labellings of ``history``, in seconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        analyse(history)
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"{'scans in one remission':>24} {'seconds':>9} {'µs per scan':>12}")
    for length in LENGTHS:
        seconds = best_of(runs, remission(length))
        print(f"{length:>24,} {seconds:>9.3f} {seconds / length * 1e6:>12.1f}")


if __name__ == "__main__":
    main()
