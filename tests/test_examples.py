"""Every example of the specification gets its expected labels through ``import`` then
``periods --json``, and the demo record shows every label."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from survivor_app.cli import main
from survivor_app.domain import SpotState, Status
from survivor_app.exchange import read_record
from survivor_app.status import analyse
from tests.plot.unsized import sized_only
from tests.shared_files import DEMO_RECORD, as_expected, example_params, expected_labels


def periods_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["periods", "--json", *args]) == 0
    document: dict[str, object] = json.loads(capsys.readouterr().out)
    return document


@pytest.mark.parametrize("case", example_params())
def test_example_gets_its_expected_labels(
    capsys: pytest.CaptureFixture[str], record_path: Path, case: Path
) -> None:
    expected = expected_labels(case)
    assert main(["import", str(case), "--record", str(record_path)]) == 0
    capsys.readouterr()
    document = periods_json(capsys, "--record", str(record_path))
    got = {
        cancer["cancer"]: cancer["assessments"]
        for cancer in document["cancers"]  # type: ignore[attr-defined]
    }
    assert as_expected(expected, got) == expected


def test_periods_json_is_byte_stable(capsys: pytest.CaptureFixture[str], record_path: Path) -> None:
    assert main(["demo", "--record", str(record_path)]) == 0
    capsys.readouterr()
    outputs = []
    for _ in range(2):
        assert main(["periods", "--json", "--record", str(record_path)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].endswith("}\n")


def test_the_demo_shows_every_label(capsys: pytest.CaptureFixture[str], record_path: Path) -> None:
    assert main(["demo", "--record", str(record_path)]) == 0
    capsys.readouterr()
    document = periods_json(capsys, "--record", str(record_path))
    cancers = document["cancers"]
    assert isinstance(cancers, list)
    assessments = [a for cancer in cancers for a in cancer["assessments"]]
    assert {a["status"] for a in assessments} == {status.value for status in Status}
    assert {a["confirmed"] for a in assessments} == {None, True, False}
    assert any(a["disagreement"] for a in assessments)
    assert any(a["scan"] is None for a in assessments), "a statement on its own"
    assert all(cancer["questions"] for cancer in cancers)


def test_the_demos_spots_in_the_spine_keep_its_latest_remission_partial() -> None:
    record = read_record(DEMO_RECORD.read_bytes())
    breast = record.history("c1")
    latest = analyse(breast).assessments[-1]
    assert (latest.date.isoformat(), latest.status, latest.confirmed) == (
        "2026-06-22",
        Status.PARTIAL_REMISSION,
        False,
    )
    # The liver spot is gone: without the spots the report gives no size for, every measured
    # spot would be gone, and the label complete.
    assert analyse(sized_only(breast)).assessments[-1].status is Status.COMPLETE_REMISSION
    # Every state a spot without a size can have, and scans that did not look at one.
    unsized = {spot.id for spot in record.spots if not spot.sized}
    said = [m.state for scan in record.scans for m in scan.measurements if m.spot_id in unsized]
    assert set(said) == set(SpotState)
    assert any(
        not any(m.spot_id in unsized for m in scan.measurements)
        for scan in breast.scans
        if scan.date > dt.date(2025, 3, 3)
    )


def test_periods_text_reads_in_a_terminal(
    capsys: pytest.CaptureFixture[str], record_path: Path
) -> None:
    assert main(["demo", "--record", str(record_path)]) == 0
    capsys.readouterr()
    assert main(["periods", "--record", str(record_path)]) == 0
    text = capsys.readouterr().out
    assert "Breast cancer" in text
    assert "Recurred — distant" in text
    assert max(len(line) for line in text.splitlines()) <= 100
