"""How well and how fast the report reader reads: precision and recall of today's sizes and of
the earlier sizes over the corpus in ``tests/data/reports``, the earlier sizes taken for today's
(the target is none), and the time to read a report of five pages (the median of N runs, on
the wall clock and on the processor).

Usage: ``.venv/bin/python bench/read_reports.py [--runs N]``. A size found that is not one of the
passage's sizes of that kind counts against precision; one of them not found, against recall,
each counted as many times as the passage writes it. The five pages are the corpus's passages
one after another until they reach 5 × 3,000 characters (about 500 words a page). Last, the
time to read texts built to make a regular expression backtrack (``tests/reading/
test_adversarial.py`` asserts what they read as; here they are timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from survivor_app.reading import read_report
from tests.reading.corpus import passages, scores

PAGE = 3_000
PAGES = 5
#: Texts that once took from seconds to minutes: a run between a cue and its size, spaces
#: between the widths of a size, a long run of digits.
ADVERSARIAL = {
    "'pet-ct ' x 24 after 'previously'": "Liver lesion previously " + "pet-ct " * 24 + "x 2 cm.",
    "2,000 spaces inside a size": "Liver lesion 1" + " " * 2000 + "x 2 cm.",
    "3,000 spaces after a size": "Liver lesion 2.1 cm" + " " * 3000 + "(previously 2.5 cm).",
    "'in size ' x 2,000 after 'from'": "Liver lesion from " + "in size " * 2000 + "x 2 cm.",
    "50,000 digits": "9" * 50_000,
    # The second held-out round: each took from 18 s to 81 s before its step was made linear.
    "40,000 dots": "Nodule 5 mm. " + "." * 40_000 + " Liver lesion 12 mm.",
    "'Mass 2 cm (previously ' to 440 kB": "Mass 2 cm (previously " * 20_000,
    "one 220 kB sentence without full stops": (
        "lesion measuring 12 mm previously 10 mm and " * 5_000
    ),
    "16,000 digits before 'mm'": "Lesion " + "1" * 16_000 + " mm.",
}


def five_pages() -> str:
    """The corpus's passages one after another, to five pages of text."""
    texts = [passage.text for passage in passages()]
    report: list[str] = []
    length = 0
    while length < PAGE * PAGES:
        text = texts[len(report) % len(texts)]
        report.append(text)
        length += len(text) + 2
    return "\n\n".join(report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    corpus = passages()
    today, earlier, mistaken = scores((p, read_report(p.text)) for p in corpus)
    print(f"corpus: {len(corpus)} passages")
    print(
        f"today's sizes:  precision {today.precision:.3f}  recall {today.recall:.3f}  "
        f"({today.right} right of {today.found} found, {today.expected} expected)"
    )
    print(
        f"earlier sizes:  precision {earlier.precision:.3f}  recall {earlier.recall:.3f}  "
        f"({earlier.right} right of {earlier.found} found, {earlier.expected} expected)"
    )
    print(f"earlier sizes taken for today's: {mistaken}")
    report = five_pages()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        read_report(report)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # On a shared machine the wall-clock time counts the other processes too; the time this
    # process spent on the processor does not.
    print(
        f"a five-page report ({len(report):,} characters), median of {runs} runs: "
        f"{statistics.median(wall) * 1000:.1f} ms wall clock (best {min(wall) * 1000:.1f}), "
        f"{statistics.median(cpu) * 1000:.1f} ms on the processor (best {min(cpu) * 1000:.1f})"
    )
    for name, text in ADVERSARIAL.items():
        start_cpu = time.process_time()
        read_report(text)
        print(f"adversarial, {name}: {(time.process_time() - start_cpu) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
