"""Every change the window makes to a record, as a small frozen object that writes itself through
``RecordStore``, takes itself back, and says what it touches; and the history Edit ▸ Undo walks.

Qt-free, beside ``storage`` rather than in it: storage owns SQL and nothing else, and these
objects only call its typed methods, so the window, a test or a script can make the same edit.
"""

from survivor_app.changes.history import History
from survivor_app.changes.importing import import_record, write_now
from survivor_app.changes.kinds import (
    MARKER_RESULTS,
    QUESTIONS,
    SCANS,
    STATEMENTS,
    TREATMENTS,
    AddCancer,
    Added,
    AddScan,
    Change,
    ChangeCancer,
    Changed,
    ChangePerson,
    ChangeScan,
    DeleteCancer,
    Edit,
    Fill,
    Kind,
    Part,
    Removed,
    ReplaceContent,
    Restored,
    StartRecord,
    Touches,
    Write,
)
from survivor_app.changes.spots import SPOTS, DeleteSpot

__all__ = [
    "MARKER_RESULTS",
    "QUESTIONS",
    "SCANS",
    "SPOTS",
    "STATEMENTS",
    "TREATMENTS",
    "AddCancer",
    "AddScan",
    "Added",
    "Change",
    "ChangeCancer",
    "ChangePerson",
    "ChangeScan",
    "Changed",
    "DeleteCancer",
    "DeleteSpot",
    "Edit",
    "Fill",
    "History",
    "Kind",
    "Part",
    "Removed",
    "ReplaceContent",
    "Restored",
    "StartRecord",
    "Touches",
    "Write",
    "import_record",
    "write_now",
]
