"""The page shown before a record has anything in it: start my record, or look at an example."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from survivor_app.domain import Cancer, Person, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.gui.date_field import DateField, date_problem
from survivor_app.gui.field_problems import FormCheck, problem_style_sheet
from survivor_app.gui.text_fields import TextField

#: How wide the page's text may run, in average characters of the person's font.
TEXT_WIDTH_CHARS = 72


def _paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WelcomePage(QWidget):
    """A short form that starts a record, and a way to look around an example first."""

    start_requested = Signal(object, object)
    """Emitted by "Start my record" with a valid form; carries the Person and their first Cancer."""

    example_requested = Signal()
    """Emitted by "Look at an example record"; carries nothing."""

    open_requested = Signal()
    """Emitted by "Open a record I already have…"; carries nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style_sheet = ""

        title = QLabel("Welcome to Survivorship Tracker")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        intro = _paragraph(
            "Keep your own record of your scans and of what your doctors said, and see what "
            "they mean over time. Everything stays on this computer."
        )

        start_box = self._start_box()
        other_box = self._other_box()

        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * TEXT_WIDTH_CHARS * 3 // 2)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(title)
        column_layout.addWidget(intro)
        column_layout.addSpacing(self.fontMetrics().height())
        column_layout.addWidget(start_box)
        column_layout.addWidget(other_box)
        column_layout.addStretch(1)
        centre = QWidget()
        centre_layout = QHBoxLayout(centre)
        centre_layout.addStretch(1)
        centre_layout.addWidget(column, 4)
        centre_layout.addStretch(1)
        # Large fonts on a small screen: the page scrolls rather than squeezing the form.
        scroll = QScrollArea()
        scroll.setWidget(centre)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The keyboard goes straight to the form; the page scrolls to follow the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._follow_palette()
        self.recheck()

    def _start_box(self) -> QGroupBox:
        self.name = TextField(
            QLineEdit(),
            accessible_name="Your name",
            rule=rules.PERSON_NAME,
            required="Please give your name.",
        )
        self.birth = DateField(
            accessible_name="Date of birth", required="Please give your date of birth."
        )
        self.cancer_name = TextField(
            QLineEdit(), accessible_name="Name of the cancer", rule=rules.CANCER_NAME
        )
        self.cancer_name.editor.setPlaceholderText("e.g. Breast cancer")
        self.site = TextField(
            QLineEdit(), accessible_name="Where it started", rule=rules.CANCER_SITE
        )
        self.site.editor.setPlaceholderText("e.g. left breast")
        self.diagnosed = DateField(
            accessible_name="Date of diagnosis", required="Please give the date of diagnosis."
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field, buddy in (
            ("Your &name", self.name, self.name.editor),
            ("Date of &birth", self.birth, self.birth.edit),
            ("The &cancer", self.cancer_name, self.cancer_name.editor),
            ("Where it &started", self.site, self.site.editor),
            ("Date of &diagnosis", self.diagnosed, self.diagnosed.edit),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
            field.changed.connect(self.recheck)
        self.start_button = QPushButton("Start my record")
        self.start_button.setAccessibleName("Start my record")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        start_box = QGroupBox("Start my record")
        start_layout = QVBoxLayout(start_box)
        start_layout.addWidget(
            _paragraph("A few details to begin with. You can change them later in the Edit menu.")
        )
        start_layout.addLayout(form)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        return start_box

    def _other_box(self) -> QGroupBox:
        self.example_button = QPushButton("Look at an example record")
        self.example_button.setAccessibleName("Look at an example record")
        self.example_button.clicked.connect(self.example_requested)
        self.open_button = QPushButton("Open a record I already have…")
        self.open_button.setAccessibleName("Open a record I already have")
        self.open_button.clicked.connect(self.open_requested)
        other_box = QGroupBox("Not ready yet?")
        other_layout = QVBoxLayout(other_box)
        other_layout.addWidget(
            _paragraph(
                "See how the app works with a made-up record. Nothing you do in the example "
                "touches your own record."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        other_layout.addLayout(buttons)
        return other_box

    def reset(self) -> None:
        """Empty the form, for a new record."""
        for field in (self.name, self.cancer_name, self.site):
            field.set_text("")
        self.birth.set_value(None)
        self.diagnosed.set_value(None)
        self.recheck()

    def recheck(self) -> bool:
        """Check every field, say what is wrong beside it, and allow the start when all is right."""
        check = FormCheck()
        check.add(self.name, self.name.problem())
        birth = self.birth.value()
        check.add(self.birth, self.birth.problem())
        check.add(self.cancer_name, self.cancer_name.problem())
        check.add(self.site, self.site.problem())
        diagnosed = self.diagnosed.value()
        problem = self.diagnosed.problem()
        if problem is None and diagnosed is not None:
            problem = date_problem(diagnosed, birth_date=birth, today=dt.date.today())
        check.add(self.diagnosed, problem)
        self.start_button.setEnabled(check.passed)
        return check.passed

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's switch between light and dark, so the marks stay readable."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()
        super().changeEvent(event)

    def _follow_palette(self) -> None:
        sheet = problem_style_sheet(self.palette())
        # Setting a style sheet can itself send a palette change: only set a different one.
        if sheet != self._style_sheet:
            self._style_sheet = sheet
            self.setStyleSheet(sheet)

    def _start(self) -> None:
        if not self.recheck():
            return
        person = Person(name=self.name.text(), birth_date=self.birth.value())
        cancer = Cancer(
            id=new_id("cancer"),
            name=self.cancer_name.text(),
            primary_site=self.site.text(),
            diagnosed_on=self.diagnosed.value(),
        )
        self.start_requested.emit(person, cancer)
