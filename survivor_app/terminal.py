"""The whole record's periods as text for a terminal (``survivor-app periods``): the command
line's own words around the labels, dates and explanations the rules give."""

from __future__ import annotations

import textwrap

from survivor_app.domain import Record
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.domain.words import NOTHING_YET, based_on
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
