"""Chart images for slides and documents: PNG at a given size and dpi, and SVG.

A chart is cloned into an offscreen widget laid out at ``width / ratio`` logical pixels and its
(vector) scene painted into the image at ``ratio``x, so text and lines are drawn at full
resolution: never an upscaled screenshot. Exports are always drawn in the light style, on
white or on a transparent background, with an optional caption line under the chart (the
scenario, the date, the weights or target behind it, the source). SVG goes through QtSvg's
QSvgGenerator: the text stays text.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsView

from ...core.errors import ScenarioError
from ...core.io import atomic_write
from .base import Chart
from .style import ChartStyle, drawing, font
from .svg_plain import plain_svg

DEFAULT_WIDTH = 1920
MIN_WIDTH = 320
MAX_WIDTH = 8192
PIXEL_RATIO = 2.0
SCREEN_DPI = 96.0
"""Logical pixels per inch of a chart laid out for export (Qt's reference)."""
FORMATS = ("png", "svg")
CAPTION_SCALE = 0.8
MAX_CAPTION_LINES = 3


@dataclass(frozen=True)
class ImageSpec:
    """How one chart leaves the app."""

    width: int = DEFAULT_WIDTH
    """Pixels (PNG) or nominal pixels (SVG)."""
    height: int | None = None
    """None: the chart's own ``export_aspect``."""
    dpi: float | None = None
    """Written into the PNG; the chart is laid out so its text prints at its point size."""
    transparent: bool = False
    caption: str = ""
    fmt: str = "png"

    @property
    def ratio(self) -> float:
        return self.dpi / SCREEN_DPI if self.dpi else PIXEL_RATIO

    def checked(self) -> ImageSpec:
        check_width(self.width)
        if self.height is not None:
            check_width(self.height, "height")
        if self.fmt not in FORMATS:
            raise ScenarioError(f"unknown format {self.fmt!r} (known: {', '.join(FORMATS)})",
                                field="format")
        if self.dpi is not None and not 36 <= self.dpi <= 1200:
            raise ScenarioError(f"{self.dpi:g} dpi is outside 36-1200", field="dpi")
        return self


def check_width(width: int, field: str = "width") -> int:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ScenarioError(f"{width} is outside {MIN_WIDTH}-{MAX_WIDTH} pixels", field=field)
    return width


def pixels_for(cm: float, dpi: float) -> int:
    """Pixels across ``cm`` centimetres at ``dpi`` (a document preset)."""
    return round(cm / 2.54 * dpi)


# -- laying out --------------------------------------------------------------------------------


@contextmanager
def laid_out(chart: Chart, logical_w: int, logical_h: int) -> Iterator[Chart]:
    """A copy of ``chart`` in the print style (light, scale 1, whatever the window shows:
    presenting changes no export) laid out offscreen at the given logical size (to paint
    into an image, an SVG or a PDF page)."""
    with drawing(ChartStyle.print()):
        twin = chart.clone()
    try:
        twin.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        twin.resize(logical_w, logical_h)
        twin.show()
        QApplication.processEvents()
        twin.resize(logical_w, logical_h)
        for item in twin.scene().items():
            # Legends keep their size on screen whatever the zoom; in an export they must
            # scale with the rest of the chart.
            if isinstance(item, pg.LegendItem):
                item.setFlag(item.GraphicsItemFlag.ItemIgnoresTransformations, False)
        if twin.data is not None:
            twin._draw(twin.data)
        QApplication.processEvents()
        with drawing(twin):
            yield twin
    finally:
        twin.hide()
        twin.deleteLater()


def _caption_height(caption: str, logical_w: float) -> float:
    if not caption:
        return 0.0
    metrics = QFontMetricsF(font(CAPTION_SCALE))
    rect = metrics.boundingRect(QRectF(0, 0, logical_w - 24, 10_000),
                                int(Qt.TextFlag.TextWordWrap), caption)
    lines = min(MAX_CAPTION_LINES, max(1, round(rect.height() / metrics.lineSpacing())))
    return lines * metrics.lineSpacing() + 14


def paint_chart(painter: QPainter, twin: Chart, target: QRectF) -> None:
    """Paint a laid-out chart into ``target`` as vectors (text stays text)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    # Markers sized in screen pixels (pyqtgraph's pxMode) ignore the painter's scale: drawn
    # one by one as shapes grown by it (pyqtgraph's export mode), so a marker keeps its size
    # beside the text on a page or a slide. An image export has put the chart in that mode
    # already, with the same scale.
    scale = painter.transform().m11() * target.width() / max(1, twin.viewport().width())
    exporting = any(getattr(item, "_exportOpts", False) is not False
                    for item in twin.scene().items() if isinstance(item, pg.GraphicsItem))
    with nullcontext() if exporting else drawn_as_shapes(twin, max(scale, 1.0)):
        # The scene is vector: painting it into a larger device draws text and lines sharp.
        QGraphicsView.render(twin, painter, target, twin.viewport().rect(),
                             Qt.AspectRatioMode.IgnoreAspectRatio)


def _paint(painter: QPainter, twin: Chart, logical_w: float, chart_h: float,
           caption: str, caption_h: float) -> None:
    paint_chart(painter, twin, QRectF(0, 0, logical_w, chart_h))
    if caption:
        style = ChartStyle.light()
        painter.setPen(QColor(style.grid))
        painter.drawLine(QRectF(12, chart_h + 3, logical_w - 24, 0).topLeft(),
                         QRectF(12, chart_h + 3, logical_w - 24, 0).topRight())
        painter.setPen(QColor(style.muted))
        painter.setFont(font(CAPTION_SCALE))
        painter.drawText(QRectF(12, chart_h + 8, logical_w - 24, caption_h - 10),
                         int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), caption)


def _layout(chart: Chart, spec: ImageSpec) -> tuple[int, int, int, float, float]:
    """(pixel width, pixel height, logical width, chart height, caption height): the logical
    sizes are the pixel sizes over the ratio."""
    ratio = spec.ratio
    logical_w = max(1, round(spec.width / ratio))
    caption_h = _caption_height(spec.caption, logical_w)
    chart_h: float
    if spec.height is None:
        chart_h = math.ceil(logical_w * chart.export_aspect)
        height = math.ceil((chart_h + caption_h) * spec.width / logical_w)
    else:
        height = spec.height
        chart_h = max(60.0, height * logical_w / spec.width - caption_h)
    return spec.width, height, logical_w, chart_h, caption_h


# -- PNG ---------------------------------------------------------------------------------------


def render_chart(chart: Chart, width: int = DEFAULT_WIDTH, ratio: float = PIXEL_RATIO,
                 *, spec: ImageSpec | None = None) -> QImage:
    """The chart as an image ``width`` pixels wide drawn at ``ratio``x (or as ``spec`` says:
    exact size, dpi, background, caption)."""
    if spec is None:
        spec = ImageSpec(width=width, dpi=ratio * SCREEN_DPI if ratio != PIXEL_RATIO else None)
    spec.checked()
    width_px, height_px, logical_w, chart_h, caption_h = _layout(chart, spec)
    scale = width_px / logical_w
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent if spec.transparent else QColor("#ffffff"))
    with laid_out(chart, logical_w, math.ceil(chart_h)) as twin, drawn_as_shapes(twin, scale):
        if spec.transparent:
            twin.setBackground(None)
        painter = QPainter(image)
        painter.scale(scale, scale)
        _paint(painter, twin, logical_w, chart_h, spec.caption, caption_h)
        painter.end()
    if spec.dpi:
        set_dpi(image, spec.dpi)
    return image


def set_dpi(image: QImage, dpi: float) -> None:
    """Write ``dpi`` into the image (the PNG's pHYs chunk, in dots per metre)."""
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stub: bytes; PySide6 wants str
        raise ScenarioError("could not encode the chart as PNG")
    buffer.close()
    return bytes(data.data())


def export_png(chart: Chart, path: str | os.PathLike[str], width: int = DEFAULT_WIDTH,
               *, spec: ImageSpec | None = None) -> Path:
    """Write the chart as a PNG, atomically."""
    p = Path(path)
    atomic_write(p, png_bytes(render_chart(chart, width, spec=spec)))
    return p


# -- SVG ---------------------------------------------------------------------------------------


def svg_bytes(chart: Chart, spec: ImageSpec) -> bytes:
    """The chart as an SVG document (text as <text>, shapes as paths)."""
    spec = replace(spec, fmt="svg").checked()
    width_px, height_px, logical_w, chart_h, caption_h = _layout(chart, spec)
    logical_h = height_px * logical_w / width_px
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width_px, height_px))
    generator.setViewBox(QRect(0, 0, logical_w, math.ceil(logical_h)))
    generator.setResolution(round(spec.dpi or SCREEN_DPI))
    generator.setTitle(chart.title)
    generator.setDescription(spec.caption or chart.title)
    with laid_out(chart, logical_w, math.ceil(chart_h)) as twin, drawn_as_shapes(twin):
        painter = QPainter(generator)
        if not spec.transparent:
            painter.fillRect(QRectF(0, 0, logical_w, logical_h), QColor("#ffffff"))
        else:
            twin.setBackground(None)
        _paint(painter, twin, logical_w, chart_h, spec.caption, caption_h)
        painter.end()
    buffer.close()
    return plain_svg(bytes(data.data()), QFontInfo(font()).family())


@contextmanager
def drawn_as_shapes(twin: Chart, scale: float = 1.0) -> Iterator[None]:
    """pyqtgraph's exporters' mode for the chart's items: markers are drawn one by one as
    shapes ``scale`` times their size on screen (the image's pixels per laid-out pixel), not
    copied out of a cached picture of every marker (which an SVG keeps as one embedded
    bitmap per marker, clipped only by Qt when it reads the file back, and which a PNG drawn
    at 2x would show at half size)."""
    items = [item for item in twin.scene().items() if isinstance(item, pg.GraphicsItem)]
    for item in items:
        item.setExportMode(True, {"antialias": True, "resolutionScale": scale})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def export_svg(chart: Chart, path: str | os.PathLike[str], spec: ImageSpec) -> Path:
    p = Path(path)
    atomic_write(p, svg_bytes(chart, spec))
    return p


def export_image(chart: Chart, path: str | os.PathLike[str], spec: ImageSpec) -> Path:
    """PNG or SVG as ``spec.fmt`` says."""
    if spec.fmt == "svg":
        return export_svg(chart, path, spec)
    return export_png(chart, path, spec=spec)
