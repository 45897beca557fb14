"""What the window leaves for later: the dialogs, the CSV and FHIR exporters, the summary and
printing, the edits' changes, and the welcome page with its fields when a record opens, are
imported when first used, not while the window is built (issue 15)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Modules (and packages, with all below them) that only an action of the person needs.
LATER = (
    "survivor_app.gui.dialogs",
    "survivor_app.exchange.csv_export",
    "survivor_app.exchange.fhir",
    "survivor_app.gui.summary_actions",
    "survivor_app.report",
    "PySide6.QtPrintSupport",
    # The edits a person makes, and importing: built at the first edit or import.
    "survivor_app.changes.kinds",
    "survivor_app.changes.spots",
    "survivor_app.changes.follow",
    "survivor_app.changes.importing",
    # The welcome page, made only when shown, and the fields only it and the dialogs use.
    "survivor_app.gui.widgets.welcome",
    "survivor_app.gui.date_field",
    "survivor_app.gui.text_fields",
    "survivor_app.gui.field_problems",
    # Where a save dialog opens, asked only when one does.
    "survivor_app.gui.save_paths",
)

#: Builds the window on a record holding the example, lets it paint, and lists what it loaded.
_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from survivor_app.exchange import demo_record
from survivor_app.gui.main_window import MainWindow
from survivor_app.gui.settings import AppSettings
from survivor_app.storage import RecordStore

folder = Path(sys.argv[1])
record = folder / "record.survivor"
with RecordStore.open(record, create=True) as store:
    store.replace_content(demo_record())
app = QApplication([])
window = MainWindow(AppSettings(folder / "settings.ini"), record)
window.start_at(record)
window.show()
for _ in range(20):
    app.processEvents()
import PySide6.QtCore, PySide6.QtWidgets
# PySide6 makes a class (and all its Python enums) the first time it is asked for.
classes = [*vars(PySide6.QtCore), *vars(PySide6.QtWidgets)]
print(json.dumps({"shown": window.pages.currentWidget() is window.view,
                  "modules": sorted(sys.modules), "qt_classes": classes}))
window.close()
"""


def test_the_window_is_built_without_what_only_an_action_needs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    found = json.loads(result.stdout)
    assert found["shown"]
    loaded = [name for name in found["modules"] if any(_under(name, later) for later in LATER)]
    assert loaded == []
    assert [name for name in LATER_QT if name in found["qt_classes"]] == []
    assert "QMainWindow" in found["qt_classes"]
    # What the window does need is there: the probe looked at the right thing.
    assert "survivor_app.gui.edit_actions" in found["modules"]


#: Qt classes only a save needs (where to save, "Show in folder"): making each one's Python
#: enums costs the window's start up to a millisecond or more.
LATER_QT = ("QUrl", "QStandardPaths")


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")
