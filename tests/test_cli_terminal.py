"""What the command line prints is safe for a terminal, and import is bounded: stored names and
refused values reach the terminal with their control characters escaped, a file over 64 MB is
refused unread, and a record an older version wrote with a date of year 22 still reads."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import pytest

from survivor_app.exchange import read_record, write_record
from tests.older_records import ESCAPES, older_record, scan_dated, spot_named
from tests.report.records import demo_record
from tests.test_cli import assert_one_line_error, digest, run

#: A cancer name that asks the terminal to write the clipboard, ring and clear the screen.
CANCER_NAME = "Breast cancer" + ESCAPES


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` a terminal could act on: controls but tab and line feed."""
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"]


@pytest.fixture
def escaping_record(record_path: Path) -> Path:
    """The example record with escape sequences in a cancer's name and a spot's name, as an
    older version could have stored them."""
    record = demo_record()
    first = record.cancers[0]
    # The explanation of the recurrence names this spot.
    spot = next(s for s in record.spots if s.name == "Liver spot")
    return older_record(
        record_path,
        record,
        ("UPDATE cancer SET name = ? WHERE id = ?", (CANCER_NAME, first.id)),
        spot_named(spot.id, "Liver spot" + ESCAPES),
    )


def test_periods_escapes_control_characters_in_stored_names(
    capsys: pytest.CaptureFixture[str], escaping_record: Path
) -> None:
    outcome = run(capsys, "periods", "--record", escaping_record)
    assert outcome.code == 0
    assert raw_controls(outcome.out) == []
    assert "Breast cancer\\x1b]52;c;aGVsbG8=\\x07\\x0c\\x9b2J" in outcome.out
    # The spot's name too, in an explanation (where wrapping took the form feed for a space).
    assert outcome.out.count("\\x1b]52;c;aGVsbG8=\\x07") >= 2


def test_periods_json_escapes_them_and_keeps_the_same_value(
    capsys: pytest.CaptureFixture[str], escaping_record: Path
) -> None:
    outcome = run(capsys, "periods", "--json", "--record", escaping_record)
    assert outcome.code == 0
    assert raw_controls(outcome.out) == []
    assert "Liver spot\\u001b]52;c;aGVsbG8=\\u0007\\f\\u009b2J" in outcome.out
    document = json.loads(outcome.out)
    explanations = [p["explanation"] for c in document["cancers"] for p in c["periods"]]
    assert any("Liver spot" + ESCAPES in explanation for explanation in explanations)


def test_a_refused_value_reaches_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    document = json.loads(write_record(demo_record()))
    document["spots"][0]["area"] = "\x1b]52;c;aGVsbG8=\x07" + "x" * 1000
    source = tmp_path / "crafted.json"
    source.write_text(json.dumps(document), "utf-8")
    outcome = run(capsys, "import", source, "--record", record_path)
    assert_one_line_error(outcome, "spots[0].area: '\\x1b]52;c;aGVsbG8=\\x07xxx")
    assert raw_controls(outcome.err) == []
    assert len(outcome.err) < 300
    assert not record_path.exists()


def test_a_path_with_escapes_is_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = tmp_path / "name\x1b[2J.survivor"
    outcome = run(capsys, "demo", "--record", record)
    assert outcome.code == 0
    assert raw_controls(outcome.out) == []
    assert "name\\x1b[2J.survivor" in outcome.out
    outcome = run(capsys, "frobnicate\x1b[2J")
    assert raw_controls(outcome.err) == []


def test_a_huge_number_is_not_repeated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    text = write_record(demo_record()).decode("utf-8")
    source = tmp_path / "number.json"
    source.write_text(text.replace('"size_mm": 32.0', '"size_mm": ' + "7" * 10_000_000, 1))
    outcome = run(capsys, "import", source, "--record", record_path)
    assert_one_line_error(outcome, "7" * 59 + "… is above 500")
    assert len(outcome.err) < 200


def test_a_file_over_64_mb_is_refused_unread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    # Sparse: the file says it holds 10 GB, and takes no room on the disk.
    source = tmp_path / "huge.json"
    with source.open("wb") as file:
        file.truncate(10 * 1024**3)
    outcome = run(capsys, "import", source, "--record", record_path)
    assert_one_line_error(outcome, "larger than 64 MB, so it cannot be a record")
    assert not record_path.exists()


def test_a_file_of_exactly_64_mb_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path
) -> None:
    data = write_record(demo_record())
    source = tmp_path / "padded.json"
    source.write_bytes(data + b" " * (64 * 1024**2 - len(data)))
    assert run(capsys, "import", source, "--record", record_path).code == 0
    with source.open("ab") as file:
        file.write(b" ")
    outcome = run(capsys, "import", source, "--record", tmp_path / "other.survivor")
    assert_one_line_error(outcome, "larger than 64 MB")


def test_a_record_with_a_date_of_year_22_still_reads(
    capsys: pytest.CaptureFixture[str], record_path: Path, tmp_path: Path
) -> None:
    record = demo_record()
    record = dataclasses.replace(record, person=dataclasses.replace(record.person, birth_date=None))
    older_record(record_path, record, scan_dated(record.scans[0].id, "0022-05-14"))
    before = digest(record_path)
    periods = run(capsys, "periods", "--record", record_path)
    assert periods.code == 0
    assert "Starting point" in periods.out
    summary = run(capsys, "summary", "--record", record_path, "-o", tmp_path / "s.pdf")
    assert summary.code == 0, summary.err
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    exported = run(capsys, "export", "--record", record_path, "-o", tmp_path / "r.json")
    assert exported.code == 0
    # What an older version let in, today's import refuses, by its place.
    with pytest.raises(ValueError, match=r"scans\[0\]\.date: 0022-05-14 is before 1900"):
        read_record((tmp_path / "r.json").read_bytes())
    assert digest(record_path) == before
