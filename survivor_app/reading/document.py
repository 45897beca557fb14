"""What the reader found as the JSON of ``survivor-app read-report --json`` (docs/read-report.md):
sizes in millimetres as numbers, spans as character offsets into the text read."""

from __future__ import annotations

import json
from typing import Any

from survivor_app.domain import mm_number
from survivor_app.reading.finding import Finding, ReportReading


def reading_document(reading: ReportReading) -> str:
    """The reading as a JSON document, with a line break at its end."""
    document = {
        "findings": [_finding(finding) for finding in reading.findings],
        "no_evidence_of_disease": reading.no_evidence_of_disease,
        "suggested_status": reading.suggested_status.value if reading.suggested_status else None,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "sentence": finding.sentence,
        "start": finding.start,
        "end": finding.end,
        "size_mm": _mm(finding.size_tenths),
        "prior_size_mm": _mm(finding.prior_size_tenths),
        "lymph_node": finding.lymph_node,
        "location": finding.location,
        "spot": finding.spot_id,
        "confidence": finding.confidence,
        "new": finding.new,
        "state": finding.state.value if finding.state else None,
        "uncertain": finding.uncertain,
        "size_span": list(finding.size_span) if finding.size_span else None,
    }


def _mm(tenths: int | None) -> float | int | None:
    """Millimetres as JSON writes them: 21 for 210 tenths, 21.5 for 215."""
    if tenths is None:
        return None
    return tenths // 10 if tenths % 10 == 0 else mm_number(tenths)
