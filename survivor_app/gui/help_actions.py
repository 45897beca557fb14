"""The Help menu: what the app's words mean (the glossary, beside the window), the example
record, and what the app is. The glossary and the app's version are loaded when first asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

if TYPE_CHECKING:
    from survivor_app.gui.widgets.glossary import GlossaryPage

APP_TITLE = "Survivorship Tracker"


class HelpActions(QObject):
    """The Help menu's actions, for the window ``parent``."""

    def __init__(self, parent: QWidget, menu: QMenu, open_example: Callable[[], object]) -> None:
        super().__init__(parent)
        self._window = parent
        self._glossary: GlossaryPage | None = None
        self.glossary_action = menu.addAction("&What do these words mean?", self.show_glossary)
        self.glossary_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.example_action = menu.addAction("Look at an &example record", open_example)
        self.about_action = menu.addAction(f"&About {APP_TITLE}", self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def show_glossary(self) -> None:
        """Open "What do these words mean?" beside the window."""
        if self._glossary is None:
            from survivor_app.gui.widgets.glossary import GlossaryPage

            self._glossary = GlossaryPage(self._window)
        self._glossary.show()
        self._glossary.raise_()
        self._glossary.activateWindow()

    def close(self) -> None:
        """Close the glossary with the window."""
        if self._glossary is not None:
            self._glossary.close()

    def _about(self) -> None:
        from importlib import metadata

        try:
            version = metadata.version("survivor-app")
        except metadata.PackageNotFoundError:
            version = "(version not known)"
        QMessageBox.about(
            self._window,
            f"About {APP_TITLE}",
            f"<p><b>{APP_TITLE}</b> {version}</p>"
            "<p>Keep your own record of your scans and of what your doctors said. "
            "Everything stays on this computer.</p>"
            "<p>The app does not diagnose. The labels follow published rules for solid "
            "tumours; your care team decides what your results mean.</p>",
        )
