"""The corpus of report passages (``tests/data/reports/*.json``), each with the findings a
careful reader finds in it, and how the reader's sizes score against them: precision and recall
of today's sizes and of the earlier ones, counted per passage as many times as each is written."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from survivor_app.reading import ReportReading

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


@dataclass(frozen=True)
class Passage:
    id: str
    style: str
    text: str
    findings: tuple[dict[str, Any], ...]
    no_evidence_of_disease: bool

    def sizes(self, key: str) -> Counter[int]:
        """The passage's sizes of one kind (``size_mm`` or ``prior_size_mm``), in tenths."""
        return Counter(round(f[key] * 10) for f in self.findings if f[key] is not None)


@dataclass
class Score:
    """Sizes found that are right, all sizes found, and all sizes expected."""

    right: int = 0
    found: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def add(self, expected: Counter[int], found: Counter[int]) -> None:
        self.right += sum((expected & found).values())
        self.found += sum(found.values())
        self.expected += sum(expected.values())


def passages() -> list[Passage]:
    """Every passage of the corpus, in file and then passage order."""
    found = []
    for path in sorted(REPORTS.glob("*.json")):
        for item in json.loads(path.read_text("utf-8"))["passages"]:
            found.append(
                Passage(
                    item["id"],
                    item["style"],
                    item["text"],
                    tuple(item["findings"]),
                    item["no_evidence_of_disease"],
                )
            )
    return found


def found_sizes(reading: ReportReading, prior: bool = False) -> Counter[int]:
    """The reader's sizes of one kind, in tenths."""
    sizes = (f.prior_size_tenths if prior else f.size_tenths for f in reading.findings)
    return Counter(size for size in sizes if size is not None)


def priors_taken_for_today(passage: Passage, reading: ReportReading) -> int:
    """How many of the reader's sizes for today are the passage's earlier sizes and not also
    one of its sizes for today."""
    extra = found_sizes(reading) - passage.sizes("size_mm")
    return sum(count for size, count in extra.items() if size in passage.sizes("prior_size_mm"))


def scores(pairs: Iterable[tuple[Passage, ReportReading]]) -> tuple[Score, Score, int]:
    """Today's sizes, earlier sizes, and earlier sizes taken for today's, over the passages."""
    today, earlier, mistaken = Score(), Score(), 0
    for passage, reading in pairs:
        today.add(passage.sizes("size_mm"), found_sizes(reading))
        earlier.add(passage.sizes("prior_size_mm"), found_sizes(reading, prior=True))
        mistaken += priors_taken_for_today(passage, reading)
    return today, earlier, mistaken
