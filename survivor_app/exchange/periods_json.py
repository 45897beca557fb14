"""The whole record's periods as the JSON of FORMAT.md §4 (``survivor-app periods --json``)."""

from __future__ import annotations

from decimal import Decimal

from survivor_app.domain import Record, mm_number
from survivor_app.exchange.json_text import indented_json
from survivor_app.status import Assessment, CancerAnalysis, Period, analyse

PERIODS_FORMAT = "survivor-periods"
PERIODS_VERSION = 2
RULES = "status-rules-2"


def periods_document(record: Record) -> str:
    """The JSON object of FORMAT.md §4, byte for byte the same for the same record."""
    document = {
        "format": PERIODS_FORMAT,
        "version": PERIODS_VERSION,
        "rules": RULES,
        "cancers": [
            _cancer_document(analyse(record.history(cancer.id))) for cancer in record.cancers
        ],
    }
    return indented_json(document) + "\n"


def _cancer_document(analysis: CancerAnalysis) -> dict[str, object]:
    return {
        "cancer": analysis.cancer.id,
        "assessments": [_assessment_document(a) for a in analysis.assessments],
        "periods": [_period_document(p) for p in analysis.periods],
        "questions": list(analysis.questions),
    }


def _assessment_document(a: Assessment) -> dict[str, object]:
    return {
        "date": a.date.isoformat(),
        "scan": a.scan_id,
        "statement": a.statement_id,
        "measured": None if a.measured is None else a.measured.value,
        "stated": None if a.stated is None else a.stated.value,
        "status": a.status.value,
        "recurrence_type": None if a.recurrence_type is None else a.recurrence_type.value,
        "confirmed": a.confirmed,
        "sum_mm": _mm(a.sum_tenths),
        "baseline_sum_mm": _mm(a.baseline_sum_tenths),
        "nadir_mm": _mm(a.nadir_tenths),
        "change_from_baseline_pct": _percent(a.change_from_baseline_pct),
        "change_from_nadir_pct": _percent(a.change_from_nadir_pct),
        "starts_episode": a.starts_episode,
        "new_baseline_sum_mm": _mm(a.new_baseline_sum_tenths),
        "disagreement": a.disagreement,
    }


def _period_document(p: Period) -> dict[str, object]:
    return {
        "start": p.start.isoformat(),
        "end": None if p.end is None else p.end.isoformat(),
        "last_checked": p.last_checked.isoformat(),
        "status": p.status.value,
        "recurrence_type": None if p.recurrence_type is None else p.recurrence_type.value,
        "confirmed": p.confirmed,
        "basis": [part.value for part in p.basis],
        "label": p.label,
        "summary": p.summary,
        "explanation": p.explanation,
    }


def _mm(tenths: int | None) -> float | None:
    return None if tenths is None else mm_number(tenths)


def _percent(change: Decimal | None) -> float | None:
    # A one-decimal Decimal becomes the float whose shortest form has the same digits, so the
    # JSON shows e.g. -30.0; the float is made for output only, after every comparison.
    return None if change is None else float(change)
