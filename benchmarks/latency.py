"""Slider to pixels on every kind of tab, against a raw pyqtgraph reference measured in the
same run; redraws per drag burst; the radar redraw against matplotlib.

Slider to pixels = from a weight slider's new value until the charts on screen have painted
it and the event loop is idle (benchmarks.idle): scoring, chart updates, the robustness bands
when their timer comes due during the drag, and painting. Steps follow each other at once, as
in a fast drag. Each ``measure_*`` function returns table rows.
"""

from __future__ import annotations

import random
import statistics
import time

from .idle import PaintWatcher, timed_steps, until_idle
from .report import Row, ms, p

WINDOW_SIZE = (1400, 900)
"""The window the issue measured in; the bench uses the same."""
ABSOLUTE_TARGET_S = 0.004
RAW_RATIO_TARGET = 5.0
STRUCTURES_TARGET_S = 0.008
STRESS_TARGETS = {(200, 40): 0.010, (1000, 100): 0.025}
RADAR_RATIO_TARGET = 25.0


def stress_scenario(options: int = 200, criteria: int = 40, seed: int = 42):
    """A scenario carrying an ``options`` x ``criteria`` framework of its own."""
    from mcexplorer.core.models import Framework
    from mcexplorer.core.resources import default_scenario

    rng = random.Random(seed)
    directions = ["benefit", "cost", "target"]
    crits = []
    for i in range(criteria):
        d = directions[i % 3]
        c = {"id": f"c{i:03d}", "name": f"Criterion {i}", "direction": d, "scale": [1, 5]}
        if d == "target":
            c["default_target"] = 3
        crits.append(c)
    opts = [{"id": f"o{j:04d}", "name": f"Option {j}",
             "ratings": {c["id"]: rng.randint(2, 10) / 2 for c in crits}}
            for j in range(options)]
    fw = Framework.model_validate({"id": "stress", "title": "Stress", "criteria": crits,
                                   "options": opts, "provenance": "authored-default"})
    scenario = default_scenario()
    scenario.definitions = [fw]
    return scenario


def window_for(scenario):
    """A shown main window on ``scenario``, every tab built."""
    from mcexplorer.core.document import Document
    from mcexplorer.qt.controller import DocumentController
    from mcexplorer.qt.window.main_window import MainWindow

    window = MainWindow(DocumentController(Document(scenario)))
    window.resize(*WINDOW_SIZE)
    window.show()
    until_idle()
    return window


def close_quietly(window) -> None:
    window.controller.undo_stack.setClean()  # no "save changes?" prompt
    window.close()
    window.deleteLater()
    until_idle()


# -- slider to pixels ---------------------------------------------------------------------------


def slider_steps(window, framework_id: str, moves: int, page: int | None = None,
                 warm: int = 20) -> list[float]:
    """Seconds per weight-slider step on one tab (``page``: the structures tab's page)."""
    tab = window.framework_tabs[framework_id]
    window.tabs.setCurrentWidget(tab)
    if page is not None:
        tab.pages.setCurrentIndex(page)
    until_idle()
    sliders = [w.slider for w in tab.weight_sliders.values()]
    charts = [c.viewport() for c in (tab.charts["ranking"], tab.charts["radar"])
              if c.isVisible()]
    watcher = PaintWatcher([*sliders, *charts])

    def step(i: int):
        s = sliders[i % len(sliders)]
        s.setValue((s.value() + 37) % 101)
        shown = [] if s.visibleRegion().isEmpty() else [s]  # scrolled out: no paint
        return [*shown, *charts]

    try:
        timed_steps(step, warm, watcher)
        return timed_steps(step, moves, watcher)
    finally:
        watcher.remove()


def raw_reference(size: tuple[int, int], moves: int, warm: int = 20) -> list[float]:
    """The floor for one chart update: one raw pyqtgraph polygon (a radar profile's pen and
    fill) in a locked-aspect ViewBox of the radar's size, inside a window of the bench's size,
    given new points, until painted and idle, measured exactly like the tabs."""
    import math

    import pyqtgraph as pg
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
    from PySide6.QtWidgets import QGraphicsPolygonItem, QMainWindow, QVBoxLayout, QWidget

    widget = pg.GraphicsLayoutWidget(show=False)
    widget.setBackground("w")
    view = widget.addViewBox(lockAspect=True, enableMouse=False)
    view.setRange(xRange=(-1.5, 1.5), yRange=(-1.36, 1.36), padding=0)
    poly = QGraphicsPolygonItem()
    fill = QColor("#0072B2")
    fill.setAlpha(40)
    poly.setBrush(QBrush(fill))
    pen = QPen(QColor("#0072B2"))
    pen.setWidthF(0.02)
    poly.setPen(pen)
    view.addItem(poly)
    widget.setFixedSize(*size)
    window = QMainWindow()
    holder = QWidget()
    QVBoxLayout(holder).addWidget(widget)
    window.setCentralWidget(holder)
    window.resize(*WINDOW_SIZE)
    window.show()
    until_idle()
    watcher = PaintWatcher([widget.viewport()])
    n = 8

    def step(i: int):
        k = 0.3 + 0.7 * ((i * 37) % 101) / 100
        pts = [QPointF(k * (0.5 + 0.5 * ((j * 7 + i) % 5) / 4) * math.cos(2 * math.pi * j / n),
                       k * (0.5 + 0.5 * ((j * 7 + i) % 5) / 4) * math.sin(2 * math.pi * j / n))
               for j in range(n)]
        poly.setPolygon(QPolygonF(pts))
        return watcher.widgets

    try:
        timed_steps(step, warm, watcher)
        return timed_steps(step, moves, watcher)
    finally:
        watcher.remove()
        window.close()
        window.deleteLater()
        until_idle()


def relayouts_per_drag(window, framework_id: str, moves: int = 200, warm: int = 20) -> int:
    """Steps of a drag (each slider in turn, as ``slider_steps``) in which a widget of the
    weights panel moved: the panel was laid out again (a line under a slider changing its
    height did that on a quarter of the steps, and cost the p95 of issue 25)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    tab = window.framework_tabs[framework_id]
    window.tabs.setCurrentWidget(tab)
    until_idle()
    panel = tab.weights_panel
    moved = [False]

    class Filter(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Move and obj.isWidgetType() \
                    and panel.isAncestorOf(obj):
                moved[0] = True
            return False

    sliders = [w.slider for w in tab.weight_sliders.values()]
    charts = [c.viewport() for c in (tab.charts["ranking"], tab.charts["radar"])
              if c.isVisible()]
    watcher = PaintWatcher([*sliders, *charts])
    watch = Filter()
    app = QApplication.instance()
    count = 0
    try:
        for i in range(warm + moves):
            s = sliders[i % len(sliders)]
            moved[0] = False
            watcher.clear()
            if i == warm:
                app.installEventFilter(watch)
            s.setValue((s.value() + 37) % 101)
            until_idle(watcher, ([] if s.visibleRegion().isEmpty() else [s]) + charts)
            count += moved[0]
    finally:
        app.removeEventFilter(watch)
        watcher.remove()
    return count


def refreshes_per_burst(window, framework_id: str, burst: int = 50) -> int:
    """How many times the tab refreshes for ``burst`` slider values set before the loop runs."""
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
        until_idle()
    finally:
        tab.refresh = original
    return count


def _p50_p95(times: list[float]) -> str:
    return f"{ms(p(times, .5))} / {ms(p(times, .95))}"


def measure_default_latency(window, moves: int = 400) -> list[Row]:
    """The three built-in tabs (structures on both pages) and the raw reference."""
    bm = slider_steps(window, "business-models", moves)
    radar = window.framework_tabs["business-models"].radar_chart
    raw = raw_reference((radar.width(), radar.height()), moves)
    eco = slider_steps(window, "credential-ecology", moves)
    st_fit = slider_steps(window, "structures", moves // 2, page=1)
    st_hz = slider_steps(window, "structures", moves // 2, page=0)
    bursts = refreshes_per_burst(window, "business-models")
    relayouts = relayouts_per_drag(window, "business-models")
    raw95 = p(raw, .95)
    rows = [Row("Raw reference: one pyqtgraph polygon update + repaint until idle (p50 / p95)",
                _p50_p95(raw), "(reference)", None,
                f"{radar.width()}x{radar.height()} px, the business-model radar's size")]
    for label, times in (("business models", bm), ("credential ecology", eco)):
        p95 = p(times, .95)
        rows.append(Row(f"Slider to pixels until idle, {label} (p50 / p95)", _p50_p95(times),
                        f"p95 <= {ABSOLUTE_TARGET_S * 1000:.0f} ms (quiet machine)",
                        p95 <= ABSOLUTE_TARGET_S))
        rows.append(Row(f"Slider to pixels, {label}: p95 against the raw reference",
                        f"{ms(p95)} / {ms(raw95)} = {p95 / raw95:.1f}x",
                        f"<= {RAW_RATIO_TARGET:.0f}x", p95 / raw95 <= RAW_RATIO_TARGET))
    for label, times in (("Three Horizons page", st_hz), ("Fit page", st_fit)):
        rows.append(Row(f"Slider to pixels until idle, structures, {label} (p50 / p95)",
                        _p50_p95(times), f"p95 <= {STRUCTURES_TARGET_S * 1000:.0f} ms",
                        p(times, .95) <= STRUCTURES_TARGET_S,
                        f"max {ms(max(times))}"))
    rows.append(Row("Steps of a 200-step drag that lay the weights panel out again",
                    f"{relayouts}", "<= 10 (each line's height settles once)", relayouts <= 10,
                    "business models; 38 before issue 25's fix"))
    rows.append(Row("Redraws for a 50-value burst (drag)", f"{bursts}",
                    "(reported: the first value at once, the latest at the turn's end)", None))
    return rows


def measure_stress_latency(options: int, criteria: int, moves: int) -> list[Row]:
    window = window_for(stress_scenario(options, criteria))
    try:
        times = slider_steps(window, "stress", moves, warm=10)
    finally:
        close_quietly(window)
    target = STRESS_TARGETS[(options, criteria)]
    return [Row(f"Slider to pixels until idle, {options} options x {criteria} criteria "
                "(p50 / p95)", _p50_p95(times), f"p95 <= {target * 1000:.0f} ms",
                p(times, .95) <= target)]


# -- against matplotlib -------------------------------------------------------------------------


def radar_updates(window, updates: int):
    """Seconds per radar data change + synchronous repaint; also the chart size and its data."""
    from mcexplorer.qt.charts.radar import RadarData, RadarSeries

    tab = window.framework_tabs["business-models"]
    window.tabs.setCurrentWidget(tab)
    until_idle()
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
    ours, size, base = radar_updates(window, 200)
    theirs = matplotlib_radar_updates(base, size, 40)
    ratio = statistics.median(theirs) / statistics.median(ours)
    return [Row("Radar redraw: mcexplorer vs matplotlib's polar radar (median)",
                f"{ms(statistics.median(ours))} vs {ms(statistics.median(theirs))} "
                f"= {ratio:.1f}x faster", f">= {RADAR_RATIO_TARGET:.0f}x faster",
                ratio >= RADAR_RATIO_TARGET, f"{size[0]}x{size[1]} px")]
