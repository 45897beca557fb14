"""What a plain ``pip install .`` ships: every package folder, the resources, both commands."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import survivor_app

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    package_root = Path(survivor_app.__file__).parent
    on_disk = {
        ".".join(init.parent.relative_to(package_root.parent).parts)
        for init in package_root.rglob("__init__.py")
    }
    tool = _project()["tool"]
    assert isinstance(tool, dict)
    listed = set(tool["setuptools"]["packages"])
    assert on_disk | {"survivor_app.resources"} == listed


def test_the_resources_are_read_from_the_package() -> None:
    resources = files("survivor_app.resources")
    assert (resources / "demo.record.json").read_bytes().startswith(b"{")
    assert "lymph node" in (resources / "glossary.md").read_text("utf-8")


def test_the_command_and_the_windows_launcher_are_declared() -> None:
    project = _project()["project"]
    assert isinstance(project, dict)
    assert project["scripts"] == {"survivor-app": "survivor_app.cli:main"}
    assert project["gui-scripts"] == {"survivor-app-gui": "survivor_app.cli:main"}


def test_the_app_installs_none_of_the_test_tools() -> None:
    project = _project()["project"]
    assert isinstance(project, dict)
    needed = {
        requirement.split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for requirement in project["dependencies"]
    }
    assert needed == {"pyside6-essentials", "matplotlib", "platformdirs"}
    tools = {
        requirement.split(">")[0].split("=")[0].strip().lower()
        for requirement in project["optional-dependencies"]["test"]
    }
    assert {"pytest", "pytest-qt", "hypothesis", "ruff", "mypy"} <= tools


def test_make_run_sets_up_the_app_alone_and_make_test_adds_the_tools() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    rules = {
        line.split(":")[0]: line.split(":", 1)[1].split()
        for line in makefile.splitlines()
        if line and not line[0].isspace() and ":" in line and "=" not in line.split(":")[0]
    }
    assert rules["run"] == ["$(APP)"]
    assert "-e ." in makefile.split("$(APP):", 1)[1].split("\n\n")[0]
    assert "'.[test]'" in makefile.split("$(TOOLS):", 1)[1].split("\n\n")[0]
    assert rules["lint"] == ["$(TOOLS)"]
    assert rules["test"] == ["lint"]
