"""Large text on a small screen: the window and every dialog fit a 1024 × 600 screen at 150 %,
with every button where it can be reached and a plot that can still be read.

Qt takes its scale factor only before the application starts, so the window and the dialogs are
opened by ``small_screen_probe`` in a process of its own, on Qt's offscreen platform given a
1024 × 600 screen (its ``configfile`` option) and ``QT_SCALE_FACTOR=1.5``: the same 683 × 400
points a person with 150 % scaling has on such a screen, fonts, margins and icons all scaled
together, as the desktop scales them. A font made 1.5× larger in this process would scale the
text alone and leave the screen at its default size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from survivor_app.gui.widgets.timeline import READABLE_LINES

#: A 1024 × 600 screen at the usual 96 dots an inch; QT_SCALE_FACTOR makes it 150 %.
SCREEN = {
    "screens": [
        {
            "name": "small",
            "x": 0,
            "y": 0,
            "width": 1024,
            "height": 600,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}


def test_the_window_and_every_dialog_fit_1024_by_600_at_150_percent(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
        "SURVIVOR_APP_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.gui.small_screen_probe", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env=environment,
        timeout=120,
    )
    found = json.loads(result.stdout)
    assert found["screen"] == [0, 0, 683, 400]
    assert found["outside"] == []
    # The tables give way first: the plot keeps room for its sizes, strip and legend.
    assert found["plot_height"] >= READABLE_LINES * found["font_height"]
