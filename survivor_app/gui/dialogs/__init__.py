"""The dialogs: each has ``ask(parent, ...)`` returning the value entered or chosen, or None."""

from survivor_app.gui.dialogs.cancer import CancerDialog
from survivor_app.gui.dialogs.marker import MarkerDialog
from survivor_app.gui.dialogs.person import PersonDialog
from survivor_app.gui.dialogs.question import QuestionDialog
from survivor_app.gui.dialogs.restore import RestoreDialog
from survivor_app.gui.dialogs.scan import ScanDialog, ScanEntry
from survivor_app.gui.dialogs.spot import SpotDialog
from survivor_app.gui.dialogs.statement import StatementDialog
from survivor_app.gui.dialogs.treatment import TreatmentDialog

__all__ = [
    "CancerDialog",
    "MarkerDialog",
    "PersonDialog",
    "QuestionDialog",
    "RestoreDialog",
    "ScanDialog",
    "ScanEntry",
    "SpotDialog",
    "StatementDialog",
    "TreatmentDialog",
]
