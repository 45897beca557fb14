"""Identifiers for things a person adds in the app (imported records keep their own ids)."""

from __future__ import annotations

import uuid


def new_id(prefix: str) -> str:
    """A new id such as ``scan-3f2a9c0d1b7e``: short, readable, and unique in practice."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"
