"""The table and list models: what each row shows, how it sorts, and the signals a refresh sends."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from survivor_app.domain import Area, Measurement, Record, Scan, Spot, SpotState
from survivor_app.domain.words import SPOT_STATE_WORDS, basis_label
from survivor_app.gui.models.base import ID_ROLE
from survivor_app.gui.models.periods import (
    DISAGREEMENT_MARK,
    LINES_ROLE,
    PeriodListModel,
    disagreements,
    period_dates,
)
from survivor_app.gui.models.tables import (
    STATES_COLUMN,
    QuestionTableModel,
    ScanTableModel,
    SpotTableModel,
    StatementTableModel,
    TreatmentTableModel,
    scan_rows,
    states_in_words,
)
from survivor_app.status import analyse
from tests.gui.records import (
    BASELINE,
    NODE,
    QUESTION,
    SHRUNK,
    STATEMENT,
    TREATMENT,
    TUMOUR,
    small_record,
)
from tests.gui.tables import shown_ids
from tests.status.histories import history
from tests.status.histories import scan as scan_on

pytestmark = pytest.mark.usefixtures("uk_dates")


def column_texts(model: ScanTableModel | StatementTableModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_every_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo: Record
) -> None:
    history = demo.history(demo.cancers[0].id)
    analysis = analyse(history)
    scans = ScanTableModel()
    scans.set_rows(scan_rows(history.scans, analysis.assessments))
    statements = StatementTableModel()
    statements.set_rows(history.statements)
    treatments = TreatmentTableModel()
    treatments.set_rows(history.treatments)
    questions = QuestionTableModel()
    questions.set_rows(demo.questions)
    periods = PeriodListModel()
    periods.set_periods(analysis.periods)
    for model in (scans, statements, treatments, questions, periods):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_a_scan_row_shows_its_date_kind_sum_and_label() -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    model = ScanTableModel()
    model.set_rows(scan_rows(history.scans, analyse(history).assessments))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Date",
        "Kind",
        "Sum of sizes",
        "Label",
        "Spots without a size",
    ]
    assert column_texts(model, 0) == ["10 Jan 2024", "CT", "50 mm", "Starting point", "—"]
    # The doctor said "stable" two days after this scan: the doctor's label counts.
    assert column_texts(model, 1) == ["10 Apr 2024", "MRI", "30 mm", "Stable (controlled)", "—"]
    assert model.index(1, 0).data(ID_ROLE) == SHRUNK.id


def test_a_scan_with_notes_only_has_no_sum_and_says_so() -> None:
    notes = Scan("sc9", "c1", dt.date(2024, 2, 1), BASELINE.kind, notes="Report to follow.")
    history = small_record(scans=(BASELINE, notes)).history("c1")
    rows = scan_rows(history.scans, analyse(history).assessments)
    assert rows[1].sum_tenths is None
    assert rows[1].label == "Notes only"
    model = ScanTableModel()
    model.set_rows(rows)
    assert model.index(1, 2).data() == "—"


def test_statement_treatment_and_question_rows_read_plainly() -> None:
    statements = StatementTableModel()
    statements.set_rows([STATEMENT, dataclasses.replace(STATEMENT, id="d2", status=None)])
    assert column_texts(statements, 0) == [
        "12 Apr 2024",
        "Dr. Osei",
        "The tumour is responding.",
        "Stable (controlled)",
    ]
    assert statements.index(1, 3).data() == "No status given"
    treatments = TreatmentTableModel()
    treatments.set_rows([TREATMENT])
    assert [treatments.index(0, c).data() for c in range(4)] == [
        "Chemotherapy",
        "AC-T",
        "20 Jan 2024",
        "Ongoing",
    ]
    questions = QuestionTableModel()
    asked = dataclasses.replace(QUESTION, asked_on=dt.date(2024, 5, 2), answer="Months.")
    questions.set_rows([QUESTION, dataclasses.replace(asked, id="q2")])
    assert [questions.index(0, c).data() for c in range(3)] == [QUESTION.text, "Not yet", "—"]
    assert [questions.index(1, c).data() for c in range(3)] == [
        QUESTION.text,
        "2 May 2024",
        "Months.",
    ]


def test_dates_sort_as_dates_not_as_their_text() -> None:
    # As text, "3 Mar 2025" would come before "22 Jun 2024".
    later = dataclasses.replace(STATEMENT, id="d2", date=dt.date(2025, 3, 3))
    model = StatementTableModel()
    model.set_rows([later, dataclasses.replace(STATEMENT, date=dt.date(2024, 6, 22))])
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(row, 0).data() for row in range(2)] == ["22 Jun 2024", "3 Mar 2025"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(row, 0).data() for row in range(2)] == ["3 Mar 2025", "22 Jun 2024"]


def test_sums_sort_as_numbers() -> None:
    small = scan_rows([BASELINE], [])[0]
    rows = [
        dataclasses.replace(small, sum_tenths=1000),
        dataclasses.replace(small, scan=SHRUNK, sum_tenths=95),
    ]
    model = ScanTableModel()
    model.set_rows(rows)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert [model.index(row, 2).data() for row in range(2)] == ["9.5 mm", "100 mm"]


def test_text_sorts_without_regard_to_capitals_and_ties_keep_the_entry_order() -> None:
    said = [
        dataclasses.replace(STATEMENT, id="d1", clinician="dr. Zed"),
        dataclasses.replace(STATEMENT, id="d2", clinician="Dr. Abe"),
        dataclasses.replace(STATEMENT, id="d3", clinician="dr. abe"),
    ]
    model = StatementTableModel()
    model.set_rows(said)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert shown_ids(model) == ["d2", "d3", "d1"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert shown_ids(model) == ["d1", "d2", "d3"]
    # No column: the order they were entered in.
    model.sort(-1, Qt.SortOrder.AscendingOrder)
    assert shown_ids(model) == ["d1", "d2", "d3"]


def test_sorting_moves_the_rows_a_view_keeps_hold_of(
    qtbot: QtBot, qtmodeltester: ModelTester, demo: Record
) -> None:
    model = StatementTableModel()
    model.set_rows(demo.statements)
    qtmodeltester.check(model, force_py=True)
    oldest_first = sorted(demo.statements, key=lambda s: s.date)
    chosen = QPersistentModelIndex(model.index(model.row_of(oldest_first[0].id), 2))
    with qtbot.waitSignals([model.layoutAboutToBeChanged, model.layoutChanged]):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown_ids(model) == [s.id for s in reversed(oldest_first)]
    assert (chosen.row(), chosen.column()) == (len(oldest_first) - 1, 2)
    assert chosen.data(ID_ROLE) == oldest_first[0].id


def test_a_refresh_keeps_the_chosen_order(qtbot: QtBot) -> None:
    older = dataclasses.replace(STATEMENT, id="d1", date=dt.date(2024, 1, 5))
    newer = dataclasses.replace(STATEMENT, id="d2", date=dt.date(2024, 6, 5))
    model = StatementTableModel()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_rows([older, newer])
    assert shown_ids(model) == ["d2", "d1"]
    # A new statement comes in where its date puts it.
    middle = dataclasses.replace(STATEMENT, id="d3", date=dt.date(2024, 3, 5))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_rows([older, newer, middle])
    assert inserted.args[1:] == [1, 1]
    assert shown_ids(model) == ["d2", "d3", "d1"]
    # An edit that moves a date moves its row, and the view's hold on it follows.
    chosen = QPersistentModelIndex(model.index(2, 0))
    moved = dataclasses.replace(older, date=dt.date(2025, 1, 5), text="Moved.")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_rows([moved, newer, middle])
    assert shown_ids(model) == ["d1", "d2", "d3"]
    assert chosen.row() == 0
    assert model.index(0, 2).data() == "Moved."


def test_a_refresh_announces_only_the_rows_that_changed(qtbot: QtBot) -> None:
    model = StatementTableModel()
    first = STATEMENT
    second = dataclasses.replace(STATEMENT, id="d2", text="Stable.")
    third = dataclasses.replace(STATEMENT, id="d3", text="No change.")
    model.set_rows([first, second])
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_rows([first, second, third])
    assert inserted.args[1:] == [2, 2]
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.set_rows([second, third])
    assert removed.args[1:] == [0, 0]
    changed = dataclasses.replace(third, text="Smaller.")
    with qtbot.waitSignal(model.dataChanged) as data_changed:
        model.set_rows([second, changed])
    assert data_changed.args[0].row() == 1
    assert model.index(1, 2).data() == "Smaller."
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_rows([second, changed])
    # The same things in another order: the rows move, the views keep hold of them.
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_rows([changed, second])
    assert shown_ids(model) == ["d3", "d2"]
    assert model.row_of("d2") == 1
    assert model.row_of("nobody") == -1


def test_a_period_row_gives_its_label_dates_basis_and_disagreement() -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    model = PeriodListModel()
    model.set_periods(analyse(history).periods)
    assert model.rowCount() == 2
    first, second = model.index(0, 0), model.index(1, 0)
    periods = analyse(history).periods
    assert first.data() == "Starting point"
    assert first.data(LINES_ROLE) == (
        "Starting point",
        "10 Jan 2024 – 10 Apr 2024",
        "Measurements",
        periods[0].summary,
    )
    assert first.data(Qt.ItemDataRole.ToolTipRole) is None
    assert second.data() == "Stable (controlled)"
    # The statement is about that scan, so the period is dated by the scan.
    assert second.data(LINES_ROLE) == (
        "Stable (controlled)",
        "Since 10 Apr 2024",
        "Doctor’s statement",
        periods[1].summary,
        DISAGREEMENT_MARK,
    )
    (disagreement,) = [a.disagreement for a in periods[1].assessments if a.disagreement]
    assert second.data(Qt.ItemDataRole.ToolTipRole) == disagreement
    spoken = second.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Stable (controlled). Since 10 Apr 2024. Based on: Doctor")
    assert "Your doctor and the scans differ" in spoken
    assert DISAGREEMENT_MARK.startswith("⚑")
    # The opening sentence of each explanation shows in the list; the whole shows on selection.
    assert periods[0].summary.startswith("The scan of 10 January 2024 is your starting point")
    assert spoken.endswith(periods[1].summary)


def test_a_scan_that_starts_a_new_episode_shows_both_sums() -> None:
    h = history(
        scan_on("2024-01-10", {"P": "40"}),
        scan_on("2024-04-10", {"P": "30", "L": "12"}),
    )
    model = ScanTableModel()
    model.set_rows(scan_rows(h.scans, analyse(h).assessments))
    assert [model.index(row, 2).data() for row in range(2)] == [
        "40 mm",
        "30 mm, then 42 mm as the new starting sum",
    ]


BONES = Spot("s3", "c1", "Bone spots", Area.DISTANT, False, "spine", sized=False)
FLUID = Spot("s4", "c1", "Fluid around the lung", Area.DISTANT, False, sized=False)


def with_states(scan: Scan, *states: Measurement) -> Scan:
    return dataclasses.replace(scan, measurements=(*scan.measurements, *states))


def test_the_scans_table_says_in_words_what_each_scan_said_of_spots_without_a_size() -> None:
    first = with_states(
        BASELINE,
        Measurement(BONES.id, None, state=SpotState.PRESENT),
        Measurement(FLUID.id, None, uncertain=True, state=SpotState.GROWING),
    )
    gone = dataclasses.replace(
        SHRUNK,
        measurements=(
            Measurement(TUMOUR.id, 0),
            Measurement(NODE.id, 0),
            Measurement(BONES.id, None, state=SpotState.GONE),
        ),
    )
    history = dataclasses.replace(
        small_record(scans=(first, gone)).history("c1"),
        spots=(TUMOUR, NODE, BONES, FLUID),
    )
    rows = scan_rows(history.scans, analyse(history).assessments, history.spots)
    model = ScanTableModel()
    model.set_rows(rows)
    assert model.column_texts(STATES_COLUMN) == [
        "Bone spots: present; Fluid around the lung: clearly growing (uncertain)",
        # Not looked at: the fluid is not named.
        "Bone spots: gone",
    ]
    # Every state word is one the scan dialog offers.
    offered = {words.lower() for words in SPOT_STATE_WORDS.values()}
    for row in rows:
        for said in row.states:
            assert said.split(": ", 1)[1].removesuffix(" (uncertain)") in offered
    model.sort(STATES_COLUMN, Qt.SortOrder.AscendingOrder)
    assert shown_ids(model) == [gone.id, first.id]


def test_a_scan_of_sized_spots_only_names_no_state() -> None:
    history = small_record(scans=(BASELINE, SHRUNK)).history("c1")
    rows = scan_rows(history.scans, analyse(history).assessments, history.spots)
    assert [row.states for row in rows] == [(), ()]


def test_the_spots_table_says_whether_the_reports_give_a_size(
    qtmodeltester: ModelTester,
) -> None:
    model = SpotTableModel()
    model.set_rows([TUMOUR, NODE, BONES, FLUID])
    qtmodeltester.check(model, force_py=True)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Spot",
        "Size in the reports",
        "Area",
        "Lymph node",
        "Where in the body",
    ]
    assert [model.index(row, c).data() for row in (1, 3) for c in range(5)] == [
        "Armpit node",
        "With a size",
        "Nearby lymph nodes",
        "Yes",
        "left axilla",
        "Fluid around the lung",
        "Without a size",
        "Elsewhere in the body",
        "No",
        "—",
    ]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert shown_ids(model)[:2] == [BONES.id, FLUID.id]
    # Rows go, come and change as the spots do, and the model still passes the tester.
    renamed = dataclasses.replace(BONES, name="Spine spots")
    model.set_rows([TUMOUR, renamed])
    assert sorted(model.column_texts(0)) == ["Breast tumour", "Spine spots"]
    qtmodeltester.check(model, force_py=True)


_SPOTS = st.lists(
    st.builds(
        Spot,
        id=st.sampled_from(["a", "b", "c", "d"]),
        cancer_id=st.just("c1"),
        name=st.sampled_from(["Bone spots", "Fluid", "Liver spot", "Node"]),
        area=st.sampled_from(Area),
        lymph_node=st.booleans(),
        sized=st.booleans(),
    ),
    unique_by=lambda spot: spot.id,
    max_size=4,
)


@given(spots=_SPOTS, data=st.data())
def test_the_states_said_are_exactly_what_the_scan_holds(
    spots: list[Spot], data: st.DataObject
) -> None:
    measurements = []
    for spot in spots:
        if not data.draw(st.booleans()):
            continue  # not looked at, or not measured
        if spot.sized:
            measurements.append(Measurement(spot.id, data.draw(st.integers(0, 500))))
        else:
            state = data.draw(st.sampled_from(SpotState))
            measurements.append(
                Measurement(spot.id, None, uncertain=data.draw(st.booleans()), state=state)
            )
    scan = dataclasses.replace(BASELINE, measurements=tuple(measurements))
    said = states_in_words(scan, spots)
    # One phrase for each spot without a size the scan has an entry for, in the spots' order,
    # naming it, its state as the dialog words it, and "uncertain" only when it is.
    expected = [
        (spot, m)
        for spot in spots
        if not spot.sized and (m := scan.measurement_of(spot.id)) is not None
    ]
    assert len(said) == len(expected)
    for phrase, (spot, m) in zip(said, expected, strict=True):
        assert m.state is not None
        name, words = phrase.split(": ", 1)
        assert name == spot.name
        assert words.endswith(" (uncertain)") == m.uncertain
        assert words.removesuffix(" (uncertain)") == SPOT_STATE_WORDS[m.state].lower()


def test_the_lines_of_a_period_are_its_label_dates_basis_summary_and_mark(demo: Record) -> None:
    periods = analyse(demo.history("c1")).periods
    model = PeriodListModel()
    model.set_periods(periods)
    for row, period in enumerate(periods):
        index = model.index(row, 0)
        expected: tuple[str, ...] = (
            period.label,
            period_dates(period),
            basis_label(period.basis),
            period.summary,
        )
        if disagreements(period):
            expected += (DISAGREEMENT_MARK,)
        assert index.data(LINES_ROLE) == expected
