"""The example record shipped with the app: Margaret Ellis, two cancers, four years, every label."""

from __future__ import annotations

from importlib.resources import files

from survivor_app.domain import Record
from survivor_app.exchange.record_reader import read_record


def demo_record() -> Record:
    """The example record, read through the same checks as any imported file."""
    return read_record((files("survivor_app.resources") / "demo.record.json").read_bytes())
