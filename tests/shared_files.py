"""Where the product's shared specification files are: ``shared/`` beside the repository."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "examples"
SCHEMA = SHARED / "schema" / "survivor-record-1.schema.json"
