"""The timeline on paper: matplotlib's SVG drawn by QSvgRenderer, so it stays vector on paper and
in the PDF, or a picture of the same plot should Qt not load that SVG (never a blank box)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from survivor_app.report.content import CancerSummary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: The resolution of the picture printed when the timeline's SVG cannot be drawn.
PICTURE_DPI = 300
# Any fixed salt will do: the same plot then gives the same SVG.
_SVG_SALT = "Survivorship Tracker"


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


def timeline_figure(summary: CancerSummary, width_points: float, height_points: float) -> Figure:
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
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": _SVG_SALT}):
        figure.savefig(stream, format="svg", metadata={"Date": None})
    return stream.getvalue()
