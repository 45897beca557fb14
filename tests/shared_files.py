"""The records the tests read: the shared examples (``shared/`` beside the repository) and the
example record shipped in ``resources/``."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "examples"
SCHEMA = SHARED / "schema" / "survivor-record-1.schema.json"
#: Every shared example record, each with its ``*.expected.json`` beside it.
EXAMPLE_RECORDS = sorted(EXAMPLES.glob("*.record.json"))
#: The app's own example record (the demo), as shipped in the package.
DEMO_RECORD = Path(__file__).resolve().parents[1] / "resources" / "demo.record.json"
