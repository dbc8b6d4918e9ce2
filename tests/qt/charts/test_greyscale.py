"""In greyscale the leader, the other options on the radar and the options off it stay
distinct, by shape, pattern or line weight rather than colour (issue 25, point 5): the
ranking and the radar are drawn on screen and as an export, turned into luma and read back.

The colours are chosen so colour cannot do the work: the leader's bar is black (a heavy black
edge on a black bar is lost), and the radar's two options have nearly the same grey."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage

from mcexplorer.core.chart_data import RadarData, RadarSeries, RankingData, RankingRow
from mcexplorer.qt.charts.export import ImageSpec, laid_out, render_chart
from mcexplorer.qt.charts.radar import RadarChart
from mcexplorer.qt.charts.radar_body import angles
from mcexplorer.qt.charts.ranking import RankingChart
from mcexplorer.qt.charts.ranking_body import BAR_HEIGHT

WIDTH = 900

ROWS = (RankingRow("Leader", 80.0, 1, False, "#000000"),       # first on its own, on the radar
        RankingRow("Second", 70.0, 2, False, "#0072B2"),       # on the radar
        RankingRow("Third", 62.0, 3, False, "#D55E00"),        # on the radar
        RankingRow("Fourth", 55.0, 4, False, ""),              # not on the radar
        RankingRow("Fifth", 48.0, 5, False, ""))               # not on the radar

# Two options whose colours turn into nearly the same grey (120 and 118 of 255).
LEADER, OTHER = (0.85, "#D55E00"), (0.4, "#B2478A")
RADAR = RadarData(tuple(f"Criterion {i}" for i in range(6)),
                  (RadarSeries("First", LEADER[1], (LEADER[0],) * 6, leader=True),
                   RadarSeries("Second", OTHER[1], (OTHER[0],) * 6)))


def luma(image: QImage) -> np.ndarray:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = grey.width(), grey.height()
    raw = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.bytesPerLine() * height)
    return raw.reshape(height, grey.bytesPerLine())[:, :width].astype(float)


def _to_view(chart, item, rect: QRectF) -> QRectF:
    return chart.mapFromScene(item.mapToScene(rect).boundingRect()).boundingRect().toRectF()


def bar_boxes(chart) -> list[QRectF]:
    """Each row's bar in the chart's pixels, as the ranking paints it."""
    body = chart.body
    lay = body.layout_now()
    lo, hi = body._span()
    row_h = BAR_HEIGHT / (hi - lo) * lay.plot.height()
    n = len(body.rows)
    out = []
    for i, r in enumerate(body.rows):
        y = body.y_px(lay, n - 1 - i)
        bar = QRectF(lay.plot.left(), y - row_h / 2, body.x_px(lay, r.fit) - lay.plot.left(),
                     row_h)
        out.append(_to_view(chart, body, bar))
    return out


def framed(grey: np.ndarray, bar: QRectF, zoom: int = 1) -> bool:
    """A line of its own around the bar: from the bar's top and bottom edges outwards (in the
    bar's middle), a light gap and then a dark line within 8 pixels (at the chart's scale)."""
    x = int(bar.center().x())
    found = []
    for start, step in ((int(bar.top()) - 1, -1), (math.ceil(bar.bottom()), 1)):
        column = [grey[start + k * step, x] for k in range(8 * zoom)]
        light = next((k for k, v in enumerate(column) if v > 200), None)
        found.append(light is not None and any(v < 90 for v in column[light:]))
    return all(found)


def hatched(grey: np.ndarray, bar: QRectF, zoom: int = 1) -> bool:
    """A pattern inside the bar (its grey varies, light and dark), not a solid fill or a
    flat tint."""
    m = 4 * zoom
    inside = grey[int(bar.top()) + m:int(bar.bottom()) - m, int(bar.left()) + m:
                  int(bar.right()) - m]
    return inside.std() > 20 and inside.max() - inside.min() > 80


def _shown(qtbot, chart, data):
    qtbot.addWidget(chart)
    chart.resize(WIDTH, int(WIDTH * chart.export_aspect))
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_data(data)
    chart.ensure_drawn()
    return chart


ZOOM = {"screen": 1, "export": 1, "report": 3}
"""Image pixels per chart pixel: the report draws its figures at 288 dpi."""


def _drawn(chart, where: str):
    """(luma image, the chart laid out as drawn): the window's chart grabbed, or the export
    (an image at 96 dpi, or the report's figure at 288)."""
    if where == "screen":
        return luma(chart.grab().toImage()), chart
    height = math.ceil(WIDTH * chart.export_aspect)
    zoom = ZOOM[where]
    image = render_chart(chart, spec=ImageSpec(width=WIDTH * zoom, dpi=96 * zoom))
    return luma(image), laid_out(chart, WIDTH, height)


def _scaled(rect: QRectF, zoom: int) -> QRectF:
    return QRectF(rect.x() * zoom, rect.y() * zoom, rect.width() * zoom, rect.height() * zoom)


@pytest.mark.parametrize("where", ["screen", "export", "report"])
def test_ranking_leader_others_and_off_radar_differ_in_greyscale(qtbot, where):
    chart = _shown(qtbot, RankingChart("business-models"), RankingData(ROWS))
    grey, layout = _drawn(chart, where)
    zoom = ZOOM[where]
    if where == "screen":
        boxes = bar_boxes(chart)
    else:
        with layout as twin:
            boxes = [_scaled(b, zoom) for b in bar_boxes(twin)]
    looks = [(framed(grey, b, zoom), hatched(grey, b, zoom)) for b in boxes]
    assert looks[0] == (True, False), looks   # the leader: framed, solid
    assert looks[1:3] == [(False, False)] * 2, looks  # the others on the radar: solid
    assert looks[3:] == [(False, True)] * 2, looks  # off the radar: hatched
    assert len(set(looks)) == 3


def line_widths(grey: np.ndarray, chart) -> list[float]:
    """The width in pixels of each profile's line (LEADER's, then OTHER's), measured across
    one edge of its hexagon on the ray half-way between two spokes."""
    body = chart.body
    lay = body.layout_now()
    centre = _to_view(chart, body, QRectF(lay.centre, lay.centre)).topLeft()
    scale = _to_view(chart, body, QRectF(0, 0, 100, 100)).width() / 100
    a = (angles(6)[0] + angles(6)[1]) / 2
    widths = []
    for value, _colour in (LEADER, OTHER):
        apothem = value * lay.r * scale * math.cos(math.pi / 6)
        dark = 0
        for k in range(int((apothem - 12) * 4), int((apothem + 12) * 4)):
            d = k / 4
            p = QPointF(centre.x() + d * math.cos(a), centre.y() - d * math.sin(a))
            dark += grey[round(p.y()), round(p.x())] < 170
        widths.append(dark / 4)
    return widths


@pytest.mark.parametrize("where", ["screen", "export"])
def test_radar_leader_line_is_heavier_in_greyscale(qtbot, where):
    chart = _shown(qtbot, RadarChart("business-models"), RADAR)
    grey, layout = _drawn(chart, where)
    if where == "screen":
        lead, other = line_widths(grey, chart)
    else:
        with layout as twin:
            lead, other = line_widths(grey, twin)
    assert other >= 1.5, (lead, other)  # the other option's line is there
    assert lead >= 1.5 * other, (lead, other)
