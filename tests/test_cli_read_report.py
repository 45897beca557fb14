"""``survivor-app read-report``: what it prints for a report file or pasted text, its JSON, the
spots of a record's cancer matched, and one plain line for every mistake."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from survivor_app.storage import RecordStore
from tests.test_cli import assert_one_line_error, run

REPORT = (
    "FINDINGS: Left axillary lymph node 9 mm short axis (previously 12 mm). The right hepatic "
    "lobe lesion measures 1.5 x 1.2 cm, previously 2.1 cm (series 3, image 45, 3/2024).\n"
    "No new lesions.\nIMPRESSION: Partial response.\n"
)
KEYS = {
    "sentence", "start", "end", "size_mm", "prior_size_mm", "lymph_node", "location", "spot",
    "confidence", "new", "state", "uncertain", "size_span",
}  # fmt: skip


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_the_text_names_each_finding_with_its_sentence(
    capsys: pytest.CaptureFixture[str], report: Path
) -> None:
    outcome = run(capsys, "read-report", report)
    assert outcome.code == 0, outcome.err
    assert "Found 2 findings" in outcome.out
    assert "Size now: 9 mm (short axis of a lymph node)" in outcome.out
    assert "Size before: 12 mm" in outcome.out
    assert "Size now: 15 mm" in outcome.out
    assert "Size before: 21 mm" in outcome.out
    assert "Status the impression suggests: Partial remission" in outcome.out


def test_the_json_is_the_documented_object(
    capsys: pytest.CaptureFixture[str], report: Path
) -> None:
    outcome = run(capsys, "read-report", report, "--json")
    assert outcome.code == 0, outcome.err
    document = json.loads(outcome.out)
    assert set(document) == {"findings", "no_evidence_of_disease", "suggested_status"}
    assert document["no_evidence_of_disease"] is False
    assert document["suggested_status"] == "partial_remission"
    node, liver = document["findings"]
    assert set(node) == KEYS
    assert (node["size_mm"], node["prior_size_mm"], node["lymph_node"]) == (9, 12, True)
    assert (liver["size_mm"], liver["prior_size_mm"], liver["lymph_node"]) == (15, 21, False)
    for finding in (node, liver):
        assert REPORT[finding["start"] : finding["end"]] == finding["sentence"]
        assert finding["spot"] is None
    start, end = liver["size_span"]
    assert REPORT[start:end] == "1.5 x 1.2 cm"


def test_pasted_text_is_read_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pasted = "\ufeffLiver lesion 2.15 cm (prior 1.9 cm). Conclusion: NED.".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pasted)))
    outcome = run(capsys, "read-report", "-", "--json")
    assert outcome.code == 0, outcome.err
    document = json.loads(outcome.out)
    (finding,) = document["findings"]
    assert (finding["size_mm"], finding["prior_size_mm"]) == (21.5, 19)
    assert document["no_evidence_of_disease"] is True


def test_the_spots_of_a_records_cancer_are_matched(
    capsys: pytest.CaptureFixture[str], report: Path, record_path: Path
) -> None:
    assert run(capsys, "demo", "--record", record_path).code == 0
    outcome = run(capsys, "read-report", report, "--record", record_path, "--cancer", "c1")
    assert outcome.code == 0, outcome.err
    assert "Your spot: Armpit lymph node (100% sure)" in outcome.out
    assert "Your spot: Liver spot (100% sure)" in outcome.out
    outcome = run(
        capsys, "read-report", report, "--record", record_path, "--cancer", "c1", "--json"
    )
    assert [f["spot"] for f in json.loads(outcome.out)["findings"]] == ["s2", "s3"]


def test_a_control_character_in_the_report_never_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Liver lesion \x1b]52;c;aGk=\x07 12 mm.", encoding="utf-8")
    for extra in ((), ("--json",)):
        outcome = run(capsys, "read-report", path, *extra)
        assert outcome.code == 0
        assert "\x1b" not in outcome.out
        assert "\x07" not in outcome.out


def test_every_mistake_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, record_path: Path, report: Path
) -> None:
    assert_one_line_error(run(capsys, "read-report", tmp_path / "none.txt"), "no such file")
    assert_one_line_error(run(capsys, "read-report", tmp_path), "a folder")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\n\xff\xfe\x00")
    assert_one_line_error(run(capsys, "read-report", binary), "not text in UTF-8")
    assert_one_line_error(run(capsys, "read-report"), "FILE")
    RecordStore.open(record_path).close()
    assert_one_line_error(
        run(capsys, "read-report", report, "--record", record_path), "no cancer yet"
    )
    assert run(capsys, "demo", "--record", record_path).code == 0
    assert_one_line_error(
        run(capsys, "read-report", report, "--record", record_path), "give --cancer ID", "c1, c2"
    )
    assert_one_line_error(
        run(capsys, "read-report", report, "--record", record_path, "--cancer", "c9"),
        "no cancer 'c9'",
    )


def test_a_file_too_large_is_refused_as_a_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(65 * 1024 * 1024)  # sparse: refused by its size, never read
    outcome = run(capsys, "read-report", huge)
    assert_one_line_error(outcome, "the report is larger")
    assert "record" not in outcome.err


def test_cancer_without_record_names_the_place_it_looked(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    report: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = tmp_path / "nowhere.survivor"
    monkeypatch.setenv("SURVIVOR_APP_RECORD", str(missing))
    assert_one_line_error(run(capsys, "read-report", report, "--cancer", "c1"), str(missing))
    assert not missing.exists()


def test_an_empty_record_or_cancer_is_a_mistake_not_ignored(
    capsys: pytest.CaptureFixture[str], report: Path
) -> None:
    assert_one_line_error(run(capsys, "read-report", report, "--record", ""), "--record")
    assert_one_line_error(run(capsys, "read-report", report, "--cancer", ""), "--cancer")
