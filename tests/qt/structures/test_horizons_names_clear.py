"""Three Horizons names clear of each other and of every marker (issue 25, point 4: "CPD for
alu..." over "H2" and "Prof. body"), on screen at 1024x768 and at the report's printed size
(the chart 16.4 cm wide on an A4 page), with initiatives with long names crowding the chart;
every marker at least 4 mm across on the page, a structure's number inside its circle."""

from __future__ import annotations

import itertools

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF

from mcexplorer.core.structures import edits as hz
from mcexplorer.qt.charts.export import laid_out
from mcexplorer.qt.export.report_writer import FIGURE_WIDTH

ST = "structures"
PAGE_MM = FIGURE_WIDTH / 96 * 25.4  # the chart's width on the report's page
SLACK = 1.0  # pixels of rounding forgiven
INITIATIVES = (("CPD for alumni in the professions", 0.35, 2.0),
               ("Professional certificate in data-informed curriculum leadership", 0.55, 2.0),
               ("Regional skills partnership", 0.3, 1.0),
               ("<a href='http://x/'>CLICK</a>", 0.8, 3.0),
               ("Micro-credential pilot with employers", 0.62, 1.4),
               ("Stackable MBA module", 0.18, 1.0))


def _glyphs(item: pg.TextItem) -> QRectF:
    inner = item.textItem
    m = inner.document().documentMargin()
    return inner.mapRectToScene(inner.boundingRect().adjusted(m, m, -m, -m))


def _markers(chart) -> list[QRectF]:
    """Every marker's box in scene pixels (the scatters draw them at a size in pixels)."""
    out = []
    for scatter in (chart._structures, chart._models, chart._initiatives):
        for p in scatter.points():
            c = chart.view.mapViewToScene(QPointF(p.pos().x(), p.pos().y()))
            r = p.size() / 2
            out.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
    return out


def _clash(a: QRectF, b: QRectF) -> bool:
    i = a.intersected(b)
    return i.width() > SLACK and i.height() > SLACK


def problems(chart) -> list[str]:
    names = [(lab.toPlainText(), _glyphs(lab), lab) for lab in chart._labels
             if not getattr(lab, "overlap_ok", False)]
    badges = [(lab.toPlainText(), _glyphs(lab)) for lab in chart._labels
              if getattr(lab, "overlap_ok", False)]
    curves = [(lab.toPlainText(), _glyphs(lab)) for lab in chart._curve_labels.values()]
    markers = _markers(chart)
    plot = chart.view.sceneBoundingRect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    out = []
    for (ta, a, _), (tb, b, _) in itertools.combinations(names, 2):
        if _clash(a, b):
            out.append(f"'{ta}' over '{tb}'")
    for text, box, _ in names:
        out += [f"'{text}' over curve name '{c}'" for c, cb in curves if _clash(box, cb)]
        out += [f"'{text}' over a marker at {m.center().toPoint()}" for m in markers
                if _clash(box, m)]
        if not plot.contains(box):
            out.append(f"'{text}' outside the plot")
    for text, box in badges:  # a structure's number inside its own circle
        if not any(m.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(box) for m in markers):
            out.append(f"number '{text}' not inside its marker")
    return out


@pytest.fixture
def crowded(open_window, qtbot):
    window = open_window(ST)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    doc = window.document
    for name, time, horizon in INITIATIVES:
        window.controller.push(hz.add_initiative(doc, name, time, horizon))
    chart = window.framework_tabs[ST].horizons_chart
    qtbot.waitUntil(lambda: len(chart.initiatives()) == len(INITIATIVES), timeout=3000)
    qtbot.wait(50)
    chart.ensure_drawn()
    return chart


def test_names_clear_of_names_and_markers_on_screen(crowded):
    found = problems(crowded)
    assert not found, found


def test_names_clear_and_markers_legible_at_printed_size(crowded):
    height = round(FIGURE_WIDTH * crowded.export_aspect)
    with laid_out(crowded, FIGURE_WIDTH, height) as twin:
        found = problems(twin)
        mm = PAGE_MM / twin.viewport().width()  # millimetres per pixel on the page
        smallest = min(m.width() for m in _markers(twin)) * mm
    assert not found, found
    assert smallest >= 4.0, f"a marker {smallest:.1f} mm across"
