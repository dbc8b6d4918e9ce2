"""Loading and saving scenario files, and exporting every chart as PNG."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from .report import Row, ms


def file_times(scenario, folder: Path, repeats: int) -> tuple[list[float], list[float], int]:
    """Seconds per load and per save of ``scenario`` in ``folder``, and the file's size."""
    from mcexplorer.core.io import save_scenario
    from mcexplorer.core.validation import load_scenario

    path = folder / "bench.json"
    saves, loads = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        save_scenario(path, scenario)
        saves.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        load_scenario(path)
        loads.append(time.perf_counter() - t0)
    return loads, saves, path.stat().st_size


def _file_row(label: str, scenario, folder: Path, repeats: int, target: str,
              limit: float) -> Row:
    loads, saves, size = file_times(scenario, folder, repeats)
    load, save = statistics.median(loads), statistics.median(saves)
    return Row(f"Load / save {label} scenario (median)", f"{ms(load)} / {ms(save)}", target,
               max(load, save) < limit, f"{size / 1024:.0f} kB")


def measure_files(stress, folder: Path) -> list[Row]:
    from mcexplorer.core.resources import default_scenario

    return [_file_row("default", default_scenario(), folder, 30, "< 50 ms", 0.05),
            _file_row("stress", stress, folder, 10, "< 500 ms", 0.5)]


def measure_export(folder: Path) -> list[Row]:
    from mcexplorer.cli import export_all
    from mcexplorer.core.resources import default_scenario

    out = folder / "png"
    out.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    written = export_all(default_scenario(), out, 1920)
    export = time.perf_counter() - t0
    return [Row(f"Export all {len(written)} default charts at 1920 px", ms(export), "(reported)",
                None, f"{export / len(written) * 1000:.0f} ms per chart")]
