"""PNG export: render a chart at a device-pixel ratio so the image is sharp, not a scaled copy.

A PNG of width W is laid out at W / ratio logical pixels (ratio 2 by default) and painted at
ratio x, so text and lines are drawn at full resolution. The chart is cloned into an offscreen
widget of the export size, so what the window happens to look like does not matter.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsView

from ...core.errors import ScenarioError
from ...core.io import atomic_write
from .base import Chart

DEFAULT_WIDTH = 1920
MIN_WIDTH = 320
MAX_WIDTH = 8192
PIXEL_RATIO = 2.0


def check_width(width: int) -> int:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ScenarioError(f"{width} is outside {MIN_WIDTH}-{MAX_WIDTH} pixels", field="width")
    return width


def render_chart(chart: Chart, width: int = DEFAULT_WIDTH, ratio: float = PIXEL_RATIO) -> QImage:
    """The chart as an image at least ``width`` pixels wide, drawn at ``ratio``x."""
    check_width(width)
    logical_w = math.ceil(width / ratio)
    logical_h = math.ceil(logical_w * chart.export_aspect)
    twin = chart.clone()
    try:
        twin.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        twin.resize(logical_w, logical_h)
        twin.show()
        QApplication.processEvents()
        twin.resize(logical_w, logical_h)
        if twin.data is not None:
            twin.show_data(twin.data)
        QApplication.processEvents()
        image = QImage(math.ceil(logical_w * ratio), math.ceil(logical_h * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(twin.style.background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # The scene is vector: painting it into a 2x device draws text and lines at full resolution.
        QGraphicsView.render(twin, painter, QRectF(0, 0, logical_w, logical_h),
                             twin.viewport().rect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()
    finally:
        twin.hide()
        twin.deleteLater()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ScenarioError("could not encode the chart as PNG")
    buffer.close()
    return bytes(data.data())


def export_png(chart: Chart, path: str | os.PathLike[str], width: int = DEFAULT_WIDTH) -> Path:
    """Write the chart as a PNG, atomically."""
    p = Path(path)
    atomic_write(p, png_bytes(render_chart(chart, width)))
    return p
