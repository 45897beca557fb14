"""The records the tests read, all inside the repository: the specification's examples
(``tests/data/examples``), its schemas (``docs/schema``) and the example record shipped in
``resources/``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"
#: The schema of the version export writes (3), and of the older versions import still reads.
SCHEMA = ROOT / "docs" / "schema" / "survivor-record-3.schema.json"
SCHEMA_2 = ROOT / "docs" / "schema" / "survivor-record-2.schema.json"
SCHEMA_1 = ROOT / "docs" / "schema" / "survivor-record-1.schema.json"
#: Every example record of the specification, each with its ``*.expected.json`` beside it.
EXAMPLE_RECORDS = sorted(EXAMPLES.glob("*.record.json"))
#: The app's own example record (the demo), as shipped in the package.
DEMO_RECORD = ROOT / "resources" / "demo.record.json"


def example_name(path: Path) -> str:
    """The example's name without its suffix, as test ids show it."""
    return path.name.removesuffix(".record.json")


def expected_labels(path: Path) -> dict[str, list[dict[str, object]]]:
    """Each cancer's expected assessments from the example's ``*.expected.json``: always the
    date, status, recurrence type and confirmation, sometimes more (``measured``, ``stated``,
    and ``disagreement`` as true or false)."""
    expected = path.with_name(path.name.replace(".record.", ".expected."))
    cancers: dict[str, list[dict[str, object]]] = json.loads(expected.read_text("utf-8"))["cancers"]
    return cancers


def as_expected(
    expected: dict[str, list[dict[str, object]]], got: dict[str, list[dict[str, object]]]
) -> dict[str, list[dict[str, object]]]:
    """The assessments ``got`` (as ``periods --json`` writes them) with only the keys each
    expected one names, a disagreement as true or false."""
    return {
        cancer: [
            {key: bool(a[key]) if key == "disagreement" else a[key] for key in wanted}
            for a, wanted in zip(assessments, expected.get(cancer, []), strict=False)
        ]
        + [{} for _ in assessments[len(expected.get(cancer, [])) :]]
        for cancer, assessments in got.items()
    }


def has_spots_without_a_size(path: Path) -> bool:
    """Whether a record file holds a spot without a size."""
    spots = json.loads(path.read_text("utf-8"))["spots"]
    return any(spot.get("sized", True) is False for spot in spots)


#: The examples every part of the app reads: all but those with a spot without a size.
READABLE_EXAMPLES = [path for path in EXAMPLE_RECORDS if not has_spots_without_a_size(path)]


def example_params() -> list[object]:
    """Every example as a ``pytest.param`` named after it."""
    return [pytest.param(path, id=example_name(path)) for path in EXAMPLE_RECORDS]
