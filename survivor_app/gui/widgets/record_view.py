"""What the main window shows of an open record: the cancer chosen, its timeline plot, its
periods with their explanation, and the tables of scans, spots, statements, treatments, marker
results and questions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from survivor_app.domain import Cancer, CancerHistory, Question
from survivor_app.domain.words import MARKERS_NEVER_DECIDE
from survivor_app.gui.dates import short_date
from survivor_app.gui.models.periods import PeriodListModel
from survivor_app.gui.models.tables import (
    STATES_COLUMN,
    MarkerTableModel,
    QuestionTableModel,
    ScanRow,
    ScanTableModel,
    SpotTableModel,
    StatementTableModel,
    TreatmentTableModel,
    scan_rows,
)
from survivor_app.gui.widgets.explanation import ExplanationPanel
from survivor_app.gui.widgets.periods import PeriodList
from survivor_app.gui.widgets.table_tab import TableTab
from survivor_app.gui.widgets.timeline import TimelinePlot

if TYPE_CHECKING:
    from survivor_app.status import CancerAnalysis

EXAMPLE_BANNER = (
    "This is an example record with made-up names and numbers. "
    "Nothing you do here touches your own record."
)
#: Beside the marker results while there are none.
NO_MARKERS = (
    f"{MARKERS_NEVER_DECIDE}\n\nTo keep a result, use Edit ▸ Add marker result or the Add button."
)
READ_ONLY_BANNER = (
    "This record is open in another window, so here you can look at it but not change it. "
    "To make changes, use the other window."
)


def _headed(text: str, widget: QWidget, *below: QWidget) -> QWidget:
    """A widget under a bold heading whose mnemonic moves the focus to it (then ``below``)."""
    heading = QLabel(text)
    font = QFont(heading.font())
    font.setBold(True)
    heading.setFont(font)
    heading.setBuddy(widget)
    part = QWidget()
    layout = QVBoxLayout(part)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    for other in below:
        layout.addWidget(other, 0, Qt.AlignmentFlag.AlignLeft)
    return part


def _splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    """A splitter whose parts never collapse away, sharing the room by their stretch."""
    splitter = QSplitter(orientation)
    splitter.setChildrenCollapsible(False)
    for number, (widget, stretch) in enumerate(parts):
        splitter.addWidget(widget)
        splitter.setStretchFactor(number, stretch)
    # Sizes are shares until the splitter is first laid out (and then a remembered layout wins).
    splitter.setSizes([stretch * 1000 for _, stretch in parts])
    return splitter


class RecordView(QWidget):
    """The open record, one cancer at a time; edits are asked for through the tabs' signals."""

    cancer_chosen = Signal(str)
    """Emitted when the person picks another cancer in the selector; carries its id."""

    close_example_requested = Signal()
    """Emitted by the example banner's button; carries nothing."""

    suggestion_adopted = Signal(str)
    """Emitted by "Add to my questions"; carries the text of the question the app suggested."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = True
        # What the plot, periods, tables and suggested questions show now (None: no cancer).
        self._shown: tuple[CancerHistory, CancerAnalysis] | None = None
        self._questions: tuple[Question, ...] = ()
        #: How many times a period (or none) has been shown: a choice in the list shows it.
        self._periods_shown = 0
        #: The scans table's rows, made again after an edit only where it changed them.
        self._scan_rows: tuple[ScanRow, ...] = ()
        self.banner = self._banner()
        self.cancer_selector = QComboBox(self)
        self.cancer_selector.setAccessibleName("Cancer shown")
        self.cancer_selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cancer_selector.currentIndexChanged.connect(self._on_cancer_changed)
        self._selector_label = QLabel("&Cancer:")
        self._selector_label.setBuddy(self.cancer_selector)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Latest status")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top_row = QHBoxLayout()
        top_row.addWidget(self._selector_label)
        top_row.addWidget(self.cancer_selector)
        top_row.addWidget(self.summary, 1)

        self.plot = TimelinePlot(self)
        self.periods_model = PeriodListModel(self)
        self.period_list = PeriodList(self.periods_model, self)
        self.explanation = ExplanationPanel(self)
        self.side_splitter = _splitter(
            Qt.Orientation.Vertical,
            (_headed("&Periods", self.period_list), 1),
            (_headed("What this period means", self.explanation), 1),
        )
        self.plot_splitter = _splitter(
            Qt.Orientation.Horizontal, (self.plot, 3), (self.side_splitter, 2)
        )

        self.tabs = self._record_tabs()

        self.main_splitter = _splitter(
            Qt.Orientation.Vertical, (self.plot_splitter, 2), (self.tabs, 1)
        )
        # On a small screen with large text the lists and tables give way before the plot does:
        # a few lines each (they scroll), while the plot keeps room to be read.
        few_lines = self.fontMetrics().lineSpacing() * 3
        for scrolling in (self.period_list, self.explanation, self.suggestion_list):
            scrolling.setMinimumHeight(few_lines)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top_row)
        layout.addWidget(self.main_splitter, 1)

        self.period_list.period_selected.connect(self._on_period_selected)
        self.plot.period_clicked.connect(self.period_list.select_period)
        self.setTabOrder(self.close_example_button, self.cancer_selector)
        self.setTabOrder(self.cancer_selector, self.period_list)
        self.setTabOrder(self.period_list, self.explanation)
        self.setTabOrder(self.explanation, self.tabs)

    def _record_tabs(self) -> QTabWidget:
        """The tabs of the record's tables, and the questions the app suggests beside its own."""
        self.scans_tab = TableTab(
            ScanTableModel(self), plural="Scans", singular="scan", sort_column=0
        )
        self.spots_tab = TableTab(
            SpotTableModel(self), plural="Spots", singular="spot", sort_column=None
        )
        self.statements_tab = TableTab(
            StatementTableModel(self),
            plural="Doctor statements",
            singular="statement",
            sort_column=0,
        )
        self.treatments_tab = TableTab(
            TreatmentTableModel(self), plural="Treatments", singular="treatment", sort_column=2
        )
        self.markers_tab = TableTab(
            MarkerTableModel(self), plural="Marker results", singular="marker result", sort_column=0
        )
        self.questions_tab = TableTab(
            QuestionTableModel(self), plural="My questions", singular="question", sort_column=None
        )
        self.suggestions = QStringListModel(self)
        self.suggestion_list = QListView(self)
        self.adopt_button = QPushButton("Add to &my questions")
        self.questions_tab.row.addWidget(self._suggested_questions(), 2)
        self.marker_words = QTextBrowser(self)
        self.marker_words.setAccessibleName("What your markers say")
        self.marker_words.setOpenLinks(False)
        self.markers_tab.row.addWidget(_headed("What your markers sa&y", self.marker_words), 2)
        self._show_marker_words(())
        tabs = QTabWidget(self)
        tabs.setAccessibleName("Your records")
        tabs.addTab(self.scans_tab, "Sca&ns")
        tabs.addTab(self.spots_tab, "Sp&ots")
        tabs.addTab(self.statements_tab, "Doctor s&tatements")
        tabs.addTab(self.treatments_tab, "T&reatments")
        tabs.addTab(self.markers_tab, "Mar&kers")
        tabs.addTab(self.questions_tab, "&Questions")
        return tabs

    def _banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setAutoFillBackground(True)
        banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.close_example_button = QPushButton("Close the e&xample")
        self.close_example_button.setAccessibleName("Close the example")
        self.close_example_button.clicked.connect(self.close_example_requested)
        layout = QHBoxLayout(banner)
        layout.addWidget(self.banner_text, 1)
        layout.addWidget(self.close_example_button)
        banner.setVisible(False)
        return banner

    def _suggested_questions(self) -> QWidget:
        self.suggestion_list.setModel(self.suggestions)
        self.suggestion_list.setAccessibleName("Questions the app suggests")
        self.suggestion_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestion_list.setWordWrap(True)
        # Long questions wrap; shading and a gap show where one ends and the next begins.
        self.suggestion_list.setAlternatingRowColors(True)
        self.suggestion_list.setSpacing(2)
        self.suggestion_list.doubleClicked.connect(self._adopt)
        self.suggestion_list.selectionModel().selectionChanged.connect(self._on_suggestion_chosen)
        self.adopt_button.setAccessibleName("Add the chosen suggestion to my questions")
        self.adopt_button.clicked.connect(self._adopt)
        self._on_suggestion_chosen()
        return _headed("Questions the app &suggests", self.suggestion_list, self.adopt_button)

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters whose division the window remembers, by name."""
        return {
            "main": self.main_splitter,
            "plot": self.plot_splitter,
            "side": self.side_splitter,
        }

    def set_banner(self, text: str | None, *, closes_example: bool = False) -> None:
        """Show a sentence about the record above everything (None: no banner), with the button
        that closes the example when it is the example."""
        self.banner.setVisible(text is not None)
        self.banner_text.setText(text or "")
        self.banner.setAccessibleName(text or "")
        self.close_example_button.setVisible(closes_example)

    def set_editable(self, editable: bool) -> None:
        """Allow changes from the tabs, or not (a record open read-only)."""
        for tab in self._tabs():
            tab.set_editable(editable)
        self._editable = editable
        self._on_suggestion_chosen()

    def set_cancers(self, cancers: Sequence[Cancer], current: str | None) -> None:
        """Fill the selector; it is shown only when there is more than one cancer."""
        with QSignalBlocker(self.cancer_selector):
            self.cancer_selector.clear()
            for cancer in cancers:
                self.cancer_selector.addItem(cancer.name, cancer.id)
            self.cancer_selector.setCurrentIndex(self.cancer_selector.findData(current))
        several = len(cancers) > 1
        self.cancer_selector.setVisible(several)
        self._selector_label.setVisible(several)

    def show_cancer(self, history: CancerHistory, analysis: CancerAnalysis) -> None:
        """Show one cancer's record, keeping the chosen period and rows where they still exist.

        The plot, the periods and the tables are updated only when ``history`` or ``analysis``
        is not the very one shown already: the window keeps them until a change touches them.
        """
        self.summary.setText(self._summary(history, analysis))
        if self._shown is not None and self._shown[0] is history and self._shown[1] is analysis:
            return
        self._shown = (history, analysis)
        chosen = self.period_list.selected_period()
        old_count = self.periods_model.rowCount()
        old_start = self.periods_model.period_at(chosen).start if chosen >= 0 else None
        self.plot.show_history(history, analysis)
        self.periods_model.set_periods(analysis.periods)
        periods = analysis.periods
        starts = [period.start for period in periods]
        shown_before = self._periods_shown
        if old_start is not None and chosen != old_count - 1 and old_start in starts:
            self.period_list.select_period(starts.index(old_start))
        else:
            # The latest period is what a person looks for first, and a new scan lands there.
            self.period_list.select_period(len(periods) - 1)
        if self._periods_shown == shown_before:
            # The same row stays chosen, so the list did not show its period: shown here.
            self._on_period_selected(self.period_list.selected_period())

        self._scan_rows = scan_rows(
            history.scans, analysis.assessments, history.spots, self._scan_rows
        )
        self.scans_tab.model.set_rows(self._scan_rows)
        # The column of states is only for a cancer with a spot without a size.
        without_a_size = any(not spot.sized for spot in history.spots)
        self.scans_tab.table.setColumnHidden(STATES_COLUMN, not without_a_size)
        self.spots_tab.model.set_rows(history.spots)
        self.statements_tab.model.set_rows(history.statements)
        self.treatments_tab.model.set_rows(history.treatments)
        self.markers_tab.model.set_rows(history.marker_results)
        from survivor_app.status import marker_sentences

        self._show_marker_words(marker_sentences(history.marker_results))
        self._suggest(self._questions)

    def show_questions(self, questions: Sequence[Question]) -> None:
        """Show the person's questions about the cancer shown (and their general ones), and the
        questions the app suggests that they have not asked yet."""
        self._questions = tuple(questions)
        self.questions_tab.model.set_rows(self._questions)
        self._suggest(self._questions)

    def show_no_cancer(self, questions: Sequence[Question]) -> None:
        """Show a record that follows no cancer yet, with the person's general questions."""
        self._shown = None
        self.plot.show_history(None, None)
        self.periods_model.set_periods(())
        self._on_period_selected(-1)
        self.summary.setText("No cancer recorded yet: add one with Edit ▸ Add cancer.")
        for tab in self._tabs()[:-1]:
            tab.model.set_rows(())
        self._show_marker_words(())
        self.show_questions(questions)

    def _show_marker_words(self, sentences: Sequence[str]) -> None:
        """What the cancer's markers say now, or how to add one."""
        text = "\n\n".join(sentences) if sentences else NO_MARKERS
        self.marker_words.setPlainText(text)

    def _tabs(self) -> tuple[TableTab, ...]:
        """The tabs of the record's tables, the questions (about the person too) last."""
        return (
            self.scans_tab,
            self.spots_tab,
            self.statements_tab,
            self.treatments_tab,
            self.markers_tab,
            self.questions_tab,
        )

    def _suggest(self, questions: Sequence[Question]) -> None:
        suggested = () if self._shown is None else self._shown[1].questions
        asked = {question.text.casefold() for question in questions}
        wanted = [text for text in suggested if text.casefold() not in asked]
        if wanted != self.suggestions.stringList():
            self.suggestions.setStringList(wanted)
        self._on_suggestion_chosen()

    def _summary(self, history: CancerHistory, analysis: CancerAnalysis) -> str:
        cancer = history.cancer
        # The selector names the cancer when there are several; otherwise this line does.
        words = f"Started in: {cancer.primary_site}."
        if self.cancer_selector.isHidden():
            words = f"{cancer.name}. {words}"
        if not analysis.periods:
            return f"{words} No scans or doctor’s statements yet."
        latest = analysis.periods[-1]
        return (
            f"{words} Latest: {latest.label}, since {short_date(latest.start)}"
            f" (last checked {short_date(latest.last_checked)})."
        )

    def _on_period_selected(self, index: int) -> None:
        self._periods_shown += 1
        periods = self.periods_model.rowCount()
        self.plot.highlight_period(index if index >= 0 else None)
        period = self.periods_model.period_at(index) if index >= 0 else None
        markers: tuple[str, ...] = ()
        if period is not None and self._shown is not None:
            from survivor_app.status import period_marker_sentences

            results = self._shown[0].marker_results
            markers = period_marker_sentences(results, period.start, period.end)
        self.explanation.show_period(period, has_periods=periods > 0, markers=markers)

    def _on_cancer_changed(self, index: int) -> None:
        cancer_id = self.cancer_selector.itemData(index)
        if cancer_id is not None:
            self.cancer_chosen.emit(str(cancer_id))

    def _on_suggestion_chosen(self, *_args: object) -> None:
        chosen = bool(self.suggestion_list.selectionModel().selectedRows())
        self.adopt_button.setEnabled(self._editable and chosen)

    def _adopt(self) -> None:
        rows = self.suggestion_list.selectionModel().selectedRows()
        if rows and self._editable:
            self.suggestion_adopted.emit(str(rows[0].data(Qt.ItemDataRole.DisplayRole)))
