"""The reader never raises, whatever the text, and what it returns always points into the text:
each finding's sentence is the text at its span, and today's size is written inside it."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import MAX_SIZE_TENTHS
from survivor_app.reading import ReportReading, read_report
from tests.reading.corpus import passages

#: Pieces of reports, so that generated text is full of sizes, cues and places.
PIECES = (
    "2.1",
    "x",
    "×",
    "1.8",
    "cm",
    "mm",
    "12mm.",
    ".8",
    "2,3",
    "previously",
    "prior",
    "from",
    "to",
    "(",
    ")",
    "now",
    "measures",
    "node",
    "lesion",
    "segment 6",
    "hepatic",
    "left",
    "axillary",
    "short axis",
    "3/2024",
    "series 3",
    "45%",
    "no",
    "new",
    "stable",
    "resolved",
    "possible",
    "NED",
    "IMPRESSION:",
    "|",
    "\t",
    "\n",
    "\n\n",
    ".",
    ",",
    ";",
    " ",
    "baseline",
    "Current (mm)",
    "Baseline (mm)",
    "/",
    "today",
    "respectively",
    "and",
    "It",
    "—",
    "é",
)
CORPUS_TEXT = [passage.text for passage in passages()]


def check(text: str, reading: ReportReading) -> None:
    for finding in reading.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.sentence == text[finding.start : finding.end]
        assert 0.0 <= finding.confidence <= 1.0
        for size in (finding.size_tenths, finding.prior_size_tenths):
            assert size is None or 0 < size <= MAX_SIZE_TENTHS
        if finding.size_span is not None:
            start, end = finding.size_span
            assert finding.start <= start < end <= finding.end
        else:
            assert finding.size_tenths is None


@given(st.text())
def test_any_text_is_read_without_raising(text: str) -> None:
    check(text, read_report(text))


@given(st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join))
def test_report_like_text_is_read_without_raising(text: str) -> None:
    check(text, read_report(text))


@settings(max_examples=50)
@given(st.sampled_from(CORPUS_TEXT), st.data())
def test_a_passage_cut_anywhere_is_read_without_raising(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cut = text[start:end]
    check(cut, read_report(cut))


def test_a_megabyte_of_random_unicode_is_read() -> None:
    chance = random.Random(17)
    # Every code point but the surrogates, which no str read from a file or the clipboard holds.
    text = "".join(
        chr(code if code < 0xD800 else code + 0x800)
        for code in (chance.randrange(0x10FFFF - 0x800) for _ in range(1_000_000))
    )
    check(text, read_report(text))


def test_a_megabyte_of_report_like_text_is_read() -> None:
    chance = random.Random(18)
    text = " ".join(chance.choice(PIECES) for _ in range(200_000))
    check(text, read_report(text))


def test_windows_line_breaks_change_nothing_but_the_offsets() -> None:
    for text in CORPUS_TEXT:
        crlf = text.replace("\n", "\r\n")
        reading = read_report(crlf)
        check(crlf, reading)
        sizes = [(f.size_tenths, f.prior_size_tenths, f.state) for f in reading.findings]
        assert sizes == [
            (f.size_tenths, f.prior_size_tenths, f.state) for f in read_report(text).findings
        ]
