"""Start-up to first paint and peak memory, each in fresh processes, against two floors:
a bare PySide6 window and a bare window with one pyqtgraph PlotWidget."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from .report import Row, ms

# Peak RSS from /proc (VmHWM, kB): ru_maxrss would include the forking parent's memory on Linux.
_PAINTED = (
    "app.processEvents(); w.repaint(); app.processEvents()\n"
    "def _peak():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'): return int(line.split()[1])\n"
    "    except OSError: pass\n"
    "    import resource; return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print('PAINTED', _peak(), flush=True)\n")

STARTUP_SCRIPTS = {
    "bare PySide6 window": (
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([]); w = QMainWindow(); w.resize(1280, 720); w.show()\n"),
    "bare window + one pyqtgraph PlotWidget": (
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([])\n"
        "import pyqtgraph as pg\n"
        "w = QMainWindow(); w.setCentralWidget(pg.PlotWidget()); w.resize(1280, 720); w.show()\n"),
    "mcexplorer, default scenario": (  # the command's start path (mcexplorer.app.run)
        "from mcexplorer.app import create_window, ensure_app\n"
        "app = ensure_app(); w = create_window(lazy_tabs=True); w.show()\n"),
}


def startup(script: str, env: dict) -> tuple[float, int]:
    """Seconds from launching ``script`` until it has painted, and its peak RSS in kB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script + _PAINTED], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    rss = 0
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed = time.perf_counter() - t0
            rss = int(line.split()[1])
            break
    else:
        raise RuntimeError("start-up script did not paint")
    proc.kill()
    proc.wait()
    return elapsed, rss


def measure_startup_and_memory(env: dict, rounds: int = 5) -> list[Row]:
    results: dict[str, list[tuple[float, int]]] = {k: [] for k in STARTUP_SCRIPTS}
    for _ in range(rounds):  # interleaved, so load changes hit all three alike
        for name, script in STARTUP_SCRIPTS.items():
            results[name].append(startup(script, env))
    med = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    rss = {k: statistics.median(r for _, r in v) for k, v in results.items()}
    bare, floor, app_ = (med[k] for k in STARTUP_SCRIPTS)
    rb, rf, ra = (rss[k] / 1024 for k in STARTUP_SCRIPTS)
    return [
        Row("Start-up to first paint: bare PySide6 / pyqtgraph floor / mcexplorer",
            f"{ms(bare)} / {ms(floor)} / {ms(app_)} = {app_ / floor:.2f}x floor",
            "<= 1.3x pyqtgraph floor", app_ / floor <= 1.3),
        Row("Peak RSS: bare PySide6 / pyqtgraph floor / mcexplorer",
            f"{rb:.0f} / {rf:.0f} / {ra:.0f} MB = {ra / rf:.2f}x floor", "(reported)", None),
    ]
