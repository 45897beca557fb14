"""Text for a terminal: the whole record's periods (``survivor-app periods``), the command
line's own words around the labels, dates and explanations the rules give; and what the reader
found in a report (``survivor-app read-report``)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from survivor_app.domain import Record, Spot, SpotState, mm_text
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import NOTHING_YET, UNCERTAIN, based_on, short_status_label
from survivor_app.reading import Finding, ReportReading
from survivor_app.status import Period, analyse

#: Explanations are wrapped to this width in a terminal.
TEXT_WIDTH = 78


def periods_text(record: Record) -> str:
    """Every cancer's periods with their explanations, then its questions, for a terminal."""
    blocks: list[str] = []
    for cancer in record.cancers:
        analysis = analyse(record.history(cancer.id))
        lines = [cancer.name, "=" * len(cancer.name)]
        if not analysis.periods:
            lines += ["", NOTHING_YET]
        for period in analysis.periods:
            lines += [
                "",
                period.label,
                f"  {_dates(period)}",
                f"  {based_on(period.basis)}",
            ]
            lines += textwrap.wrap(
                period.explanation,
                TEXT_WIDTH,
                initial_indent="  ",
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
        if analysis.questions:
            lines += ["", "Questions for your next appointment:"]
            for question in analysis.questions:
                lines += textwrap.wrap(
                    question,
                    TEXT_WIDTH,
                    initial_indent="  - ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _dates(period: Period) -> str:
    start = FIXED_ENGLISH.long(period.start)
    if period.end is None:
        return f"Since {start} (last checked {FIXED_ENGLISH.long(period.last_checked)})"
    return f"From {start} to {FIXED_ENGLISH.long(period.end)}"


def reading_text(reading: ReportReading, spots: Sequence[Spot] = ()) -> str:
    """What the reader found in a report, for a terminal (``survivor-app read-report``): each
    finding with its sentence, then what the report says as a whole."""
    names = {spot.id: spot.name for spot in spots}
    count = len(reading.findings)
    lines = [
        "Nothing found to measure in this report."
        if not count
        else f"Found {count} finding{'s' if count != 1 else ''}. Check each against the report."
    ]
    for number, finding in enumerate(reading.findings, start=1):
        lines += [""]
        lines += textwrap.wrap(
            f"“{' '.join(finding.sentence.split())}”",
            TEXT_WIDTH,
            initial_indent=f"{number}. ",
            subsequent_indent="   ",
            break_on_hyphens=False,
        )
        lines += [f"   {line}" for line in _finding_lines(finding, names)]
    lines += [
        "",
        "No evidence of disease: " + ("yes" if reading.no_evidence_of_disease else "not said"),
        "Status the impression suggests: "
        + (
            short_status_label(reading.suggested_status)
            if reading.suggested_status
            else "none clearly"
        ),
    ]
    return "\n".join(lines) + "\n"


def _finding_lines(finding: Finding, names: dict[str, str]) -> list[str]:
    lines = []
    if finding.size_tenths is not None:
        today = mm_text(finding.size_tenths)
        kind = " (short axis of a lymph node)" if finding.lymph_node else ""
        lines.append(f"Size now: {today}{kind}")
    if finding.prior_size_tenths is not None:
        lines.append(f"Size before: {mm_text(finding.prior_size_tenths)}")
    if finding.state is not None:
        lines.append(f"What the report says: {_STATE_WORDS[finding.state]}")
    if finding.location:
        lines.append(f"Where: {finding.location}")
    if finding.spot_id is not None:
        name = names.get(finding.spot_id, finding.spot_id)
        lines.append(f"Your spot: {name} ({round(finding.confidence * 100)}% sure)")
    notes = [
        note
        for note, said in (
            ("new", finding.new),
            (f"{UNCERTAIN.lower()}: the report hedges", finding.uncertain),
        )
        if said
    ]
    if notes:
        lines.append("Also: " + ", ".join(notes))
    return lines


_STATE_WORDS = {
    SpotState.PRESENT: "still there",
    SpotState.GONE: "gone",
    SpotState.GROWING: "growing",
}
