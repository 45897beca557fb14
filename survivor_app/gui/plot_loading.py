"""Loading the plot's libraries (matplotlib and the app's drawing), once, when the window's plot
is first painted: they then stay as long as the program does."""

from __future__ import annotations

import gc


def load_plot_modules() -> None:
    """Import matplotlib's Qt canvas and the timeline's drawing, then take everything loaded so
    far out of the cyclic collector's full passes.

    The first time, the collector is kept off while they load: matplotlib makes some hundred
    thousand objects as it loads, which live as long as the program, and the collector would walk
    them again and again (some 50 ms of the window's start) only to free the loaders' few hundred
    leftovers (under a megabyte, frozen with the rest); then it runs as before.
    """
    if gc.get_freeze_count():
        return  # loaded and frozen already
    collecting = gc.isenabled()
    gc.disable()
    try:
        import matplotlib.backends.backend_qtagg
        import matplotlib.figure  # noqa: F401

        import survivor_app.plot.quick_draw
        import survivor_app.plot.timeline  # noqa: F401
    finally:
        # Qt, matplotlib and the app's own modules are loaded now, and stay as long as the
        # program: taken out of the cyclic collector's full passes, which would otherwise walk
        # their hundreds of thousands of objects every few edits of a long record.
        gc.freeze()
        if collecting:
            gc.enable()
