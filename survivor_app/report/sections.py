"""The sections of one cancer's printed summary, top to bottom, flowed onto pages: each cancer
starts on a new page and takes two at most, as the content caps every list and every text here is
held to a few printed lines."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from survivor_app.domain import Status
from survivor_app.plot.unsized_marks import lane_spots
from survivor_app.report.content import (
    MARKERS_LINE_HEADING,
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
    TREATMENTS_HEADING,
    TreatmentRow,
    periods_left_out,
)
from survivor_app.report.figure import draw_figure, timeline_figure
from survivor_app.report.page import (
    GAP,
    LINE_COLOUR,
    QUIET_COLOUR,
    SWATCH,
    TEXT_COLOUR,
    Page,
    Piece,
    Type,
    Words,
)

PERIOD_COLUMNS = ("Dates", "Status", "Based on", "What the numbers show")

# Lengths in points (1/72 inch).
_CELL_PAD = 2.0
_BOX_PAD = 6.5
_RULE_SPACING = 18.0  # room to write one line of an answer by hand, about 6.4 mm
_MAX_EXTRA_RULES = 8  # ruled lines a question gets beyond its first when the page has room
_PLOT_MIN = 130.0
_PLOT_MAX = 215.0
_PLOT_TWO_PAGES = 180.0
#: The fewest periods a one-page summary lists before it takes a second page instead.
_FEWEST_PERIODS = 3
_PLOT_SHARE = 0.6  # of the room a one-page summary has left, the share the timeline grows by
#: The timeline's extra height, where the page has room, for its lane of spots without a size and
#: for each of its rows: the sizes keep their height, and the legend beside them its rows.
_LANE_POINTS = (6.0, 13.0)
#: The same for the markers' panel, about the share of the sizes' height it takes.
_MARKER_POINTS = 32.0
_PERIOD_WIDTHS = (0.125, 0.225, 0.16, 0.49)
#: The shares of a row of the latest scan: the spot and where it is, and its size or state.
_SIZE_SHARES = (0.62, 0.38)

_TITLE = Type(8, colour=QUIET_COLOUR, lines=2)
_NAME = Type(16, bold=True, lines=2)
_BODY = Type(9, lines=2)
_CANCER = Type(10, bold=True, lines=2)
_HEADING = Type(10, bold=True, lines=1)
_BOX_HEADING = Type(8, bold=True, lines=1)
_LABEL = Type(12.5, bold=True, lines=2)
_SMALL = Type(8)
_CELL_HEADING = Type(8, bold=True, lines=1)
_DATES = Type(8, lines=2)
_SIZE = Type(8, lines=2)
_SAID_BY = Type(8, bold=True, lines=2)
_NOTE = Type(7.5, italic=True, colour=QUIET_COLOUR, lines=1)
_QUESTION = Type(8.5)
_MARKERS = Type(8, lines=2)
#: Between the timeline's heading and the marker line beside it, in points.
_BESIDE_GAP = 18.0
_FOOT = Type(7, lines=4)
_FOOT_BOLD = Type(8, bold=True, lines=1)


class SummarySheet(Page):
    """One cancer's pages on the device: pieces flow from the top, and a piece that does not fit
    starts a new page."""

    def draw(self) -> int:
        """Lay out and draw every page of this summary; returns how many there were."""
        footer = self._footer()
        bottom = self.height - footer.height - self.px(GAP)
        periods = len(self.summary.periods.rows)
        # The lane and the markers' panel get room of their own, so the sizes keep theirs.
        least = _PLOT_MIN + self._panel_points()
        pieces = self._pieces(least, periods)
        spare = bottom - self._total(pieces)
        # The earliest periods give way before the page does: the timeline shows them all.
        while spare < 0 and periods > _FEWEST_PERIODS:
            periods -= 1
            pieces = self._pieces(least, periods)
            spare = bottom - self._total(pieces)
        if spare < 0 and least > _PLOT_MIN:
            # Then the panels' own room, down to the least any timeline has.
            least = max(_PLOT_MIN, least + spare / self.unit)
            pieces = self._pieces(least, periods)
            # Exactly nothing to spare, but for rounding.
            spare = bottom - self._total(pieces) + self.px(0.005)
        if spare >= 0:
            # One page: the timeline takes most of the room left, the questions' lines the rest.
            most = _PLOT_MAX + self._panel_points()
            grow = min(self.px(most - least), spare * _PLOT_SHARE)
            # Room the last piece would leave blank, short of a whole line to write on.
            last = pieces[-1]
            if last.step > 0:
                rest = spare - grow
                blank = min(rest, (last.slack + rest) % last.step)
                grow = min(self.px(most - least), grow + blank)
            pieces = self._pieces(least + grow / self.unit, periods)
        else:
            plot = _PLOT_TWO_PAGES + self._panel_points()
            pieces = self._pieces(plot, len(self.summary.periods.rows))
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
                gap = self.px(GAP / 2)
            y += gap
            piece.draw(y, max(0.0, bottom - y - piece.height))
            y += piece.height
        footer.draw(0, 0)
        return pages

    def _panel_points(self) -> float:
        lanes = len(lane_spots(self.summary.history))
        lane = _LANE_POINTS[0] + _LANE_POINTS[1] * lanes if lanes else 0.0
        return lane + (_MARKER_POINTS if self.summary.history.marker_results else 0.0)

    def _total(self, pieces: Sequence[Piece]) -> float:
        return sum(p.height + self.px(p.space_before) for p in pieces[1:]) + pieces[0].height

    def _chain_height(self, pieces: Sequence[Piece], index: int) -> float:
        height = pieces[index].height
        while pieces[index].keep_with_next and index + 1 < len(pieces):
            index += 1
            height += self.px(pieces[index].space_before) + pieces[index].height
        return height

    # The pieces of a page, top to bottom.

    def _pieces(self, plot_points: float, periods: int) -> list[Piece]:
        markers = self._markers_beside_heading()
        return [
            self._top(),
            self._heading(TIMELINE_HEADING, markers),
            self._plot(plot_points),
            *([] if markers is not None else self._markers()),
            *self._treatments(),
            *self._periods(periods),
            self._bottom(),
        ]

    def _heading(self, text: str, beside: Words | None = None) -> Piece:
        """A heading, with words ``beside`` it at the right edge of its line."""
        words = self.fit(_HEADING, text, self.width)

        def draw(y: float, _spare: float) -> None:
            self.put(words, 0, y)
            if beside is not None:
                # On the heading's baseline, as near as the two sizes of type allow.
                self.put(beside, self.width - beside.width, y + words.height - beside.height)

        return Piece(words.height + self.px(3), draw, keep_with_next=True)

    def _top(self) -> Piece:
        """The person and the cancer on the left, the current status in a box on the right."""
        header = self.summary.header
        left_width = self.width * 0.44
        lines = [
            self.fit(kind, text, left_width)
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
            self.fit(kind, text, inner)
            for kind, text in (
                (_BOX_HEADING, STATUS_HEADING.upper()),
                (_LABEL, status.label),
                (_SMALL, status.dates),
            )
            if text
        ]
        in_box.append(self.fit_sentences(_SMALL, status.sentences, inner, lines=3))
        box_height = sum(w.height + spacing for w in in_box) - spacing + 2 * self.px(_BOX_PAD)
        height = max(sum(w.height for w in lines), box_height)

        def draw(y: float, _spare: float) -> None:
            top = y
            for words in lines:
                top += self.put(words, 0, top)
            self.box(QRectF(box_x, y, box_width, height), TEXT_COLOUR, 1.2)
            top = y + self.px(_BOX_PAD)
            for words in in_box:
                top += self.put(words, box_x + self.px(_BOX_PAD), top) + spacing

        return Piece(height, draw, space_before=0)

    def _plot(self, points: float) -> Piece:
        height = self.px(points)

        def draw(y: float, _spare: float) -> None:
            # Made only when drawn: the layout measures pieces more than once.
            figure = timeline_figure(self.summary, self.width / self.unit, points)
            draw_figure(self.painter, figure, QRectF(0, y, self.width, height))

        return Piece(height, draw, space_before=0)

    def _markers(self) -> list[Piece]:
        """The latest result of each tumour marker and its trend, under the timeline."""
        line = self.summary.markers
        return [self._paragraph(_MARKERS, f"{MARKERS_LINE_HEADING}: {line}")] if line else []

    def _markers_beside_heading(self) -> Words | None:
        """The marker line, when there is one and it fits on one line beside the timeline's
        heading (where it takes no room from the page); None otherwise."""
        line = self.summary.markers
        if not line:
            return None
        text = f"{MARKERS_LINE_HEADING}: {line}"
        heading = QFontMetricsF(self._font(_HEADING), self.device)
        room = self.width - heading.horizontalAdvance(TIMELINE_HEADING) - self.px(_BESIDE_GAP)
        width = QFontMetricsF(self._font(_MARKERS), self.device).horizontalAdvance(text)
        # A few pixels to spare, as Qt lays the line out a hair wider than measured.
        if width + self.px(2) > room:
            return None
        return self.fit(_MARKERS, text, width + self.px(2))

    def _treatments(self) -> list[Piece]:
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
    ) -> Piece:
        pad = self.px(1.2)
        dates_width = width * 0.42
        cells = [
            (
                x,
                self.fit(_DATES, row.dates, dates_width - pad),
                self.fit(_SMALL, row.what, width - dates_width),
            )
            for x, row in ((0.0, left), (width + gap, right))
            if row is not None
        ]
        height = 2 * pad + max(max(d.height, w.height) for _, d, w in cells)

        def draw(y: float, _spare: float) -> None:
            for x, dates, what in cells:
                self.put(dates, x, y + pad)
                self.put(what, x + dates_width, y + pad)
                self.rule(x, y + height, width, LINE_COLOUR, 0.4)

        return Piece(height, draw, space_before=0)

    def _periods(self, count: int) -> list[Piece]:
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
            cells: list[tuple[Type, str | tuple[str, ...]]] = [
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
        cells: Sequence[tuple[Type, str | tuple[str, ...]]],
        *,
        header: bool = False,
        swatch: Status | None = None,
    ) -> Piece:
        """A row of the periods table; a cell given as sentences shows the first ones that fit
        two lines, and a ``swatch`` of a status's band goes before the second cell's text."""
        pad = self.px(_CELL_PAD)
        columns = [self.width * share for share in _PERIOD_WIDTHS]
        indents = [0.0] * len(cells)
        if swatch is not None:
            indents[1] = self.px(SWATCH[0] + 3)
        fitted = [
            self.fit_sentences(kind, text, width - 2 * pad - indent, lines=2)
            if isinstance(text, tuple)
            else self.fit(kind, text, width - 2 * pad - indent)
            for (kind, text), width, indent in zip(cells, columns, indents, strict=True)
        ]
        height = max(words.height for words in fitted) + 2 * pad

        def draw(y: float, _spare: float) -> None:
            x = 0.0
            for words, width, indent in zip(fitted, columns, indents, strict=True):
                self.put(words, x + pad + indent, y + pad)
                x += width
            if swatch is not None:
                self.swatch(swatch, columns[0] + pad, y + pad + self.px(1))
            self.rule(
                0,
                y + height,
                self.width,
                TEXT_COLOUR if header else LINE_COLOUR,
                0.8 if header else 0.4,
            )

        return Piece(height, draw, space_before=0, keep_with_next=header)

    def _paragraph(self, kind: Type, text: str) -> Piece:
        words = self.fit(kind, text, self.width)

        def draw(y: float, _spare: float) -> None:
            self.put(words, 0, y + self.px(1))

        return Piece(words.height + self.px(2), draw, space_before=0)

    def _bottom(self) -> Piece:
        """The latest statements and scan on the left; on the right the questions, with ruled
        lines to write the answers on in whatever room the page has left."""
        column_gap = self.px(14)
        left_width = (self.width - column_gap) * 0.5
        right_x = left_width + column_gap
        right_width = self.width - right_x
        left = self._left_column(left_width)
        left_height = sum(height for height, _ in left)

        questions = self.summary.questions
        heading = self.fit(_HEADING, QUESTIONS_HEADING, right_width)
        texts = [self.fit(_QUESTION, text, right_width) for text in questions.rows]
        if not texts:
            texts = [self.fit(_SMALL, NO_QUESTIONS, right_width)]
        note = self.fit(_NOTE, questions.left_out, right_width) if questions.left_out else None
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
            top = y + self.put(heading, right_x, y) + self.px(3)
            for number, words in enumerate(texts):
                top += self.put(words, right_x, top)
                share = 1 + extra // len(texts) + (1 if number < extra % len(texts) else 0)
                for _ in range(share):
                    top += rule
                    self.rule(right_x, top - self.px(4), right_width, LINE_COLOUR, 0.5)
            if note is not None:
                self.put(note, right_x, top)

        return Piece(height, draw, step=rule, slack=height - right_least)

    def _left_column(self, width: float) -> list[tuple[float, Callable[[float], None]]]:
        """The statements and the latest scan, as (height, draw at a height) parts."""
        parts: list[tuple[float, Callable[[float], None]]] = []

        def add(kind: Type, text: str, after: float = 0) -> None:
            words = self.fit(kind, text, width)

            def draw(y: float) -> None:
                self.put(words, 0, y)

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
        else:
            add(_SAID_BY, scan.title, after=1)
            if scan.note:
                add(_SMALL, scan.note, after=1)
            unsized = self.summary.unsized
            rows = [(row.spot, row.where, row.size) for row in scan.sizes.rows]
            rows += [(row.spot, row.where, row.state) for row in unsized.rows]
            parts += [self._spot_row(f"{spot}, {where}", said, width) for spot, where, said in rows]
            for left_out in (scan.sizes.left_out, unsized.left_out):
                if left_out:
                    add(_NOTE, left_out)
        return parts

    def _spot_row(
        self, spot: str, said: str, width: float
    ) -> tuple[float, Callable[[float], None]]:
        """One spot of the latest scan: which and where on the left, its size or its state on
        the right."""
        pad = self.px(1.5)
        cells = [
            self.fit(_SIZE, text, width * share - pad)
            for text, share in zip((spot, said), _SIZE_SHARES, strict=True)
        ]
        height = 2 * pad + max(words.height for words in cells)

        def draw(y: float) -> None:
            x = 0.0
            for words, share in zip(cells, _SIZE_SHARES, strict=True):
                self.put(words, x, y + pad)
                x += width * share
            self.rule(0, y + height, width, LINE_COLOUR, 0.4)

        return height, draw

    # What every page carries.

    def _footer(self) -> Piece:
        """The disclaimer and the scope of the rules, at the foot of every page."""
        lines = [
            self.fit(_FOOT_BOLD, self.summary.disclaimer, self.width),
            self.fit(_FOOT, self.summary.scope_note, self.width),
        ]
        height = self.px(4) + sum(words.height for words in lines)

        def draw(_y: float, _spare: float) -> None:
            top = self.height - height
            self.rule(0, top, self.width, TEXT_COLOUR, 0.6)
            top += self.px(4)
            for words in lines:
                top += self.put(words, 0, top)

        return Piece(height, draw)

    def _continued(self) -> float:
        """The line atop a second page saying whose summary it continues; returns its height."""
        words = self.fit(_TITLE, self.summary.header.continued, self.width)
        return self.put(words, 0, 0) + self.px(4)
