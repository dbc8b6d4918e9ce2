"""Start-up to first frame and peak memory, each in fresh processes (benchmarks.startup_child),
against the floor: a bare window with one pyqtgraph PlotWidget (and, for scale, a bare
PySide6 window). The three kinds are interleaved round by round so that load changes hit
them alike."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .report import Row, ms

CHILD = Path(__file__).with_name("startup_child.py")
ROOT = Path(__file__).resolve().parents[1]
"""The checkout being measured: the child imports mcexplorer from here (run as a script, its
sys.path starts at benchmarks/, so it would otherwise import whichever copy is installed)."""
KINDS = ("bare", "floor", "app")
FRAME_RATIO_TARGET = 1.3
MEMORY_RATIO_TARGET = 1.3


def startup(kind: str, env: dict) -> dict:
    """One start: seconds from launch to the first frame, the tabs still unbuilt at that
    frame, the child's phases (ms since its script started) and the settled peak RSS (kB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(CHILD), kind], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    out: dict = {}
    try:
        for line in proc.stdout:
            if line.startswith("FRAME"):
                out["frame"] = time.perf_counter() - t0
                _, _, pending, tabs, phases = line.split(" ", 4)
                out["pending"], out["tabs"] = int(pending), int(tabs)
                out["phases"] = json.loads(phases)
            elif line.startswith("SETTLED"):
                out["rss"] = int(line.split()[1])
                break
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if "frame" not in out or "rss" not in out:
        raise RuntimeError(f"start-up of {kind!r} did not reach its first frame")
    return out


def measure_startup_and_memory(env: dict, rounds: int = 7) -> list[Row]:
    # A planner's second start finds the byte code Python cached at the first: so do these
    # (an environment that turns the cache off would time compiling every module instead).
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    for kind in KINDS:
        startup(kind, env)  # warm-up, not counted
    runs: dict[str, list[dict]] = {k: [] for k in KINDS}
    for _ in range(rounds):
        for kind in KINDS:
            runs[kind].append(startup(kind, env))
    frame = {k: statistics.median(r["frame"] for r in v) for k, v in runs.items()}
    rss = {k: statistics.median(r["rss"] for r in v) / 1024 for k, v in runs.items()}
    ratio = frame["app"] / frame["floor"]
    mem = rss["app"] / rss["floor"]
    app_runs = runs["app"]
    hidden = app_runs[0]["tabs"] - 1
    left = sorted({r["pending"] for r in app_runs})
    median_run = sorted(app_runs, key=lambda r: r["frame"])[len(app_runs) // 2]
    ph = median_run["phases"]
    phases = (f"Qt imported {ph['qt']:.0f} ms, mcexplorer imported {ph['import']:.0f} ms, "
              f"window made {ph['window']:.0f} ms, first tab painted {ph['frame']:.0f} ms "
              "after the script started (median run)")
    return [
        Row("Start-up to first frame (first tab's charts painted): bare PySide6 / pyqtgraph "
            "floor / mcexplorer (median)",
            f"{ms(frame['bare'])} / {ms(frame['floor'])} / {ms(frame['app'])} = "
            f"{ratio:.2f}x floor", f"<= {FRAME_RATIO_TARGET}x pyqtgraph floor",
            ratio <= FRAME_RATIO_TARGET, f"{rounds} interleaved starts each"),
        Row("Start-up phases (mcexplorer)", phases, "(reported)", None),
        Row("Hidden tabs still to build at the first frame",
            f"{' or '.join(str(n) for n in left)} of {hidden}",
            f"all {hidden} (built after the first frame)", left == [hidden]),
        Row("Peak RSS once settled: bare PySide6 / pyqtgraph floor / mcexplorer (median)",
            f"{rss['bare']:.0f} / {rss['floor']:.0f} / {rss['app']:.0f} MB = {mem:.2f}x floor",
            f"<= {MEMORY_RATIO_TARGET}x pyqtgraph floor", mem <= MEMORY_RATIO_TARGET,
            "every tab built"),
    ]
