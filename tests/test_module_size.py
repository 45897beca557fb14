"""Every module of the app stays small enough to read at one sitting: at most 500 lines, so a
module that grows past it is split by concern rather than left to grow (issue 15)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "survivor_app"
MOST_LINES = 500


def _too_long() -> dict[str, int]:
    """Each module of the package over the limit, by its path in the repository, with its lines."""
    lengths = {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert lengths, f"no module found under {PACKAGE}"
    return {path: lines for path, lines in lengths.items() if lines > MOST_LINES}


def test_no_module_is_over_500_lines() -> None:
    assert _too_long() == {}
