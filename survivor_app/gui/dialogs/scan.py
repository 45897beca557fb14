"""The dialog for one scan: when and where it was, what the report said, and each spot's size."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from survivor_app.domain import (
    CancerHistory,
    Person,
    Scan,
    ScanKind,
    Spot,
    new_id,
    words,
)
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField
from survivor_app.gui.dialogs.entry import EntryDialog, gloss
from survivor_app.gui.dialogs.report_reading import ReportPanel, find_button
from survivor_app.gui.dialogs.spot import SpotDialog
from survivor_app.gui.dialogs.spot_draft import SpotDraft
from survivor_app.gui.dialogs.spot_rows import (
    COLUMN_HEADINGS,
    NAME_COLUMN,
    SpotRow,
    spot_row,
)
from survivor_app.gui.field_problems import FormCheck, sentence_of
from survivor_app.gui.text_fields import ChoiceBox, TextBox, TextField


@dataclass(frozen=True, slots=True)
class ScanEntry:
    """A scan as entered, with the spots first added in the same dialog (stored with the scan)."""

    scan: Scan
    new_spots: tuple[Spot, ...] = ()


class _SpotGrid(QScrollArea):
    """The spots' grid, scrolling when a cancer has more spots than fit on the screen."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self._content = content
        self.setWidget(content)
        content.installEventFilter(self)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName("Spots on this scan")
        # Tab goes straight to the fields inside; the area scrolls to show the one with focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Grow with the grid when a row or a message is added (the area watches its grid)."""
        if watched is self._content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        """As big as the grid, up to two fifths of the screen's height."""
        content = self._content.sizeHint()
        screen = self.screen().availableGeometry()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(
            content.width() + scroll_bar + frame,
            min(content.height() + frame, screen.height() * 2 // 5),
        )

    def minimumSizeHint(self) -> QSize:
        """On a small screen, room for a few spots at least; the rest scroll."""
        hint = self.sizeHint()
        few_rows = self.fontMetrics().lineSpacing() * 8
        return QSize(hint.width(), min(hint.height(), few_rows))


class ScanDialog(EntryDialog[ScanEntry]):
    """Record one scan of a cancer: its date, kind and report, and a size for each spot."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person: Person,
        history: CancerHistory,
        scan: Scan | None = None,
    ) -> None:
        super().__init__(parent, title="Change a scan" if scan else "Add a scan")
        self._history = history
        self._scan = scan
        # Made once, so that asking for the value twice gives the same scan.
        self._id = scan.id if scan is not None else new_id("scan")
        self._rows: list[SpotRow] = []
        self._new_spots: list[Spot] = []

        self._date = DateField(accessible_name="Date of the scan", birth_date=person.birth_date)
        self.add_row("&Date", self._date, self._date.edit)

        self._kind: ChoiceBox[ScanKind] = ChoiceBox(accessible_name="Kind of scan")
        for kind, kind_words in words.SCAN_KIND_WORDS.items():
            self._kind.add_choice(kind_words, kind)
        self.add_row("&Kind", self._kind)

        self._facility = TextField(
            QLineEdit(), accessible_name="Where it was done", rule=rules.SCAN_FACILITY
        )
        self._facility.editor.setPlaceholderText("e.g. City Hospital, radiology")
        self.add_row("&Where it was done", self._facility, self._facility.editor)

        self._notes = TextField(TextBox(lines=5), accessible_name="Notes", rule=rules.SCAN_NOTES)
        self._notes.editor.setPlaceholderText("You can paste the report's words here.")
        self.add_row("N&otes", self._notes, self._notes.editor)
        self._find_sizes = find_button(self._read_report)
        self.form.addRow("", self._find_sizes)

        self._no_evidence = self.add_check_box(
            "No &evidence of disease", "The report found no sign of cancer anywhere."
        )
        self._new_baseline = self.add_check_box(
            "New starting point (new &baseline)",
            "Later scans are compared with this one, for example before a new treatment.",
        )

        self.body.addWidget(self._spots_box())

        if scan is not None:
            self._date.set_value(scan.date)
            self._kind.choose(scan.kind)
            self._facility.set_text(scan.facility)
            self._notes.set_text(scan.notes)
            self._no_evidence.setChecked(scan.no_evidence_of_disease)
            self._new_baseline.setChecked(scan.new_baseline)
        for spot in history.spots:
            row = self._add_spot_row(spot, new=False)
            if scan is not None:
                row.fill(scan.measurement_of(spot.id))
        self._no_evidence.toggled.connect(self._on_no_evidence)
        self._kind.currentIndexChanged.connect(self.recheck)
        self.watch(self._date, self._facility, self._notes)
        self.finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        person: Person,
        history: CancerHistory,
        scan: Scan | None = None,
    ) -> ScanEntry | None:
        """Ask for a new scan of the history's cancer (or changes to ``scan``); None on Cancel."""
        return cls(parent, person=person, history=history, scan=scan).run()

    def check_fields(self, check: FormCheck) -> None:
        """Check the date (one scan of a kind a day) and every spot's row."""
        check.add(self._date, self._date.problem() or self._same_scan_problem())
        check.add(self._facility, self._facility.problem())
        check.add(self._notes, self._notes.problem())
        no_evidence = self._no_evidence.isChecked()
        for row in self._rows:
            check.add(row, row.problem(no_evidence_of_disease=no_evidence))

    def value(self) -> ScanEntry | None:
        """The scan and the spots added with it (the scan keeps its id), or None while wrong."""
        date = self._date.value()
        if not self.recheck() or date is None:
            return None
        measurements = tuple(m for m in (row.measurement() for row in self._rows) if m is not None)
        scan = Scan(
            id=self._id,
            cancer_id=self._history.cancer.id,
            date=date,
            kind=self._kind.choice(),
            measurements=measurements,
            facility=self._facility.text(),
            no_evidence_of_disease=self._no_evidence.isChecked(),
            new_baseline=self._new_baseline.isChecked(),
            notes=self._notes.text(),
        )
        return ScanEntry(scan=scan, new_spots=tuple(self._new_spots))

    def add_new_spot(self, draft: SpotDraft | None = None) -> SpotRow | None:
        """Ask for a spot first seen on this scan, starting from ``draft`` when the report
        named it, and give it a row of its own (None when the person cancels)."""
        spot = SpotDialog.ask(self, cancer=self._history.cancer, draft=draft)
        if spot is None:
            return None
        self._new_spots.append(spot)
        row = self._add_spot_row(spot, new=True)
        if self._no_evidence.isChecked():
            row.set_gone()
        self._no_spots.hide()
        # The new row's widgets are shown once the grid is laid out again: focus it then.
        QTimer.singleShot(0, row.first(), lambda: self._focus_row(row))
        self.recheck()
        return row

    def _read_report(self) -> None:
        """Propose what the report pasted in the notes says, in the rows and the panel."""
        self._report.read(self._notes.text())
        self._no_spots.setVisible(not self._rows)
        # The panel's buttons come after the grid's own button for Tab.
        for before, after in itertools.pairwise((self._add_spot, *self._report.buttons())):
            QWidget.setTabOrder(before, after)
        self.recheck()

    def _focus_row(self, row: SpotRow) -> None:
        """Give a row the focus and scroll the grid, and the form, to show it."""
        first = row.first()
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        # The grid and the form take their new size first, so that they can scroll that far.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._grid_area.ensureWidgetVisible(first)
        self.bring_into_view(first)

    def _on_no_evidence(self, checked: bool) -> None:
        # No evidence of disease means every spot is gone: the rows say so, where the person
        # can see it, and unticking puts back what they held.
        for row in self._rows:
            if checked:
                row.set_gone()
            else:
                row.put_back()

    def _spots_box(self) -> QGroupBox:
        box = QGroupBox("Spots on this scan")
        self._grid = QGridLayout()
        for column, heading in enumerate(COLUMN_HEADINGS):
            self._grid.addWidget(QLabel(heading), 0, column)
        self._grid.setColumnStretch(NAME_COLUMN, 1)
        content = QWidget()
        # The rows stay at the top when the report's panel beside them is taller.
        rows_at_top = QVBoxLayout(content)
        rows_at_top.setContentsMargins(0, 0, 0, 0)
        rows_at_top.addLayout(self._grid)
        rows_at_top.addStretch(1)
        self._grid_area = _SpotGrid(content)
        self._no_spots = gloss("No spots yet. Use “Add a new spot” to add the first one.")
        self._no_spots.setVisible(not self._history.spots)
        self._add_spot = QPushButton("Add a &new spot…")
        self._add_spot.setAccessibleName("Add a new spot")
        self._add_spot.setAutoDefault(False)
        # Not the method itself: Qt would pass the button's "checked" as the draft.
        self._add_spot.clicked.connect(lambda: self.add_new_spot(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self._add_spot)
        buttons.addStretch(1)
        editing = self._scan.id if self._scan is not None else None
        earlier = [scan for scan in self._history.scans if scan.id != editing]
        last = max(earlier, key=lambda scan: scan.date) if earlier else None
        self._report = ReportPanel(lambda: self._rows, self.add_new_spot, last)
        beside = QHBoxLayout()
        beside.addWidget(self._grid_area, 3)
        beside.addWidget(self._report, 2)
        layout = QVBoxLayout(box)
        layout.addLayout(beside)
        layout.addWidget(self._no_spots)
        layout.addWidget(gloss("Uncertain: the report is not sure this is cancer."))
        layout.addLayout(buttons)
        return box

    def _add_spot_row(self, spot: Spot, *, new: bool) -> SpotRow:
        """Give a spot its row in the grid (a size, or a state for a spot without a size), in
        the grid, the Tab order and the form's checks."""
        row = spot_row(spot, new=new)
        # Each spot takes two grid lines: its fields, then the line for its message.
        row.place(self._grid, 1 + 2 * len(self._rows))
        # Rows come after the button that adds them: put them back in reading order for Tab.
        previous = self._rows[-1].uncertain if self._rows else self._new_baseline
        for before, after in itertools.pairwise((previous, *row.tab_order(), self._add_spot)):
            QWidget.setTabOrder(before, after)
        row.connect(self.recheck)
        self._rows.append(row)
        return row

    def _same_scan_problem(self) -> str | None:
        date = self._date.value()
        if date is None:
            return None
        editing = self._scan.id if self._scan is not None else None
        taken = {
            (other.cancer_id, other.date, other.kind)
            for other in self._history.scans
            if other.id != editing
        }
        problem = rules.check_scan_day((self._history.cancer.id, date, self._kind.choice()), taken)
        return sentence_of(problem)
