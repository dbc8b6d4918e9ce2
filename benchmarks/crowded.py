"""The first showing of the ecology and structures tabs at the schema's maximum: 500
offerings on the map, 500 initiatives on the Three Horizons (issue 24 item 18).

Placing each name against every other name made this quadratic: 9.5 s and 15 s before the
names were placed through a grid of nearby boxes (``mcexplorer/qt/charts/box_index.py``); the
ecology map then spent most of a second building 2,000 graphics items, until its offerings
were painted as one item (``mcexplorer/qt/ecology/charts/map_markers.py``).
Target: under 1 s each. Wall time until idle (as every figure here) and the process's CPU
time beside it, since these machines are shared.
"""

from __future__ import annotations

import random
import statistics
import time

from .report import Row

TARGET_S = 1.0
MOST = 500
"""The schema's maximum of offerings and of initiatives."""


def crowded_scenario(n: int = MOST, seed: int = 1):
    from mcexplorer.core.ecology.models import Offering
    from mcexplorer.core.resources import default_scenario
    from mcexplorer.core.structures.models import Initiative

    rnd = random.Random(seed)
    s = default_scenario()
    s.portfolio.offerings = [
        Offering(id=f"o{i}", name=f"Offering number {i}", x=rnd.uniform(-1, 1),
                 y=rnd.uniform(-1, 1), volume=rnd.uniform(1, 500)) for i in range(n)]
    s.horizons.initiatives = [
        Initiative(id=f"i{i}", name=f"Initiative number {i}", time=rnd.uniform(0, 1),
                   horizon=rnd.uniform(1, 3), size=rnd.uniform(0.5, 5)) for i in range(n)]
    return s


def first_showing(scenario, framework_id: str) -> tuple[float, float]:
    """Seconds (wall, CPU) from switching to the tab until the window is idle, on a new
    window whose tab has never been shown."""
    from .idle import until_idle
    from .latency import close_quietly, window_for

    window = window_for(scenario)
    try:
        tab = window.framework_tabs[framework_id]
        wall, cpu = time.perf_counter(), time.process_time()
        window.tabs.setCurrentWidget(tab)
        until_idle()
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        close_quietly(window)


def measure_crowded(repeats: int = 3) -> list[Row]:
    scenario = crowded_scenario()
    rows = []
    for fid, what in (("credential-ecology", f"{MOST} offerings"),
                      ("structures", f"{MOST} initiatives")):
        runs = [first_showing(scenario, fid) for _ in range(repeats)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rows.append(Row(f"First showing of the {fid} tab with {what} (median of {repeats})",
                        f"{wall:.2f} s", f"< {TARGET_S:.0f} s", wall < TARGET_S,
                        f"CPU {cpu:.2f} s; was 9.5 s / 15 s, quadratic"))
    return rows
