"""Where the record, its backups and the settings live, and how each is overridden."""

from __future__ import annotations

from pathlib import Path

import pytest

from survivor_app import paths


def test_home_variable_moves_the_data_and_config_folders(isolated_home: Path) -> None:
    assert paths.data_dir() == isolated_home
    assert paths.config_dir() == isolated_home / "config"
    assert paths.record_path() == isolated_home / "record.survivor"


def test_without_overrides_the_platform_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SURVIVOR_APP_HOME")
    assert paths.data_dir().name == "SurvivorshipTracker"
    assert paths.record_path() == paths.data_dir() / "record.survivor"


def test_record_variable_beats_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SURVIVOR_APP_RECORD", str(tmp_path / "mum.survivor"))
    assert paths.record_path() == tmp_path / "mum.survivor"


def test_explicit_record_beats_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SURVIVOR_APP_RECORD", str(tmp_path / "mum.survivor"))
    assert paths.record_path(tmp_path / "dad.survivor") == tmp_path / "dad.survivor"


def test_backups_sit_beside_the_record_in_a_folder_named_for_the_whole_file_name(
    tmp_path: Path,
) -> None:
    assert paths.shared_backups_dir(tmp_path / "a.survivor") == tmp_path / "backups"
    assert paths.backups_dir(tmp_path / "a.survivor") == tmp_path / "backups" / "a.survivor"
    assert paths.backups_dir(tmp_path / "a") == tmp_path / "backups" / "a"
