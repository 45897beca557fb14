"""The records the tests read, all inside the repository: the specification's examples
(``tests/data/examples``), its schemas (``docs/schema``) and the example record shipped in
``resources/``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"
SCHEMA = ROOT / "docs" / "schema" / "survivor-record-1.schema.json"
#: Every example record of the specification, each with its ``*.expected.json`` beside it.
EXAMPLE_RECORDS = sorted(EXAMPLES.glob("*.record.json"))
#: The app's own example record (the demo), as shipped in the package.
DEMO_RECORD = ROOT / "resources" / "demo.record.json"

#: Examples the app cannot read or label yet, with the issue that turns each green.
PENDING: dict[str, str] = {}


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


def format_version(path: Path) -> int:
    version: int = json.loads(path.read_text("utf-8"))["version"]
    return version


def has_spots_without_a_size(path: Path) -> bool:
    """Whether a record file holds a spot without a size, which the app cannot read yet."""
    spots = json.loads(path.read_text("utf-8"))["spots"]
    return any(spot.get("sized", True) is False for spot in spots)


#: The examples in the record format version 1, which every part of the app reads.
READABLE_EXAMPLES = [path for path in EXAMPLE_RECORDS if format_version(path) == 1]


def example_params(*, labels: bool = False) -> list[object]:
    """Every example as a ``pytest.param``; one the app cannot handle yet is a strict xfail
    naming its issue. ``labels`` also marks the examples whose expected labels changed."""
    params: list[object] = []
    for path in EXAMPLE_RECORDS:
        reason = None
        if has_spots_without_a_size(path):
            reason = "record format version 2: issue 16 (spots without a size)"
        elif labels:
            reason = PENDING.get(example_name(path))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=example_name(path), marks=marks))
    return params
