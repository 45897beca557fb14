"""Importing the core packages or the command line loads no Qt and no matplotlib.

That no core module imports them at all, at import time or inside any function, is a contract of
import-linter ("The core never imports Qt or matplotlib", in pyproject.toml), which `make test`
checks; this test checks what a start of the command line actually loads."""

from __future__ import annotations

import subprocess
import sys

CORE = ("domain", "status", "storage", "changes", "exchange", "reading", "report.content")
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")


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
