"""The paper a summary goes on by default: US Letter in the United States and Canada, A4
everywhere else, read from the locale as Qt and the C library name it."""

from __future__ import annotations

import locale

import pytest

from survivor_app.report.paper import Paper, default_paper, paper_for_locale, paper_for_territory


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", Paper.LETTER),
        ("en_CA", Paper.LETTER),
        ("fr_CA.UTF-8@euro", Paper.LETTER),
        ("es-US", Paper.LETTER),
        ("English_United States.1252", Paper.LETTER),
        ("en_GB.UTF-8", Paper.A4),
        ("de_DE", Paper.A4),
        ("fr_FR.UTF-8", Paper.A4),
        ("en_AU", Paper.A4),
        ("C.UTF-8", Paper.A4),
        ("POSIX", Paper.A4),
        ("", Paper.A4),
    ],
)
def test_the_locale_names_the_paper(name: str, paper: Paper) -> None:
    assert paper_for_locale(name) is paper


@pytest.mark.parametrize(("code", "paper"), [("US", Paper.LETTER), ("CA", Paper.LETTER)])
def test_qt_territory_codes_name_the_paper(code: str, paper: Paper) -> None:
    assert paper_for_territory(code) is paper
    assert paper_for_territory("GB") is Paper.A4


def test_lc_all_then_lc_paper_then_lang_decide() -> None:
    assert default_paper({"LANG": "en_US.UTF-8"}) is Paper.LETTER
    assert default_paper({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) is Paper.A4
    assert default_paper({"LC_ALL": "fr_CA.UTF-8", "LC_PAPER": "de_DE.UTF-8"}) is Paper.LETTER
    # An empty variable is as good as none.
    assert default_paper({"LC_ALL": "", "LANG": "en_CA.UTF-8"}) is Paper.LETTER


def test_without_variables_the_c_library_locale_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale, "getlocale", lambda category=None: ("en_CA", "UTF-8"))
    assert default_paper({}) is Paper.LETTER
    monkeypatch.setattr(locale, "getlocale", lambda category=None: (None, None))
    assert default_paper({}) is Paper.A4
