"""The "What do these words mean?" page: the glossary, rendered from Markdown inside the app."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GLOSSARY_RESOURCE = "glossary.md"


def glossary_text() -> str:
    """The glossary's Markdown, as shipped in the app's resources."""
    return (resources.files("survivor_app.resources") / GLOSSARY_RESOURCE).read_text(
        encoding="utf-8"
    )


class GlossaryPage(QDialog):
    """The glossary in a window of its own, which can stay open beside the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What do these words mean?")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("What these words mean")
        # Nothing is fetched: only jumps within the page are followed.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setMarkdown(glossary_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 36)

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
