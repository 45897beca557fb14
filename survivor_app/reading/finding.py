"""What the reader found in a report: findings with the sentence each came from, and what the
report as a whole says."""

from __future__ import annotations

from dataclasses import dataclass

from survivor_app.domain import SpotState, Status


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a report says about one spot, read from one sentence.

    ``sentence`` is exactly ``text[start:end]`` of the report; ``size_span`` is where today's
    size is written, inside that span. Sizes are whole tenths of a millimetre: today's size is
    the longest width, or a lymph node's short axis; ``prior_size_tenths`` is the earlier size
    the report compares with, never today's.
    """

    sentence: str
    start: int
    end: int
    size_tenths: int | None
    prior_size_tenths: int | None
    lymph_node: bool | None
    location: str
    spot_id: str | None
    confidence: float
    new: bool
    state: SpotState | None
    uncertain: bool
    size_span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class ReportReading:
    """Everything the reader found in one report."""

    findings: tuple[Finding, ...]
    no_evidence_of_disease: bool
    suggested_status: Status | None
