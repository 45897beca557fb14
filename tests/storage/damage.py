"""Damage done to a record file as a failing disk or a stray program would do it."""

from __future__ import annotations

from pathlib import Path

PAGE = 4096


def damage_pages(path: Path) -> None:
    """Overwrite every page after the first: the header still says "record", the tables do not."""
    size = path.stat().st_size
    assert size > 2 * PAGE, "a record has a page for each of its tables"
    with path.open("r+b") as file:
        file.seek(PAGE)
        file.write(b"\xa5" * (size - PAGE))
