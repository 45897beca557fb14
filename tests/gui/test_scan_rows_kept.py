"""The scans table's rows made after an edit from the rows before it are the rows made afresh,
over generated histories and edits; a row is taken as it was only when its scan, the assessment
made of it are the very ones it was made from, and the spots without a size the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import CancerHistory
from survivor_app.gui.models.tables import ScanRow, scan_rows
from survivor_app.status import Relabel
from tests.status.generated import histories
from tests.status.test_relabel import edited


def made_from(row: ScanRow) -> tuple[object, ...]:
    return (row, row.assessment, row.unsized)


@settings(max_examples=200)
@given(histories(), st.data())
def test_rows_made_from_the_last_are_the_rows_made_afresh(
    history: CancerHistory, data: st.DataObject
) -> None:
    relabel = Relabel()
    rows = scan_rows(history.scans, relabel.analyse(history).assessments, history.spots)
    versions = [history]
    for _ in range(data.draw(st.integers(1, 6))):
        history = data.draw(edited(versions))
        versions.append(history)
        assessments = relabel.analyse(history).assessments
        # Sometimes the table reads one spot without a size fewer: every row reads again.
        spots = history.spots[: -1 if data.draw(st.booleans()) else None]
        before = {row.scan.id: row for row in rows}
        rows = scan_rows(history.scans, assessments, spots, rows)
        afresh = scan_rows(history.scans, assessments, spots)
        assert [made_from(row) for row in rows] == [made_from(row) for row in afresh]
        by_scan = {a.scan_id: a for a in assessments}
        for row in rows:
            kept = before.get(row.scan.id)
            if (
                kept is not None
                and kept.scan is row.scan
                and kept.assessment is by_scan.get(row.scan.id)
                and kept.unsized == row.unsized
            ):
                assert row is kept
            else:
                assert row is not kept
