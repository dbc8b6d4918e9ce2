"""The ecology map's quadrant titles and axis names at every chart style (issue 25 point 6):
presenting (larger type) on a 1024 px projector and the print style an export or the report
draws in. A title stays whole (every word of the region's name and its share of volume, no
word broken across lines), inside its own quadrant and clear of every marker's disc, number
badge and name, and no name under another marker's number; the four axis names stay whole
inside the chart. Checked on the boxes as painted (scene pixels)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from screen_checks import chart_texts

from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.qt.charts.export import laid_out
from mcexplorer.qt.ecology.charts.map import EcologyMap

FID = "credential-ecology"
LONG_NAME = "Professional certificate in data-informed curriculum leadership"
WORKSHOP = ((LONG_NAME, 0.55, 0.6, 400), ("Short course in AI", -0.6, -0.5, 150),
            ("Link <b>text</b>", 0.5, -0.55, 80), ("Stackable MBA module", 0.45, 0.7, 120),
            ("Offering 5", 0.0, 0.0, 100), ("Offering 6", -0.4, 0.0, 100))
"""Offerings as the screenshot run has them after a while of a workshop (markers near the
corners where the titles sit, one on the centre, one on an axis)."""
CORNERS = ((0.9, 0.9, 60), (-0.9, 0.9, 30), (-0.9, -0.9, 200), (0.9, -0.9, 90))
"""One offering in every quadrant's outer corner, where its title starts."""


def add(window, qtbot, offerings) -> None:
    doc, push = window.document, window.controller.push
    for name, x, y, volume in offerings:
        push(eco_edits.add_offering(doc, name, x, y, volume))
    qtbot.wait(50)


def shared(a: QRectF, b: QRectF) -> float:
    i = a.intersected(b)
    return 0.0 if i.isEmpty() else i.width() * i.height()


def title_problems(chart: EcologyMap) -> list[str]:
    """What is wrong with the titles and axis names as painted ([] when all is well)."""
    out = []
    chart.label_boxes()  # the names placed, as a paint does
    painted = chart_texts(chart)
    titles = [(t, box, item) for region in chart._region_texts  # in the corners' order
              for t, box, item in painted if item is region]
    if len(titles) != 4:
        return [f"{len(titles)} titles painted"]
    layer = chart._layer
    marks = [(t, box) for t, box, item in painted if item is layer]  # names and badges
    to_scene = chart.view.mapViewToScene
    discs = [to_scene(d).boundingRect() for d in chart.disc_rects()]
    shares = chart.data.shares
    lens = chart.data.lens
    view = chart.view.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    for pos, (text, box, item) in zip(("top-left", "top-right", "bottom-left", "bottom-right"),
                                      titles):
        flat = " ".join(text.split())
        region = lens.region_at(pos)
        whole = [region.name, f"{100 * shares[pos]:.0f}% of volume"] \
            if region is not None and pos in shares else []
        for part in whole:
            if part not in flat:
                out.append(f"title cut: {flat!r} lacks {part!r}")
        doc = item.textItem.document()
        if doc.textWidth() > 0 and doc.idealWidth() > doc.textWidth() + 0.5:
            out.append(f"title {flat!r} breaks a word across lines")
        if not view.contains(box):
            out.append(f"title {flat!r} outside the plot")
        # In its own quadrant (scene y grows downwards).
        centre = to_scene(QRectF(-1, -1, 2, 2)).boundingRect().center()
        right, top = pos.endswith("right"), pos.startswith("top")
        if (box.left() < centre.x() - 1) if right else (box.right() > centre.x() + 1):
            out.append(f"title {flat!r} across the vertical axis")
        if (box.top() < centre.y() - 1) if not top else (box.bottom() > centre.y() + 1):
            out.append(f"title {flat!r} across the horizontal axis")
        for t, other in marks:
            if shared(box, other) > 1.0:
                out.append(f"title {flat!r} over {t!r}")
        for k, disc in enumerate(discs):
            if shared(box, disc) > 1.0:
                out.append(f"title {flat!r} over marker {k + 1}")
    # A name never under another marker's number.
    numbers = {str(m.number) for m in chart.data.markers}
    shown = {text: oid for oid, text, _box in chart.label_boxes()}
    own = {m.id: str(m.number) for m in chart.data.markers}
    for (ta, a), (tb, b) in itertools.permutations(marks, 2):
        if ta in shown and tb in numbers and own[shown[ta]] != tb and shared(a, b) > 1.0:
            out.append(f"name {ta!r} over badge {tb!r}")
    axis_names = [(t, box, item) for t, box, item in painted
                  if item not in chart._region_texts and item is not layer
                  and t.startswith(("\u25B2", "\u25BC"))]
    if len(axis_names) != 4:
        out.append(f"{len(axis_names)} axis names painted")
    for t, box, _item in axis_names:
        if not view.contains(box):
            out.append(f"axis name cut: {t!r}")
    for (ta, a, _i), (tb, b, _j) in itertools.combinations(axis_names + titles, 2):
        if shared(a, b) > 1.0:
            out.append(f"{ta!r} overlaps {tb!r}")
    return out


@pytest.mark.parametrize("style", ["normal", "presenting"])
@pytest.mark.parametrize("lens", ["ecology", "landscape"])
@pytest.mark.parametrize("offerings", [WORKSHOP, WORKSHOP + tuple(
    (f"Corner {i}", x, y, v) for i, (x, y, v) in enumerate(CORNERS))], ids=["workshop", "corners"])
def test_titles_stay_whole_and_clear_of_markers_on_screen(projector, qtbot, offerings, lens,
                                                          style):
    window, tab = projector
    window.controller.push(eco_edits.set_lens(window.document, lens))
    add(window, qtbot, offerings)
    window.room.presentation.toggle(style == "presenting")
    qtbot.waitUntil(lambda: tab.map_chart.style.kind == style)
    qtbot.wait(50)
    chart = tab.map_chart
    assert chart.isVisible() and chart.view.width() >= 200
    assert title_problems(chart) == []
    window.room.presentation.toggle(False)


@pytest.mark.parametrize("lens", ["ecology", "landscape"])
def test_titles_stay_whole_and_clear_of_markers_in_an_export(projector, qtbot, lens):
    window, tab = projector
    window.controller.push(eco_edits.set_lens(window.document, lens))
    add(window, qtbot, WORKSHOP + tuple((f"Corner {i}", x, y, v)
                                        for i, (x, y, v) in enumerate(CORNERS)))
    # The report's figure (500 px wide for a map) and the export dialog's default PNG.
    for width in (500, 960):
        with laid_out(tab.map_chart, width, round(width * EcologyMap.export_aspect)) as twin:
            assert twin.style.kind == "print"
            assert title_problems(twin) == [], width
