"""The timeline plot in the window: the drawing of ``survivor_app.plot`` (the same the printed
summary uses) embedded in a Qt canvas, in the window's colours and font, with a tip for each
point, statement and treatment under the pointer, and bands that answer clicks.

matplotlib is imported once the plot has first been painted (with a placeholder sentence), not
when this module is, so the window appears before matplotlib has loaded.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from survivor_app.domain import CancerHistory
from survivor_app.gui.widgets.hover_targets import HoverTarget, hover_targets
from survivor_app.plot.words import as_typed

if TYPE_CHECKING:
    from matplotlib.backend_bases import Event
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.text import Annotation

    from survivor_app.gui.timeline_snapshot import TimelineSnapshot
    from survivor_app.plot.quick_draw import QuickDraw
    from survivor_app.plot.style import PlotStyle
    from survivor_app.plot.timeline import Timeline
    from survivor_app.status import CancerAnalysis

#: What the plot shows, for screen readers: the periods list says the same in words.
TEXT_ALTERNATIVE = (
    "A chart of the sizes of your spots over time, with a shaded band for each period. "
    "The list of periods beside it gives the same information as text."
)

_TIP_OFFSET = 14  # points between a hovered point and its tip
_DRAWING = "Drawing the timeline…"
#: The plot's least height, in lines of the window's font.
READABLE_LINES = 12
#: Below this many lines of height, the plot names its lines beside it and leaves the bands
#: to the periods list, where a legend beneath would leave the sizes no room.
_LEGEND_BESIDE_LINES = 22


def _rgba(colour: QColor, alpha: float) -> tuple[float, float, float, float]:
    return (colour.redF(), colour.greenF(), colour.blueF(), alpha)


class TimelinePlot(QWidget):
    """The sizes of one cancer's spots over time, over a band for each period."""

    period_clicked = Signal(int)
    """Emitted when the person clicks a period's band; carries the period's index."""

    drawn = Signal()
    """Emitted each time matplotlib has drawn the plot onto the canvas (the first drawing, and
    every one after a change or a resize); carries nothing. Whoever times the window's start-up
    or an edit stops the clock here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas: FigureCanvasQTAgg | None = None
        self._quick: QuickDraw | None = None
        self._quick_pending = False
        self._history: CancerHistory | None = None
        self._analysis: CancerAnalysis | None = None
        self._chosen: int | None = None
        self._timeline: Timeline | None = None
        #: What the figure was last laid out for (``Timeline.layout_key``).
        self._laid_out: Hashable = None
        self._style: PlotStyle | None = None
        self._hover: list[HoverTarget] = []
        self._tip: Annotation | None = None
        self._build_pending = False
        self._snapshot: TimelineSnapshot | None = None
        #: The cancer whose picture stands in for the plot, while one does.
        self._pictured: str | None = None
        # The legend takes as many columns as fit the width: draw again once resizing stops.
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(150)
        self._resized.timeout.connect(self._resizing_stopped)
        #: A resize came while the timer ran: the last size is still to be drawn afresh.
        self._resized_again = False
        self._placeholder = QLabel(_DRAWING, self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A picture of the last timeline may stand in: it must not size the window.
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._placeholder)
        self.setAccessibleName("Timeline plot")
        self.setAccessibleDescription(TEXT_ALTERNATIVE)
        # Tall enough to read on a small screen with large text: the tables below give way.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * READABLE_LINES)

    def use_snapshot(self, snapshot: TimelineSnapshot | None) -> None:
        """Show the record's last drawn timeline until matplotlib has loaded (when the record is
        as it was then), and keep a picture of each drawing for the next start."""
        self._snapshot = snapshot
        self._pictured = None

    def show_picture(self, cancer_id: str) -> None:
        """Until matplotlib has loaded, stand in for the plot with the picture of this cancer's
        timeline last drawn, when the record is as it was then (else with a sentence)."""
        if self.canvas is not None or self._snapshot is None or self._pictured == cancer_id:
            return
        picture = self._snapshot.load(cancer_id)
        if picture is None:
            self._pictured = None
            self._placeholder.setText(_DRAWING)
        else:
            self._pictured = cancer_id
            self._placeholder.setPixmap(QPixmap.fromImage(picture))

    def show_history(self, history: CancerHistory | None, analysis: CancerAnalysis | None) -> None:
        """Draw a cancer's history and the periods the rules found in it (None: nothing yet)."""
        if history is not None:
            self.show_picture(history.cancer.id)
        self._history = history
        self._analysis = analysis
        if self._chosen is not None and (analysis is None or self._chosen >= len(analysis.periods)):
            self._chosen = None
        self._update()

    def highlight_period(self, index: int | None) -> None:
        """Emphasise one period's band (None: no band)."""
        self._chosen = index
        if self.canvas is not None and self._timeline is not None and self._style is not None:
            from survivor_app.plot.timeline import style_bands

            style_bands(self._timeline, self._style, index)
            self._draw_soon()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.canvas is None and not self._build_pending:
            self._build_pending = True
            # After the first paint, not on showing: Qt paints a shown window only once the
            # events queued before the paint are handled, so matplotlib would load first and
            # the window would stay empty until it had.
            QTimer.singleShot(0, self, self._build_canvas)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Follows the system's light or dark scheme and font size, as the rest of the window does.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.redraw()

    def _build_canvas(self) -> None:
        from survivor_app.gui.plot_loading import load_plot_modules

        load_plot_modules()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from survivor_app.plot.quick_draw import QuickDraw

        # The screen's own dots per inch, so a point in the plot is a point in the window.
        figure = Figure(dpi=self.logicalDpiY())
        canvas = FigureCanvasQTAgg(figure)
        canvas.setParent(self)
        canvas.setAccessibleName("Timeline plot")
        canvas.setAccessibleDescription(TEXT_ALTERNATIVE)
        # The periods list is the keyboard's way into the same information.
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setMinimumSize(200, self.minimumHeight())
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("button_press_event", self._on_press)
        canvas.mpl_connect("figure_leave_event", self._on_leave)
        canvas.mpl_connect("resize_event", self._on_resize)
        canvas.mpl_connect("draw_event", self._on_drawn)
        self._layout.replaceWidget(self._placeholder, canvas)
        self._placeholder.deleteLater()
        self.canvas = canvas
        self._quick = QuickDraw(canvas)
        # Shown and laid out now (the layout would show it only on the next turn of the event
        # loop), so that the first drawing is made for the canvas's real size and no resize
        # comes after it to make it draw everything a second time.
        canvas.show()
        self._layout.activate()
        self.redraw()

    def _plot_style(self) -> PlotStyle:
        """The window's colours and font, as the shared drawing takes them."""
        from survivor_app.plot.style import PlotStyle

        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        font = self.font()
        points = font.pointSizeF()
        if points <= 0:
            points = font.pixelSize() * 72 / max(self.logicalDpiY(), 1)
        base = palette.color(QPalette.ColorRole.Base)
        return PlotStyle(
            background=palette.color(QPalette.ColorRole.Window).name(),
            base=base.name(),
            text=text.name(),
            # A tuple: matplotlib reads "#AARRGGBB" (Qt's order) as "#RRGGBBAA".
            faint=_rgba(text, 0.25),
            font_points=points,
            dark=base.lightness() < 128,
            # Beside only where that leaves the sizes most of the width.
            legend_beside=self._low() and self.width() > 3 * self.height(),
            legend_bands=not self._low(),
            marker_panel=not self._low(),
        )

    def _low(self) -> bool:
        """True when the plot is too low for a legend beneath it (a small screen, large text)."""
        return self.height() < self.fontMetrics().lineSpacing() * _LEGEND_BESIDE_LINES

    def redraw(self) -> None:
        """Clear the plot and draw it all again, laid out afresh (as after a resize)."""
        if self.canvas is None:
            return
        from survivor_app.plot.timeline import draw_timeline

        self._resized.stop()
        self._draw_in_full()
        style = self._plot_style()
        self._lay_out_next_draw()
        timeline = draw_timeline(self.canvas.figure, self._history, self._analysis, style)
        self._style, self._timeline = style, timeline
        self._laid_out = timeline.layout_key
        self._hover = hover_targets(timeline)
        self._tip = self._make_tip(style)
        self.highlight_period(self._chosen)

    def _update(self) -> None:
        """Show the history on the plot already drawn by changing its artists in place, laid
        out again only when the axes' limits or the legend changed; drawn again from nothing
        where that cannot be done."""
        if self.canvas is None:
            return
        from survivor_app.plot.timeline import lay_out_afresh, update_timeline

        timeline = self._timeline
        if timeline is None or not update_timeline(
            self.canvas.figure, timeline, self._history, self._analysis, self._plot_style()
        ):
            self.redraw()
            return
        if timeline.layout_key != self._laid_out:
            lay_out_afresh(self.canvas.figure, timeline)
            self._lay_out_next_draw()
            self._laid_out = timeline.layout_key
            self._draw_in_full()
        self._hide_tip()
        self._hover = hover_targets(timeline)
        self.highlight_period(self._chosen)

    def _make_tip(self, style: PlotStyle) -> Annotation:
        from matplotlib.text import Annotation

        assert self.canvas is not None
        # One tip for the whole figure, drawn above both axes and the legend, so that a tip
        # opening from the sizes into the strip (or back) is never hidden behind either.
        tip = Annotation(
            "",
            xy=(0, 0),
            xycoords="figure pixels",
            xytext=(_TIP_OFFSET, _TIP_OFFSET),
            textcoords="offset points",
            bbox={"boxstyle": "round,pad=0.4", "fc": style.base, "ec": style.text, "lw": 0.8},
            fontsize=style.font_points * 0.9,
            color=style.text,
            multialignment="left",
            zorder=10,
            annotation_clip=False,
        )
        tip.set_visible(False)
        tip.set_in_layout(False)
        self.canvas.figure.add_artist(tip)
        return tip

    def _on_motion(self, event: Event) -> None:
        assert self.canvas is not None
        for target in reversed(self._hover):
            if getattr(event, "inaxes", None) is not target.axes:
                continue
            hit, details = target.artist.contains(event)  # type: ignore[arg-type]
            if hit:
                indices = details.get("ind", [0])
                self._show_tip(target, int(indices[0]) if len(indices) else 0, event)
                self._draw_soon()
                return
        if self._hide_tip():
            self._draw_soon()

    def _show_tip(self, target: HoverTarget, index: int, event: Any) -> None:
        assert self.canvas is not None
        assert self._tip is not None
        tip = self._tip
        tip.set_text(as_typed(target.describe(index)))
        x, y = event.x, event.y
        if target.anchor is not None:
            # Point at the marker itself, not at wherever near it the pointer is.
            x, y = target.axes.transData.transform(target.anchor(index))
        tip.xy = (x, y)
        # Open the tip towards the middle, so it is never cut off at an edge of the plot.
        width, height = self.canvas.figure.bbox.width, self.canvas.figure.bbox.height
        left = x > width * 0.55
        low = y < height * 0.5
        tip.set_horizontalalignment("right" if left else "left")
        tip.set_verticalalignment("bottom" if low else "top")
        tip.set_position(
            (-_TIP_OFFSET if left else _TIP_OFFSET, _TIP_OFFSET if low else -_TIP_OFFSET)
        )
        tip.set_visible(True)

    def _hide_tip(self) -> bool:
        if self._tip is None or not self._tip.get_visible():
            return False
        self._tip.set_visible(False)
        return True

    def _lay_out_next_draw(self) -> None:
        assert self.canvas is not None
        from survivor_app.plot.layout import TimelineLayout

        self.canvas.figure.set_layout_engine(TimelineLayout())

    def _draw_in_full(self) -> None:
        """Draw the whole figure once the events queued now are handled."""
        assert self.canvas is not None
        assert self._quick is not None
        self._quick.forget()
        self.canvas.draw_idle()

    def _draw_soon(self) -> None:
        """Draw what changed once the events queued now are handled: only the axes whose
        artists changed, where that gives the pixels of a full drawing; else the whole figure."""
        if not self._quick_pending:
            self._quick_pending = True
            QTimer.singleShot(0, self, self._draw_changed)

    def _draw_changed(self) -> None:
        canvas, quick = self.canvas, self._quick
        if not self._quick_pending or canvas is None or quick is None:
            return  # drawn in full since
        self._quick_pending = False
        changed = [axes for axes in canvas.figure.axes if axes.stale]
        drawn = quick.draw(changed, [] if self._tip is None else [self._tip])
        if drawn is None:
            self._draw_in_full()
            return
        if drawn.width > 0:
            # Two logical pixels more each side: Qt repaints whole logical pixels, and the
            # region's edges may fall within one.
            canvas.blit(drawn.padded(2 * canvas.device_pixel_ratio))
        self._after_drawing()

    def _on_drawn(self, _event: Event) -> None:
        assert self.canvas is not None
        assert self._quick is not None
        # The layout is worked out on the first draw of a drawing, or of a new size, and kept:
        # a tip or a highlighted band repaints the figure, and would otherwise lay it all out
        # again (a third of a repaint), to the same result.
        self.canvas.figure.set_layout_engine("none")
        self._quick_pending = False
        # What a tip or an edit draws over, but not with a tip on it.
        if self._tip is not None and self._tip.get_visible():
            self._quick.forget()
        else:
            self._quick.keep()
        self._after_drawing()
        # While the window waits, after what the drawing itself set off.
        over = [] if self._tip is None else [self._tip]
        QTimer.singleShot(0, self, partial(self._quick.prepare, over))

    def _after_drawing(self) -> None:
        assert self.canvas is not None
        if self._snapshot is not None and self._history is not None:
            self._snapshot.keep_soon(self.canvas, self._history.cancer.id)
        self.drawn.emit()

    def _on_resize(self, _event: Event) -> None:
        # Before the canvas draws at its new size. A lone resize (the window's layout, as a
        # summary above the plot takes a line more or less) is drawn afresh at once, in one
        # drawing; one that follows within the interval waits until the resizing stops.
        self._resized_again = self._timeline is None or self._resized.isActive()
        if self._resized_again:
            self._lay_out_next_draw()
        else:
            self.redraw()
        self._resized.start()

    def _resizing_stopped(self) -> None:
        if self._resized_again:
            self.redraw()

    def _on_leave(self, _event: Event) -> None:
        if self.canvas is not None and self._hide_tip():
            self._draw_soon()

    def _on_press(self, event: Event) -> None:
        xdata = getattr(event, "xdata", None)
        if self._timeline is None or getattr(event, "button", None) != 1 or xdata is None:
            return
        ranges = self._timeline.band_ranges
        for index, (start, end) in enumerate(ranges):
            last = index == len(ranges) - 1
            if start <= xdata < end or (last and start <= xdata <= end):
                self.period_clicked.emit(index)
                return
