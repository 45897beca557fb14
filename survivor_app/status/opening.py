"""The opening sentence of a period's explanation: what the label of its first assessment means for
this person, in at most 20 everyday words."""

from __future__ import annotations

from survivor_app.domain import Status, mm_text
from survivor_app.domain.typed_dates import FIXED_ENGLISH
from survivor_app.status.assessment import Assessment, Reason
from survivor_app.status.spot_sizes import THERE
from survivor_app.status.without_size import remain_opening

#: The longest opening sentence, in words.
OPENING_WORDS = 20


def opening_sentence(a: Assessment) -> str:
    """What the label of the assessment that starts a period means for this person, in one short
    sentence of everyday words (at most 20 words)."""
    day = FIXED_ENGLISH.long(a.date)
    if a.statement is not None and a.stated is not None and a.measured is not a.stated:
        return _doctor_opening(a.stated, FIXED_ENGLISH.long(a.statement.date))
    match a.reason:
        case Reason.FIRST_SCAN | Reason.MARKED_BASELINE if a.new_baseline_sum_tenths:
            return (
                f"The scan of {day} is your starting point, with a sum of "
                f"{mm_text(a.new_baseline_sum_tenths)}."
            )
        case Reason.FIRST_SCAN | Reason.MARKED_BASELINE if _states_only(a):
            return (
                f"Later scans are compared with the scan of {day}, for the spots it mentions "
                "without a size."
            )
        case Reason.FIRST_SCAN | Reason.MARKED_BASELINE:
            return (
                f"The scan of {day} found no spot to measure, so there is nothing to compare yet."
            )
        case Reason.NO_EVIDENCE_MARK:
            # Word for word the fact the numbers give, so that the explanation says it once.
            return f"The scan of {day} was marked “no evidence of disease”."
        case Reason.ALL_GONE | Reason.FIRST_SCAN_FOUND_NOTHING if a.uncertain_spots:
            return f"Your scan of {day} showed no sure sign of disease."
        case Reason.ALL_GONE | Reason.FIRST_SCAN_FOUND_NOTHING:
            return f"Your scan of {day} showed no evidence of disease."
        case Reason.UNSIZED_REMAIN:
            return remain_opening(a)
        case Reason.SHRANK:
            assert a.baseline_date is not None
            since = FIXED_ENGLISH.long(a.baseline_date)
            return f"Your spots have shrunk by at least 30% since {since}."
        case Reason.RESPONSE_STANDS:
            return "Your spots shrank by at least 30% before, and that response still stands."
        case Reason.NO_BIG_CHANGE:
            return "Your spots have not shrunk or grown enough to count as a change."
        case Reason.GROWTH:
            return f"On {day}, your spots had grown since their smallest size."
        case Reason.UNSIZED_GREW:
            what = "spots" if len(a.growing_spots) > 1 else "a spot"
            return f"On {day}, the report said {what} without a size had clearly grown."
        case Reason.NEW_SPOT:
            # Word for word the fact the numbers give, so that the explanation says it once.
            return (
                f"The scan of {day} found {'new spots' if len(a.new_spots) > 1 else 'a new spot'}."
            )
        case Reason.NOT_MEASURED:
            return f"A spot was not measured on {day}, so this scan cannot be compared."
    # Disease found again after no evidence of it (rule 3, or a record's first scan).
    if a.status is Status.RECURRED:
        return f"The cancer was found again on {day}, after at least a year with no evidence of it."
    return f"The cancer was found again on {day}, less than a year after no evidence of it."


def _doctor_opening(stated: Status, day: str) -> str:
    said = {
        Status.COMPLETE_REMISSION: "there was no evidence of disease",
        Status.PARTIAL_REMISSION: "the cancer had shrunk but not gone away",
        Status.STABLE: "the cancer was stable",
        Status.PROGRESSED: "the cancer had grown or spread",
        Status.RECURRED: "the cancer had come back",
    }[stated]
    return f"On {day}, your doctor said {said}."


def _states_only(a: Assessment) -> bool:
    """Whether a starting point has no sum but spots without a size there (§3)."""
    return a.scan is not None and any(m.state in THERE for m in a.scan.measurements)
