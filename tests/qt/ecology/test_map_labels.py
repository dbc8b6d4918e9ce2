"""Names on a crowded ecology map (issue 25 point 6): never over a quadrant's title or another
name, always inside their marker's quadrant; a name with no room is shortened or left out,
and the map says how many are left out. Checked on the boxes as painted, at 1024x768."""

from __future__ import annotations

import itertools
import random

import pytest
from PySide6.QtCore import QRectF
from screen_checks import chart_texts

from mcexplorer.core.ecology import edits as eco_edits

FID = "credential-ecology"


def crowd(window, qtbot, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    doc, push = window.document, window.controller.push
    for i in range(n):
        name = rnd.choice(["Data analytics micro-credential", "MBA module", "Green skills",
                           "Professional certificate in leadership", "AI ethics"])
        push(eco_edits.add_offering(doc, f"{name} {i}", rnd.uniform(-1, 1), rnd.uniform(-1, 1),
                                    rnd.uniform(10, 500)))
    qtbot.wait(50)


def shared(a: QRectF, b: QRectF) -> float:
    i = a.intersected(b)
    return 0.0 if i.isEmpty() else i.width() * i.height()


def quadrant(x: float, y: float) -> QRectF:
    return QRectF(0 if x >= 0 else -1, 0 if y >= 0 else -1, 1, 1)


@pytest.mark.parametrize("lens", ["landscape", "holoniq"])
def test_names_on_a_crowded_map_keep_to_their_quadrant_and_clear_of_titles(projector, qtbot,
                                                                           lens):
    window, tab = projector
    window.controller.push(eco_edits.set_lens(window.document, lens))
    crowd(window, qtbot, 40)
    chart = tab.map_chart
    markers = {m.id: m for m in chart.data.markers}
    labels = chart.label_boxes()
    left_out = chart.names_left_out()
    # Some names shown, the rest counted (40 long names cannot all fit a 300 px plane).
    assert len(labels) >= 4 and left_out > 0
    assert len(labels) + left_out == len(markers) == 40
    assert f"{left_out} names left out" in chart.caption
    for oid, text, box in labels:
        m = markers[oid]
        assert quadrant(m.x, m.y).adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(box), (text, box)
        assert text == m.text or (text.endswith("\u2026") and m.text.startswith(text[:-1]))
    for (_a, ta, a), (_b, tb, b) in itertools.combinations(labels, 2):
        assert shared(a, b) < 1e-9, (ta, tb)
    # Never mostly under other markers (the discs are painted over the names).
    discs = dict(zip(chart.marker_ids(), chart.disc_rects()))
    for oid, text, box in labels:
        covered = sum(shared(box, d) for other, d in discs.items() if other != oid)
        assert covered <= 0.25 * box.width() * box.height() + 1e-9, text
    # As painted, in scene pixels: names against the quadrants' titles and each other.
    painted = chart_texts(chart)
    titles = [box for _t, box, item in painted if item in chart._region_texts]
    shown = {text for _oid, text, _box in labels}
    names = [(t, box) for t, box, item in painted if item not in chart._region_texts
             and t in shown]
    assert len(titles) == 4 and len(names) == len(labels)
    for t, box in names:
        assert all(shared(box, title) == 0 for title in titles), t
    for (ta, a), (tb, b) in itertools.combinations(names, 2):
        assert shared(a, b) < 0.5, (ta, tb)


def test_a_few_offerings_all_get_a_name(projector, qtbot):
    window, tab = projector
    doc, push = window.document, window.controller.push
    for name, x, y in (("MSc Data", -0.6, 0.6), ("Python MOOC", -0.5, -0.5),
                       ("Leadership badge", 0.5, -0.6), ("Cyber certificate", 0.45, 0.5)):
        push(eco_edits.add_offering(doc, name, x, y, 100))
    qtbot.wait(50)
    chart = tab.map_chart
    assert chart.names_left_out() == 0
    shown = {oid: text for oid, text, _box in chart.label_boxes()}
    for m in chart.data.markers:  # whole, or its start where the quadrant has no room
        assert shown[m.id] == m.text or m.text.startswith(shown[m.id].rstrip("\u2026"))
    assert sum(shown[m.id] == m.text for m in chart.data.markers) >= 3
    assert "left out" not in chart.caption
