"""Slider to pixels, redraws per drag burst, and the radar redraw against matplotlib.

Slider to pixels = from a weight slider's new value until the ranking and the radar have
painted it (scoring, chart update and paint). Each ``measure_*`` function returns table rows.
"""

from __future__ import annotations

import random
import statistics
import time

from .report import Row, ms, p

STRESS_OPTIONS = 200
STRESS_CRITERIA = 40


def stress_scenario():
    """A scenario carrying a 200-option x 40-criterion framework of its own."""
    from mcexplorer.core.models import Framework
    from mcexplorer.core.resources import default_scenario

    rng = random.Random(42)
    directions = ["benefit", "cost", "target"]
    criteria = []
    for i in range(STRESS_CRITERIA):
        d = directions[i % 3]
        c = {"id": f"c{i:02d}", "name": f"Criterion {i}", "direction": d, "scale": [1, 5]}
        if d == "target":
            c["default_target"] = 3
        criteria.append(c)
    options = [{"id": f"o{j:03d}", "name": f"Option {j}",
                "ratings": {c["id"]: rng.randint(2, 10) / 2 for c in criteria}}
               for j in range(STRESS_OPTIONS)]
    fw = Framework.model_validate({"id": "stress", "title": "Stress", "criteria": criteria,
                                   "options": options, "provenance": "authored-default"})
    scenario = default_scenario()
    scenario.definitions = [fw]
    return scenario


def window_for(scenario):
    """A shown 1280x720 main window on ``scenario``."""
    from mcexplorer.core.document import Document
    from mcexplorer.qt.controller import DocumentController
    from mcexplorer.qt.window.main_window import MainWindow

    window = MainWindow(DocumentController(Document(scenario)))
    window.resize(1280, 720)
    window.show()
    return window


def close_quietly(window) -> None:
    window.controller.undo_stack.setClean()  # no "save changes?" prompt
    window.close()


# -- slider to pixels ---------------------------------------------------------------------------


class _PaintCounter:
    """Counts Paint events reaching the charts' viewports."""

    def __init__(self, charts) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    counter.painted.add(obj)
                return False

        self.painted: set = set()
        self.filter = Filter()
        self.viewports = [c.viewport() for c in charts]
        for v in self.viewports:
            v.installEventFilter(self.filter)

    def all_painted(self) -> bool:
        return all(v in self.painted for v in self.viewports)

    def remove(self) -> None:
        for v in self.viewports:
            v.removeEventFilter(self.filter)


def slider_to_pixels(window, framework_id: str, moves: int) -> list[float]:
    """Seconds from each slider move until the ranking and the radar have painted it."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    tab = window.framework_tabs[framework_id]
    window.tabs.setCurrentWidget(tab)
    app.processEvents()
    sliders = [w.slider for w in tab.weight_sliders.values()]
    counter = _PaintCounter([tab.charts["ranking"], tab.charts["radar"]])
    times = []
    try:
        for i in range(moves):
            s = sliders[i % len(sliders)]
            value = (s.value() + 37) % 101
            counter.painted.clear()
            t0 = time.perf_counter()
            s.setValue(value)
            for _ in range(50):  # run the event loop until both charts have painted
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
                if counter.all_painted():
                    break
            times.append(time.perf_counter() - t0)
    finally:
        counter.remove()
    return times


def refreshes_per_burst(window, framework_id: str, burst: int = 50) -> int:
    """How many times the tab refreshes for ``burst`` slider values set before the loop runs."""
    from PySide6.QtWidgets import QApplication

    tab = window.framework_tabs[framework_id]
    count = 0
    original = tab.refresh

    def counting():
        nonlocal count
        count += 1
        original()

    tab.refresh = counting
    try:
        slider = next(iter(tab.weight_sliders.values())).slider
        for v in range(burst):
            slider.setValue(v)
        QApplication.instance().processEvents()
    finally:
        tab.refresh = original
    return count


def measure_default_latency(window) -> list[Row]:
    slider_to_pixels(window, "business-models", 20)  # warm up
    default = slider_to_pixels(window, "business-models", 300)
    bursts = refreshes_per_burst(window, "business-models")
    return [
        Row("Slider to pixels, default (p50 / p95)",
            f"{ms(p(default, .5))} / {ms(p(default, .95))}", "p95 < 8 ms", p(default, .95) < 0.008),
        Row("Redraws for a 50-value burst (drag)", f"{bursts}", "1 (latest value only)",
            bursts == 1),
    ]


def measure_stress_latency(stress) -> list[Row]:
    window = window_for(stress)
    try:
        slider_to_pixels(window, "stress", 10)  # warm up
        heavy = slider_to_pixels(window, "stress", 100)
    finally:
        close_quietly(window)
    return [Row(f"Slider to pixels, stress {STRESS_OPTIONS}x{STRESS_CRITERIA} (p50 / p95)",
                f"{ms(p(heavy, .5))} / {ms(p(heavy, .95))}", "p95 < 16 ms", p(heavy, .95) < 0.016)]


# -- against matplotlib -------------------------------------------------------------------------


def radar_updates(window, updates: int):
    """Seconds per radar data change + synchronous repaint; also the chart size and its data."""
    from mcexplorer.qt.charts.radar import RadarData, RadarSeries

    tab = window.framework_tabs["business-models"]
    chart = tab.charts["radar"]
    base = tab.radar_data()
    times = []
    for i in range(updates):
        k = (i % 10) / 10
        data = RadarData(base.spokes, tuple(
            RadarSeries(s.name, s.colour, tuple(min(1.0, v * (0.5 + k)) for v in s.values))
            for s in base.series), base.weights, "", base.weights_label)
        t0 = time.perf_counter()
        chart.show_data(data)
        chart.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return times, (chart.width(), chart.height()), base


def matplotlib_radar_updates(base, size: tuple[int, int], updates: int) -> list[float]:
    """The same radar drawn by matplotlib's polar axes (Agg), updated in place."""
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(base.spokes)
    angles = [2 * math.pi * i / n for i in range(n)] + [0]
    dpi = 100
    fig = plt.figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)
    ax = fig.add_subplot(projection="polar")
    ax.set_xticks(angles[:-1], base.spokes)
    ax.set_ylim(0, 1)
    lines, fills = [], []
    for s in base.series:
        vals = list(s.values) + [s.values[0]]
        (line,) = ax.plot(angles, vals, color=s.colour, linewidth=2.5, marker="o", label=s.name)
        (fill,) = ax.fill(angles, vals, color=s.colour, alpha=0.15)
        lines.append(line)
        fills.append(fill)
    w = list(base.weights) + [base.weights[0]]
    ax.plot(angles, w, "--", color="grey", label="Weights")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    fig.canvas.draw()
    times = []
    for i in range(updates):
        k = (i % 10) / 10
        t0 = time.perf_counter()
        for s, line, fill in zip(base.series, lines, fills):
            vals = [min(1.0, v * (0.5 + k)) for v in s.values]
            vals.append(vals[0])
            line.set_data(angles, vals)
            fill.set_xy(list(zip(angles, vals)))
        fig.canvas.draw()
        times.append(time.perf_counter() - t0)
    plt.close(fig)
    return times


def measure_radar_vs_matplotlib(window) -> list[Row]:
    ours, size, base = radar_updates(window, 100)
    theirs = matplotlib_radar_updates(base, size, 40)
    ratio = statistics.median(theirs) / statistics.median(ours)
    return [Row("Radar redraw: mcexplorer vs matplotlib (median)",
                f"{ms(statistics.median(ours))} vs {ms(statistics.median(theirs))} "
                f"= {ratio:.1f}x faster", ">= 10x faster", ratio >= 10)]
