"""The command line as a person uses it: each command, and one plain line for every mistake."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from survivor_app.cli import main
from survivor_app.paths import backups_dir
from survivor_app.storage import RecordStore
from tests.shared_files import (
    EXAMPLE_RECORDS,
    READABLE_EXAMPLES,
    SCHEMA,
    example_params,
    has_spots_without_a_size,
)


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Outcome:
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_error(outcome: Outcome, *fragments: str) -> None:
    assert outcome.code == 2
    assert outcome.err.count("\n") == 1, outcome.err
    assert outcome.err.startswith("survivor-app")
    assert "Traceback" not in outcome.err
    for fragment in fragments:
        assert fragment in outcome.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run(capsys, "--version")
    assert outcome.code == 0
    assert outcome.out.strip() == "survivor-app 0.1.0"


def test_the_version_is_looked_up_only_when_asked_for() -> None:
    # Reading the package's metadata costs more than the rest of a command's start.
    code = (
        "import sys; from survivor_app.cli import build_parser; "
        "build_parser().parse_args(['periods']); print('importlib.metadata' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_an_unknown_command_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "frobnicate"), "invalid choice")


def test_a_missing_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "export", "--record", "x.survivor"), "-o/--output")


def test_demo_takes_the_record_before_or_after_the_command_but_never_a_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SURVIVOR_APP_RECORD", str(tmp_path / "own.survivor"))
    assert_one_line_error(run(capsys, "demo"), "give --record PATH")
    assert not (tmp_path / "own.survivor").exists()
    assert run(capsys, "--record", tmp_path / "before.survivor", "demo").code == 0
    assert run(capsys, "demo", "--record", tmp_path / "after.survivor").code == 0
    assert (tmp_path / "before.survivor").exists()
    assert (tmp_path / "after.survivor").exists()


def test_demo_then_export_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "a.survivor", tmp_path / "b.survivor"
    assert run(capsys, "demo", "--record", first).code == 0
    assert (
        run(capsys, "export", "--format", "json", "--record", first, "-o", tmp_path / "1.json").code
        == 0
    )
    assert run(capsys, "import", tmp_path / "1.json", "--record", second).code == 0
    assert run(capsys, "export", "--record", second, "-o", tmp_path / "2.json").code == 0
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    jsonschema.validate(
        json.loads((tmp_path / "1.json").read_text("utf-8")), json.loads(SCHEMA.read_text("utf-8"))
    )


def test_demo_refuses_a_record_that_has_data(
    capsys: pytest.CaptureFixture[str], record_path: Path
) -> None:
    assert run(capsys, "demo", "--record", record_path).code == 0
    before = digest(record_path)
    assert_one_line_error(run(capsys, "demo", "--record", record_path), "already holds data")
    assert digest(record_path) == before


@pytest.mark.parametrize("example", example_params())
def test_every_example_round_trips_and_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example: Path
) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    exports = []
    for n in (1, 2):
        record = tmp_path / f"{n}.survivor"
        source = example if n == 1 else exports[-1]
        assert run(capsys, "import", source, "--record", record).code == 0
        exports.append(tmp_path / f"{n}.json")
        assert run(capsys, "export", "--record", record, "-o", exports[-1]).code == 0
        jsonschema.validate(json.loads(exports[-1].read_text("utf-8")), schema)
    assert exports[0].read_bytes() == exports[1].read_bytes()


def test_export_to_standard_output(capsys: pytest.CaptureFixture[str], record_path: Path) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    outcome = run(capsys, "export", "--record", record_path, "-o", "-")
    assert outcome.code == 0
    assert json.loads(outcome.out)["format"] == "survivor-record"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "bad.json: the file is empty"),
        (b"   \n", "bad.json: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "bad.json: the file is not UTF-8"),
        ('{"format": "survivor-record"}'.encode("utf-16"), "bad.json: the file is not UTF-8"),
        (b"[1, 2]", "bad.json: a list is not a record"),
        (b'{"format": "survivor-record", "version": 2', "bad.json: the file is not valid JSON"),
        (b'{"format": "survivor-record", "version": 4}', "newer version"),
    ],
    ids=["empty", "blank", "binary", "utf-16", "not-an-object", "not-json", "newer-version"],
)
def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    record_path: Path,
    content: bytes,
    fragment: str,
) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    before = digest(record_path)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    outcome = run(capsys, "import", bad, "--record", record_path, "--replace")
    assert_one_line_error(outcome, fragment)
    assert digest(record_path) == before
    assert not (record_path.parent / "backups").exists()


def test_a_bad_file_names_the_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    data = json.loads(READABLE_EXAMPLES[0].read_text("utf-8"))
    data["scans"][1]["measurements"][0]["size_mm"] = -4
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    outcome = run(capsys, "import", bad, "--record", record_path)
    assert_one_line_error(outcome, "scans[1].measurements[0].size_mm: -4 is below 0")
    assert not record_path.exists()


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({"size_mm": 12}, "size_mm: 12 is given, but this spot has no size (sized: false)"),
        ({"state": "shrinking"}, "state: 'shrinking' is not one of: present, gone, growing"),
    ],
    ids=["a-size-of-a-spot-without-one", "an-unknown-state"],
)
def test_a_bad_version_2_file_names_the_place_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    record_path: Path,
    entry: dict[str, object],
    fragment: str,
) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    before = digest(record_path)
    example = next(path for path in EXAMPLE_RECORDS if has_spots_without_a_size(path))
    data = json.loads(example.read_text("utf-8"))
    assert data["scans"][0]["measurements"][1] == {"spot": "S", "state": "present"}
    data["scans"][0]["measurements"][1].update(entry)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    outcome = run(capsys, "import", bad, "--record", record_path, "--replace")
    assert_one_line_error(outcome, f"scans[0].measurements[1].{fragment}")
    assert digest(record_path) == before
    assert not (record_path.parent / "backups").exists()


def test_import_into_a_record_with_data_needs_replace(
    capsys: pytest.CaptureFixture[str], record_path: Path
) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    before = digest(record_path)
    assert_one_line_error(
        run(capsys, "import", READABLE_EXAMPLES[1], "--record", record_path), "--replace"
    )
    assert digest(record_path) == before


def test_replace_backs_up_first_then_swaps_everything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    old, new = READABLE_EXAMPLES[0], READABLE_EXAMPLES[1]
    fresh = tmp_path / "fresh.survivor"
    run(capsys, "import", new, "--record", fresh)
    run(capsys, "export", "--record", fresh, "-o", tmp_path / "expected.json")
    run(capsys, "import", old, "--record", record_path)
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "old.json")

    assert run(capsys, "import", new, "--record", record_path, "--replace").code == 0

    backups = list(backups_dir(record_path).iterdir())
    assert len(backups) == 1
    run(capsys, "export", "--record", backups[0], "-o", tmp_path / "backup.json")
    assert (tmp_path / "backup.json").read_bytes() == (tmp_path / "old.json").read_bytes()
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "now.json")
    assert (tmp_path / "now.json").read_bytes() == (tmp_path / "expected.json").read_bytes()


def test_a_foreign_file_is_refused_and_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    foreign = tmp_path / "letter.txt"
    foreign.write_text("Dear Dr. Osei,\n" * 200, "utf-8")
    before = digest(foreign)
    assert_one_line_error(run(capsys, "export", "--record", foreign, "-o", tmp_path / "out.json"))
    assert_one_line_error(run(capsys, "import", READABLE_EXAMPLES[0], "--record", foreign))
    assert digest(foreign) == before
    assert not (tmp_path / "out.json").exists()


def test_a_missing_record_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.survivor"
    assert_one_line_error(run(capsys, "periods", "--record", missing))
    assert not missing.exists()


def test_record_given_before_the_command_is_used(
    capsys: pytest.CaptureFixture[str], record_path: Path
) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    outcome = run(capsys, "--record", record_path, "periods", "--json")
    assert outcome.code == 0
    assert json.loads(outcome.out)["format"] == "survivor-periods"


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "survivor_app", "export", "--record", tmp_path / "x", "-o", "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("export_format", "start"), [("csv", b"\xef\xbb\xbfCancer,"), ("fhir", b'{\n  "resourceType"')]
)
def test_export_csv_and_fhir(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    record_path: Path,
    export_format: str,
    start: bytes,
) -> None:
    run(capsys, "demo", "--record", record_path)
    out = tmp_path / f"demo.{export_format}"
    assert (
        run(capsys, "export", "--format", export_format, "--record", record_path, "-o", out).code
        == 0
    )
    assert out.read_bytes().startswith(start)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_unknown_export_format_is_one_line(
    capsys: pytest.CaptureFixture[str], record_path: Path
) -> None:
    assert_one_line_error(
        run(capsys, "export", "--format", "xml", "--record", record_path, "-o", "x"),
        "invalid choice",
    )


# Backing up and restoring.


def test_backup_prints_the_path_of_a_private_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    run(capsys, "demo", "--record", record_path)
    before = digest(record_path)
    outcome = run(capsys, "backup", "--record", record_path)
    assert outcome.code == 0
    backup = Path(outcome.out.strip())
    # In the record's own folder of backups, named for its whole file name.
    assert backup.parent == record_path.parent / "backups" / record_path.name
    assert backup.name.endswith("-by-hand.survivor")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert digest(record_path) == before
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "record.json")
    run(capsys, "export", "--record", backup, "-o", tmp_path / "backup.json")
    assert (tmp_path / "backup.json").read_bytes() == (tmp_path / "record.json").read_bytes()


def test_backup_of_a_missing_record_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert_one_line_error(run(capsys, "backup", "--record", tmp_path / "nope.survivor"))
    assert list(tmp_path.iterdir()) == []


def test_restore_brings_back_the_backup_after_keeping_the_record_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    run(capsys, "import", READABLE_EXAMPLES[0], "--record", record_path)
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "first.json")
    backup = Path(run(capsys, "backup", "--record", record_path).out.strip())
    run(capsys, "import", READABLE_EXAMPLES[1], "--record", record_path, "--replace")
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "second.json")

    outcome = run(capsys, "restore", backup, "--record", record_path)

    assert outcome.code == 0, outcome.err
    kept_line, restored_line = outcome.out.splitlines()
    kept = Path(kept_line.removeprefix("Kept the record as it was in "))
    assert kept.name.endswith("-before-restore.survivor")
    assert restored_line == f"Restored {backup} into {record_path}"
    run(capsys, "export", "--record", record_path, "-o", tmp_path / "now.json")
    assert (tmp_path / "now.json").read_bytes() == (tmp_path / "first.json").read_bytes()
    run(capsys, "export", "--record", kept, "-o", tmp_path / "kept.json")
    assert (tmp_path / "kept.json").read_bytes() == (tmp_path / "second.json").read_bytes()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "This backup is empty"),
        (b"Dear Dr. Osei,\n" * 200, "This file is not a Survivorship Tracker backup"),
        (b"SQLite format 3\x00" + bytes(4096 * 3), "This backup is damaged"),
    ],
    ids=["empty", "a letter", "damaged"],
)
def test_restore_refuses_a_bad_backup_in_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    record_path: Path,
    content: bytes,
    fragment: str,
) -> None:
    run(capsys, "demo", "--record", record_path)
    before = digest(record_path)
    bad = tmp_path / "bad.survivor"
    bad.write_bytes(content)
    assert_one_line_error(run(capsys, "restore", bad, "--record", record_path), fragment)
    assert digest(record_path) == before
    assert not (record_path.parent / "backups").exists()
    assert_one_line_error(
        run(capsys, "restore", tmp_path / "none.survivor", "--record", record_path),
        "There is no backup at this place",
    )


# One writer: the commands respect a record open in the window.


def test_commands_that_write_refuse_a_record_open_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    run(capsys, "demo", "--record", record_path)
    backup = Path(run(capsys, "backup", "--record", record_path).out.strip())
    with RecordStore.open(record_path):
        before = digest(record_path)
        for command in (
            ["demo", "--record", record_path],
            ["import", READABLE_EXAMPLES[1], "--record", record_path, "--replace"],
            ["restore", backup, "--record", record_path],
        ):
            assert_one_line_error(run(capsys, *command), "open in another window")
        assert digest(record_path) == before
        # Commands that only read go on working beside the window.
        assert run(capsys, "export", "--record", record_path, "-o", tmp_path / "x.json").code == 0
        assert run(capsys, "periods", "--record", record_path).code == 0
        assert run(capsys, "backup", "--record", record_path).code == 0
        assert digest(record_path) == before


@pytest.mark.parametrize("command", ["export", "summary"])
def test_nothing_is_written_over_the_record_itself(
    capsys: pytest.CaptureFixture[str], record_path: Path, command: str
) -> None:
    run(capsys, "demo", "--record", record_path)
    before = digest(record_path)
    assert_one_line_error(
        run(capsys, command, "--record", record_path, "-o", record_path), "the record itself"
    )
    assert digest(record_path) == before
