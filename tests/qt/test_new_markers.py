"""New markers land in a free, visible spot, and names keep clear of each other and of markers,
on the ecology map and the Three Horizons chart (at 1024x768, a projector)."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from screen_checks import chart_problems

from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.structures import edits as hz_edits

ECO, HZ = "credential-ecology", "structures"


def overlap(a, b) -> float:
    """The area two QRectF share (0 when apart)."""
    i = a.intersected(b)
    return 0.0 if i.isEmpty() else i.width() * i.height()


def projector(open_window, fid, qtbot):
    window = open_window(fid)
    window.resize(1024, 740)
    qtbot.wait(20)
    return window, window.framework_tabs[fid]


def press(qtbot, button, times: int) -> None:
    for _ in range(times):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait(5)


def test_added_offerings_do_not_cover_each_other(open_window, qtbot):
    _window, tab = projector(open_window, ECO, qtbot)
    press(qtbot, tab.add_button, 7)
    chart = tab.map_chart
    ids = chart.marker_ids()
    assert len(ids) == 7
    view = chart.viewport().rect()
    px, _ = chart._pixel_size()
    centres = {oid: chart.marker_viewport_pos(oid) for oid in ids}
    radii = {oid: d.width() / 2 / px * chart.view_scale
             for oid, d in zip(ids, chart.disc_rects())}
    for oid, p in centres.items():
        assert view.contains(p.toPoint()), oid  # on screen
        o = eco_edits.find(tab.document, oid)
        assert -1 <= o.x <= 1 and -1 <= o.y <= 1
    for a, b in itertools.combinations(ids, 2):
        d = math.hypot(centres[a].x() - centres[b].x(), centres[a].y() - centres[b].y())
        assert d >= radii[a] + radii[b], (a, b, d)
    # The newest is selected, so the planner sees which one to drag.
    assert chart.selected == ids[-1]


def test_added_initiatives_land_clear_of_every_marker(open_window, qtbot):
    _window, tab = projector(open_window, HZ, qtbot)
    press(qtbot, tab.add_button, 3)
    chart = tab.horizons_chart
    data = chart.data
    assert len(data.initiatives) == 3
    rect = chart.view.sceneBoundingRect()
    everything = list(data.fixed) + list(data.initiatives)
    for new in data.initiatives:
        p = chart.scene_pos(new.time, new.horizon)
        assert rect.contains(p), new  # inside the plot
        for other in everything:
            if other.id == new.id:
                continue
            q = chart.scene_pos(other.time, other.horizon)
            # Marker diameters are at most 26 px: centres this far apart do not touch.
            assert math.hypot(p.x() - q.x(), p.y() - q.y()) >= 24, (new.label, other.label)
    # Two presses never give the same place (the issue: the second sat on the first).
    spots = {(m.time, m.horizon) for m in data.initiatives}
    assert len(spots) == 3
    assert chart.selected == data.initiatives[-1].id


def test_names_on_the_horizons_chart_do_not_overlap(open_window, qtbot):
    window, tab = projector(open_window, HZ, qtbot)
    doc = window.document
    for name, t, h in (("Regional skills partnership", 0.3, 1.0), ("Micro-masters pilot", 0.5, 2.0),
                       ("Employer academy", 0.5, 2.5), ("Spin-out venture", 0.85, 3.0)):
        window.controller.push(hz_edits.add_initiative(doc, name, t, h))
    qtbot.wait(20)
    overlaps = [p for p in chart_problems(tab.horizons_chart) if "overlaps" in p]
    assert not overlaps


def test_region_names_move_out_from_under_a_marker(open_window, qtbot):
    window, tab = projector(open_window, ECO, qtbot)
    chart = tab.map_chart
    # A big offering right on the top-left corner, where "Macro-credentials" is written.
    window.controller.push(eco_edits.add_offering(window.document, "Big MBA", -0.85, 0.85, 900))
    qtbot.wait(20)
    discs = chart.disc_rects()
    for text, rect in zip(chart.region_texts(), chart.region_rects()):
        assert all(overlap(rect, d) == 0 for d in discs), text
    overlaps = [p for p in chart_problems(chart) if "overlaps" in p]
    assert not overlaps


def test_marker_tooltip_gives_the_full_name(open_window, qtbot):
    window, tab = projector(open_window, HZ, qtbot)
    long_name = "A very long initiative name that cannot fit on the chart"
    window.controller.push(hz_edits.add_initiative(window.document, long_name, 0.2, 1.5))
    qtbot.wait(20)
    chart = tab.horizons_chart
    m = chart.initiatives()[-1]
    shown = [lab.toPlainText() for lab in chart._labels]
    assert long_name not in shown and any(s.endswith("\u2026") for s in shown)
    tip = chart.tooltip_at(chart.scene_pos(m.time, m.horizon) + QPointF(2, 0))
    assert tip.startswith(long_name)
