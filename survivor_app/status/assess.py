"""Assessments: every scan and doctor statement of one cancer, labelled by the rules of
STATUS_RULES.md §3-§6, with the numbers and findings that explain each label."""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple

from survivor_app.domain import CancerHistory, RecurrenceType, Scan, Spot, Statement, Status
from survivor_app.domain.words import status_label
from survivor_app.status.assessment import (
    ATTACH_DAYS,
    DISEASE_FOUND,
    RECURRENCE_DAYS,
    Assessment,
    Reason,
)
from survivor_app.status.confirmation import confirm_remissions
from survivor_app.status.episode import Episode
from survivor_app.status.measure import Measured, measure, unsized_findings
from survivor_app.status.scan_view import ScanView
from survivor_app.status.spot_sizes import (
    dated_back_findings,
    gave_sizes,
    percent_change,
    recurrence_type_of,
)


def assess(history: CancerHistory) -> tuple[Assessment, ...]:
    """Every assessment of one cancer in date order, labelled by STATUS_RULES.md §3-§6."""
    taken, dated_back = steps(history)
    walk = Walk(history.spots, dated_back)
    for step in taken:
        walk.add(step.position, step.scan, step.statement)
    return confirm_remissions(walk.assessments)


class Step(NamedTuple):
    """One assessment as the walk takes it: a scan at its ``position`` in date order with the
    statement that counts for it, or a statement alone (``scan`` None); ``confirmed_later``
    names the scan's uncertain findings that a later scan confirmed, with that scan's date.
    Labelling a step reads nothing else but the spots and the steps before it. (A named tuple:
    a long history has a thousand steps, made again after each edit.)"""

    position: int
    scan: Scan | None
    statement: Statement | None
    confirmed_later: tuple[tuple[str, dt.date], ...]

    def same_as(self, other: Step) -> bool:
        """Whether labelling this step reads what labelling ``other`` read."""
        return (
            (self.scan is other.scan or self.scan == other.scan)
            and (self.statement is other.statement or self.statement == other.statement)
            and self.confirmed_later == other.confirmed_later
        )


_DATE = attrgetter("date")
#: Where an entry of the walk's timeline stands: date, scans before statements, then order.
_PLACE = itemgetter(0, 1, 2)


def steps(history: CancerHistory) -> tuple[list[Step], dict[tuple[int, str], dt.date]]:
    """The steps of the walk in its order, and the uncertain findings dated back (by scan
    position and spot id, with the date of the scan that confirmed each)."""
    spots = {spot.id: spot for spot in history.spots}
    # By date; a stable sort keeps the scans of one date in entry order.
    scans = tuple(sorted(history.scans, key=_DATE))
    attached, alone = _attach_statements(scans, history.statements)
    dated_back = dated_back_findings(scans, spots)
    confirmed: dict[int, list[tuple[str, dt.date]]] = {}
    for (position, spot_id), date in dated_back.items():
        confirmed.setdefault(position, []).append((spot_id, date))
    timeline: list[tuple[dt.date, int, int, Scan | None, Statement | None]] = [
        (scan.date, 0, position, scan, attached.get(position))
        for position, scan in enumerate(scans)
        if scan.measurements or scan.no_evidence_of_disease or position in attached
    ]
    timeline += [(s.date, 1, order, None, s) for order, s in enumerate(alone)]
    taken = [
        Step(
            position,
            scan,
            statement,
            tuple(sorted(confirmed[position]))
            if scan is not None and position in confirmed
            else (),
        )
        for _, _, position, scan, statement in sorted(timeline, key=_PLACE)
    ]
    return taken, dated_back


@dataclass(frozen=True, slots=True)
class WalkState:
    """Where the walk stands after a step: the episode as it was then and the remission run's
    first date; with the labels so far, enough to go on from that step."""

    episode: Episode | None
    remission_start: dt.date | None


class Walk:
    """Labels the assessments one after the other, since each rule may look at earlier labels."""

    def __init__(
        self,
        spot_order: Sequence[Spot],
        dated_back: dict[tuple[int, str], dt.date],
        resume: tuple[WalkState, Sequence[Assessment]] | None = None,
    ) -> None:
        """A walk from the first step, or one going on after ``resume``: the state after a
        step and the labels up to it."""
        self.spot_order = spot_order
        self.spots = {spot.id: spot for spot in spot_order}
        self.dated_back = dated_back
        self.episode: Episode | None = None
        self.assessments: list[Assessment] = []
        # The first date of the run of complete remissions that the latest label counting for
        # §5 belongs to (``not_evaluable`` ones are skipped), kept as labels come, so a long
        # remission is walked once rather than once per scan.
        self.remission_start: dt.date | None = None
        if resume is not None:
            state, labels = resume
            # The episode of a state is kept as it was: the walk changes its own copy.
            self.episode = copy.copy(state.episode)
            self.remission_start = state.remission_start
            self.assessments = list(labels)

    def state(self) -> WalkState:
        """Where the walk stands now, kept apart from the steps still to come."""
        return WalkState(copy.copy(self.episode), self.remission_start)

    def add(self, position: int, scan: Scan | None, statement: Statement | None) -> None:
        """Label the next assessment: a scan at ``position`` in date order, a statement, or both."""
        remission_start = self.remission_start
        if scan is None or not (scan.measurements or scan.no_evidence_of_disease):
            assert statement is not None
            date = statement.date if scan is None else scan.date
            self._append(date, scan, statement, None, remission_start=remission_start)
            return
        if self.episode is None:
            self._append_first(position, scan, statement, remission_start)
            return
        episode = self.episode
        view = ScanView(position, scan, self.spots, self.dated_back)
        measured = measure(view, episode, remission_start)
        if (
            scan.new_baseline
            and measured.status not in DISEASE_FOUND
            and not scan.no_evidence_of_disease
        ):
            # A marked scan keeps a label that found disease, and "no evidence of disease";
            # otherwise it is a starting point, and no spot keeps a remission partial (rule 7).
            measured = Measured(
                Status.BASELINE,
                Reason.MARKED_BASELINE,
                measured.sum_tenths,
                measured.recurrence_type,
                measured.sizes,
                **(measured.findings | {"remaining_spots": ()}),
            )
        label = measured.status if statement is None else statement.status
        starts = scan.new_baseline or label in DISEASE_FOUND
        if starts:
            self.episode = Episode(episode.number + 1, scan, self.spot_order)
        self._append(
            scan.date,
            scan,
            statement,
            measured,
            remission_start=remission_start,
            compared_with=episode,
            starts=starts,
        )
        if starts:
            return
        # Only now may this scan become the smallest: it was compared with the earlier ones.
        if measured.sum_tenths is not None and not measured.missing_spots:
            episode.evaluated(scan.date, measured.sum_tenths, measured.sizes)
        episode.measured(scan.date, measured.status)

    def _append_first(
        self,
        position: int,
        scan: Scan,
        statement: Statement | None,
        remission_start: dt.date | None,
    ) -> None:
        """The first scan of a cancer: episode 1's baseline, a start in complete remission, or
        disease found after the doctor's "no evidence of disease" that came before it (§3)."""
        view = ScanView(position, scan, self.spots, self.dated_back)
        present = view.present_now()
        doubted = view.doubted()
        if scan.no_evidence_of_disease:
            episode = Episode(1, scan, self.spot_order)
            measured = Measured(Status.COMPLETE_REMISSION, Reason.NO_EVIDENCE_MARK, 0)
        elif remission_start is not None and not present:
            episode = Episode(1, scan, self.spot_order, empty=True)
            measured = Measured(
                Status.COMPLETE_REMISSION,
                Reason.FIRST_SCAN_FOUND_NOTHING,
                0,
                uncertain_spots=doubted,
            )
        else:
            episode = Episode(1, scan, self.spot_order)
            too_small = view.too_small(episode.tracked)
            unsized = unsized_findings(view, episode.tracked)
            if remission_start is None:
                measured = Measured(
                    Status.BASELINE,
                    Reason.FIRST_SCAN,
                    episode.baseline_sum,
                    too_small_spots=too_small,
                    uncertain_spots=doubted,
                    unsized_spots=unsized,
                )
            else:
                recurred = (scan.date - remission_start).days >= RECURRENCE_DAYS
                measured = Measured(
                    Status.RECURRED if recurred else Status.PROGRESSED,
                    Reason.FIRST_SCAN_FOUND_DISEASE,
                    episode.baseline_sum,
                    recurrence_type=recurrence_type_of(present) if recurred else None,
                    returned_spots=present,
                    too_small_spots=too_small,
                    uncertain_spots=doubted,
                    unsized_spots=unsized,
                )
        self.episode = episode
        self._append(
            scan.date,
            scan,
            statement,
            measured,
            remission_start=remission_start,
            compared_with=episode,
            starts=True,
            first=True,
        )

    def _append(
        self,
        date: dt.date,
        scan: Scan | None,
        statement: Statement | None,
        measured: Measured | None,
        *,
        remission_start: dt.date | None,
        compared_with: Episode | None = None,
        starts: bool = False,
        first: bool = False,
    ) -> None:
        stated = None if statement is None else statement.status
        stated_type = None
        if statement is not None and stated is Status.RECURRED:
            stated_type = statement.recurrence_type
        m_status = None if measured is None else measured.status
        m_type = None if measured is None else measured.recurrence_type
        status = stated if stated is not None else m_status
        assert status is not None
        recurrence_type = stated_type if stated is not None else m_type
        if status is Status.COMPLETE_REMISSION:
            self.remission_start = self.remission_start or date
        elif status is not Status.NOT_EVALUABLE:
            self.remission_start = None
        if status not in DISEASE_FOUND and m_status not in DISEASE_FOUND:
            remission_start = None
        total = None if measured is None else measured.sum_tenths
        baseline = nadir = baseline_date = nadir_date = None
        if compared_with is not None:
            baseline, baseline_date = compared_with.baseline_sum, compared_with.baseline_date
            if not first:
                nadir, nadir_date = compared_with.nadir, compared_with.nadir_date
        self.assessments.append(
            Assessment(
                date=date,
                scan=scan,
                statement=statement,
                measured=m_status,
                measured_recurrence_type=m_type,
                stated=stated,
                status=status,
                recurrence_type=recurrence_type,
                confirmed=None,
                reason=None if measured is None else measured.reason,
                episode=None if self.episode is None else self.episode.number,
                starts_episode=starts,
                sum_tenths=total,
                baseline_sum_tenths=baseline,
                baseline_date=baseline_date,
                nadir_tenths=nadir,
                nadir_date=nadir_date,
                change_from_baseline_pct=None if first else percent_change(total, baseline),
                change_from_nadir_pct=percent_change(total, nadir),
                disagreement=_disagreement(m_status, m_type, stated, stated_type, scan),
                new_baseline_sum_tenths=(
                    self.episode.baseline_sum if starts and self.episode is not None else None
                ),
                tracked_spots=() if compared_with is None else compared_with.tracked,
                **({} if measured is None else measured.findings),
                remission_start=remission_start,
                remission_days=None if remission_start is None else (date - remission_start).days,
            )
        )


def _attach_statements(
    scans: Sequence[Scan], statements: Sequence[Statement]
) -> tuple[dict[int, Statement], list[Statement]]:
    """Which statement counts for each scan (by position in date order), and the statements with
    no scan in the 30 days before them. Statements without a status inform no label (§6)."""
    attached: dict[int, Statement] = {}
    alone: list[Statement] = []
    dates = [scan.date for scan in scans]
    for statement in statements:
        if statement.status is None:
            continue
        # Scans are in date order (then entry order): the latest scan on or before the
        # statement's date is the last of the candidates, if it is within the 30 days.
        position = bisect.bisect_right(dates, statement.date) - 1
        if position < 0 or (statement.date - dates[position]).days > ATTACH_DAYS:
            alone.append(statement)
            continue
        counting = attached.get(position)
        # Statements come in entry order: of two on the same date, the one entered last counts.
        if counting is None or statement.date >= counting.date:
            attached[position] = statement
    return attached, alone


def _disagreement(
    measured: Status | None,
    measured_type: RecurrenceType | None,
    stated: Status | None,
    stated_type: RecurrenceType | None,
    scan: Scan | None,
) -> str | None:
    """A sentence naming both statuses when the doctor's and the measured one differ (§6); "the
    sizes" only when the scan gave a size, else "the scan" (it gave only states)."""
    if measured is None or stated is None:
        return None
    if measured in (Status.BASELINE, Status.NOT_EVALUABLE):
        return None
    same_type = stated_type is None or stated_type == measured_type
    if measured == stated and same_type:
        return None
    return (
        f"Your doctor said “{status_label(stated, stated_type)}”, "
        f"but {'the sizes point' if gave_sizes(scan) else 'the scan points'} to "
        f"“{status_label(measured, measured_type)}”."
    )
