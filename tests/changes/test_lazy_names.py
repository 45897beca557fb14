"""The edits' names that ``survivor_app.changes`` gives on first asking: the three lists that
name them (the imports mypy reads, the modules they come from, ``__all__``) agree, and each
name is the class or function of its own module."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from survivor_app import changes

PACKAGE = Path(changes.__file__)


def _names_mypy_reads() -> set[str]:
    """The names imported under ``if TYPE_CHECKING:`` in the package's ``__init__``."""
    tree = ast.parse(PACKAGE.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                names.update(alias.name for alias in statement.names)
    return names


def test_the_names_given_later_are_those_mypy_reads() -> None:
    assert set(changes._LATER) == _names_mypy_reads()


def test_every_exported_name_is_there() -> None:
    later = set(changes._LATER)
    given_now = {name for name in changes.__all__ if name not in later}
    assert later <= set(changes.__all__)
    assert all(name in vars(changes) for name in given_now)


def test_each_name_given_later_comes_from_its_module() -> None:
    # In a fresh process, so that no other test has imported the modules first.
    script = (
        "from importlib import import_module\n"
        "from survivor_app import changes\n"
        "for name, module in changes._LATER.items():\n"
        "    given = getattr(changes, name)\n"
        "    assert given is getattr(import_module(f'survivor_app.changes.{module}'), name), name\n"
        "print(len(changes._LATER))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(changes._LATER)


def test_a_name_not_there_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="AddScann"):
        import_module("survivor_app.changes").AddScann  # noqa: B018
