"""WCAG 2 contrast, worked out here from the published formulas rather than taken from the app,
and the colours a drawn timeline shows, each as it looks over the plot's background."""

from __future__ import annotations

from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from survivor_app.plot.hatching import HatchLines

RGB = tuple[float, float, float]


def relative_luminance(colour: RGB) -> float:
    """WCAG 2's relative luminance of an sRGB colour with channels from 0 to 1."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return float(((channel + 0.055) / 1.055) ** 2.4)

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(colour: object, alpha: float | None, background: RGB) -> RGB:
    """``colour`` drawn at ``alpha`` (or its own) over an opaque ``background``."""
    red, green, blue, own = to_rgba(colour)  # type: ignore[arg-type]
    strength = own if alpha is None else alpha * own
    channels = zip((red, green, blue), background, strict=True)
    r, g, b = (strength * fg + (1 - strength) * bg for fg, bg in channels)
    return (r, g, b)


def drawn_colours(figure: Figure) -> list[tuple[str, RGB, RGB]]:
    """Every line, band hatch and treatment bar outline of a drawn timeline, as (what it is, its
    colour as seen, the background of its axes)."""
    found = []
    for axes in figure.axes:
        base = over(axes.get_facecolor(), 1, (0.0, 0.0, 0.0))
        for line in axes.get_lines():
            assert isinstance(line, Line2D)
            seen = over(line.get_color(), line.get_alpha(), base)
            found.append((f"line {line.get_label()}", seen, base))
        for artist in axes.artists:
            if isinstance(artist, HatchLines) and artist.hatch:
                found.append((f"hatch {artist.hatch}", over(artist.colour, None, base), base))
        for collection in axes.collections:
            if isinstance(collection, PolyCollection):
                (edge,) = collection.get_edgecolor()
                found.append(("treatment bar", over(edge, None, base), base))
    return found
