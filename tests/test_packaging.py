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
