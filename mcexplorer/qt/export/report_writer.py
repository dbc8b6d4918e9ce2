"""Writing the workshop report: a PDF through QPdfWriter and QTextDocument (Qt's own, no new
dependency), or one self-contained HTML file with its images embedded as data: URIs.

Charts are drawn for print: light, laid out at the width they are shown (16.4 cm) and
rendered at 288 dpi, so their text prints at its point size; the PDF keeps them lossless.
They are drawn from the report's own weighting (qt.export.charts.drawn_charts), so every
chart shows the numbers its sentence gives; no tab is built.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.io import atomic_write
from ...core.outputs.names import today
from ...core.outputs.report_build import build_report
from ...core.outputs.report_model import ChartRef, Report
from ...core.weighting import SCENARIO, Weighting, applied
from ..charts.base import Chart
from ..charts.export import ImageSpec, png_bytes, render_chart
from .charts import by_kind, drawn_charts
from .report_html import Picture, report_html

Charts = Mapping[tuple[str, str], Chart]
"""(framework id, kind) -> the chart drawn for the report."""

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 18.0
FIGURE_WIDTH = 620
"""Displayed width of a wide chart (CSS pixels at 96 per inch: 16.4 cm), inside A4 and
Letter; a tall one (the map) is drawn narrower so it shares its page with text."""
TALL = 0.82
TALL_WIDTH = 500
FIGURE_DPI = 288.0
PDF_DPI = 300
FOOTER_PX = 28.0

Progress = Callable[[int, int, str], bool]


def trim_bottom(image: QImage, keep: int = 24) -> QImage:
    """The image without the empty band at its foot (an aspect-locked chart leaves one), so a
    figure's caption sits right under it."""
    white = QColor("#ffffff").rgb()
    step = max(1, image.width() // 400)
    bottom = image.height() - 1
    while bottom > image.height() // 2 and all(
            image.pixel(x, bottom) == white for x in range(0, image.width(), step)):
        bottom -= 1
    return image.copy(0, 0, image.width(), min(image.height(), bottom + 1 + keep))


def figure_width(chart: Chart) -> int:
    return TALL_WIDTH if chart.export_aspect > TALL else FIGURE_WIDTH


def _chart(charts: Charts, ref: ChartRef) -> Chart | None:
    return charts.get((ref.framework_id, ref.kind))


# -- HTML ---------------------------------------------------------------------------------------


def render_figures(report: Report, charts: Charts,
                   progress: Progress | None = None) -> dict[ChartRef, QImage] | None:
    """Every chart of the report as an image (None when ``progress`` says stop)."""
    refs = report.charts()
    images: dict[ChartRef, QImage] = {}
    for i, ref in enumerate(refs):
        if progress is not None and not progress(i, len(refs), f"{ref.framework_id} {ref.kind}"):
            return None
        chart = _chart(charts, ref)
        if chart is not None:
            spec = ImageSpec(width=round(figure_width(chart) * FIGURE_DPI / 96), dpi=FIGURE_DPI)
            images[ref] = trim_bottom(render_chart(chart, spec=spec))
    return images


def html_file(report: Report, images: dict[ChartRef, QImage], charts: Charts) -> str:
    """One HTML file with every image inside it (data: URIs)."""
    def picture(ref: ChartRef) -> Picture | None:
        image = images.get(ref)
        if image is None:
            return None
        data = base64.b64encode(png_bytes(image)).decode("ascii")
        width = round(image.width() * 96 / FIGURE_DPI)
        height = round(width * image.height() / image.width())
        return Picture(f"data:image/png;base64,{data}", width, height,
                       charts[ref.framework_id, ref.kind].title)
    return report_html(report, picture)


# -- PDF ----------------------------------------------------------------------------------------


def text_document(report: Report, images: dict[ChartRef, QImage],
                  charts: Charts) -> QTextDocument:
    """The report as a QTextDocument with the chart images as its resources (for the PDF)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Segoe UI", "Helvetica", "Arial"])
    font.setPointSizeF(10.0)
    doc.setDefaultFont(font)
    names: dict[ChartRef, str] = {}

    def picture(ref: ChartRef) -> Picture | None:
        image = images.get(ref)
        if image is None:
            return None
        name = names.setdefault(ref, f"figure-{len(names) + 1}.png")
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        width = round(image.width() * 96 / FIGURE_DPI)
        height = round(width * image.height() / image.width())
        return Picture(name, width, height, charts[ref.framework_id, ref.kind].title)

    doc.setHtml(report_html(report, picture, for_qt=True))
    return doc


def keep_captions_with_figures(doc: QTextDocument) -> None:
    """A figure whose caption Qt's layout put on the next page goes over with it (else a
    page can end up holding nothing but a caption)."""
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    doc.pageCount()  # lays the whole document out (pagination is settled only then)
    block = doc.begin()
    while block.isValid():
        prev = block.previous()
        if prev.isValid() and prev.text() == "\ufffc" and block.layout().lineCount():
            picture = layout.blockBoundingRect(prev)
            top = picture.top() + prev.layout().lineAt(0).y()
            line = block.layout().lineAt(0)  # its foot: Qt may leave it across the break
            caption = layout.blockBoundingRect(block).top() + line.y() + line.height()
            if int(top // height) != int((caption + doc.documentMargin()) // height) and \
                    layout.blockBoundingRect(block).bottom() - top < 0.9 * height:
                fmt = prev.blockFormat()
                end = (int(top // height) + 1) * height
                fmt.setTopMargin(fmt.topMargin() + end + doc.documentMargin() - top)
                QTextCursor(prev).setBlockFormat(fmt)
                doc.pageCount()
        block = block.next()


def write_pdf(doc: QTextDocument, path: Path, paper: str = "a4", footer: str = "") -> int:
    """Print the document to a PDF of the given paper, each page numbered ("page 2 of 9")
    under ``footer``; return the number of pages."""
    if paper not in PAPERS:
        raise ScenarioError(f"unknown paper {paper!r} (known: a4, letter)", field="--paper")
    # Qt's writer does not say when the disk is full (it writes a broken file and goes on),
    # so the PDF is made in memory and written by atomic_write, which checks every step and
    # keeps the previous report when it cannot.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(footer or path.stem)
    writer.setCreator("mcexplorer")
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    # The document is laid out in 96-per-inch pixels on the page's text area less a footer,
    # then painted scaled to the writer's resolution, one page at a time.
    scale = writer.logicalDpiX() / 96.0
    width, height = writer.width() / scale, writer.height() / scale
    page = QSizeF(width, height - FOOTER_PX)
    doc.setPageSize(page)
    keep_captions_with_figures(doc)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise ScenarioError("cannot write the report here", file=str(path))
    # Charts go in as PNG-like (Flate) images, not JPEG: no smudges around text and lines.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
    small = QFont(doc.defaultFont())
    small.setPixelSize(11)  # in the 96-per-inch units the painter is scaled from
    try:
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.setClipRect(QRectF(0, 0, width, page.height()))  # a block across
            painter.translate(0, -i * page.height())  # the break is drawn on its pages only
            doc.drawContents(painter, QRectF(0, i * page.height(), width, page.height()))
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(small)
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(0, height - FOOTER_PX + 6, width, FOOTER_PX - 6),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{footer} \u00b7 page {i + 1} of {pages}" if footer
                             else f"page {i + 1} of {pages}")
            painter.restore()
    finally:
        ended = painter.end()
    del writer
    buffer.close()
    data = bytes(buffer.data().data())
    if not ended or not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise ScenarioError("the report could not be made as a PDF; the previous file, if "
                            "any, is kept", file=str(path))
    try:
        atomic_write(path, data)
    except ScenarioError as exc:
        raise ScenarioError(f"{exc.problem}; the report was not written (a previous one, if "
                            "any, is kept)", file=str(path)) from None
    return pages


def write_report(document: Document, out: str | Path, scenario_name: str, *,
                 weighting: Weighting = SCENARIO, paper: str = "a4", date: str | None = None,
                 progress: Progress | None = None) -> int | None:
    """The report of ``document`` under ``weighting`` (every sentence, table and chart) as
    ``out`` (.pdf or .html). Returns the PDF's page count (None for HTML; -1 when
    ``progress`` said stop before anything was written); raises ScenarioError when it cannot
    be written."""
    path = Path(out)
    report = build_report(document, scenario_name, date or today(), weighting)
    with drawn_charts(applied(document, weighting)) as items:
        charts = by_kind(items)
        images = render_figures(report, charts, progress)
        if images is None:
            return -1
        if path.suffix.lower() in (".html", ".htm"):
            atomic_write(path, html_file(report, images, charts).encode("utf-8"))
            return None
        doc = text_document(report, images, charts)
    return write_pdf(doc, path, paper, f"{report.title}, {report.date}")
