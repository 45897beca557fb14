"""The dialog for one spot: a tumour or lymph node the person follows from scan to scan."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from survivor_app.domain import Area, Cancer, Spot, new_id
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import AREA_WORDS
from survivor_app.gui.dialogs.entry import EntryDialog, gloss
from survivor_app.gui.field_problems import FieldMessage, FormCheck, describe, sentence_of
from survivor_app.gui.text_fields import ChoiceBox, TextField

#: What each area means ({site} is where the cancer started).
AREA_GLOSSES: dict[Area, str] = {
    Area.PRIMARY: "The place where the cancer first began ({site}).",
    Area.REGIONAL_NODE: "Lymph nodes close to where the cancer started.",
    Area.DISTANT: "Anywhere else, such as the liver, lungs or bones.",
}


class SpotDialog(EntryDialog[Spot]):
    """Name a spot, say where it is, and whether it is a lymph node."""

    def __init__(self, parent: QWidget | None, *, cancer: Cancer, spot: Spot | None = None) -> None:
        super().__init__(parent, title="Change a spot" if spot else "Add a spot")
        self._cancer = cancer
        self._spot = spot
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

        if spot is not None:
            self._name.set_text(spot.name)
            self._location.set_text(spot.location)
            self._area.choose(spot.area)
            self._lymph_node.setChecked(spot.lymph_node)
        self._area.currentIndexChanged.connect(self._on_area_changed)
        self._on_area_changed()
        self.watch(self._name, self._location)
        self.finish()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, cancer: Cancer, spot: Spot | None = None
    ) -> Spot | None:
        """Ask for a new spot of ``cancer`` (or changes to ``spot``); None when cancelled."""
        return cls(parent, cancer=cancer, spot=spot).run()

    def check_fields(self, check: FormCheck) -> None:
        """A spot needs a name, and a lymph node cannot be where the cancer started."""
        check.add(self._name, self._name.problem())
        check.add(self._location, self._location.problem())
        area = rules.check_spot_area(self._area.choice(), lymph_node=self._lymph_node.isChecked())
        check.add(self._area_message, sentence_of(area))

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
        )

    def _on_area_changed(self) -> None:
        explanation = self._area.explanation()
        self._area_gloss.setText(explanation)
        describe(self._area, explanation)
        self.recheck()
