"""Privacy: every file the app writes (the record, its journal and lock, its backups, exports,
summaries, copies, and the temporary files behind them) is readable by the owner alone, and
every folder it makes is the owner's alone, whatever the umask says."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from survivor_app.storage import RecordStore
from tests.safety.flows import every_flow
from tests.storage.samples import sample_record

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would make every new file readable and writable by everyone."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("permissive_umask")
def test_every_file_of_every_flow_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_in_place: list[tuple[str, int]] = []
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        # The temporary file of an export or a backup, at the moment it takes its name.
        put_in_place.append((Path(target).name, mode(Path(source))))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    folder = tmp_path / "flows"
    folder.mkdir(mode=0o700)
    every_flow(folder)

    made = sorted(folder.rglob("*"))
    files = [path for path in made if path.is_file()]
    folders = [path for path in made if path.is_dir()]
    suffixes = {path.suffix for path in files}
    assert {".survivor", ".json", ".csv", ".fhir", ".pdf"} <= suffixes
    assert any("backups" in path.parts for path in files)
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert {path.name: mode(path) for path in folders} == {path.name: 0o700 for path in folders}
    # The exports, the summary, the backups, the damaged record's replacement and the copy went
    # through a temporary file first.
    assert {
        "record.json",
        "record.csv",
        "record.fhir",
        "summary.pdf",
        "record.survivor",
        "opened as a copy.survivor",
    } <= {name for name, _ in put_in_place}
    assert sum(name.startswith("record-") for name, _ in put_in_place) >= 4
    assert {name: permissions for name, permissions in put_in_place} == {
        name: 0o600 for name, _ in put_in_place
    }


@pytest.mark.usefixtures("permissive_umask")
def test_the_journal_and_the_lock_are_private_while_a_record_is_open(tmp_path: Path) -> None:
    record = tmp_path / "new" / "record.survivor"
    with RecordStore.open(record) as store:
        assert mode(record.with_name("record.survivor.lock")) == 0o600
        with store.transaction():
            store.replace_content(sample_record())
            assert mode(record.with_name("record.survivor-journal")) == 0o600
    assert mode(record) == 0o600
    assert mode(record.parent) == 0o700
    assert sorted(path.name for path in record.parent.iterdir()) == ["record.survivor"]
