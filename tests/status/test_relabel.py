"""Relabelling a cancer after an edit from the first step the edit changed gives exactly the
analysis that labelling its whole history afresh gives, over generated histories and edits:
scans added, changed, moved to another date or removed, statements added or removed, and Undo
back to an earlier version."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from survivor_app.domain import STATED_STATUSES, CancerHistory, Statement
from survivor_app.status import Relabel, analyse
from tests.status.generated import START, histories, scans_on

EDITS = ["add scan", "add scan", "change scan", "move scan", "remove scan", "add statement"]
EDITS += ["remove statement", "undo"]


@st.composite
def edited(draw: st.DrawFn, versions: list[CancerHistory]) -> CancerHistory:
    """The latest version after one edit, or (Undo) one of the versions before it."""
    history = versions[-1]
    scans, statements = list(history.scans), list(history.statements)
    last = max((scan.date for scan in scans), default=START)
    # A date of a scan already there (the same day as another one) or any day around them.
    on = draw(
        st.one_of(
            st.sampled_from([scan.date for scan in scans] or [START]),
            st.integers(0, (last - START).days + 60).map(lambda d: START + dt.timedelta(days=d)),
        )
    )
    edit = draw(st.sampled_from(EDITS))
    number = len(versions) + 100
    if edit == "undo" and len(versions) > 1:
        return draw(st.sampled_from(versions[:-1]))
    if edit == "add scan" or not scans:
        scans.insert(draw(st.integers(0, len(scans))), draw(scans_on(on, number)))
    elif edit == "change scan":
        place = draw(st.integers(0, len(scans) - 1))
        changed = draw(scans_on(scans[place].date, number))
        scans[place] = dataclasses.replace(changed, id=scans[place].id)
    elif edit == "move scan":
        moved = scans.pop(draw(st.integers(0, len(scans) - 1)))
        scans.append(dataclasses.replace(moved, date=on))
    elif edit == "remove scan":
        scans.pop(draw(st.integers(0, len(scans) - 1)))
    elif edit == "add statement":
        statements.append(
            Statement(
                id=f"st{number}",
                cancer_id="c1",
                date=on,
                text="",
                clinician="",
                status=draw(st.sampled_from([None, *STATED_STATUSES])),
            )
        )
    elif statements:
        statements.pop(draw(st.integers(0, len(statements) - 1)))
    return dataclasses.replace(history, scans=tuple(scans), statements=tuple(statements))


@settings(max_examples=300)
@given(histories(), st.data())
def test_relabelling_after_edits_gives_the_analysis_afresh(
    history: CancerHistory, data: st.DataObject
) -> None:
    relabel = Relabel()
    versions = [history]
    assert relabel.analyse(history) == analyse(history)
    for _ in range(data.draw(st.integers(1, 6))):
        history = data.draw(edited(versions))
        versions.append(history)
        assert relabel.analyse(history) == analyse(history)


@settings(max_examples=100)
@given(histories(), st.data())
def test_after_a_change_of_spots_the_analysis_is_the_one_afresh(
    history: CancerHistory, data: st.DataObject
) -> None:
    relabel = Relabel()
    relabel.analyse(history)
    fewer = history.spots[: data.draw(st.integers(0, len(history.spots) - 1))]
    kept = {spot.id for spot in fewer}
    scans = tuple(
        dataclasses.replace(
            scan, measurements=tuple(m for m in scan.measurements if m.spot_id in kept)
        )
        for scan in history.scans
    )
    changed = dataclasses.replace(history, spots=fewer, scans=scans)
    assert relabel.analyse(changed) == analyse(changed)
