"""The panel below the periods list that explains the chosen period in full, with what the
tumour markers said during it (never part of its label)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

from survivor_app.domain.words import based_on
from survivor_app.gui.models.periods import DISAGREEMENT_MARK, disagreements, period_dates

if TYPE_CHECKING:
    from survivor_app.status import Period

NOTHING_CHOSEN = "Choose a period in the list to read what it means."
#: The heading of what the markers said during a period.
MARKERS_HEADING = "Tumour markers in this period"
NO_PERIODS = (
    "Once you add a scan or a doctor’s statement, each period of your history is explained here."
)


def _paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs: a blank line starts a paragraph, a line break stays one."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


class ExplanationPanel(QTextBrowser):
    """The full explanation of one period: its label, dates, basis and what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Explanation of the chosen period")
        # Explanations hold no links; nothing here may reach outside the app.
        self.setOpenLinks(False)
        self.show_period(None, has_periods=False)

    def show_period(
        self, period: Period | None, *, has_periods: bool = True, markers: Sequence[str] = ()
    ) -> None:
        """Explain a period, or say how to choose one (None); ``markers`` are the sentences of
        the marker results inside the period, shown after its explanation."""
        if period is None:
            self.setHtml(_paragraphs(NOTHING_CHOSEN if has_periods else NO_PERIODS))
            return
        parts = [
            f"<h3>{html.escape(period.label)}</h3>",
            f"<p><b>{html.escape(period_dates(period))}</b><br>",
            f"{html.escape(based_on(period.basis))}</p>",
        ]
        differences = disagreements(period)
        if differences:
            parts.append(f"<p><b>{html.escape(DISAGREEMENT_MARK)}.</b> ")
            parts.append(" ".join(html.escape(sentence) for sentence in differences) + "</p>")
        parts.append(_paragraphs(period.explanation))
        if markers:
            parts.append(f"<h4>{html.escape(MARKERS_HEADING)}</h4>")
            parts.append(_paragraphs("\n\n".join(markers)))
        self.setHtml("".join(parts))
