"""Every change the window makes to a record, as a small frozen object that writes itself through
``RecordStore``, takes itself back, and says what it touches; and the history Edit ▸ Undo walks.

Qt-free, beside ``storage`` rather than in it: storage owns SQL and nothing else, and these
objects only call its typed methods, so the window, a test or a script can make the same edit.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from survivor_app.changes.history import History
from survivor_app.changes.writes import (
    Change,
    Edit,
    Fill,
    Part,
    Restored,
    StartRecord,
    Touches,
    Write,
)

if TYPE_CHECKING:
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
        ChangeCancer,
        Changed,
        ChangePerson,
        ChangeScan,
        DeleteCancer,
        Kind,
        Removed,
        ReplaceContent,
    )
    from survivor_app.changes.spots import SPOTS, DeleteSpot

#: The module of each name given on first asking: the edits a person makes, and importing.
#: A window that opens a record needs none of them before the first edit, and starts without
#: making their classes (some 15 ms).
_LATER = {
    **dict.fromkeys(("import_record", "write_now"), "importing"),
    **dict.fromkeys(("SPOTS", "DeleteSpot"), "spots"),
    **dict.fromkeys(
        (
            "MARKER_RESULTS",
            "QUESTIONS",
            "SCANS",
            "STATEMENTS",
            "TREATMENTS",
            "AddCancer",
            "Added",
            "AddScan",
            "ChangeCancer",
            "Changed",
            "ChangePerson",
            "ChangeScan",
            "DeleteCancer",
            "Kind",
            "Removed",
            "ReplaceContent",
        ),
        "kinds",
    ),
}


if not TYPE_CHECKING:
    # Outside mypy's sight, so that it checks each name against the imports above rather than
    # taking any name at all for this function's ``Any``.

    def __getattr__(name: str) -> Any:
        """One of the names in ``_LATER``, from its module (imported the first time)."""
        if name not in _LATER:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{_LATER[name]}"), name)
        globals()[name] = value
        return value


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
