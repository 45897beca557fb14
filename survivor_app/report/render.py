"""The one renderer of the printed summary: it draws ``CancerSummary`` pages with QPainter on any
QPagedPaintDevice, so the PDF export (QPdfWriter), the printer and the print preview (QPrinter)
all show the same pages.

Each cancer starts on a new page and takes two pages at most: the content caps every list, and
every text here is held to a few printed lines. The timeline is matplotlib's SVG drawn by
QSvgRenderer, so it stays vector on paper and in the PDF; should Qt not load that SVG, a picture
of the same plot is printed rather than a blank box. Only what is drawn here is on the page: Qt
stamps no page number or header of its own.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from survivor_app.domain import Status
from survivor_app.report.content import (
    NO_PERIODS,
    NO_QUESTIONS,
    NO_SCAN,
    NO_STATEMENTS,
    PERIODS_HEADING,
    QUESTIONS_HEADING,
    SCAN_HEADING,
    STATEMENTS_HEADING,
    STATUS_HEADING,
    TIMELINE_HEADING,
    TITLE,
    TREATMENTS_HEADING,
    CancerSummary,
    SizeRow,
    TreatmentRow,
    periods_left_out,
)
from survivor_app.report.paper import Paper

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MARGIN_MM = 12.0
#: The PDF's resolution: QPainter works in whole device pixels, so fine ones keep text exact.
PDF_DPI = 1200
CREATOR = "Survivorship Tracker"
PERIOD_COLUMNS = ("Dates", "Status", "Based on", "What the numbers show")

_PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}
_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

# Lengths in points (1/72 inch).
_GAP = 9.0
_CELL_PAD = 2.0
_BOX_PAD = 6.5
_SWATCH = (12.0, 8.0)  # width and height of a status's swatch in the periods table
_RULE_SPACING = 18.0  # room to write one line of an answer by hand, about 6.4 mm
_MAX_EXTRA_RULES = 8  # ruled lines a question gets beyond its first when the page has room
_PLOT_MIN = 130.0
_PLOT_MAX = 215.0
_PLOT_TWO_PAGES = 180.0
#: The fewest periods a one-page summary lists before it takes a second page instead.
_FEWEST_PERIODS = 5
_PLOT_SHARE = 0.6  # of the room a one-page summary has left, the share the timeline grows by
_PERIOD_WIDTHS = (0.125, 0.225, 0.16, 0.49)
_TEXT = "#000000"
_QUIET = "#444444"
_LINE = "#888888"


@dataclass(frozen=True, slots=True)
class _Type:
    """One kind of text on the page, and the most lines a text of it may take."""

    points: float
    bold: bool = False
    italic: bool = False
    colour: str = _TEXT
    lines: int = 3


_TITLE = _Type(8, colour=_QUIET, lines=2)
_NAME = _Type(16, bold=True, lines=2)
_BODY = _Type(9, lines=2)
_CANCER = _Type(10, bold=True, lines=2)
_HEADING = _Type(10, bold=True, lines=1)
_BOX_HEADING = _Type(8, bold=True, lines=1)
_LABEL = _Type(12.5, bold=True, lines=2)
_SMALL = _Type(8)
_CELL_HEADING = _Type(8, bold=True, lines=1)
_DATES = _Type(8, lines=2)
_SIZE = _Type(8, lines=2)
_SAID_BY = _Type(8, bold=True, lines=2)
_NOTE = _Type(7.5, italic=True, colour=_QUIET, lines=1)
_QUESTION = _Type(8.5)
_FOOT = _Type(7, lines=4)
_FOOT_BOLD = _Type(8, bold=True, lines=1)


def page_layout(paper: Paper) -> QPageLayout:
    """A portrait page of ``paper`` with the summary's margins."""
    return QPageLayout(
        QPageSize(_PAGE_SIZES[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def render_summary(summaries: Sequence[CancerSummary], device: QPagedPaintDevice) -> int:
    """Draw each summary on ``device`` from a new page, in the device's own page layout.

    Returns the number of pages drawn.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the summary could not be drawn on this printer or file")
    pages = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for index, summary in enumerate(summaries):
            if index:
                device.newPage()
            pages += _Sheet(painter, device, summary).draw()
    finally:
        painter.end()
    return pages


def summary_pdf(summaries: Sequence[CancerSummary], paper: Paper) -> bytes:
    """The summaries as the bytes of a PDF on ``paper``, with or without a screen."""
    gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(paper))
    writer.setResolution(PDF_DPI)
    writer.setCreator(CREATOR)
    if summaries:
        writer.setTitle(f"{TITLE}: {summaries[0].header.name}")
    render_summary(summaries, writer)
    # The writer finishes the file when it goes, before the buffer is read.
    del writer
    buffer.close()
    return bytes(buffer.data().data())


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one that lives as long as the process, able to
    draw text without a screen."""
    global _application  # noqa: PLW0603 (one application per process, as Qt requires)
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith(("linux", "freebsd", "openbsd")) and no_display:
        # Without this, Qt stops the process for want of a screen; printing needs none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication([sys.argv[0] if sys.argv else CREATOR])
    return _application


_application: QGuiApplication | None = None


@dataclass(slots=True)
class _Piece:
    """One unbreakable part of a page, drawn at a height ``top`` with ``spare`` room below it."""

    height: float
    draw: Callable[[float, float], None]
    space_before: float = _GAP
    #: Never the last thing on a page: a heading stays with what it heads.
    keep_with_next: bool = False
    #: Drawn first when this piece starts a new page: the header row of a table.
    repeat: _Piece | None = None


@dataclass(frozen=True, slots=True)
class _Words:
    """A text fitted to its width and its most lines, with the height it takes."""

    kind: _Type
    text: str
    width: float
    height: float


class _Sheet:
    """One cancer's pages on the device: pieces flow from the top, and a piece that does not fit
    starts a new page."""

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

    def draw(self) -> int:
        """Lay out and draw every page of this summary; returns how many there were."""
        footer = self._footer()
        bottom = self.height - footer.height - self.px(_GAP)
        periods = len(self.summary.periods.rows)
        pieces = self._pieces(_PLOT_MIN, periods)
        spare = bottom - self._total(pieces)
        # The earliest periods give way before the page does: the timeline shows them all.
        while spare < 0 and periods > _FEWEST_PERIODS:
            periods -= 1
            pieces = self._pieces(_PLOT_MIN, periods)
            spare = bottom - self._total(pieces)
        if spare >= 0:
            # One page: the timeline takes most of the room left, the questions' lines the rest.
            grow = min(self.px(_PLOT_MAX - _PLOT_MIN), spare * _PLOT_SHARE)
            pieces = self._pieces(_PLOT_MIN + grow / self.unit, periods)
        else:
            pieces = self._pieces(_PLOT_TWO_PAGES, len(self.summary.periods.rows))
        pages = 1
        y = 0.0
        for index, piece in enumerate(pieces):
            gap = self.px(piece.space_before) if y > 0 else 0.0
            # A hair of tolerance: a page laid out to fill exactly must not break on rounding.
            if y > 0 and y + gap + self._chain_height(pieces, index) > bottom + self.px(0.01):
                footer.draw(0, 0)
                self.device.newPage()
                pages += 1
                y = self._continued()
                if piece.repeat is not None:
                    piece.repeat.draw(y, 0)
                    y += piece.repeat.height
                gap = self.px(_GAP / 2)
            y += gap
            piece.draw(y, max(0.0, bottom - y - piece.height))
            y += piece.height
        footer.draw(0, 0)
        return pages

    def _total(self, pieces: Sequence[_Piece]) -> float:
        return sum(p.height + self.px(p.space_before) for p in pieces[1:]) + pieces[0].height

    def _chain_height(self, pieces: Sequence[_Piece], index: int) -> float:
        height = pieces[index].height
        while pieces[index].keep_with_next and index + 1 < len(pieces):
            index += 1
            height += self.px(pieces[index].space_before) + pieces[index].height
        return height

    # Text.

    def _font(self, kind: _Type) -> QFont:
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(kind.points)
        font.setBold(kind.bold)
        font.setItalic(kind.italic)
        return font

    def _measure(self, kind: _Type, text: str, width: float) -> float:
        self.painter.setFont(self._font(kind))
        return self.painter.boundingRect(QRectF(0, 0, width, 1e7), _FLAGS, text).height()

    def _words(self, kind: _Type, text: str, width: float) -> _Words:
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
        return _Words(kind, text, width, height)

    def _sentences(self, kind: _Type, parts: Sequence[str], width: float, lines: int) -> _Words:
        """The first of ``parts``, and the next ones while all fit in ``lines`` lines; a first
        sentence longer than that takes up to ``kind.lines`` lines."""
        most = QFontMetricsF(self._font(kind), self.device).lineSpacing() * (lines + 0.5)
        for count in range(len(parts), 1, -1):
            text = " ".join(parts[:count])
            height = self._measure(kind, text, width)
            if height <= most:
                return _Words(kind, text, width, height)
        return self._words(kind, parts[0] if parts else "", width)

    def _put(self, words: _Words, x: float, y: float) -> float:
        """Draw fitted words; returns their height."""
        self.painter.setFont(self._font(words.kind))
        self.painter.setPen(QColor(words.kind.colour))
        self.painter.drawText(QRectF(x, y, words.width, words.height), _FLAGS, words.text)
        return words.height

    # Lines and boxes.

    def _rule(
        self, x: float, y: float, width: float, colour: str = _LINE, points: float = 0.5
    ) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.px(points))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x, y), QPointF(x + width, y))

    def _box(self, rect: QRectF, colour: str, points: float) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.px(points))
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(rect)

    def _swatch(self, status: Status, x: float, y: float) -> None:
        """A status's band in small: its colour and its hatch, as the timeline draws it."""
        from matplotlib.transforms import Bbox

        from survivor_app.plot.hatching import hatch_dots, hatch_segments, spacing_points
        from survivor_app.plot.style import PRINT_STYLE, STATUS_LOOKS

        look = STATUS_LOOKS[status]
        width, height = self.px(_SWATCH[0]), self.px(_SWATCH[1])
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
        self._box(QRectF(x, y, width, height), _LINE, 0.4)

    # The pieces of a page, top to bottom.

    def _pieces(self, plot_points: float, periods: int) -> list[_Piece]:
        return [
            self._top(),
            self._heading(TIMELINE_HEADING),
            self._plot(plot_points),
            *self._treatments(),
            *self._periods(periods),
            self._bottom(),
        ]

    def _heading(self, text: str) -> _Piece:
        words = self._words(_HEADING, text, self.width)

        def draw(y: float, _spare: float) -> None:
            self._put(words, 0, y)

        return _Piece(words.height + self.px(3), draw, keep_with_next=True)

    def _top(self) -> _Piece:
        """The person and the cancer on the left, the current status in a box on the right."""
        header = self.summary.header
        left_width = self.width * 0.44
        lines = [
            self._words(kind, text, left_width)
            for kind, text in (
                (_TITLE, header.title),
                (_NAME, header.name),
                (_BODY, header.born),
                (_CANCER, header.cancer),
                (_BODY, header.started_in),
                (_BODY, header.diagnosed),
            )
            if text
        ]
        status = self.summary.status
        box_x = left_width + self.px(8)
        box_width = self.width - box_x
        inner = box_width - 2 * self.px(_BOX_PAD)
        spacing = self.px(2)
        in_box = [
            self._words(kind, text, inner)
            for kind, text in (
                (_BOX_HEADING, STATUS_HEADING.upper()),
                (_LABEL, status.label),
                (_SMALL, status.dates),
            )
            if text
        ]
        in_box.append(self._sentences(_SMALL, status.sentences, inner, lines=3))
        box_height = sum(w.height + spacing for w in in_box) - spacing + 2 * self.px(_BOX_PAD)
        height = max(sum(w.height for w in lines), box_height)

        def draw(y: float, _spare: float) -> None:
            top = y
            for words in lines:
                top += self._put(words, 0, top)
            self._box(QRectF(box_x, y, box_width, height), _TEXT, 1.2)
            top = y + self.px(_BOX_PAD)
            for words in in_box:
                top += self._put(words, box_x + self.px(_BOX_PAD), top) + spacing

        return _Piece(height, draw, space_before=0)

    def _plot(self, points: float) -> _Piece:
        height = self.px(points)

        def draw(y: float, _spare: float) -> None:
            # Made only when drawn: the layout measures pieces more than once.
            figure = _timeline_figure(self.summary, self.width / self.unit, points)
            draw_figure(self.painter, figure, QRectF(0, y, self.width, height))

        return _Piece(height, draw, space_before=0)

    def _treatments(self) -> list[_Piece]:
        """The treatments, oldest first, in two columns: when, and what (the bars of the
        timeline carry their names only where they fit)."""
        shown = self.summary.treatments
        if not shown.rows:
            return []
        pieces = [self._heading(TREATMENTS_HEADING)]
        half = -(-len(shown.rows) // 2)
        column_gap = self.px(14)
        width = (self.width - column_gap) / 2
        for left, right in itertools.zip_longest(shown.rows[:half], shown.rows[half:]):
            pieces.append(self._treatment_line(left, right, width, column_gap))
        if shown.left_out:
            pieces.append(self._paragraph(_NOTE, shown.left_out))
        return pieces

    def _treatment_line(
        self, left: TreatmentRow, right: TreatmentRow | None, width: float, gap: float
    ) -> _Piece:
        pad = self.px(1.2)
        dates_width = width * 0.42
        cells = [
            (
                x,
                self._words(_DATES, row.dates, dates_width - pad),
                self._words(_SMALL, row.what, width - dates_width),
            )
            for x, row in ((0.0, left), (width + gap, right))
            if row is not None
        ]
        height = 2 * pad + max(max(d.height, w.height) for _, d, w in cells)

        def draw(y: float, _spare: float) -> None:
            for x, dates, what in cells:
                self._put(dates, x, y + pad)
                self._put(what, x + dates_width, y + pad)
                self._rule(x, y + height, width, _LINE, 0.4)

        return _Piece(height, draw, space_before=0)

    def _periods(self, count: int) -> list[_Piece]:
        """The periods table with the latest ``count`` rows of those the summary lists."""
        rows = self.summary.periods.rows[-count:] if count else ()
        heading = self._heading(PERIODS_HEADING)
        if not rows:
            return [heading, self._paragraph(_SMALL, NO_PERIODS)]
        header = self._row([(_CELL_HEADING, text) for text in PERIOD_COLUMNS], header=True)
        pieces = [heading, header]
        left_out = periods_left_out(len(self.summary.analysis.periods) - len(rows))
        if left_out:
            pieces.append(self._paragraph(_NOTE, left_out))
        for row in rows:
            cells: list[tuple[_Type, str | tuple[str, ...]]] = [
                (_DATES, row.dates),
                (_SMALL, row.label),
                (_SMALL, row.basis),
                (_SMALL, row.explanation),
            ]
            piece = self._row(cells, swatch=row.status)
            piece.repeat = header
            pieces.append(piece)
        return pieces

    def _row(
        self,
        cells: Sequence[tuple[_Type, str | tuple[str, ...]]],
        *,
        header: bool = False,
        swatch: Status | None = None,
    ) -> _Piece:
        """A row of the periods table; a cell given as sentences shows the first ones that fit
        two lines, and a ``swatch`` of a status's band goes before the second cell's text."""
        pad = self.px(_CELL_PAD)
        columns = [self.width * share for share in _PERIOD_WIDTHS]
        indents = [0.0] * len(cells)
        if swatch is not None:
            indents[1] = self.px(_SWATCH[0] + 3)
        fitted = [
            self._sentences(kind, text, width - 2 * pad - indent, lines=2)
            if isinstance(text, tuple)
            else self._words(kind, text, width - 2 * pad - indent)
            for (kind, text), width, indent in zip(cells, columns, indents, strict=True)
        ]
        height = max(words.height for words in fitted) + 2 * pad

        def draw(y: float, _spare: float) -> None:
            x = 0.0
            for words, width, indent in zip(fitted, columns, indents, strict=True):
                self._put(words, x + pad + indent, y + pad)
                x += width
            if swatch is not None:
                self._swatch(swatch, columns[0] + pad, y + pad + self.px(1))
            self._rule(
                0, y + height, self.width, _TEXT if header else _LINE, 0.8 if header else 0.4
            )

        return _Piece(height, draw, space_before=0, keep_with_next=header)

    def _paragraph(self, kind: _Type, text: str) -> _Piece:
        words = self._words(kind, text, self.width)

        def draw(y: float, _spare: float) -> None:
            self._put(words, 0, y + self.px(1))

        return _Piece(words.height + self.px(2), draw, space_before=0)

    def _bottom(self) -> _Piece:
        """The latest statements and scan on the left; on the right the questions, with ruled
        lines to write the answers on in whatever room the page has left."""
        column_gap = self.px(14)
        left_width = (self.width - column_gap) * 0.5
        right_x = left_width + column_gap
        right_width = self.width - right_x
        left = self._left_column(left_width)
        left_height = sum(height for height, _ in left)

        questions = self.summary.questions
        heading = self._words(_HEADING, QUESTIONS_HEADING, right_width)
        texts = [self._words(_QUESTION, text, right_width) for text in questions.rows]
        if not texts:
            texts = [self._words(_SMALL, NO_QUESTIONS, right_width)]
        note = self._words(_NOTE, questions.left_out, right_width) if questions.left_out else None
        rule = self.px(_RULE_SPACING)
        right_least = (
            heading.height
            + self.px(3)
            + sum(words.height + rule for words in texts)
            + (note.height if note else 0)
        )
        height = max(left_height, right_least)

        def draw(y: float, spare: float) -> None:
            top = y
            for part_height, part in left:
                part(top)
                top += part_height
            # Room beyond the least height becomes more lines to write on, shared out evenly.
            extra = min(int((height + spare - right_least) // rule), _MAX_EXTRA_RULES * len(texts))
            top = y + self._put(heading, right_x, y) + self.px(3)
            for number, words in enumerate(texts):
                top += self._put(words, right_x, top)
                share = 1 + extra // len(texts) + (1 if number < extra % len(texts) else 0)
                for _ in range(share):
                    top += rule
                    self._rule(right_x, top - self.px(4), right_width, _LINE, 0.5)
            if note is not None:
                self._put(note, right_x, top)

        return _Piece(height, draw)

    def _left_column(self, width: float) -> list[tuple[float, Callable[[float], None]]]:
        """The statements and the latest scan, as (height, draw at a height) parts."""
        parts: list[tuple[float, Callable[[float], None]]] = []

        def add(kind: _Type, text: str, after: float = 0) -> None:
            words = self._words(kind, text, width)

            def draw(y: float) -> None:
                self._put(words, 0, y)

            parts.append((words.height + self.px(after), draw))

        statements = self.summary.statements
        add(_HEADING, STATEMENTS_HEADING, after=3)
        if statements.left_out:
            add(_NOTE, statements.left_out, after=2)
        if not statements.rows:
            add(_SMALL, NO_STATEMENTS)
        for row in statements.rows:
            add(_SAID_BY, f"{row.date}, {row.who}: {row.status}")
            add(_SMALL, row.said, after=3)

        scan = self.summary.latest_scan
        add(_HEADING, SCAN_HEADING, after=3)
        if scan is None:
            add(_SMALL, NO_SCAN)
            return parts
        add(_SAID_BY, scan.title, after=1)
        if scan.note:
            add(_SMALL, scan.note, after=1)
        parts += [self._size_row(size, width) for size in scan.sizes.rows]
        if scan.sizes.left_out:
            add(_NOTE, scan.sizes.left_out)
        return parts

    def _size_row(self, size: SizeRow, width: float) -> tuple[float, Callable[[float], None]]:
        """One spot of the latest scan: which and where on the left, its size on the right."""
        pad = self.px(1.5)
        shares = (0.72, 0.28)
        cells = [
            self._words(_SIZE, text, width * share - pad)
            for text, share in zip((f"{size.spot}, {size.where}", size.size), shares, strict=True)
        ]
        height = 2 * pad + max(words.height for words in cells)

        def draw(y: float) -> None:
            x = 0.0
            for words, share in zip(cells, shares, strict=True):
                self._put(words, x, y + pad)
                x += width * share
            self._rule(0, y + height, width, _LINE, 0.4)

        return height, draw

    # What every page carries.

    def _footer(self) -> _Piece:
        """The disclaimer and the scope of the rules, at the foot of every page."""
        lines = [
            self._words(_FOOT_BOLD, self.summary.disclaimer, self.width),
            self._words(_FOOT, self.summary.scope_note, self.width),
        ]
        height = self.px(4) + sum(words.height for words in lines)

        def draw(_y: float, _spare: float) -> None:
            top = self.height - height
            self._rule(0, top, self.width, _TEXT, 0.6)
            top += self.px(4)
            for words in lines:
                top += self._put(words, 0, top)

        return _Piece(height, draw)

    def _continued(self) -> float:
        """The line atop a second page saying whose summary it continues; returns its height."""
        words = self._words(_TITLE, self.summary.header.continued, self.width)
        return self._put(words, 0, 0) + self.px(4)


#: The resolution of the picture printed when the timeline's SVG cannot be drawn.
PICTURE_DPI = 300


def draw_figure(painter: QPainter, figure: Figure, target: QRectF) -> None:
    """Draw a matplotlib figure into ``target``: as vector SVG, or as a picture of the same
    plot when Qt cannot load that SVG (never a blank box)."""
    svg = _svg(figure)
    renderer = QSvgRenderer()
    # Checked first, so that Qt is not handed XML it would only complain about.
    if _is_xml(svg) and renderer.load(QByteArray(svg)) and renderer.isValid():
        renderer.render(painter, target)
    else:
        painter.drawImage(target, _picture(figure))


def _is_xml(data: bytes) -> bool:
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return False
    return True


def _picture(figure: Figure) -> QImage:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(PICTURE_DPI)
    canvas.draw()
    rgba = canvas.buffer_rgba()
    width, height = int(canvas.renderer.width), int(canvas.renderer.height)
    # copy(): the image must outlive the canvas's buffer.
    return QImage(bytes(rgba), width, height, QImage.Format.Format_RGBA8888).copy()


def _timeline_figure(summary: CancerSummary, width_points: float, height_points: float) -> Figure:
    """The timeline for paper, sized in points."""
    from matplotlib.figure import Figure

    from survivor_app.plot.style import PRINT_STYLE
    from survivor_app.plot.timeline import draw_timeline

    # At 72 dots an inch, a pixel of the drawing is a point of the SVG.
    figure = Figure(figsize=(width_points / 72, height_points / 72), dpi=72, layout="constrained")
    draw_timeline(figure, summary.history, summary.analysis, PRINT_STYLE)
    return figure


def _svg(figure: Figure) -> bytes:
    """The figure as SVG, sized in points."""
    import matplotlib

    stream = io.BytesIO()
    # Text stays text, drawn by Qt in the same font: QtSvg cannot draw the empty glyph that
    # matplotlib writes for a space when text is turned into outlines.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": CREATOR}):
        figure.savefig(stream, format="svg", metadata={"Date": None})
    return stream.getvalue()
