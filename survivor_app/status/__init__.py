"""The status engine: the rules of STATUS_RULES.md as pure functions, from a cancer's history to
its assessments, periods, explanations and questions. No Qt, no I/O."""

from survivor_app.status.analysis import CancerAnalysis, analyse, periods_document, periods_text
from survivor_app.status.assess import Assessment, Reason, SpotFinding, assess
from survivor_app.status.explain import explain_period
from survivor_app.status.labels import (
    Basis,
    basis_label,
    date_text,
    short_status_label,
    status_label,
)
from survivor_app.status.periods import Period, periods
from survivor_app.status.questions import questions
from survivor_app.status.suggest import Suggestion, suggest_status

__all__ = [
    "Assessment",
    "Basis",
    "CancerAnalysis",
    "Period",
    "Reason",
    "SpotFinding",
    "Suggestion",
    "analyse",
    "assess",
    "basis_label",
    "date_text",
    "explain_period",
    "periods",
    "periods_document",
    "periods_text",
    "questions",
    "short_status_label",
    "status_label",
    "suggest_status",
]
