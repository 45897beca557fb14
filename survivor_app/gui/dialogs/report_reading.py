"""The scan dialog's "Find sizes in this report": the reader's findings proposed in the spots'
rows, each marked as proposed with its sentence beside it (on hover and in a panel), the report's
earlier size beside the last scan's, and findings that match no spot offered as new spots (the
spot dialog filled from what the report said of them).
Nothing is stored until OK; the person accepts, changes or clears each proposal in its row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from survivor_app.domain import Measurement, Scan, SpotState, mm_text
from survivor_app.gui.dates import long_date
from survivor_app.gui.dialogs.entry import gloss
from survivor_app.gui.dialogs.spot_draft import SpotDraft, draft_of
from survivor_app.gui.dialogs.spot_rows import Finding as RowFinding
from survivor_app.gui.dialogs.spot_rows import SizedRow, SpotRow, StateRow
from survivor_app.gui.field_problems import WrappingLabel, describe
from survivor_app.reading import Finding, read_report

FIND_SIZES = "&Find sizes in this report"
FIND_SIZES_MEANS = (
    "Reads the report pasted in Notes and proposes each spot’s size or state. "
    "Check every proposal against the report before pressing OK."
)
PANEL_TITLE = "What the report says"
NOTHING_FOUND = "No sizes or states were found in the notes. Paste the report’s words first."
CHECK_EACH = "Proposed values are in the spots’ rows: check each one, change it, or clear it."
PROPOSED = "proposed"
CHANGED = "changed by you"
NEW_SPOT = "Add as a new spot…"
NOT_MATCHED = "Not matched to one of your spots"
_STATE_WORDS = {
    SpotState.PRESENT: "still there",
    SpotState.GONE: "gone",
    SpotState.GROWING: "growing",
}


@dataclass(frozen=True, slots=True)
class Proposal:
    """A finding proposed in one spot's row, and the measurement it proposes."""

    finding: Finding
    measurement: Measurement


def proposed_measurement(finding: Finding, row: SpotRow) -> Measurement | None:
    """What a finding proposes for a spot's row, or None when it says nothing the row can hold
    (a state for a sized spot that is neither a size nor gone)."""
    spot_id = row.spot.id
    uncertain = finding.uncertain
    if isinstance(row, SizedRow):
        if finding.size_tenths is not None:
            return Measurement(spot_id, finding.size_tenths, uncertain=uncertain)
        if finding.state is SpotState.GONE:
            return Measurement(spot_id, 0)
        return None
    state = finding.state or (SpotState.PRESENT if finding.size_tenths else None)
    if state is None:
        return None
    seen = state is not SpotState.GONE
    return Measurement(spot_id, None, uncertain=uncertain and seen, state=state)


def fill_row(row: SpotRow, measurement: Measurement) -> None:
    """Put a proposed measurement in a row, as if the person had chosen it."""
    if isinstance(row, SizedRow):
        if measurement.size_tenths:
            row.finding.choose(RowFinding.SIZE)
            row.size.set_size(measurement.size_tenths)
        else:
            row.size.edit.clear()
            row.finding.choose(RowFinding.GONE)
    elif isinstance(row, StateRow):
        row.state.choose(measurement.state)
    row.uncertain.setChecked(measurement.uncertain)


class ReportPanel(QGroupBox):
    """The panel beside the spots: each finding with its sentence, the earlier size against the
    last scan's, and a button to add a finding that matches no spot as a new spot, drafted from
    the finding."""

    def __init__(
        self,
        rows: Callable[[], Sequence[SpotRow]],
        add_spot: Callable[[SpotDraft], SpotRow | None],
        last_scan: Scan | None,
    ) -> None:
        super().__init__(PANEL_TITLE)
        self._rows = rows
        self._add_spot = add_spot
        self._last_scan = last_scan
        self._proposals: dict[str, Proposal] = {}
        #: Each proposed row's name before it was marked, to put back when read again.
        self._names: dict[str, tuple[SpotRow, str, str]] = {}
        self._buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self.setAccessibleName(PANEL_TITLE)
        self.setObjectName(PANEL_TITLE)
        self.hide()

    def read(self, text: str) -> None:
        """Read the report, propose what it says in the rows, and list it in the panel."""
        self._clear()
        rows = {row.spot.id: row for row in self._rows()}
        reading = read_report(text, [row.spot for row in rows.values()])
        matched: set[tuple[int | None, int | None]] = set()
        unmatched: list[Finding] = []
        for finding in reading.findings:
            row = rows.get(finding.spot_id) if finding.spot_id else None
            measurement = proposed_measurement(finding, row) if row else None
            if row is not None and measurement is not None:
                self._propose(row, finding, measurement)
                matched.add((finding.size_tenths, finding.prior_size_tenths))
                compared = self._compared(row, finding)
                self._layout.addWidget(_line(f"{row.spot.name} — {compared}", finding))
            elif row is not None and _what(finding):
                # "Stable liver lesion" of a spot with sizes: said, but nothing for its row.
                line = f"{row.spot.name} — the report says {_what(finding)}, with no size"
                self._layout.addWidget(_line(line, finding))
            elif finding.spot_id is None:
                unmatched.append(finding)
        # The impression often says a size again: offer a new spot only for what is new here.
        offered = [f for f in unmatched if (f.size_tenths, f.prior_size_tenths) not in matched]
        for finding in offered:
            self._offer(finding)
        if not self._proposals and not offered:
            self._layout.addWidget(gloss(NOTHING_FOUND))
        elif self._proposals:
            self._layout.insertWidget(0, gloss(CHECK_EACH))
        if reading.no_evidence_of_disease:
            self._layout.addWidget(gloss("The report says there is no evidence of disease."))
        self.show()

    def proposals(self) -> dict[str, Proposal]:
        """The proposals made, by spot id."""
        return dict(self._proposals)

    def buttons(self) -> tuple[QPushButton, ...]:
        """The panel's buttons, in order, for the dialog's Tab order."""
        return tuple(self._buttons)

    def _propose(self, row: SpotRow, finding: Finding, measurement: Measurement) -> None:
        name = _name_label(row)
        if row.spot.id not in self._names:
            self._names[row.spot.id] = (row, name.text(), name.toolTip())
            row.connect(lambda: self._mark(row))
        fill_row(row, measurement)
        self._proposals[row.spot.id] = Proposal(finding, measurement)
        said = f"Proposed from the report: “{_one_line(finding.sentence)}”"
        name.setToolTip(said)
        describe(row.first(), said)
        self._mark(row)

    def _mark(self, row: SpotRow) -> None:
        proposal = self._proposals.get(row.spot.id)
        if proposal is None or row.spot.id not in self._names:
            return
        kept = row.problem(no_evidence_of_disease=False) is None and (
            row.measurement() == proposal.measurement
        )
        name = self._names[row.spot.id][1]
        _name_label(row).setText(f"{name} ({PROPOSED if kept else CHANGED})")

    def _offer(self, finding: Finding) -> None:
        what = _what(finding) or "mentioned"
        where = f" ({finding.location})" if finding.location else ""
        self._layout.addWidget(_line(f"{NOT_MATCHED}{where}: {what}", finding))
        button = QPushButton(NEW_SPOT)
        button.setAccessibleName(f"Add as a new spot: {what}{where}")
        describe(button, f"“{_one_line(finding.sentence)}”")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._add_as_new_spot(finding, button))
        self._layout.addWidget(button)
        self._buttons.append(button)

    def _add_as_new_spot(self, finding: Finding, button: QPushButton) -> None:
        row = self._add_spot(draft_of(finding))
        if row is None:
            return
        measurement = proposed_measurement(finding, row)
        if measurement is not None:
            self._propose(row, finding, measurement)
        button.setEnabled(False)

    def _compared(self, row: SpotRow, finding: Finding) -> str:
        parts = [f"proposed {_what(finding) or 'mentioned'}"]
        if finding.prior_size_tenths is not None:
            parts.append(f"earlier in the report {mm_text(finding.prior_size_tenths)}")
        last = self._last_scan.measurement_of(row.spot.id) if self._last_scan else None
        if last is not None and self._last_scan is not None:
            parts.append(f"your last scan ({long_date(self._last_scan.date)}) {_said(last)}")
        return "; ".join(parts)

    def _clear(self) -> None:
        for row, name, tip in self._names.values():
            _name_label(row).setText(name)
            _name_label(row).setToolTip(tip)
        self._names.clear()
        self._buttons.clear()
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._proposals.clear()


def _what(finding: Finding) -> str:
    if finding.size_tenths is not None:
        return mm_text(finding.size_tenths)
    if finding.state is not None:
        return _STATE_WORDS[finding.state]
    return ""


def _said(measurement: Measurement) -> str:
    if measurement.size_tenths:
        return mm_text(measurement.size_tenths)
    if measurement.gone:
        return "gone"
    if measurement.too_small:
        return "too small to measure"
    return _STATE_WORDS[measurement.state] if measurement.state else "not measured"


def _line(text: str, finding: Finding) -> QLabel:
    label = WrappingLabel(f"{text}\n“{_one_line(finding.sentence)}”", chars=50)
    label.setToolTip(_one_line(finding.sentence))
    return label


def _name_label(row: SpotRow) -> QLabel:
    if not isinstance(row, SizedRow | StateRow):
        raise TypeError(f"a row of the scan dialog's grid, not {row!r}")
    return row.name


def _one_line(text: str) -> str:
    return " ".join(text.split())


def find_button(read: Callable[[], None]) -> QWidget:
    """The button under the notes that reads them."""
    button = QPushButton(FIND_SIZES)
    button.setAccessibleName(FIND_SIZES.replace("&", ""))
    describe(button, FIND_SIZES_MEANS)
    button.setToolTip(FIND_SIZES_MEANS)
    button.setAutoDefault(False)
    button.clicked.connect(read)
    return button
