"""Every example of the specification gets its expected labels through ``import`` then
``periods --json``, and the demo record shows every label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from survivor_app.cli import main
from survivor_app.domain import Status
from tests.shared_files import as_expected, example_params, expected_labels


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
