"""The office outputs from the Qt side: the core writes the deck, the board paper and the
workbook; this draws the chart pictures they need (the map, Three Horizons, the heat map ...
for the deck; every chart of the report at 300 dpi for the paper) from the chart plans under
the chosen weighting (``drawn_charts``: the chart widgets alone, no tab, slider or table), so
the pictures and the numbers agree.

``write_output(document, path, ...)`` picks the writer from the file's extension: .pptx,
.docx, .xlsx, or .pdf/.html (the workshop report).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.outputs.board_paper import FIGURE_CM, FIGURE_DPI, paper_report, write_paper
from ...core.outputs.deck import write_deck
from ...core.outputs.names import today
from ...core.outputs.workbook import write_workbook
from ...core.weighting import SCENARIO, Weighting, applied
from ..charts.export import ImageSpec, pixels_for, png_bytes, render_chart
from .charts import by_kind, drawn_charts
from .report_writer import trim_bottom, write_report

NATIVE = ("ranking", "radar")
"""Charts the deck draws as native chart parts; every other chart goes in as a picture."""
DECK_WIDTH = 1920
SUFFIXES = {".pptx": "deck", ".docx": "paper", ".xlsx": "workbook", ".pdf": "report",
            ".html": "report", ".htm": "report"}
Progress = Callable[[int, int, str], bool]


def kind_of(path: str | os.PathLike[str]) -> str:
    """"deck", "paper", "workbook" or "report", from the extension; else a ScenarioError."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ScenarioError("name a .pptx, .docx, .xlsx, .pdf or .html file",
                            file=os.fspath(path), field="--out")
    return SUFFIXES[suffix]


def write_output(document: Document, path: str | os.PathLike[str], scenario_name: str,
                 weighting: Weighting = SCENARIO, *, date: str | None = None,
                 template: str | os.PathLike[str] | None = None, paper: str = "a4",
                 progress: Progress | None = None) -> int | None:
    """Write one output; returns the PDF's page count (None for the others; -1 when
    ``progress`` said stop before anything was written)."""
    date = date or today()
    kind = kind_of(path)
    if kind == "workbook":
        write_workbook(document, path, weighting)
        return None
    if kind == "report":
        return write_report(document, Path(path), scenario_name, weighting=weighting,
                            paper=paper, date=date, progress=progress)
    with drawn_charts(applied(document, weighting)) as items:
        if kind == "deck":
            pictures = []
            shown = [item for item in items if item.kind not in NATIVE]
            for i, item in enumerate(shown):
                if progress is not None and not progress(i, len(shown), item.chart.title):
                    return -1
                pictures.append((item.chart.title, png_bytes(render_chart(
                    item.chart, spec=ImageSpec(DECK_WIDTH)))))
            write_deck(document, path, scenario_name, date, weighting, template=template,
                       pictures=pictures)
            return None
        charts = by_kind(items)
        report, _ = paper_report(document, scenario_name, date, weighting)
        images = {}
        refs = report.charts()
        for i, ref in enumerate(refs):
            if progress is not None and not progress(i, len(refs), ref.kind):
                return -1
            chart = charts.get((ref.framework_id, ref.kind))
            if chart is None:
                continue
            spec = ImageSpec(width=pixels_for(FIGURE_CM, FIGURE_DPI), dpi=FIGURE_DPI)
            images[ref] = (chart.title, png_bytes(trim_bottom(render_chart(chart, spec=spec))))
        write_paper(document, path, scenario_name, date, weighting, images, report)
        return None
