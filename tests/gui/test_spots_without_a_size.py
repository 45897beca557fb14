"""Spots without a size in the window: the scans tab shows their states only for a cancer that
has such a spot."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Measurement, Spot, SpotState
from survivor_app.gui.models.tables import STATES_COLUMN
from survivor_app.gui.widgets.record_view import RecordView
from survivor_app.status import analyse
from tests.gui.records import BASELINE, SHRUNK, small_record

pytestmark = pytest.mark.usefixtures("uk_dates")

BONES = Spot("s3", "c1", "Bone spots", Area.DISTANT, False, "spine", sized=False)


def test_the_states_column_shows_only_for_a_cancer_with_a_spot_without_a_size(
    qtbot: QtBot,
) -> None:
    view = RecordView()
    qtbot.addWidget(view)
    sized_only = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    view.show_cancer(sized_only, analyse(sized_only))
    assert view.scans_tab.table.isColumnHidden(STATES_COLUMN)
    bones_present = dataclasses.replace(
        BASELINE,
        measurements=(
            *BASELINE.measurements,
            Measurement(BONES.id, None, state=SpotState.PRESENT),
        ),
    )
    with_bones = dataclasses.replace(
        small_record(scans=(bones_present, SHRUNK)).history("c1"),
        spots=(*sized_only.spots, BONES),
    )
    view.show_cancer(with_bones, analyse(with_bones))
    assert not view.scans_tab.table.isColumnHidden(STATES_COLUMN)
    model = view.scans_tab.model
    row = model.row_of(BASELINE.id)
    assert model.index(row, STATES_COLUMN).data() == "Bone spots: present"
    view.show_cancer(sized_only, analyse(sized_only))
    assert view.scans_tab.table.isColumnHidden(STATES_COLUMN)
