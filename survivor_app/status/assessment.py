"""What an assessment holds: the label of a scan or statement, the rule that gave it, the numbers
and spots behind it, and the thresholds of STATUS_RULES.md §3-§6 that the rules compare with."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict

from survivor_app.domain import RecurrenceType, Scan, Spot, SpotState, Statement, Status

#: A lymph node counts as present from this size on (10 mm); under it, as normal size.
NODE_PRESENT_TENTHS = 100
#: What a spot "too small to measure" counts for, lymph nodes too (5 mm).
TOO_SMALL_TENTHS = 50
#: Growth must add at least 5 mm to the smallest sum (rule 4) ...
GROWTH_TENTHS = 50
#: ... and at least 20 % of it: S ≥ 1.2 × N, compared as 5 × S ≥ 6 × N.
GROWTH_RATIO = (6, 5)
#: A partial remission is a sum of at most 70 % of the baseline: S ≤ 0.7 × B as 10 × S ≤ 7 × B.
PARTIAL_RATIO = (7, 10)
#: A statement belongs to the latest scan dated on or up to this many days before it (§6).
ATTACH_DAYS = 30
#: A response is confirmed when its run spans this many days: it "must last for at least a month".
CONFIRM_DAYS = 28
#: Disease found after this many days of no evidence of disease is a recurrence (§5).
RECURRENCE_DAYS = 365

DISEASE_FOUND = (Status.PROGRESSED, Status.RECURRED)
RESPONSES = (Status.COMPLETE_REMISSION, Status.PARTIAL_REMISSION)


class Reason(enum.StrEnum):
    """Which rule gave a scan its measured status (STATUS_RULES.md §3 and §4, in rule order)."""

    FIRST_SCAN = "first_scan"
    FIRST_SCAN_FOUND_DISEASE = "first_scan_found_disease"
    FIRST_SCAN_FOUND_NOTHING = "first_scan_found_nothing"
    MARKED_BASELINE = "marked_baseline"
    NO_EVIDENCE_MARK = "no_evidence_mark"
    NEW_SPOT = "new_spot"
    BACK_AFTER_REMISSION = "back_after_remission"
    GROWTH = "growth"
    UNSIZED_GREW = "unsized_grew"
    NOT_MEASURED = "not_measured"
    ALL_GONE = "all_gone"
    UNSIZED_REMAIN = "unsized_remain"
    SHRANK = "shrank"
    RESPONSE_STANDS = "response_stands"
    NO_BIG_CHANGE = "no_big_change"


@dataclass(frozen=True, slots=True)
class SpotFinding:
    """One spot as a scan showed it, with the size it counts for in tenths of a mm.

    A spot without a size counts for 0 and has its ``state`` instead (None when the scan did not
    look at it); a sized spot's ``state`` is None. ``uncertain`` is the report's doubt;
    ``confirmed_on`` the date of the later scan that showed the spot for certain, which dated
    this finding back (STATUS_RULES.md §4).
    """

    spot: Spot
    size_tenths: int
    too_small: bool = False
    uncertain: bool = False
    confirmed_on: dt.date | None = None
    state: SpotState | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Findings:
    """The spots behind one scan's numbers, as the rules found them: new, found again, not
    measured, small lymph nodes, counted as 5 mm, uncertain, without a size, growing by a state,
    and still there at a partial remission by rule 7."""

    new_spots: tuple[SpotFinding, ...] = ()
    returned_spots: tuple[SpotFinding, ...] = ()
    missing_spots: tuple[Spot, ...] = ()
    small_nodes: tuple[SpotFinding, ...] = ()
    too_small_spots: tuple[Spot, ...] = ()
    uncertain_spots: tuple[SpotFinding, ...] = ()
    uncertain_counted_as_gone: bool = False
    small_node_growth: tuple[SpotFinding, ...] = ()
    unsized_spots: tuple[SpotFinding, ...] = ()
    growing_spots: tuple[SpotFinding, ...] = ()
    remaining_spots: tuple[SpotFinding, ...] = ()


class FindingsGiven(TypedDict, total=False):
    """``Findings`` as keywords, the ones not given empty: what a scan's measured status hands
    on to its assessment as it is (a plain dict, made once per scan of a long history)."""

    new_spots: tuple[SpotFinding, ...]
    returned_spots: tuple[SpotFinding, ...]
    missing_spots: tuple[Spot, ...]
    small_nodes: tuple[SpotFinding, ...]
    too_small_spots: tuple[Spot, ...]
    uncertain_spots: tuple[SpotFinding, ...]
    uncertain_counted_as_gone: bool
    small_node_growth: tuple[SpotFinding, ...]
    unsized_spots: tuple[SpotFinding, ...]
    growing_spots: tuple[SpotFinding, ...]
    remaining_spots: tuple[SpotFinding, ...]


@dataclass(frozen=True, slots=True)
class Assessment(Findings):
    """One dated point on a cancer's timeline: a scan, a statement, or both (STATUS_RULES.md §1).

    ``measured`` is the status the sizes give (None for a statement alone or a scan with notes
    only), ``stated`` the doctor's, ``status`` the label that counts, and ``reason`` the rule that
    gave the measured status. The sums, the nadir and the changes are those this scan was compared
    with, over ``tracked_spots``, in the episode that gave its label (the sum shown); a scan
    starting a new episode gives that one's sum in ``new_baseline_sum_tenths``. The findings name
    the spots behind the numbers: new, found again, not measured, counted as 5 mm, uncertain.
    The sums count sized spots only; ``unsized_spots`` gives each tracked spot without a size as
    this scan showed it, ``growing_spots`` those the report said clearly grew (rule 4), and
    ``remaining_spots`` those not gone at a partial remission by rule 7.
    """

    date: dt.date
    scan: Scan | None
    statement: Statement | None
    measured: Status | None
    measured_recurrence_type: RecurrenceType | None
    stated: Status | None
    status: Status
    recurrence_type: RecurrenceType | None
    confirmed: bool | None
    reason: Reason | None
    episode: int | None
    starts_episode: bool
    sum_tenths: int | None
    baseline_sum_tenths: int | None
    baseline_date: dt.date | None
    nadir_tenths: int | None
    nadir_date: dt.date | None
    change_from_baseline_pct: Decimal | None
    change_from_nadir_pct: Decimal | None
    disagreement: str | None
    new_baseline_sum_tenths: int | None = None
    tracked_spots: tuple[Spot, ...] = ()
    remission_start: dt.date | None = None
    remission_days: int | None = None

    @property
    def scan_id(self) -> str | None:
        """The id of the scan assessed, or None for a statement on its own."""
        return None if self.scan is None else self.scan.id

    @property
    def statement_id(self) -> str | None:
        """The id of the statement that counts here, or None."""
        return None if self.statement is None else self.statement.id

    @property
    def stated_recurrence_type(self) -> RecurrenceType | None:
        """The recurrence type the doctor gave, when their status is ``recurred``."""
        if self.statement is None or self.stated is not Status.RECURRED:
            return None
        return self.statement.recurrence_type
