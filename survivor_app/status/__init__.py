"""The status engine: the rules of STATUS_RULES.md as pure functions, from a cancer's history to
its assessments, periods, explanations and questions, and its tumour markers in words (never a
label), as data. No Qt, no I/O, no output formats. The status suggested from a statement's words
is in ``status.suggest``, imported by what suggests one (not by the window's start)."""

from survivor_app.status.analysis import CancerAnalysis, analyse
from survivor_app.status.assess import assess
from survivor_app.status.assessment import Assessment, Reason, SpotFinding
from survivor_app.status.explain import explain_period
from survivor_app.status.marker_questions import marker_questions
from survivor_app.status.marker_text import marker_line, marker_sentences, period_marker_sentences
from survivor_app.status.periods import Period, periods
from survivor_app.status.questions import questions
from survivor_app.status.relabel import Relabel

__all__ = [
    "Assessment",
    "CancerAnalysis",
    "Period",
    "Reason",
    "Relabel",
    "SpotFinding",
    "analyse",
    "assess",
    "explain_period",
    "marker_line",
    "marker_questions",
    "marker_sentences",
    "period_marker_sentences",
    "periods",
    "questions",
]
