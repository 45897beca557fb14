"""The rows of the scan dialog's grid, one per spot: a size for a sized spot, a state for a spot
without a size. ``spot_row`` builds either kind; both place, fill, check and give back their
measurement the same way, so the dialog treats them alike."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from survivor_app.domain import Measurement, Spot, SpotState, words
from survivor_app.domain import record_rules as rules
from survivor_app.gui.field_problems import (
    FieldMessage,
    describe,
    label_for_screen_readers,
    sentence_of,
)
from survivor_app.gui.size_field import SizeField
from survivor_app.gui.text_fields import ChoiceBox

#: The grid's columns: the spot, its size, what the scan said, and "uncertain".
NAME_COLUMN, SIZE_COLUMN, FINDING_COLUMN, UNCERTAIN_COLUMN = range(4)
COLUMN_HEADINGS = ("Spot", "Size", "What the scan said", "")
#: What an uncertain spot is, for the tick box and the line under the grid.
UNCERTAIN_MEANS = "The report is not sure this is cancer."
#: Shown in the size column of a spot without a size.
NO_SIZE = "No size"


class Finding(enum.Enum):
    """What a scan said of one sized spot, in the words of the dialog's choice."""

    SIZE = "Size"
    GONE = words.GONE
    TOO_SMALL = words.TOO_SMALL
    NOT_MEASURED = words.NOT_MEASURED


#: Why a size typed beside another finding cannot be kept.
_SIZE_BESIDE: dict[Finding, str] = {
    Finding.GONE: "A spot cannot be both gone and have a size.",
    Finding.TOO_SMALL: "A spot too small to measure has no size.",
    Finding.NOT_MEASURED: "A spot that was not measured has no size.",
}


class SpotRow(Protocol):
    """One spot's line in the grid, sized or not."""

    spot: Spot
    #: The last control of the row, after which Tab goes on to the next row.
    uncertain: QCheckBox

    def place(self, grid: QGridLayout, row: int) -> None:
        """Put the row's widgets on grid line ``row`` and its message on the line below."""

    def tab_order(self) -> tuple[QWidget, ...]:
        """The row's controls from left to right."""

    def first(self) -> QWidget:
        """The control that takes the focus when the row is new."""

    def fill(self, measurement: Measurement | None) -> None:
        """Fill the row from a scan already recorded."""

    def set_gone(self) -> None:
        """Say the spot is gone, keeping what the row held so that ``put_back`` can restore it."""

    def put_back(self) -> None:
        """Show again what the row held before ``set_gone``, unless the person changed it since."""

    def problem(self, *, no_evidence_of_disease: bool) -> str | None:
        """Why the row cannot be kept, or None."""

    def show_problem(self, problem: str | None) -> None:
        """Show the sentence on the row's message line (None: nothing is wrong)."""

    def measurement(self) -> Measurement | None:
        """The measurement the row holds (None: not measured); only once ``problem`` is None."""

    def connect(self, changed: Callable[[], object]) -> None:
        """Call ``changed`` whenever what the row holds changes."""


def spot_row(spot: Spot, *, new: bool) -> SpotRow:
    """The row for one spot: a size for a sized spot, a state for a spot without a size."""
    return SizedRow(spot, new=new) if spot.sized else StateRow(spot, new=new)


def _name_label(spot: Spot, *, new: bool) -> QLabel:
    name = QLabel(f"{spot.name} (new)" if new else spot.name)
    name.setWordWrap(True)
    name.setToolTip(spot.location)
    return name


def _uncertain_box(spot: Spot) -> QCheckBox:
    box = QCheckBox(words.UNCERTAIN)
    box.setAccessibleName(f"{spot.name}: uncertain")
    describe(box, UNCERTAIN_MEANS)
    box.setToolTip(UNCERTAIN_MEANS)
    return box


class SizedRow:
    """A sized spot's line: its name, size, what the scan said, and "uncertain"."""

    def __init__(self, spot: Spot, *, new: bool) -> None:
        self.spot = spot
        self.name = _name_label(spot, new=new)
        # Each control names its spot: a screen reader moving along the grid would otherwise
        # say "mm" or "Not measured" with no word of which spot it is.
        self.size = SizeField(accessible_name=f"Size of {spot.name}", message_below=False)
        self.name.setBuddy(self.size.edit)
        if spot.location:
            describe(self.size.edit, f"{spot.name}: {spot.location}")
        self.finding: ChoiceBox[Finding] = ChoiceBox(
            accessible_name=f"What the scan said about {spot.name}"
        )
        for finding in Finding:
            self.finding.add_choice(finding.value, finding)
        self.uncertain = _uncertain_box(spot)
        # Typing a size is the usual way to fill a row, so it chooses "Size" by itself.
        self.size.edit.textEdited.connect(self._on_size_typed)
        self.finding.currentIndexChanged.connect(self._on_finding_changed)
        self.finding.choose(Finding.NOT_MEASURED)
        self._on_finding_changed()
        # What the row held before "No evidence of disease" set the spot gone.
        self._before_gone: tuple[Finding, str, bool] | None = None

    def place(self, grid: QGridLayout, row: int) -> None:
        """Put the row's widgets on grid line ``row`` and its message on the line below."""
        grid.addWidget(self.name, row, NAME_COLUMN)
        grid.addWidget(self.size, row, SIZE_COLUMN)
        grid.addWidget(self.finding, row, FINDING_COLUMN)
        grid.addWidget(self.uncertain, row, UNCERTAIN_COLUMN)
        label_for_screen_readers(self.finding, self.finding.accessibleName())
        grid.addWidget(self.size.message, row + 1, 0, 1, len(COLUMN_HEADINGS))

    def tab_order(self) -> tuple[QWidget, ...]:
        """The row's controls from left to right."""
        return (self.size.edit, self.size.unit, self.finding, self.uncertain)

    def first(self) -> QWidget:
        """The size, which is what a person types first."""
        return self.size.edit

    def fill(self, measurement: Measurement | None) -> None:
        """Fill the row from a scan already recorded."""
        if measurement is None:
            return
        if measurement.too_small:
            self.finding.choose(Finding.TOO_SMALL)
        elif measurement.gone:
            self.finding.choose(Finding.GONE)
        else:
            self.finding.choose(Finding.SIZE)
            self.size.set_size(measurement.size_tenths)
        self.uncertain.setChecked(measurement.uncertain)

    def set_gone(self) -> None:
        """Say the spot is gone, keeping what the row held so that ``put_back`` can restore it."""
        self._before_gone = (self.chosen(), self.size.text(), self.uncertain.isChecked())
        self.size.edit.clear()
        self.finding.choose(Finding.GONE)

    def put_back(self) -> None:
        """Show again what the row held before ``set_gone``, unless the person changed it since."""
        if self._before_gone is None:
            return
        finding, size, uncertain = self._before_gone
        self._before_gone = None
        if self.chosen() is not Finding.GONE or not self.size.is_blank():
            return
        self.finding.choose(finding)
        self.size.edit.setText(size)
        self.uncertain.setChecked(uncertain)

    def chosen(self) -> Finding:
        """What the scan said about the spot, as chosen."""
        return self.finding.choice()

    def problem(self, *, no_evidence_of_disease: bool) -> str | None:
        """Why the row cannot be kept, or None; on a scan with no evidence of disease, the
        record's rule that every spot is gone or not measured."""
        chosen = self.chosen()
        if chosen is Finding.SIZE:
            problem = self.size.problem()
            if problem is not None:
                return problem
        elif not self.size.is_blank():
            return f"{_SIZE_BESIDE[chosen]} Please clear the size, or choose “Size”."
        measurement = self.measurement()
        if not no_evidence_of_disease or measurement is None:
            return None
        return sentence_of(
            rules.check_no_evidence_entry(measurement.size_tenths, too_small=measurement.too_small)
        )

    def show_problem(self, problem: str | None) -> None:
        """Mark the size and show the sentence on the row's message line."""
        self.size.show_problem(problem)

    def measurement(self) -> Measurement | None:
        """The measurement the row holds (None: not measured); only once ``problem`` is None."""
        uncertain = self.uncertain.isChecked()
        match self.chosen():
            case Finding.SIZE:
                return Measurement(self.spot.id, self.size.tenths(), uncertain=uncertain)
            case Finding.GONE:
                return Measurement(self.spot.id, 0)
            case Finding.TOO_SMALL:
                return Measurement(self.spot.id, None, too_small=True, uncertain=uncertain)
            case Finding.NOT_MEASURED:
                return None

    def connect(self, changed: Callable[[], object]) -> None:
        """Call ``changed`` whenever the size, its unit or the finding changes."""
        self.size.changed.connect(changed)
        self.finding.currentIndexChanged.connect(changed)

    def _on_size_typed(self, text: str) -> None:
        if text.strip():
            self.finding.choose(Finding.SIZE)

    def _on_finding_changed(self) -> None:
        # "Uncertain" says whether something seen is cancer: it means nothing for a spot that
        # is gone or was not looked at, so it is cleared rather than stored unseen.
        seen = self.chosen() in (Finding.SIZE, Finding.TOO_SMALL)
        if not seen:
            self.uncertain.setChecked(False)
        self.uncertain.setEnabled(seen)


class StateRow:
    """A spot without a size: its name, "No size" where a size would be, what the scan said
    (present, gone, clearly growing or not looked at), and "uncertain"."""

    def __init__(self, spot: Spot, *, new: bool) -> None:
        self.spot = spot
        self.name = _name_label(spot, new=new)
        self.no_size = QLabel(NO_SIZE)
        self.no_size.setEnabled(False)
        self.state: ChoiceBox[SpotState | None] = ChoiceBox(
            accessible_name=f"What the scan said about {spot.name}"
        )
        # Each choice starts with its own letter, so typing P, G, C or N picks it.
        for state, state_words in words.SPOT_STATE_WORDS.items():
            self.state.add_choice(state_words, state)
        self.state.add_choice(words.NOT_LOOKED_AT, None)
        where = f" ({spot.location})" if spot.location else ""
        describe(
            self.state,
            f"{spot.name}{where} has no size in the reports: "
            "say whether the report says it is there, gone or clearly growing.",
        )
        self.name.setBuddy(self.state)
        self.uncertain = _uncertain_box(spot)
        self.message = FieldMessage(self.state)
        self.state.currentIndexChanged.connect(self._on_state_changed)
        self.state.choose(None)
        self._on_state_changed()
        # What the row held before "No evidence of disease" set the spot gone.
        self._before_gone: tuple[SpotState | None, bool] | None = None

    def place(self, grid: QGridLayout, row: int) -> None:
        """Put the row's widgets on grid line ``row`` and its message on the line below."""
        grid.addWidget(self.name, row, NAME_COLUMN)
        grid.addWidget(self.no_size, row, SIZE_COLUMN)
        grid.addWidget(self.state, row, FINDING_COLUMN)
        grid.addWidget(self.uncertain, row, UNCERTAIN_COLUMN)
        label_for_screen_readers(self.state, self.state.accessibleName())
        grid.addWidget(self.message, row + 1, 0, 1, len(COLUMN_HEADINGS))

    def tab_order(self) -> tuple[QWidget, ...]:
        """The row's controls from left to right."""
        return (self.state, self.uncertain)

    def first(self) -> QWidget:
        """What the scan said, the only thing to choose."""
        return self.state

    def fill(self, measurement: Measurement | None) -> None:
        """Fill the row from a scan already recorded (no entry: not looked at)."""
        if measurement is None:
            return
        self.state.choose(measurement.state)
        self.uncertain.setChecked(measurement.uncertain)

    def set_gone(self) -> None:
        """Say the spot is gone, keeping what the row held so that ``put_back`` can restore it."""
        self._before_gone = (self.state.choice(), self.uncertain.isChecked())
        self.state.choose(SpotState.GONE)

    def put_back(self) -> None:
        """Show again what the row held before ``set_gone``, unless the person changed it since."""
        if self._before_gone is None:
            return
        state, uncertain = self._before_gone
        self._before_gone = None
        if self.state.choice() is not SpotState.GONE:
            return
        self.state.choose(state)
        self.uncertain.setChecked(uncertain)

    def problem(self, *, no_evidence_of_disease: bool) -> str | None:
        """Why the row cannot be kept, or None: on a scan with no evidence of disease, the spot
        is gone or was not looked at."""
        if not no_evidence_of_disease:
            return None
        return sentence_of(
            rules.check_no_evidence_entry(None, too_small=False, state=self.state.choice())
        )

    def show_problem(self, problem: str | None) -> None:
        """Mark the state and show the sentence on the row's message line."""
        self.message.show_problem(problem)

    def measurement(self) -> Measurement | None:
        """The state the row holds (None: not looked at)."""
        state = self.state.choice()
        if state is None:
            return None
        return Measurement(self.spot.id, None, uncertain=self.uncertain.isChecked(), state=state)

    def connect(self, changed: Callable[[], object]) -> None:
        """Call ``changed`` whenever the state changes."""
        self.state.currentIndexChanged.connect(changed)

    def _on_state_changed(self) -> None:
        # As for a sized spot: "uncertain" goes only with a spot the report says is there.
        seen = self.state.choice() in (SpotState.PRESENT, SpotState.GROWING)
        if not seen:
            self.uncertain.setChecked(False)
        self.uncertain.setEnabled(seen)
