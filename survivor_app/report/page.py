"""The printed page: the kinds of text, the pieces that flow down a page, and the drawing of fitted
words, rules, boxes and status swatches on a device's printable area."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPainter,
    QPen,
)

from survivor_app.domain import Status
from survivor_app.report.content import CancerSummary

_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

# Lengths in points (1/72 inch).
GAP = 9.0
SWATCH = (12.0, 8.0)  # width and height of a status's swatch in the periods table

TEXT_COLOUR = "#000000"
QUIET_COLOUR = "#444444"
LINE_COLOUR = "#888888"


@dataclass(frozen=True, slots=True)
class Type:
    """One kind of text on the page, and the most lines a text of it may take."""

    points: float
    bold: bool = False
    italic: bool = False
    colour: str = TEXT_COLOUR
    lines: int = 3


@dataclass(slots=True)
class Piece:
    """One unbreakable part of a page, drawn at a height ``top`` with ``spare`` room below it."""

    height: float
    draw: Callable[[float, float], None]
    space_before: float = GAP
    #: Never the last thing on a page: a heading stays with what it heads.
    keep_with_next: bool = False
    #: Drawn first when this piece starts a new page: the header row of a table.
    repeat: Piece | None = None
    #: The room this piece turns into lines to write on, a line at a time (0: none), and the
    #: room it has for them already; room short of a whole line stays blank.
    step: float = 0.0
    slack: float = 0.0


@dataclass(frozen=True, slots=True)
class Words:
    """A text fitted to its width and its most lines, with the height it takes."""

    kind: Type
    text: str
    width: float
    height: float


class Page:
    """The printable area of a device for one cancer's summary, and the means to draw on it."""

    def __init__(
        self, painter: QPainter, device: QPagedPaintDevice, summary: CancerSummary
    ) -> None:
        self.painter = painter
        self.device = device
        self.summary = summary
        self.unit = device.logicalDpiY() / 72
        # QPainter's origin is the top left of the printable area, inside the margins.
        self.width = float(device.width())
        self.height = float(device.height())

    def px(self, points: float) -> float:
        """A length in points as device pixels."""
        return points * self.unit

    # Text.

    def _font(self, kind: Type) -> QFont:
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(kind.points)
        font.setBold(kind.bold)
        font.setItalic(kind.italic)
        return font

    def _measure(self, kind: Type, text: str, width: float) -> float:
        self.painter.setFont(self._font(kind))
        return self.painter.boundingRect(QRectF(0, 0, width, 1e7), _FLAGS, text).height()

    def fit(self, kind: Type, text: str, width: float) -> Words:
        """``text`` fitted to ``width`` in at most ``kind.lines`` lines, cut with "…" if longer."""
        most = QFontMetricsF(self._font(kind), self.device).lineSpacing() * (kind.lines + 0.5)
        height = self._measure(kind, text, width)
        if height > most:
            words = text.split(" ")
            # The most words that fit with "…" after them, found by halving.
            low, high = 0, len(words)
            while low < high:
                middle = (low + high + 1) // 2
                if self._measure(kind, " ".join(words[:middle]) + "…", width) <= most:
                    low = middle
                else:
                    high = middle - 1
            kept = " ".join(words[:low]) if low else words[0][: max(1, len(words[0]) // 2)]
            text = kept.rstrip(" ,;:.") + "…"
            height = self._measure(kind, text, width)
        return Words(kind, text, width, height)

    def fit_sentences(self, kind: Type, parts: Sequence[str], width: float, lines: int) -> Words:
        """The first of ``parts``, and the next ones while all fit in ``lines`` lines; a first
        sentence longer than that takes up to ``kind.lines`` lines."""
        most = QFontMetricsF(self._font(kind), self.device).lineSpacing() * (lines + 0.5)
        for count in range(len(parts), 1, -1):
            text = " ".join(parts[:count])
            height = self._measure(kind, text, width)
            if height <= most:
                return Words(kind, text, width, height)
        return self.fit(kind, parts[0] if parts else "", width)

    def put(self, words: Words, x: float, y: float) -> float:
        """Draw fitted words; returns their height."""
        self.painter.setFont(self._font(words.kind))
        self.painter.setPen(QColor(words.kind.colour))
        self.painter.drawText(QRectF(x, y, words.width, words.height), _FLAGS, words.text)
        return words.height

    # Lines and boxes.

    def rule(
        self, x: float, y: float, width: float, colour: str = LINE_COLOUR, points: float = 0.5
    ) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.px(points))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x, y), QPointF(x + width, y))

    def box(self, rect: QRectF, colour: str, points: float) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.px(points))
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(rect)

    def swatch(self, status: Status, x: float, y: float) -> None:
        """A status's band in small: its colour and its hatch, as the timeline draws it."""
        from matplotlib.transforms import Bbox

        from survivor_app.plot.hatching import hatch_dots, hatch_segments, spacing_points
        from survivor_app.plot.style import PRINT_STYLE, STATUS_LOOKS

        look = STATUS_LOOKS[status]
        width, height = self.px(SWATCH[0]), self.px(SWATCH[1])
        fill = QColor(look.colour)
        fill.setAlphaF(PRINT_STYLE.band_alpha)
        self.painter.fillRect(QRectF(x, y, width, height), fill)
        ink = QColor(PRINT_STYLE.hatch_colour or look.colour)
        ink.setAlphaF(PRINT_STYLE.hatch_alpha)
        pen = QPen(ink)
        pen.setWidthF(self.px(PRINT_STYLE.hatch_linewidth))
        self.painter.setPen(pen)
        # The hatch is worked out with y upwards, as matplotlib does, then turned page-down.
        box = Bbox.from_extents(0, 0, width, height)
        # Twice as dense as on the band, as in the timeline's legend, so a small box shows it.
        spacing = self.px(spacing_points(look.hatch) / 2)
        for (x0, y0), (x1, y1) in hatch_segments(look.hatch, box, spacing):
            self.painter.drawLine(
                QPointF(x + x0, y + height - y0), QPointF(x + x1, y + height - y1)
            )
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(ink)
        radius = self.px(0.5)
        for cx, cy in hatch_dots(look.hatch, box, spacing):
            self.painter.drawEllipse(QPointF(x + cx, y + height - cy), radius, radius)
        self.box(QRectF(x, y, width, height), LINE_COLOUR, 0.4)
