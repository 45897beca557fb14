"""One cancer's history read in full: its assessments, periods and questions."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.domain import Cancer, CancerHistory
from survivor_app.status.assess import assess
from survivor_app.status.assessment import Assessment
from survivor_app.status.marker_questions import marker_questions
from survivor_app.status.periods import Period, periods
from survivor_app.status.questions import questions


@dataclass(frozen=True, slots=True)
class CancerAnalysis:
    """What the status rules make of one cancer: its assessments, periods and questions (those
    of its tumour markers after those of its scans and statements)."""

    cancer: Cancer
    assessments: tuple[Assessment, ...]
    periods: tuple[Period, ...]
    questions: tuple[str, ...]


def analyse(history: CancerHistory) -> CancerAnalysis:
    """Assessments, periods and questions of one cancer."""
    assessments = assess(history)
    return CancerAnalysis(
        cancer=history.cancer,
        assessments=assessments,
        periods=periods(assessments),
        questions=questions(assessments) + marker_questions(history.marker_results),
    )
