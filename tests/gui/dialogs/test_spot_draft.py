"""The spot drafted from a finding that matches no spot: name, place, lymph node, and a size or
a state, as the report said them; never longer than the record allows."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from survivor_app.domain import SpotState
from survivor_app.domain import record_rules as rules
from survivor_app.gui.dialogs.spot_draft import SpotDraft, draft_of
from survivor_app.reading import Finding, read_report


def only_finding(text: str) -> Finding:
    (finding,) = read_report(text, []).findings
    return finding


def test_a_measured_nodule_is_named_from_its_place() -> None:
    finding = only_finding("New 6 mm nodule in the right lower lobe (series 3, image 41).")
    assert draft_of(finding) == SpotDraft(
        "Right lower lobe nodule", "right lower lobe", False, True
    )


def test_a_lymph_node_is_ticked_and_named_so() -> None:
    finding = only_finding("New right paratracheal lymph node 12 mm short axis.")
    assert draft_of(finding) == SpotDraft(
        "Right paratracheal lymph node", "right paratracheal", True, True
    )


def test_a_state_without_a_size_drafts_a_spot_without_a_size() -> None:
    finding = only_finding("The hepatic lesion has resolved.")
    assert finding.state is SpotState.GONE
    assert draft_of(finding) == SpotDraft("Hepatic lesion", "hepatic", False, False)


@given(st.text(alphabet="abc xyz", max_size=600), st.booleans())
def test_a_draft_is_never_longer_than_the_record_allows(location: str, node: bool) -> None:
    finding = dataclasses.replace(
        only_finding("New 6 mm nodule in the right lower lobe."),
        location=" ".join(location.split()),
        lymph_node=node,
    )
    draft = draft_of(finding)
    assert rules.SPOT_NAME.check(draft.name, "name") is None
    assert rules.SPOT_LOCATION.check(draft.location, "location") is None
    assert draft.name[:1] == draft.name[:1].upper()
    assert draft.lymph_node is node
