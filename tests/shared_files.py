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
PENDING: dict[str, str] = {
    "exact-thresholds-in-tenths": "status rules version 2: issue 14",
}


def example_name(path: Path) -> str:
    """The example's name without its suffix, as test ids show it."""
    return path.name.removesuffix(".record.json")


def format_version(path: Path) -> int:
    version: int = json.loads(path.read_text("utf-8"))["version"]
    return version


#: The examples in the record format version the app reads today (version 1).
READABLE_EXAMPLES = [path for path in EXAMPLE_RECORDS if format_version(path) == 1]


def example_params(*, labels: bool = False) -> list[object]:
    """Every example as a ``pytest.param``; one the app cannot handle yet is a strict xfail
    naming its issue. ``labels`` also marks the examples whose expected labels changed."""
    params: list[object] = []
    for path in EXAMPLE_RECORDS:
        reason = None
        if format_version(path) != 1:
            reason = (
                "record format version 2: issue 16 (spots without a size)"
                if "without-a-size" in path.name
                else "record format version 2 with sized spots: issue 14"
            )
        elif labels:
            reason = PENDING.get(example_name(path))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=example_name(path), marks=marks))
    return params
