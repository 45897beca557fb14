"""The glossary explains the words the window uses for spots without a size."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from survivor_app.domain.words import NOT_LOOKED_AT, SPOT_STATE_WORDS, WITHOUT_A_SIZE
from survivor_app.gui.widgets.glossary import GlossaryPage, glossary_text


def entries() -> dict[str, str]:
    """Each glossary entry (``**Word**: what it means``), by its word."""
    found = {}
    for paragraph in glossary_text().split("\n\n"):
        if paragraph.startswith("**") and "**: " in paragraph:
            word, meaning = paragraph[2:].split("**: ", 1)
            found[word] = " ".join(meaning.split())
    return found


def test_a_spot_without_a_size_is_explained_with_what_doctors_call_it() -> None:
    meaning = entries()[WITHOUT_A_SIZE.replace("Without", "Spot without")]
    assert "non-target lesion" in meaning
    assert "several small bone spots" in meaning


def test_every_state_the_scan_dialog_offers_is_explained() -> None:
    (meaning,) = [text for word, text in entries().items() if word.startswith("Present")]
    for state in (*SPOT_STATE_WORDS.values(), NOT_LOOKED_AT):
        assert f"*{state}*:" in meaning, state


def test_the_glossary_page_shows_the_new_entries(qtbot: QtBot) -> None:
    page = GlossaryPage()
    qtbot.addWidget(page)
    text = page.browser.toPlainText()
    assert "Spot without a size:" in text
    assert "Clearly growing: the report says it has clearly grown" in text
