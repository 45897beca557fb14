"""The words a person sees for each status (STATUS_RULES.md §2, "shown as"), each kind and state of
the record, and text cut short."""

from __future__ import annotations

import ast
import tokenize
from pathlib import Path

import pytest

from survivor_app.domain import (
    Area,
    Basis,
    MarkerKind,
    RecurrenceType,
    ScanKind,
    Status,
    TreatmentKind,
    words,
)
from survivor_app.domain.words import (
    AREA_IN_A_SENTENCE,
    AREA_SENTENCES,
    AREA_WORDS,
    NODE_SENTENCES,
    RECURRENCE_WORDS,
    SCAN_KIND_WORDS,
    TREATMENT_KIND_WORDS,
    based_on,
    basis_label,
    short_status_label,
    shorten,
    status_label,
)

SHOWN_AS = {
    (Status.BASELINE, None): "Starting point",
    (Status.COMPLETE_REMISSION, None): "Complete remission (no evidence of disease)",
    (Status.PARTIAL_REMISSION, None): "Partial remission",
    (Status.STABLE, None): "Stable (controlled)",
    (Status.PROGRESSED, None): "Progressed",
    (Status.RECURRED, RecurrenceType.LOCAL): "Recurred — local",
    (Status.RECURRED, RecurrenceType.REGIONAL): "Recurred — regional",
    (Status.RECURRED, RecurrenceType.DISTANT): "Recurred — distant",
    (Status.RECURRED, None): "Recurred (type not recorded)",
    (Status.NOT_EVALUABLE, None): "Not enough information",
}


@pytest.mark.parametrize(("key", "words"), SHOWN_AS.items(), ids=SHOWN_AS.values())
def test_every_status_is_shown_as_the_rules_say(
    key: tuple[Status, RecurrenceType | None], words: str
) -> None:
    assert status_label(*key) == words


@pytest.mark.parametrize("status", [Status.COMPLETE_REMISSION, Status.PARTIAL_REMISSION])
def test_an_unconfirmed_response_says_so(status: Status) -> None:
    assert status_label(status, confirmed=False) == f"{status_label(status)} (not yet confirmed)"
    assert status_label(status, confirmed=True) == status_label(status)


def test_every_status_has_short_words() -> None:
    assert {short_status_label(status) for status in Status} >= {"Stable", "Recurred"}
    assert all(len(short_status_label(status)) <= 25 for status in Status)


def test_basis_words() -> None:
    assert basis_label((Basis.MEASUREMENTS,)) == "Measurements"
    assert basis_label((Basis.DOCTOR,)) == "Doctor’s statement"
    assert basis_label((Basis.MEASUREMENTS, Basis.DOCTOR)) == "Measurements and doctor’s statement"


@pytest.mark.parametrize(
    ("table", "kinds"),
    [
        (SCAN_KIND_WORDS, ScanKind),
        (TREATMENT_KIND_WORDS, TreatmentKind),
        (AREA_WORDS, Area),
        (RECURRENCE_WORDS, RecurrenceType),
    ],
    ids=["scan kinds", "treatment kinds", "areas", "recurrence types"],
)
def test_every_kind_has_its_own_words(table: dict[object, str], kinds: type) -> None:
    assert set(table) == set(kinds)
    assert len(set(table.values())) == len(table)
    assert all(text[:1].isupper() for text in table.values())


def test_every_area_is_said_in_a_sentence_and_as_one() -> None:
    for table in (AREA_IN_A_SENTENCE, AREA_SENTENCES, NODE_SENTENCES):
        assert set(table) == set(Area)
    assert all(sentence.endswith(".") for sentence in AREA_SENTENCES.values())
    assert all(sentence.startswith("A lymph node") for sentence in NODE_SENTENCES.values())
    assert not any(phrase[:1].isupper() for phrase in AREA_IN_A_SENTENCE.values())


def test_the_basis_line_is_the_same_under_every_period() -> None:
    assert based_on((Basis.DOCTOR,)) == "Based on: Doctor’s statement"


def test_kinds_read_as_a_heading_writes_them() -> None:
    assert SCAN_KIND_WORDS[ScanKind.BONE_SCAN] == "Bone scan"
    assert SCAN_KIND_WORDS[ScanKind.PET_CT] == "PET-CT"
    assert TREATMENT_KIND_WORDS[TreatmentKind.HORMONE_THERAPY] == "Hormone therapy"
    assert AREA_WORDS[Area.PRIMARY] == "Where the cancer started"


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("short", 10, "short"),
        ("exactly10!", 10, "exactly10!"),
        ("eleven long", 10, "eleven lo…"),
        ("cut at a space here", 9, "cut at a…"),
        ("", 3, ""),
    ],
)
def test_shorten_cuts_to_the_limit_with_an_ellipsis(text: str, limit: int, shown: str) -> None:
    assert shorten(text, limit) == shown
    assert len(shorten(text, limit)) <= limit


def _words_written_here() -> set[str]:
    found: set[str] = set()
    for name, value in vars(words).items():
        if name.startswith("__"):
            continue
        if isinstance(value, dict):
            found.update(text for text in value.values() if isinstance(text, str))
        elif isinstance(value, str) and name.isupper() and value.strip():
            found.add(value.strip())
    # A kind whose words are its value in the record format ("CT", "MRI") is written in the
    # enum too, as the format's value, not as words.
    values = {
        member.value
        for kind in (ScanKind, TreatmentKind, Area, RecurrenceType, Status, MarkerKind)
        for member in kind
    }
    return found - values


def test_the_words_are_written_nowhere_else_in_the_app() -> None:
    written = _words_written_here()
    package = Path(words.__file__).parents[1]
    for module in package.rglob("*.py"):
        if module == Path(words.__file__):
            continue
        with module.open("rb") as source:
            strings = [
                token.string
                for token in tokenize.tokenize(source.readline)
                if token.type == tokenize.STRING
            ]
        for string in strings:
            if string.startswith(('"', "'")):
                assert ast.literal_eval(string) not in written, f"{module} writes {string}"
