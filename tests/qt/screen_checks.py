"""What a planner would see as clipped or overlapping text, found from the widgets themselves.

``problems(window)`` walks the visible part of the window and returns one line per problem:
- a label, button or check box cut by its parent or squeezed below the size its text needs
  (inside a scroll area a widget may be scrolled out of view vertically, never cut sideways);
- a chart's text (titles, labels, legend entries, axis ticks) outside the chart or outside
  the plot area that clips it;
- two texts of one chart on top of each other, or two tick labels of an axis running together.

Used by the screenshot run under Xvfb (``screens.py``) and by the offscreen layout tests.
"""

from __future__ import annotations

import itertools

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGroupBox,
    QLabel,
    QScrollArea,
    QWidget,
)

from mcexplorer.qt.charts.base import Chart

SLACK = 1.5
"""Pixels of rounding forgiven."""
MIN_OVERLAP = 6.0
"""Two chart texts overlapping by less than this many pixels each way are not reported."""


def _name(w: QWidget) -> str:
    text = ""
    if isinstance(w, (QLabel, QAbstractButton)):
        text = w.text()
    elif isinstance(w, QGroupBox):
        text = w.title()
    text = " ".join(text.split())
    return f"{type(w).__name__} {w.objectName() or ''} '{text[:50]}'".replace("  ", " ")


def _in_scroll_area(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def _inside_item_view(w: QWidget) -> bool:
    """Editors and widgets inside list and table views scroll with them."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea) and not isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def cut_off(window: QWidget) -> list[str]:
    """Widgets of any kind (charts, tables, panels) that run past the window's edge."""
    out = []
    inside = window.rect()
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.window() is not window:
            continue
        if _inside_item_view(w) or _in_scroll_area(w):
            continue
        box = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
        if box.left() < 0 or box.top() < 0:
            continue  # parked out of sight on purpose (a dock's spare tab bar)
        if not inside.adjusted(-1, -1, 1, 1).contains(box):
            out.append(f"runs past the window ({box.right() + 1 - inside.width()} px right, "
                       f"{box.bottom() + 1 - inside.height()} px down): "
                       f"{type(w).__name__} {w.objectName()}")
    return out


def widget_problems(window: QWidget) -> list[str]:
    out = []
    kinds = (QLabel, QAbstractButton, QGroupBox)
    for w in window.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisible() or isinstance(w, pg.GraphicsView):
            continue
        if _inside_item_view(w) or w.window() is not window:
            continue
        if isinstance(w, QLabel) and not w.text().strip() and w.pixmap().isNull():
            continue
        full = w.rect()
        seen = w.visibleRegion().boundingRect()
        if seen.isEmpty():
            if not _in_scroll_area(w):
                out.append(f"hidden behind its parent: {_name(w)}")
            continue
        if seen.width() < full.width() - SLACK:
            out.append(f"cut sideways ({seen.width()} of {full.width()} px): {_name(w)}")
        elif seen.height() < full.height() - SLACK and not _in_scroll_area(w):
            out.append(f"cut ({seen.height()} of {full.height()} px high): {_name(w)}")
        out.extend(_text_fit(w))
    return out


def _text_fit(w: QWidget) -> list[str]:
    if isinstance(w, QLabel):
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + SLACK:
                return [f"wrapped text needs {need} px, has {w.height()}: {_name(w)}"]
            return []
        hint = w.minimumSizeHint()
        if hint.width() > w.width() + SLACK:
            return [f"text needs {hint.width()} px, has {w.width()}: {_name(w)}"]
        return []
    if isinstance(w, QAbstractButton) and w.text():
        hint = w.minimumSizeHint()
        if hint.width() > w.width() + SLACK or hint.height() > w.height() + SLACK:
            return [f"squeezed to {w.width()}x{w.height()} (needs {hint.width()}x"
                    f"{hint.height()}): {_name(w)}"]
    return []


# -- charts -------------------------------------------------------------------------------


def _text_of(item) -> str:
    if isinstance(item, pg.TextItem):
        return item.toPlainText()
    if isinstance(item, pg.LabelItem):
        return item.item.toPlainText()
    return ""


def _clip_rect(item, chart_rect: QRectF) -> QRectF:
    """The part of the scene an item can be seen in: the chart, cut by any ViewBox above it."""
    rect = QRectF(chart_rect)
    p = item.parentItem()
    while p is not None:
        if isinstance(p, pg.ViewBox):
            rect = rect.intersected(p.sceneBoundingRect())
        p = p.parentItem()
    return rect


def chart_texts(chart: Chart) -> list[tuple[str, QRectF, object]]:
    """Every visible text of a chart with its box in scene pixels."""
    found = []
    for item in chart.scene().items():
        if not isinstance(item, (pg.TextItem, pg.LabelItem)) or not item.isVisible():
            continue
        if item.opacity() == 0:
            continue
        text = _text_of(item).strip()
        if not text:
            continue
        text_item = item.textItem if isinstance(item, pg.TextItem) else item.item
        # The glyphs, not the document's margin around them.
        m = text_item.document().documentMargin()
        box = text_item.mapRectToScene(text_item.boundingRect().adjusted(m, m, -m, -m))
        found.append((text, box, item))
    for item in chart.scene().items():  # a chart's plot painted as one item (radar, ranking)
        boxes = getattr(item, "text_boxes", None)
        if callable(boxes) and item.isVisible():
            found.extend((text, item.mapRectToScene(box), item) for text, box in boxes()
                         if text.strip())
    return found


def _axis_problems(chart: Chart, axis: pg.AxisItem, view_rect: QRectF) -> list[str]:
    if not axis.isVisible() or axis.style.get("showValues") is False:
        return []
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(p)
    finally:
        p.end()
    if not specs:
        return []
    out = []
    boxes = []
    for rect, _flags, text in specs[2]:
        scene = axis.mapRectToScene(QRectF(rect))
        if not text.strip():
            continue
        boxes.append((text, scene))
        if not view_rect.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(scene):
            out.append(f"{chart.objectName()}: tick '{text}' outside the chart")
    fm = pg.QtGui.QFontMetricsF(axis.style["tickFont"] or axis.font())
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        # pyqtgraph's boxes may be wider than the text: compare the texts' own extents.
        ca, cb = a.center(), b.center()
        if axis.orientation in ("top", "bottom"):
            room = (fm.horizontalAdvance(ta) + fm.horizontalAdvance(tb)) / 2 + 4
            if abs(ca.x() - cb.x()) < room and abs(ca.y() - cb.y()) < fm.height():
                out.append(f"{chart.objectName()}: ticks '{ta}' and '{tb}' run together")
        elif abs(ca.y() - cb.y()) < fm.height() - 2 and abs(ca.x() - cb.x()) < 4:
            out.append(f"{chart.objectName()}: ticks '{ta}' and '{tb}' overlap")
    return out


def chart_problems(chart: Chart) -> list[str]:
    if not chart.isVisible() or chart.viewport().visibleRegion().isEmpty():
        return []
    name = chart.objectName()
    seen = chart.viewport().visibleRegion().boundingRect()
    view_rect = chart.mapToScene(seen).boundingRect()
    out = []
    texts = chart_texts(chart)
    for text, box, item in texts:
        clip = _clip_rect(item, view_rect).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not clip.contains(box):
            out.append(f"{name}: text cut off: '{text[:40]}'")
    for (ta, a, ia), (tb, b, ib) in itertools.combinations(texts, 2):
        if getattr(ia, "overlap_ok", False) or getattr(ib, "overlap_ok", False):
            continue
        i = a.intersected(b)
        if i.width() > MIN_OVERLAP and i.height() > MIN_OVERLAP:
            out.append(f"{name}: '{ta[:30]}' overlaps '{tb[:30]}'")
    for item in chart.scene().items():
        if isinstance(item, pg.AxisItem):
            out.extend(_axis_problems(chart, item, view_rect))
    return out


def problems(window: QWidget) -> list[str]:
    """Every clipped or overlapping text in the visible part of ``window``."""
    out = cut_off(window) + widget_problems(window)
    for chart in window.findChildren(Chart):
        out.extend(chart_problems(chart))
    return out


def assert_radar_readable(radar) -> float:
    """Issue 25's radar at 1024x768: shown, at least 240 px across and 40% of its panel, and
    nothing written on its data (the spoke names only; the dashed line named by the legend).
    Returns the plotted diameter in widget pixels."""
    assert radar.isVisible()
    across = radar.body.diameter() * radar.view_scale  # widget pixels
    assert across >= 240, across
    assert across >= 0.4 * min(radar.width(), radar.height()), (across, radar.size())
    names = {text for text, _box in radar.body.text_boxes()}
    assert names == set(radar.body.shown_names())
    assert any(label.text.startswith("dashed") for _sample, label in radar.legend.items)
    return across
