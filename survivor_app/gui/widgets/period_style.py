"""A period's swatch in the periods list: the colour of its band in the plot, with a Qt brush
pattern standing in for the band's hatch, so the list reads in grayscale as the plot does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from survivor_app.domain import Status
from survivor_app.plot.style import STATUS_LOOKS

#: The Qt brush pattern closest to each status's hatch in the plot.
BRUSH_STYLES: dict[Status, Qt.BrushStyle] = {
    Status.BASELINE: Qt.BrushStyle.NoBrush,
    Status.COMPLETE_REMISSION: Qt.BrushStyle.FDiagPattern,
    Status.PARTIAL_REMISSION: Qt.BrushStyle.BDiagPattern,
    Status.STABLE: Qt.BrushStyle.Dense6Pattern,
    Status.PROGRESSED: Qt.BrushStyle.HorPattern,
    Status.RECURRED: Qt.BrushStyle.DiagCrossPattern,
    Status.NOT_EVALUABLE: Qt.BrushStyle.VerPattern,
}


def swatch_brushes(status: Status, *, dark: bool) -> tuple[QBrush, QBrush]:
    """A light fill and its hatch pattern, for drawing a period's swatch with QPainter on a
    light background (or a ``dark`` one, in the colours the plot takes there)."""
    look = STATUS_LOOKS[status]
    colour = look.on_dark if dark else look.colour
    fill = QColor(colour)
    fill.setAlphaF(0.35)
    hatch = QColor(colour).lighter(130) if dark else QColor(colour).darker(130)
    return QBrush(fill), QBrush(hatch, BRUSH_STYLES[status])
