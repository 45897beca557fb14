"""A fresh clone, alone on a machine, must build and pass: no module of the app or its tests may
name a path outside the repository (``..`` above its root, or the ``shared/`` folder that exists
beside it only on the developers' machines). ``.ci/run`` proves the same by running the suite
from a copy of the repository with nothing beside it."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    path
    for folder in ("survivor_app", "tests", "bench")
    for path in (ROOT / folder).rglob("*.py")
    if ".venv" not in path.parts
)
#: A path with a component that leaves the repository, or names the specification folder
#: beside it ("../x", "shared/x"); a bare ".." or "shared" counts where it is joined as a path.
_OUTSIDE = re.compile(r"(^|[/\\])(\.\.|shared)[/\\]|[/\\](\.\.|shared)$")
_OUTSIDE_PART = {"..", "shared"}
#: A line that holds such a string on purpose (hostile input a test feeds the app) says so.
_ON_PURPOSE = "# not a path of ours"


def _climb(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> int:
    """How many folders a chain such as ``Path(__file__).resolve().parents[1].parent`` climbs
    from the file that ``node`` (a ``__file__``) names; each ``.parent`` is one, ``.parents[n]``
    is n + 1, and calls like ``Path(...)``, ``.resolve()`` and ``.absolute()`` keep the place."""
    levels = 0
    while (parent := parents.get(node)) is not None:
        if isinstance(parent, ast.Attribute) and parent.attr == "parents":
            subscript = parents.get(parent)
            if not (
                isinstance(subscript, ast.Subscript) and isinstance(subscript.slice, ast.Constant)
            ):
                return 1_000  # an index that cannot be read is as bad as leaving
            levels += int(subscript.slice.value) + 1
            parent = subscript
        elif isinstance(parent, ast.Attribute) and parent.attr == "parent":
            levels += 1
        elif not (
            isinstance(parent, ast.Call)
            or (isinstance(parent, ast.Attribute) and parent.attr in {"resolve", "absolute"})
        ):
            break
        node = parent
    return levels


def _is_joined(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether ``node`` is a part of a path being joined: ``folder / node``, ``Path(.., node)``."""
    parent = parents.get(node)
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Div):
        return True
    return isinstance(parent, ast.Call) and ast.unparse(parent.func) in {
        "Path",
        "os.path.join",
        "joinpath",
    }


def _file_of(node: ast.AST, module: Path) -> Path | None:
    """The file a ``__file__`` expression names: the module itself, or an imported package's."""
    if isinstance(node, ast.Name) and node.id == "__file__":
        return module
    if isinstance(node, ast.Attribute) and node.attr == "__file__":
        name = ast.unparse(node.value)
        spec = importlib.util.find_spec(name)
        return None if spec is None or spec.origin is None else Path(spec.origin)
    return None


def outside_paths(source: str, module: Path) -> list[str]:
    """Every place in ``source``, standing at ``module``, that names a path outside the
    repository, as ``line: code``."""
    tree = ast.parse(source, str(module))
    lines = source.splitlines()
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _ON_PURPOSE in lines[node.lineno - 1]:
                continue
            joined = node.value in _OUTSIDE_PART and _is_joined(node, parents)
            if joined or _OUTSIDE.search(node.value):
                found.append(f"{node.lineno}: {node.value!r}")
        elif (origin := _file_of(node, module)) is not None:
            depth = len(origin.resolve().relative_to(ROOT).parts)
            # Climbing ``depth`` folders from a file reaches the root; one more leaves it.
            if _climb(node, parents) > depth:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_names_a_path_outside_the_repository(module: Path) -> None:
    assert outside_paths(module.read_text("utf-8"), module) == []


#: Lines of code that each name a path outside the repository, kept as text so that this module
#: itself names none.
WAYS_OUT = (ROOT / "tests" / "data" / "ways_out.txt").read_text("utf-8").splitlines()


@pytest.mark.parametrize("code", WAYS_OUT)
def test_the_check_finds_each_way_out(code: str) -> None:
    # As though the code stood in this module, one folder below the root.
    assert outside_paths(code, Path(__file__)) != [], code


@pytest.mark.parametrize(
    "code",
    [
        'DATA = Path(__file__).resolve().parents[1] / "docs"',
        "HERE = Path(__file__).parent",
        'RECORD = tmp_path / "records" / "a.survivor"',
        'HATCH = ".."',
        'BAD = "../escape"  # not a path of ours: what a hostile caller would try',
    ],
)
def test_the_check_lets_paths_inside_pass(code: str) -> None:
    assert outside_paths(code, Path(__file__)) == []
