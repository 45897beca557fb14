"""Assessments: every scan and doctor statement of one cancer, labelled by the rules of
STATUS_RULES.md §3-§6, with the numbers and findings that explain each label."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from survivor_app.domain import (
    CancerHistory,
    Measurement,
    RecurrenceType,
    Scan,
    Spot,
    Statement,
    Status,
)
from survivor_app.domain.words import status_label
from survivor_app.status.assessment import (
    ATTACH_DAYS,
    DISEASE_FOUND,
    NODE_PRESENT_TENTHS,
    PARTIAL_RATIO,
    RECURRENCE_DAYS,
    Assessment,
    Reason,
    SpotFinding,
)
from survivor_app.status.confirmation import confirm_remissions
from survivor_app.status.episode import Episode
from survivor_app.status.spot_sizes import (
    counted_size,
    dated_back_findings,
    finding_of,
    grew_from,
    is_present,
    measurements_by_spot,
    percent_change,
    recurrence_type_of,
)


def assess(history: CancerHistory) -> tuple[Assessment, ...]:
    """Every assessment of one cancer in date order, labelled by STATUS_RULES.md §3-§6."""
    spots = {spot.id: spot for spot in history.spots}
    scans = tuple(
        scan for _, scan in sorted(enumerate(history.scans), key=lambda p: (p[1].date, p[0]))
    )
    attached, alone = _attach_statements(scans, history.statements)
    walk = _Walk(history.spots, spots, dated_back_findings(scans, spots))
    timeline: list[tuple[dt.date, int, int, Scan | None, Statement | None]] = [
        (scan.date, 0, position, scan, attached.get(position))
        for position, scan in enumerate(scans)
        if scan.measurements or scan.no_evidence_of_disease or position in attached
    ]
    timeline += [(s.date, 1, order, None, s) for order, s in enumerate(alone)]
    for _, _, position, scan, statement in sorted(timeline, key=lambda e: e[:3]):
        walk.add(position, scan, statement)
    return confirm_remissions(walk.assessments)


@dataclass(frozen=True, slots=True)
class _Measured:
    """What rules 1-10 of STATUS_RULES.md §4 make of one scan, with the findings behind it."""

    status: Status
    reason: Reason
    sum_tenths: int | None
    recurrence_type: RecurrenceType | None = None
    new_spots: tuple[SpotFinding, ...] = ()
    returned_spots: tuple[SpotFinding, ...] = ()
    missing_spots: tuple[Spot, ...] = ()
    small_nodes: tuple[SpotFinding, ...] = ()
    too_small_spots: tuple[Spot, ...] = ()
    uncertain_spots: tuple[SpotFinding, ...] = ()
    uncertain_counted_as_gone: bool = False
    small_node_growth: tuple[SpotFinding, ...] = ()
    sizes: dict[str, int] = dataclasses.field(default_factory=dict)


class _Walk:
    """Labels the assessments one after the other, since each rule may look at earlier labels."""

    def __init__(
        self,
        spot_order: Sequence[Spot],
        spots: dict[str, Spot],
        dated_back: dict[tuple[int, str], dt.date],
    ) -> None:
        self.spot_order = spot_order
        self.spots = spots
        self.dated_back = dated_back
        self.episode: Episode | None = None
        self.assessments: list[Assessment] = []
        # The first date of the run of complete remissions that the latest label counting for
        # §5 belongs to (``not_evaluable`` ones are skipped), kept as labels come, so a long
        # remission is walked once rather than once per scan.
        self.remission_start: dt.date | None = None

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
        measured = self._measure(position, scan, episode, remission_start)
        if (
            scan.new_baseline
            and measured.status not in DISEASE_FOUND
            and not scan.no_evidence_of_disease
        ):
            # A marked scan keeps a label that found disease, and "no evidence of disease";
            # otherwise it is a starting point.
            measured = dataclasses.replace(
                measured, status=Status.BASELINE, reason=Reason.MARKED_BASELINE
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
        present = self._present_now(position, scan)
        doubted = self._doubted(position, scan)
        if scan.no_evidence_of_disease:
            episode = Episode(1, scan, self.spot_order)
            measured = _Measured(Status.COMPLETE_REMISSION, Reason.NO_EVIDENCE_MARK, 0)
        elif remission_start is not None and not present:
            episode = Episode(1, scan, self.spot_order, empty=True)
            measured = _Measured(
                Status.COMPLETE_REMISSION,
                Reason.FIRST_SCAN_FOUND_NOTHING,
                0,
                uncertain_spots=doubted,
            )
        else:
            episode = Episode(1, scan, self.spot_order)
            too_small = self._too_small(scan, episode.tracked)
            if remission_start is None:
                measured = _Measured(
                    Status.BASELINE,
                    Reason.FIRST_SCAN,
                    episode.baseline_sum,
                    too_small_spots=too_small,
                    uncertain_spots=doubted,
                )
            else:
                recurred = (scan.date - remission_start).days >= RECURRENCE_DAYS
                measured = _Measured(
                    Status.RECURRED if recurred else Status.PROGRESSED,
                    Reason.FIRST_SCAN_FOUND_DISEASE,
                    episode.baseline_sum,
                    recurrence_type=recurrence_type_of(present) if recurred else None,
                    returned_spots=present,
                    too_small_spots=too_small,
                    uncertain_spots=doubted,
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
        measured: _Measured | None,
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
        found = measured or _Measured(status, Reason.NO_BIG_CHANGE, None)
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
                disagreement=_disagreement(m_status, m_type, stated, stated_type),
                new_baseline_sum_tenths=(
                    self.episode.baseline_sum if starts and self.episode is not None else None
                ),
                tracked_spots=() if compared_with is None else compared_with.tracked,
                new_spots=found.new_spots,
                returned_spots=found.returned_spots,
                missing_spots=found.missing_spots,
                small_nodes=found.small_nodes,
                too_small_spots=found.too_small_spots,
                uncertain_spots=found.uncertain_spots,
                uncertain_counted_as_gone=found.uncertain_counted_as_gone,
                small_node_growth=found.small_node_growth,
                remission_start=remission_start,
                remission_days=None if remission_start is None else (date - remission_start).days,
            )
        )

    def _measure(
        self, position: int, scan: Scan, episode: Episode, remission_start: dt.date | None
    ) -> _Measured:
        """Rules 1-10 of STATUS_RULES.md §4, in order: the first that applies gives the label."""
        if scan.no_evidence_of_disease:
            return _Measured(Status.COMPLETE_REMISSION, Reason.NO_EVIDENCE_MARK, 0)
        tracked_ids = {spot.id for spot in episode.tracked}
        # A long history has a thousand scans of a dozen spots: one look-up table per scan, and
        # sizes as numbers, made into findings only for the spots a label names.
        measured = measurements_by_spot(scan)
        seen = [
            (spot, m, counted_size(m, spot))
            for spot in episode.tracked
            if (m := measured.get(spot.id)) is not None
        ]
        sizes = {spot.id: size for spot, _, size in seen}
        missing = tuple(spot for spot in episode.tracked if spot.id not in measured)
        total = sum(sizes.values())
        doubted = self._doubted(position, scan)
        # After a complete remission an uncertain tracked spot counts as gone in rules 3-8;
        # its size still makes the sum shown and later nadirs.
        after_remission = remission_start is not None
        ruled = [
            (spot, m, 0 if after_remission and not self._certain(position, m) else size)
            for spot, m, size in seen
        ]
        # Every rule's result carries the same findings; ``replace`` sets its status.
        base = _Measured(
            Status.STABLE,
            Reason.NO_BIG_CHANGE,
            total,
            missing_spots=missing,
            too_small_spots=self._too_small(scan, episode.tracked),
            uncertain_spots=doubted,
            uncertain_counted_as_gone=after_remission
            and any(f.spot.id in tracked_ids for f in doubted),
            sizes=sizes,
        )
        complete = None if missing else total
        new = tuple(
            self._finding(position, m, self.spots[m.spot_id])
            for m in scan.measurements
            if m.spot_id not in tracked_ids and self._certainly_present(position, m)
        )
        returned = tuple(
            self._finding(position, m, spot)
            for spot, m, size in ruled
            if after_remission and is_present(size, spot)
        )
        if new or returned:
            days = None if remission_start is None else (scan.date - remission_start).days
            recurred = days is not None and days >= RECURRENCE_DAYS
            return dataclasses.replace(
                base,
                status=Status.RECURRED if recurred else Status.PROGRESSED,
                reason=Reason.NEW_SPOT if new else Reason.BACK_AFTER_REMISSION,
                sum_tenths=complete,
                recurrence_type=(
                    recurrence_type_of(self._present_now(position, scan)) if recurred else None
                ),
                new_spots=new,
                returned_spots=returned,
            )
        nadir = episode.nadir
        if nadir is not None:
            # Rule 4 alone counts a lymph node under 10 mm at no more than its size at the nadir.
            growth = sum(
                min(size, episode.nadir_sizes.get(spot.id, 0))
                if spot.lymph_node and size < NODE_PRESENT_TENTHS
                else size
                for spot, _, size in ruled
            )
            if grew_from(growth, nadir):
                return dataclasses.replace(base, status=Status.PROGRESSED, reason=Reason.GROWTH)
            if grew_from(sum(size for _, _, size in ruled), nadir):
                small_node_growth = tuple(
                    finding_of(m, spot)
                    for spot, m, size in ruled
                    if spot.lymph_node
                    and size < NODE_PRESENT_TENTHS
                    and size > episode.nadir_sizes.get(spot.id, 0)
                )
                base = dataclasses.replace(base, small_node_growth=small_node_growth)
        if missing:
            return dataclasses.replace(
                base, status=Status.NOT_EVALUABLE, reason=Reason.NOT_MEASURED, sum_tenths=None
            )
        if not any(is_present(size, spot) for spot, _, size in ruled):
            # Every spot is gone; what is left above 0 are lymph nodes of normal size.
            small = tuple(
                finding_of(m, spot) for spot, m, size in ruled if size > 0 and spot.lymph_node
            )
            return dataclasses.replace(
                base, status=Status.COMPLETE_REMISSION, reason=Reason.ALL_GONE, small_nodes=small
            )
        baseline = episode.baseline_sum
        ruled_total = sum(size for _, _, size in ruled)
        if baseline and PARTIAL_RATIO[1] * ruled_total <= PARTIAL_RATIO[0] * baseline:
            return dataclasses.replace(base, status=Status.PARTIAL_REMISSION, reason=Reason.SHRANK)
        if episode.response_confirmed:
            return dataclasses.replace(
                base, status=Status.PARTIAL_REMISSION, reason=Reason.RESPONSE_STANDS
            )
        return base

    def _certain(self, position: int, m: Measurement) -> bool:
        """Whether a measurement counts as certain: not marked uncertain, or dated back (§4)."""
        return not m.uncertain or (position, m.spot_id) in self.dated_back

    def _certainly_present(self, position: int, m: Measurement) -> bool:
        """Whether the spot of ``m`` is there and certainly so."""
        spot = self.spots[m.spot_id]
        return is_present(counted_size(m, spot), spot) and self._certain(position, m)

    def _present_now(self, position: int, scan: Scan) -> tuple[SpotFinding, ...]:
        """Every spot certainly there at this scan, tracked or not."""
        return tuple(
            self._finding(position, m, self.spots[m.spot_id])
            for m in scan.measurements
            if self._certainly_present(position, m)
        )

    def _doubted(self, position: int, scan: Scan) -> tuple[SpotFinding, ...]:
        """Every spot this scan shows as there, but uncertain, that no later scan confirmed."""
        return tuple(
            finding_of(m, spot)
            for m in scan.measurements
            if not self._certain(position, m)
            and is_present(counted_size(m, spot := self.spots[m.spot_id]), spot)
        )

    def _too_small(self, scan: Scan, tracked: Sequence[Spot]) -> tuple[Spot, ...]:
        """The tracked spots this scan counts at 5 mm because they were too small to measure."""
        if not any(m.too_small for m in scan.measurements):
            return ()
        small = {m.spot_id for m in scan.measurements if m.too_small}
        return tuple(spot for spot in tracked if spot.id in small)

    def _finding(self, position: int, m: Measurement, spot: Spot) -> SpotFinding:
        confirmed_on = self.dated_back.get((position, m.spot_id)) if m.uncertain else None
        return dataclasses.replace(finding_of(m, spot), confirmed_on=confirmed_on)


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
) -> str | None:
    """A sentence naming both statuses when the doctor's and the measured one differ (§6)."""
    if measured is None or stated is None:
        return None
    if measured in (Status.BASELINE, Status.NOT_EVALUABLE):
        return None
    same_type = stated_type is None or stated_type == measured_type
    if measured == stated and same_type:
        return None
    return (
        f"Your doctor said “{status_label(stated, stated_type)}”, "
        f"but the sizes point to “{status_label(measured, measured_type)}”."
    )
