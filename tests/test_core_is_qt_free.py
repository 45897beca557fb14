"""The core packages never import Qt or matplotlib, at import time or inside any function."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import survivor_app

PACKAGE = Path(survivor_app.__file__).parent
CORE = ("domain", "status", "storage", "changes", "exchange")
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")


def _imported_names(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_no_core_module_mentions_qt_or_matplotlib(package: str) -> None:
    modules = sorted((PACKAGE / package).rglob("*.py"))
    assert modules, f"survivor_app/{package} has no modules"
    for module in modules:
        for name in _imported_names(module):
            assert name.split(".")[0] not in FORBIDDEN, f"{module} imports {name}"


def test_importing_the_core_and_the_command_line_loads_no_qt() -> None:
    probe = (
        "import sys\n"
        "import survivor_app.cli\n"
        + "".join(f"import survivor_app.{package}\n" for package in CORE)
        + f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
