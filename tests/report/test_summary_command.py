"""``survivor-app summary``: a PDF readable by its owner alone, on the paper of the locale or the
one asked for, without a screen; and one plain line with exit status 2 for every bad input."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from survivor_app.cli import main
from survivor_app.storage import RecordStore
from tests.report.pdfs import A4_POINTS, LETTER_POINTS, pages

LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


@pytest.fixture
def demo_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A record file holding the example record."""
    path = tmp_path / "demo.survivor"
    assert main(["demo", "--record", str(path)]) == 0
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_summary_is_a_private_pdf_with_a_page_per_cancer(
    qapp: QApplication,
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    output = tmp_path / "summary.pdf"
    code, out, err = run(capsys, "summary", "--record", demo_path, "-o", output)
    assert (code, err) == (0, "")
    assert out == f"Wrote the summary on US Letter paper to {output}\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    breast, lung = pages(output.read_bytes())
    assert breast.size == pytest.approx(LETTER_POINTS, abs=0.5)
    assert "Breast cancer" in breast.text
    assert "Lung cancer" in lung.text


def test_one_cancer_on_the_paper_asked_for(
    qapp: QApplication, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "lung.pdf"
    code, _, _ = run(
        capsys, "summary", "--record", demo_path, "-o", output, "--cancer", "c2", "--paper", "a4"
    )
    assert code == 0
    (page,) = pages(output.read_bytes())
    assert page.size == pytest.approx(A4_POINTS, abs=0.5)
    assert "Lung cancer" in page.text


def _empty_record(path: Path) -> Path:
    RecordStore.open(path, create=True).close()
    return path


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("missing record", "There is no record"),
        ("empty record", "this record is empty"),
        ("unknown cancer", "there is no cancer with the id 'c9' (known: c1, c2)"),
        ("missing folder", "cannot be written"),
        ("output is a folder", "cannot be written"),
        ("unknown paper", "invalid choice: 'legal'"),
    ],
)
@pytest.mark.usefixtures("qapp")
def test_bad_input_is_one_line_and_exit_status_2(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    fragment: str,
) -> None:
    output = tmp_path / "summary.pdf"
    arguments: dict[str, list[str | Path]] = {
        "missing record": ["--record", tmp_path / "nowhere.survivor", "-o", output],
        "empty record": ["--record", _empty_record(tmp_path / "empty.survivor"), "-o", output],
        "unknown cancer": ["--record", demo_path, "-o", output, "--cancer", "c9"],
        "missing folder": ["--record", demo_path, "-o", tmp_path / "no" / "summary.pdf"],
        "output is a folder": ["--record", demo_path, "-o", tmp_path],
        "unknown paper": ["--record", demo_path, "-o", output, "--paper", "legal"],
    }
    code, out, err = run(capsys, "summary", *arguments[case])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("survivor-app")
    assert fragment in err
    assert not output.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux variable")
def test_it_draws_without_a_screen(demo_path: Path, tmp_path: Path) -> None:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", *LOCALE_VARIABLES}
    }
    environment["LANG"] = "de_DE.UTF-8"
    output = tmp_path / "summary.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "survivor_app", "summary", "--record", demo_path, "-o", output],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"Wrote the summary on A4 paper to {output}\n"
    assert len(pages(output.read_bytes())) == 2
