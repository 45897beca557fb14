"""Loading the plot's libraries: the cyclic collector is off only while they load, and what
they made is frozen (each case in a fresh interpreter, where nothing is frozen yet)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_PROBE = """
import gc, json, sys
if sys.argv[1] == "off":
    gc.disable()
from survivor_app.gui.plot_loading import load_plot_modules
seen = []
gc.callbacks.append(lambda phase, info: seen.append(phase))
load_plot_modules()
print(json.dumps({
    "collections while loading": len(seen),
    "collecting": gc.isenabled(),
    "frozen": gc.get_freeze_count(),
    "loaded": all(name in sys.modules for name in (
        "matplotlib.backends.backend_qtagg", "survivor_app.plot.timeline")),
}))
"""


def _load(collector: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, collector],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        timeout=120,
    )
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_the_collector_rests_while_the_plot_loads_and_runs_again_after() -> None:
    found = _load("on")
    assert found["collections while loading"] == 0
    assert found["collecting"] is True
    assert isinstance(found["frozen"], int)
    assert found["frozen"] > 100_000
    assert found["loaded"] is True


def test_a_collector_turned_off_before_stays_off() -> None:
    found = _load("off")
    assert found["collecting"] is False
    assert found["loaded"] is True
