"""`make bench`: the performance figures, each against its target, written to the figures
block of BENCHMARKS.md (the hand-written text around it is kept).

Everything is measured in one run on one machine, as medians, p95 and ratios, because these
machines are shared and noisy: compare the ratios within a run, not absolute times across runs.
Runs headless; start it from the repository root: ``python -m benchmarks.run``.

To add a figure: write a ``measure_*`` function returning a list of ``Row`` (in the module of
its kind, or a new one) and call it from ``measure_all`` below.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from .crowded import measure_crowded
from .files import measure_export, measure_files
from .latency import (
    close_quietly,
    measure_default_latency,
    measure_radar_vs_matplotlib,
    measure_stress_latency,
    stress_scenario,
    window_for,
)
from .report import Row, load_average, render_table, write_report
from .robustness import measure_robustness
from .startup import measure_startup_and_memory


class _Progress(list):
    """Rows, each printed as soon as it is measured."""

    def extend(self, rows: list[Row]) -> None:
        for row in rows:
            super().append(row)
            print(f"  {row.measure}: {row.result}", flush=True)


def _isolate(tmp: Path) -> None:
    """Point settings and data folders into ``tmp``: never touch the real user's folders."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))


GROUPS = ("tabs", "stress", "files", "export", "startup", "robustness", "crowded")
"""What ``--only`` can pick (a partial run prints its rows and leaves BENCHMARKS.md alone)."""


def measure_all(tmp: Path, groups: tuple[str, ...] = GROUPS) -> list[Row]:
    from mcexplorer.app import ensure_app
    from mcexplorer.core.resources import default_scenario

    ensure_app()
    _isolate(tmp)
    rows = _Progress()

    if "tabs" in groups:
        window = window_for(default_scenario())
        try:
            rows.extend(measure_default_latency(window))
            rows.extend(measure_radar_vs_matplotlib(window))
        finally:
            close_quietly(window)
    if "stress" in groups:
        rows.extend(measure_stress_latency(200, 40, moves=200))
        rows.extend(measure_stress_latency(1000, 100, moves=100))
    if "files" in groups:
        rows.extend(measure_files(stress_scenario(200, 40), tmp))
    if "export" in groups:
        rows.extend(measure_export(tmp))
    if "startup" in groups:
        rows.extend(measure_startup_and_memory({**os.environ, "QT_QPA_PLATFORM": "offscreen"}))
    if "robustness" in groups:
        rows.extend(measure_robustness())
    if "crowded" in groups:
        rows.extend(measure_crowded())
    return rows


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated groups to measure, of "
                        + ", ".join(GROUPS) + " (the figures block is then not written)")
    args = parser.parse_args(argv)
    groups = tuple(g for g in args.only.split(",") if g) or GROUPS
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load_before = load_average()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure_all(Path(tmp), groups)
    if groups == GROUPS:
        write_report(rows, time.perf_counter() - started, load_before)
    else:
        print(render_table(rows))
        print(f"load {load_before} before, {load_average()} after (partial run: "
              "BENCHMARKS.md not written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
