"""What the printed summary says, built without Qt: the header, the current status, the lists cut
to their most recent rows with a line saying what was left out, and the short explanations."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import survivor_app.report
from survivor_app.domain import Measurement, Question, Statement, Status
from survivor_app.report.content import (
    DISCLAIMER,
    MAX_PERIODS,
    MAX_QUESTIONS,
    MAX_SIZES,
    MAX_STATEMENTS,
    NO_STATUS,
    SENTENCE_CHARS,
    SizeRow,
    SummaryError,
    TreatmentRow,
    build_summaries,
    first_sentences,
    sentences,
)
from survivor_app.status import analyse
from tests.report.records import (
    LIVER,
    NODE,
    TUMOUR,
    demo_record,
    long_record,
    scan,
    small_record,
)

TODAY = dt.date(2026, 7, 1)
QT_FREE = ("content.py", "paper.py")
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")


@pytest.mark.parametrize("module", QT_FREE)
def test_the_content_and_the_paper_import_no_qt_or_matplotlib(module: str) -> None:
    source = Path(survivor_app.report.__file__).parent / module
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN, f"{module} imports {name}"


def test_building_a_summary_loads_no_qt_or_matplotlib() -> None:
    probe = (
        "import sys, datetime\n"
        "from survivor_app.report.content import build_summaries\n"
        "from tests.report.records import demo_record\n"
        "build_summaries(demo_record(), today=datetime.date(2026, 7, 1))\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == "[]"


def test_one_summary_per_cancer_with_its_header() -> None:
    breast, lung = build_summaries(demo_record(), today=TODAY)
    assert breast.header.title == "Summary for my appointment, printed on 1 July 2026"
    assert breast.header.name == "Margaret Ellis"
    assert breast.header.born == "Born 14 May 1956"
    assert breast.header.cancer == "Breast cancer"
    assert breast.header.started_in == "Where it started: left breast"
    assert breast.header.diagnosed == "Diagnosed 12 September 2022"
    assert breast.header.continued == "Margaret Ellis: Breast cancer (continued)"
    assert lung.header.cancer == "Lung cancer"
    assert breast.disclaimer == DISCLAIMER
    assert "Lugano, RANO, IMWG, PCWG3" in breast.scope_note
    assert "CA-125" in breast.scope_note


def test_one_cancer_by_its_id() -> None:
    (lung,) = build_summaries(demo_record(), "c2", today=TODAY)
    assert lung.header.cancer == "Lung cancer"


def test_the_current_status_is_the_last_period_with_what_the_latest_check_found() -> None:
    record = demo_record()
    (breast,) = build_summaries(record, "c1", today=TODAY)
    last = analyse(record.history("c1")).periods[-1]
    assert breast.status.status is last.status
    # The liver spot is gone, but the spots in the spine without a size are still there.
    assert breast.status.label == last.label == "Partial remission (not yet confirmed)"
    assert breast.status.dates == "Since 22 June 2026. Last checked 22 June 2026."
    assert breast.status.sentences == (
        "Your measured spots are gone, but the report still mentions a spot without a size.",
        "On 22 June 2026, “Liver spot” was gone.",
        "But the report of 22 June 2026 still mentioned “Small spots in the spine”, which has no "
        "size.",
    )


def test_a_cancer_with_nothing_assessed_says_so() -> None:
    (summary,) = build_summaries(small_record(), today=TODAY)
    assert summary.status.status is None
    assert summary.status.label == NO_STATUS
    assert summary.periods.rows == ()
    assert summary.latest_scan is None
    assert summary.statements.rows == ()


def test_the_periods_table_keeps_the_most_recent_periods() -> None:
    record = long_record()
    (summary,) = build_summaries(record, today=TODAY)
    periods = analyse(record.history("c1")).periods
    assert len(periods) > MAX_PERIODS
    assert [row.label for row in summary.periods.rows] == [p.label for p in periods[-MAX_PERIODS:]]
    assert summary.periods.rows[-1].dates == f"Since {_short(periods[-1].start)}"
    assert summary.periods.left_out == (
        f"{len(periods) - MAX_PERIODS} earlier periods are not listed here; "
        "the timeline above shows them all."
    )


def test_a_short_history_lists_every_period_in_date_order() -> None:
    (breast,) = build_summaries(demo_record(), "c1", today=TODAY)
    assert breast.periods.left_out == ""
    first = breast.periods.rows[0]
    assert (first.status, first.dates, first.basis) == (
        Status.BASELINE,
        "20 Sep 2022 –\n15 Dec 2022",
        "Measurements",
    )
    assert first.explanation == (
        "The scan of 20 September 2022 is your starting point, with a sum of 50 mm.",
    )


def test_the_statements_are_the_five_latest_in_date_order() -> None:
    record = long_record()
    # Entered out of date order: the list still reads from the oldest to the latest.
    record = dataclasses.replace(record, statements=record.statements[::-1])
    (summary,) = build_summaries(record, today=TODAY)
    latest = sorted(record.statements, key=lambda s: s.date)[-MAX_STATEMENTS:]
    assert [row.date for row in summary.statements.rows] == [
        f"{s.date.day} {s.date:%B} {s.date.year}" for s in latest
    ]
    assert summary.statements.left_out == "The 5 latest of 40 statements."
    assert summary.statements.rows[0].status == "No status given"
    assert summary.statements.rows[0].said.endswith("…”")


def test_the_latest_scan_lists_each_spot_and_the_ones_it_did_not_measure() -> None:
    baseline = scan(
        "a", dt.date(2024, 1, 10), Measurement(TUMOUR.id, 300), Measurement(LIVER.id, 120)
    )
    latest = scan(
        "b",
        dt.date(2024, 4, 10),
        Measurement(TUMOUR.id, None, too_small=True),
        Measurement(NODE.id, 0, uncertain=True),
    )
    (summary,) = build_summaries(small_record(scans=(latest, baseline)), today=TODAY)
    assert summary.latest_scan is not None
    assert summary.latest_scan.title == "10 April 2024, CT, City Hospital"
    assert summary.latest_scan.sizes.rows == (
        SizeRow("Breast tumour", "left breast", "Too small to measure"),
        SizeRow("Armpit lymph node", "Nearby lymph nodes", "Gone (uncertain)"),
        SizeRow("Liver spot", "liver", "Not measured"),
    )
    # The liver spot was not measured: no sum is shown rather than one that leaves it out.
    assert "Sum of tracked spots" not in summary.latest_scan.note


def test_the_latest_scan_gives_the_sum_shown_everywhere_else() -> None:
    (breast,) = build_summaries(demo_record(), "c1", today=TODAY)
    assert breast.latest_scan is not None
    # The sum of the sized spots: the spots without a size are never in it, and it says so.
    assert breast.latest_scan.note == "Sum of tracked spots with a size: 0 mm."
    baseline = scan("a", dt.date(2024, 1, 10), Measurement(TUMOUR.id, 300))
    latest = scan("b", dt.date(2024, 4, 10), Measurement(TUMOUR.id, 150))
    (sized_only,) = build_summaries(small_record(scans=(baseline, latest)), today=TODAY)
    assert sized_only.latest_scan is not None
    assert sized_only.latest_scan.note == "Sum of tracked spots: 15 mm."


def test_many_spots_are_cut_with_a_line_saying_how_many() -> None:
    (summary,) = build_summaries(long_record(), today=TODAY)
    assert summary.latest_scan is not None
    assert len(summary.latest_scan.sizes.rows) == MAX_SIZES
    assert summary.latest_scan.sizes.left_out == "6 more spots are in the record."
    assert summary.latest_scan.sizes.rows[0].spot.endswith("(lymph node)")


def test_questions_not_yet_asked_then_the_apps_suggestions_newest_first_each_once() -> None:
    record = demo_record()
    breast, lung = build_summaries(record, today=TODAY)
    suggested = analyse(record.history("c1")).questions
    listed = (
        "How often should I have scans of my liver now?",
        "Can I keep walking every day during treatment?",
        *reversed(suggested),
    )
    assert breast.questions.rows == listed[:MAX_QUESTIONS]
    # The question of the spine's spots, the newest, is printed; the oldest (the type of the
    # recurrence of 2025) is left for the app.
    assert "Small spots in the spine" in breast.questions.rows[2]
    assert "What type of recurrence" not in " ".join(breast.questions.rows)
    assert len(listed) == MAX_QUESTIONS + 1
    assert breast.questions.left_out == "1 more question is in the app."
    # The lung cancer's own question was asked already; the general one belongs to both.
    assert lung.questions.rows[0] == "Can I keep walking every day during treatment?"
    assert "Is the new treatment working as hoped?" not in lung.questions.rows


def test_a_suggestion_the_person_took_up_is_listed_once() -> None:
    record = demo_record()
    suggested = analyse(record.history("c2")).questions[0]
    taken = Question("q9", suggested.upper(), "c2")
    record = dataclasses.replace(record, questions=(*record.questions, taken))
    (lung,) = build_summaries(record, "c2", today=TODAY)
    assert lung.questions.rows == ("Can I keep walking every day during treatment?", taken.text)


def test_many_questions_are_cut_with_a_line_saying_how_many() -> None:
    (summary,) = build_summaries(long_record(), today=TODAY)
    assert len(summary.questions.rows) == MAX_QUESTIONS
    # Twelve of the person's own, and the app's own suggestions after them.
    suggested = len(analyse(long_record().history("c1")).questions)
    left_out = 12 + suggested - MAX_QUESTIONS
    assert summary.questions.left_out == f"{left_out} more questions are in the app."


def test_one_left_out_is_said_in_the_singular() -> None:
    spots = tuple(Measurement(spot.id, 100) for spot in long_record().spots[: MAX_SIZES + 1])
    record = dataclasses.replace(
        long_record(scans=1, statements=0),
        scans=(scan("only", dt.date(2024, 1, 10), *spots),),
    )
    (summary,) = build_summaries(record, today=TODAY)
    assert summary.latest_scan is not None
    assert summary.latest_scan.sizes.left_out == "1 more spot is in the record."


def test_no_cancer_or_an_unknown_one_is_refused_in_one_plain_line() -> None:
    record = demo_record()
    with pytest.raises(SummaryError, match=r"no cancer with the id 'c9' \(known: c1, c2\)"):
        build_summaries(record, "c9", today=TODAY)
    with pytest.raises(SummaryError, match="has no cancer yet"):
        build_summaries(dataclasses.replace(record, cancers=()), today=TODAY)


def test_an_explanation_offers_its_first_sentences_each_of_a_printable_length() -> None:
    text = f"One two three. Four five six. {'Seven ' * 50}eight. Nine."
    first, second, third = first_sentences(text)
    assert (first, second) == ("One two three.", "Four five six.")
    assert len(third) == SENTENCE_CHARS
    assert third.endswith("…")
    assert first_sentences("Only this.") == ("Only this.",)


def test_a_sentence_does_not_end_inside_a_quote_or_after_a_title() -> None:
    text = (
        "On 18 July 2023, Dr. Osei said: “There is no evidence. This is good news.” "
        "The sizes agree with this! Mrs. Ellis asked why? “Wait.” Then…  She left."
    )
    assert sentences(text) == [
        "On 18 July 2023, Dr. Osei said: “There is no evidence. This is good news.”",
        "The sizes agree with this!",
        "Mrs. Ellis asked why?",
        "“Wait.”",
        "Then…",
        "She left.",
    ]


def test_a_statement_without_words_still_has_a_line() -> None:
    empty = Statement("d1", "c1", dt.date(2024, 2, 1), "  ", status=Status.STABLE)
    (summary,) = build_summaries(small_record(statements=(empty,)), today=TODAY)
    (row,) = summary.statements.rows
    assert (row.who, row.said, row.status) == (
        "Doctor",
        "(no words recorded)",
        "Stable (controlled)",
    )


def _short(date: dt.date) -> str:
    return f"{date.day} {date:%b} {date.year}"


def test_the_treatments_are_listed_by_kind_name_and_dates_oldest_first() -> None:
    (breast,) = build_summaries(demo_record(), "c1", today=TODAY)
    assert breast.treatments.rows == (
        TreatmentRow("Chemotherapy: AC-T", "3 Oct 2022 – 10 Mar 2023"),
        # A one-day treatment shows its one day.
        TreatmentRow("Surgery: Lumpectomy and node removal", "5 Apr 2023"),
        TreatmentRow("Radiation: Breast radiation", "8 May 2023 – 16 Jun 2023"),
        TreatmentRow("Hormone therapy: Letrozole", "1 Jul 2023 – 10 Mar 2025"),
        TreatmentRow("Targeted therapy: Palbociclib with fulvestrant", "Since 24 Mar 2025"),
    )
    assert breast.treatments.left_out == ""
    (nothing,) = build_summaries(small_record(), today=TODAY)
    assert nothing.treatments.rows == ()
