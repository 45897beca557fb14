"""The dialog for one spot: a tumour or lymph node the person follows from scan to scan."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from survivor_app.domain import Area, Cancer, Spot, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import AREA_WORDS
from survivor_app.gui.dialogs.entry import EntryDialog, gloss
from survivor_app.gui.dialogs.spot_draft import SpotDraft
from survivor_app.gui.field_problems import FieldMessage, FormCheck, describe, sentence_of
from survivor_app.gui.text_fields import ChoiceBox, TextField

#: What each area means ({site} is where the cancer started).
AREA_GLOSSES: dict[Area, str] = {
    Area.PRIMARY: "The place where the cancer first began ({site}).",
    Area.REGIONAL_NODE: "Lymph nodes close to where the cancer started.",
    Area.DISTANT: "Anywhere else, such as the liver, lungs or bones.",
}


#: Said when a spot drafted from a report has no area yet: the report cannot tell it.
CHOOSE_AREA = "Please choose the area: the report does not say which it is."

#: What the choice between a size and none means, with an example.
SIZED_HELP = (
    "Some reports name disease without measuring it. "
    "Like “several small bone spots”: the report names them but gives no size."
)


def _kept_as_it_is(sized: bool, scans: int) -> str:
    """Why a spot already measured on ``scans`` scans cannot switch between sizes and states."""
    on = "1 scan" if scans == 1 else f"{scans} scans"
    if sized:
        return (
            f"This spot has sizes on {on}, which cannot be turned into “present” or “gone”. "
            "To follow it without a size from now on, add it again as a new spot."
        )
    return (
        f"This spot is on {on} without a size, and what the reports said "
        "cannot be turned into sizes. "
        "To give it sizes from now on, add it again as a new spot."
    )


class SpotDialog(EntryDialog[Spot]):
    """Name a spot, say where it is, whether it is a lymph node, and whether the reports give
    it a size (a spot that scans already say something of keeps its kind)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        cancer: Cancer,
        spot: Spot | None = None,
        scans_of_spot: int = 0,
        draft: SpotDraft | None = None,
    ) -> None:
        """``scans_of_spot`` is the number of scans that already say something of ``spot``; a
        new spot starts from ``draft`` when given, with no area chosen."""
        super().__init__(parent, title="Change a spot" if spot else "Add a spot")
        self._cancer = cancer
        self._spot = spot
        self._scans_of_spot = scans_of_spot if spot is not None else 0
        # Made once, so that asking for the value twice gives the same spot.
        self._id = spot.id if spot is not None else new_id("spot")
        site = cancer.primary_site or "where it was found first"

        self._name = TextField(
            QLineEdit(), accessible_name="Name of the spot", rule=rules.SPOT_NAME
        )
        self._name.editor.setPlaceholderText("e.g. liver spot A")
        self.add_row("&Name", self._name, self._name.editor)
        self.add_gloss("A name you will recognise on every scan, such as “liver spot A”.")

        self._location = TextField(
            QLineEdit(), accessible_name="Where in the body", rule=rules.SPOT_LOCATION
        )
        self._location.editor.setPlaceholderText("e.g. left lobe of the liver")
        self.add_row("&Where in the body", self._location, self._location.editor)

        self._area: ChoiceBox[Area] = ChoiceBox(accessible_name="Area")
        for area, explanation in AREA_GLOSSES.items():
            self._area.add_choice(AREA_WORDS[area], area, explanation.format(site=site))
        self._area_gloss = gloss("")
        self._area_message = FieldMessage(self._area)
        area_column = QWidget()
        column = QVBoxLayout(area_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._area)
        column.addWidget(self._area_gloss)
        column.addWidget(self._area_message)
        area_column.setFocusProxy(self._area)
        self.add_row("&Area", area_column, self._area)

        self._lymph_node = self.add_check_box(
            "&Lymph node",
            "Lymph nodes are small glands. For a lymph node, reports give its short width.",
        )

        self._add_sized_choice()

        if spot is not None:
            self._unsized.setChecked(not spot.sized)
            self._name.set_text(spot.name)
            self._location.set_text(spot.location)
            self._area.choose(spot.area)
            self._lymph_node.setChecked(spot.lymph_node)
        elif draft is not None:
            self._unsized.setChecked(not draft.sized)
            self._name.set_text(draft.name)
            self._location.set_text(draft.location)
            self._area.setPlaceholderText("Choose the area")
            self._area.setCurrentIndex(-1)
            self._lymph_node.setChecked(draft.lymph_node)
        self._area.currentIndexChanged.connect(self._on_area_changed)
        self._on_area_changed()
        self._size_choice.idToggled.connect(self.recheck)
        self.watch(self._name, self._location)
        self.finish()

    def _add_sized_choice(self) -> None:
        """Whether the reports give the spot a size: two choices, a sentence of help with an
        example, and the line that says why a spot already measured keeps its kind."""
        self._sized = QRadioButton("The reports give it a &size")
        self._unsized = QRadioButton("The reports &mention it without a size")
        self._size_choice = QButtonGroup(self)
        for button in (self._sized, self._unsized):
            button.setAccessibleName(button.text().replace("&", ""))
            describe(button, SIZED_HELP)
            self._size_choice.addButton(button)
        self._sized.setChecked(True)
        self._sized_message = FieldMessage(self._sized, self._unsized)
        choice = QWidget()
        choice.setAccessibleName("Size in the reports")
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._sized)
        column.addWidget(self._unsized)
        column.addWidget(gloss(SIZED_HELP))
        column.addWidget(self._sized_message)
        choice.setFocusProxy(self._sized)
        self.add_row("In the reports", choice)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        cancer: Cancer,
        spot: Spot | None = None,
        scans_of_spot: int = 0,
        draft: SpotDraft | None = None,
    ) -> Spot | None:
        """Ask for a new spot of ``cancer``, starting from ``draft`` when given (or changes to
        ``spot``, which ``scans_of_spot`` scans already say something of); None when
        cancelled."""
        dialog = cls(parent, cancer=cancer, spot=spot, scans_of_spot=scans_of_spot, draft=draft)
        return dialog.run()

    def check_fields(self, check: FormCheck) -> None:
        """A spot needs a name and an area, and a lymph node cannot be where the cancer
        started."""
        check.add(self._name, self._name.problem())
        check.add(self._location, self._location.problem())
        if self._area.currentIndex() < 0:
            check.add(self._area_message, CHOOSE_AREA)
        else:
            lymph_node = self._lymph_node.isChecked()
            area = rules.check_spot_area(self._area.choice(), lymph_node=lymph_node)
            check.add(self._area_message, sentence_of(area))
        check.add(self._sized_message, self._sized_problem())

    def value(self) -> Spot | None:
        """The spot as entered (keeping its id when it was changed), or None while wrong."""
        if not self.recheck():
            return None
        return Spot(
            id=self._id,
            cancer_id=self._cancer.id,
            name=self._name.text(),
            area=self._area.choice(),
            lymph_node=self._lymph_node.isChecked(),
            location=self._location.text(),
            sized=self._sized.isChecked(),
        )

    def _sized_problem(self) -> str | None:
        """A spot a scan already says something of keeps its kind: its sizes never silently
        become states, nor its states sizes."""
        spot = self._spot
        if spot is None or not self._scans_of_spot or self._sized.isChecked() == spot.sized:
            return None
        return _kept_as_it_is(spot.sized, self._scans_of_spot)

    def _on_area_changed(self) -> None:
        explanation = self._area.explanation()
        self._area_gloss.setText(explanation)
        # No area chosen yet (a spot drafted from a report): no empty line under the box.
        self._area_gloss.setVisible(bool(explanation))
        describe(self._area, explanation)
        self.recheck()
