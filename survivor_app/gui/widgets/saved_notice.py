"""The word in the status bar after something is saved: which file, in which folder, and a button
that opens the folder, so that nobody is left wondering where their file went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from survivor_app.domain.words import listed


class SavedNotice(QWidget):
    """ "Summary saved as “x.pdf” in Documents." with a "Show in folder" button beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self.words = QLabel(self)
        self.words.setAccessibleName("What was saved")
        self.show_folder = QPushButton("Show in folder", self)
        self.show_folder.setAccessibleName("Show the folder of the file saved")
        self.show_folder.setAutoDefault(False)
        self.show_folder.clicked.connect(self._open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.show_folder)

    def tell(self, what: str, path: Path, *beside: Path) -> None:
        """Say that ``what`` (``The summary``) was saved as ``path``, with the files written
        beside it in the same folder (a CSV export's marker sheet)."""
        self._folder = path.parent
        folder = path.parent.name or str(path.parent)
        names = listed([f"“{each.name}”" for each in (path, *beside)])
        self.words.setText(f"{what} was saved as {names} in {folder}.")
        self.words.setToolTip("\n".join(str(each) for each in (path, *beside)))
        self.show_folder.setToolTip(str(path.parent))

    def _open_folder(self) -> None:
        # Imported here: making QUrl's enums cost the window's start about a millisecond.
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
