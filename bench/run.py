"""Measure how quick the app feels on the example record and on a 30-year record, and print a
table and the ratios the app is held to.

Usage: ``.venv/bin/python bench/run.py [--runs N] [--edits]``. Every figure is the median of N runs
(default 7), each in a fresh process, on Qt's offscreen platform, with the record, its backups and
the app's settings in a temporary folder that is removed at the end. Peak memory is each
process's own ``ru_maxrss`` (what ``getrusage(RUSAGE_CHILDREN)`` reports for it once it has been
waited for). This runner imports neither Qt nor matplotlib, so that no child starts out carrying
the runner's memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
APP = [PYTHON, "-m", "survivor_app"]
DRIVER = [PYTHON, str(BENCH / "drive_window.py")]
RECORDS = ("demo", "large")
#: Scans added one after another in each process that measures the redraw after an edit.
EDITS_PER_PROCESS = 5
REDRAW = "redraw after adding a scan"
FULL_REDRAW = "the same, plot drawn from nothing"


@dataclass
class Measure:
    """One row of the table: seconds (and peak memory in MiB) per record, run after run."""

    name: str
    seconds: dict[str, list[float]] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)

    def add(self, record: str, seconds: float, memory_mib: float | None = None) -> None:
        """Keep one run's result."""
        self.seconds.setdefault(record, []).append(seconds)
        if memory_mib is not None:
            self.memory.setdefault(record, []).append(memory_mib)

    def time(self, record: str) -> float:
        """The median time on one record, in seconds."""
        return statistics.median(self.seconds[record])

    def peak(self, record: str) -> float:
        """The median peak memory on one record, in MiB."""
        return statistics.median(self.memory[record])


@dataclass
class Finished:
    """A child process that has ended: its output, when it ended and its peak memory."""

    lines: list[tuple[float, str]]
    seconds: float
    memory_mib: float


def run_child(command: Sequence[str], env: dict[str, str], stdout_lines: bool = False) -> Finished:
    """Run one fresh process; the time of each line it printed (when ``stdout_lines``), of its
    end, and its own peak memory. Raises SystemExit when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE if stdout_lines else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    if process.stdout is not None:
        for line in process.stdout:
            lines.append((time.perf_counter() - start, line.strip()))
    # wait4 rather than wait: it gives this child's own resource use, peak memory included.
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read() if process.stderr is not None else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors}")
    # Linux reports ru_maxrss in KiB.
    return Finished(lines, seconds, usage.ru_maxrss / 1024)


def first_line_time(finished: Finished, text: str) -> float:
    """When the child printed ``text``."""
    for seconds, line in finished.lines:
        if line == text:
            return seconds
    raise SystemExit(f"the driver never printed {text!r}")


def machine() -> str:
    """The machine the figures were measured on, in one line."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    qt = subprocess.run(
        [PYTHON, "-c", "import PySide6.QtCore as q; print(q.qVersion(), q.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return (
        f"{os.cpu_count()} CPUs ({model}), Linux {platform.release()}, "
        f"Python {platform.python_version()}, Qt {qt[0]}, PySide6 {qt[1]}"
    )


class Bench:
    """The records, the environment of every child, and the measures taken so far."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = dict(os.environ)
        self.env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                "SURVIVOR_APP_HOME": str(folder / "home"),
            }
        )
        self.env.pop("SURVIVOR_APP_RECORD", None)
        # Python's compiled modules kept, as an installed app has them, even where this
        # environment forbids writing them: in the bench folder, written by ``prepare``.
        # Otherwise every start of the app compiles its own modules again (some 150 ms), which
        # neither an installed app nor the bare window (whose modules are all compiled) does.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(folder / "compiled")
        self.records = {name: folder / f"{name}.survivor" for name in RECORDS}
        self.json = {name: folder / f"{name}.json" for name in RECORDS}
        self.measures: dict[str, Measure] = {}
        self._count = 0

    def measure(self, name: str) -> Measure:
        """The row called ``name``, made on first use."""
        return self.measures.setdefault(name, Measure(name))

    def scratch(self, suffix: str) -> Path:
        """A new file name in the bench folder."""
        self._count += 1
        return self.folder / f"scratch-{self._count}{suffix}"

    def prepare(self) -> None:
        """Write both records and their JSON, then open each once, so that the day's backup is
        made and the files are in the system's cache before any run is timed."""
        # Every module of the app compiled, not only those these runs import.
        run_child([PYTHON, "-m", "compileall", "-q", str(BENCH.parent / "survivor_app")], self.env)
        run_child([*APP, "demo", "--record", str(self.records["demo"])], self.env)
        run_child(
            [*APP, "export", "--record", str(self.records["demo"]), "-o", str(self.json["demo"])],
            self.env,
        )
        run_child([PYTHON, str(BENCH / "make_large_record.py"), str(self.json["large"])], self.env)
        run_child(
            [*APP, "import", str(self.json["large"]), "--record", str(self.records["large"])],
            self.env,
        )
        for record in RECORDS:
            run_child([*DRIVER, "app", str(self.records[record])], self.env, stdout_lines=True)
        run_child([*DRIVER, "bare"], self.env, stdout_lines=True)

    def one_round(self) -> None:
        """One run of every measure on every record, in fresh processes."""
        bare = run_child([*DRIVER, "bare"], self.env, stdout_lines=True)
        self.measure("bare window, empty canvas").add(
            "bare", first_line_time(bare, "drawn"), bare.memory_mib
        )
        for record in RECORDS:
            path = str(self.records[record])
            window = run_child([*DRIVER, "app", path], self.env, stdout_lines=True)
            self.measure("window painted, plot loading").add(
                record, first_line_time(window, "painted")
            )
            self.measure("timeline visible (picture or live)").add(
                record, first_line_time(window, "visible")
            )
            self.measure("window shown, plot drawn").add(
                record, first_line_time(window, "drawn"), window.memory_mib
            )
            self._command("periods --json", record, ["periods", "--json", "--record", path])
            self._command(
                "summary (PDF)",
                record,
                ["summary", "--record", path, "-o", str(self.scratch(".pdf"))],
            )
            self._command(
                "export JSON",
                record,
                ["export", "--format", "json", "--record", path, "-o", str(self.scratch(".json"))],
            )
            self._command(
                "import JSON",
                record,
                ["import", str(self.json[record]), "--record", str(self.scratch(".survivor"))],
            )

    def edits(self, processes: int) -> None:
        """The redraw after adding one scan, in the window, on a copy of each record: the plot
        updated in place, and (side by side, in turn) cleared and drawn again from nothing."""
        for record in RECORDS:
            for _ in range(processes):
                for mode, name in (("edit", REDRAW), ("redraw", FULL_REDRAW)):
                    copy = self.scratch(".survivor")
                    shutil.copyfile(self.records[record], copy)
                    finished = run_child(
                        [*DRIVER, mode, str(copy), str(EDITS_PER_PROCESS)],
                        self.env,
                        stdout_lines=True,
                    )
                    for _seconds, line in finished.lines:
                        if line.startswith("edit "):
                            self.measure(name).add(record, float(line.split()[1]))

    def _command(self, name: str, record: str, arguments: list[str]) -> None:
        finished = run_child([*APP, *arguments], self.env)
        self.measure(name).add(record, finished.seconds, finished.memory_mib)


@dataclass(frozen=True)
class Target:
    """One ratio the app is held to: ``measured`` over ``reference`` at most ``limit``."""

    words: str
    value: Callable[[dict[str, Measure]], float]
    limit: float
    unit: str = "×"


def _ratio(
    measure: str, record: str, reference: str, reference_record: str
) -> Callable[[dict[str, Measure]], float]:
    return lambda m: m[measure].time(record) / m[reference].time(reference_record)


def _memory_ratio(measure: str) -> Callable[[dict[str, Measure]], float]:
    return lambda m: m[measure].peak("large") / m[measure].peak("demo")


TARGETS = (
    Target(
        "window with the live plot drawn, demo / bare window",
        _ratio("window shown, plot drawn", "demo", "bare window, empty canvas", "bare"),
        1.45,
    ),
    Target(
        "window with the live plot drawn, large / bare window",
        _ratio("window shown, plot drawn", "large", "bare window, empty canvas", "bare"),
        1.45,
    ),
    Target(
        "timeline visible, demo / bare window",
        _ratio("timeline visible (picture or live)", "demo", "bare window, empty canvas", "bare"),
        0.7,
    ),
    Target(
        "timeline visible, large / bare window",
        _ratio("timeline visible (picture or live)", "large", "bare window, empty canvas", "bare"),
        0.7,
    ),
    Target(
        "window with the live plot drawn, large / demo",
        _ratio("window shown, plot drawn", "large", "window shown, plot drawn", "demo"),
        1.15,
    ),
    Target(
        "periods --json, large / demo",
        _ratio("periods --json", "large", "periods --json", "demo"),
        2,
    ),
    Target("summary, large / demo", _ratio("summary (PDF)", "large", "summary (PDF)", "demo"), 2),
    Target("export JSON, large / demo", _ratio("export JSON", "large", "export JSON", "demo"), 2),
    Target(
        "redraw after adding a scan, demo (ms)",
        lambda m: m[REDRAW].time("demo") * 1000,
        20,
        " ms",
    ),
    Target(
        "redraw after adding a scan, large (ms)",
        lambda m: m[REDRAW].time("large") * 1000,
        50,
        " ms",
    ),
    Target(
        "peak memory of the window, large / demo", _memory_ratio("window shown, plot drawn"), 1.5
    ),
)


def table(measures: dict[str, Measure]) -> str:
    """The measures as a Markdown table: medians in ms, peak memory in MiB."""
    rows = [
        "| measure | demo | large | large / demo | peak MiB, demo | peak MiB, large |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for measure in measures.values():
        if "bare" in measure.seconds:
            memory = f"{measure.peak('bare'):.0f}"
            rows.append(
                f"| {measure.name} | {measure.time('bare') * 1000:.0f} ms | | | {memory} | |"
            )
            continue
        demo, large = measure.time("demo"), measure.time("large")
        peaks = (
            (f"{measure.peak('demo'):.0f}", f"{measure.peak('large'):.0f}")
            if measure.memory
            else ("", "")
        )
        rows.append(
            f"| {measure.name} | {demo * 1000:.0f} ms | {large * 1000:.0f} ms "
            f"| {large / demo:.2f} | {peaks[0]} | {peaks[1]} |"
        )
    return "\n".join(rows)


def targets(measures: dict[str, Measure]) -> str:
    """Each target with its measured value and whether it is met."""
    lines = []
    for target in TARGETS:
        try:
            value = target.value(measures)
        except KeyError:  # not measured in this run (--edits)
            continue
        verdict = "met" if value <= target.limit else "NOT met"
        shown = f"{value:.0f}{target.unit}" if target.unit != "×" else f"{value:.2f}×"
        limit = f"{target.limit:g}{target.unit}" if target.unit != "×" else f"{target.limit:g}×"
        lines.append(f"- {target.words}: {shown} (at most {limit}): {verdict}")
    return "\n".join(lines)


def main() -> int:
    """Prepare the records, run every measure, print the table and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each measure (default 7)")
    parser.add_argument(
        "--edits", action="store_true", help="measure only the redraw after adding a scan"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="survivor-bench-"))
    try:
        bench = Bench(folder)
        print(f"Machine: {machine()}", flush=True)
        print("Writing the records…", flush=True)
        bench.prepare()
        for number in range(1, 0 if args.edits else args.runs + 1):
            print(f"Round {number} of {args.runs}…", flush=True)
            bench.one_round()
        print("Adding scans in the window…", flush=True)
        bench.edits(max(1, args.runs // 2))
        print()
        windows = max(1, args.runs // 2)
        print(f"Medians of {args.runs} runs in fresh processes; the redraw after adding a scan")
        print(f"is the median of {EDITS_PER_PROCESS} scans added in each of {windows} windows.")
        print()
        print(table(bench.measures))
        print()
        print(targets(bench.measures))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
