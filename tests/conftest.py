"""Fixtures shared by every test: each test gets its own folders, never the person's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Tests run on Qt's offscreen platform unless told otherwise, so they need no screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data and config folders at a fresh temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SURVIVOR_APP_HOME", str(home))
    monkeypatch.delenv("SURVIVOR_APP_RECORD", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    """A path for a new record in this test's own folder."""
    return tmp_path / "test.survivor"
