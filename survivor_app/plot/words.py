"""A person's words as the plot shows them: word for word, whatever they hold."""

from __future__ import annotations

from survivor_app.domain import visible


def as_typed(text: str) -> str:
    """``text`` for a matplotlib label or tip: a control character an older record kept is
    written as its escape (it would make the printed SVG unreadable), and a ``$`` is escaped, so
    that matplotlib never reads "$5 and $10" as mathematics, nor fails on "$\\\\frac{$"."""
    return visible(text).replace("$", "\\$")
