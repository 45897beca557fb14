"""Texts built to make a regular expression backtrack (long runs of spaces, of digits, of
repeated cue words) are read, and read right: each test asserts what is read, and the time
such texts take is measured in ``bench/read_reports.py``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.reading import read_report

#: Runs that made the reader backtrack: " " before a unit or a "x", "pet-ct " between a cue and
#: a size, "in size " after "from", a digit run before "%".
_FILLERS = st.sampled_from([" ", "pet-ct ", "in size ", "  ,", "( ", "measured ", "\t"])


@settings(max_examples=25, deadline=None)
@given(_FILLERS, st.integers(min_value=200, max_value=2000))
def test_a_long_run_before_a_size_is_read(filler: str, repeats: int) -> None:
    text = "Liver lesion previously " + filler * repeats + "x 2 cm."
    reading = read_report(text)
    # "previously" is too far from "2 cm" to be its cue: today's size, read at all.
    assert [(f.size_tenths, f.prior_size_tenths) for f in reading.findings] == [(200, None)]


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1000, max_value=4000))
def test_spaces_between_the_widths_of_a_size_are_read(spaces: int) -> None:
    reading = read_report("Liver lesion 1" + " " * spaces + "x 2 cm.")
    assert [f.size_tenths for f in reading.findings] == [200]


def test_a_run_of_digits_is_no_size() -> None:
    assert read_report("9" * 50_000).findings == ()
    assert read_report("Liver lesion " + "9" * 50_000 + " mm.").findings == ()


def test_a_size_after_a_run_of_spaces_keeps_its_earlier_size() -> None:
    text = "Liver lesion 2.1 cm" + " " * 3000 + "(previously 2.5 cm)."
    reading = read_report(text)
    assert [(f.size_tenths, f.prior_size_tenths) for f in reading.findings] == [(210, 250)]


def test_a_long_run_of_dots_is_no_sentence_and_no_size() -> None:
    text = "Nodule 5 mm. " + "." * 40_000 + " Liver lesion 12 mm."
    reading = read_report(text)
    assert [(f.size_tenths, f.location) for f in reading.findings] == [(50, ""), (120, "liver")]


def test_brackets_left_open_keep_each_size_an_earlier_one() -> None:
    reading = read_report("Mass 2 cm (previously " * 20_000)
    assert [(f.size_tenths, f.prior_size_tenths) for f in reading.findings] == [(None, 200)]


def test_one_long_sentence_of_many_sizes_reads_each() -> None:
    reading = read_report("lesion measuring 12 mm previously 10 mm and " * 5_000)
    sizes = [(f.size_tenths, f.prior_size_tenths) for f in reading.findings]
    assert sizes == [(120, 100)] * 5_000
