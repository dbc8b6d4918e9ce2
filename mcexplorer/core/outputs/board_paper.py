"""The workshop report as a board paper (.docx, python-docx), editable in Word.

The same structure as the PDF and HTML report (core.outputs.report_build): the paper's five
key questions as headings, each answered in a sentence, with the weights and each ranking as
real Word tables, the charts as images at 300 dpi with numbered captions and their one-line
reading, the room, the notes, and every source in full. Chart images come from the Qt layer
(PNG bytes per chart); without one, its reading stands alone.

Written for one weighting (core.weighting): the report is built from the scenario as that
weighting sees it (``core.weighting.applied``), by the report's own builder, so every
sentence is the report's. No Qt here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..document import Document
from ..io import atomic_write
from ..weighting import SCENARIO, Weighting, applied, describe
from . import office_data as data
from .report_build import build_report
from .report_model import (
    Block,
    Bullets,
    ChartRef,
    Heading,
    Notes,
    Paragraph,
    Report,
    Table,
)

FIGURE_CM = 16.0
TABLE_CM = 16.0
FIGURE_DPI = 300
TABLE_STYLE = "Table Grid"
Images = Mapping[ChartRef, tuple[str, bytes]]
"""A chart of the report -> (its title, PNG bytes drawn at FIGURE_DPI)."""


class Paper:
    def __init__(self) -> None:
        self.word = WordDocument()
        style = self.word.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(10.5)
        self.figures = 0
        self.tables = 0

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              caption: str = "") -> None:
        t = self.word.add_table(rows=1, cols=len(header))
        t.style = self.word.styles[TABLE_STYLE]
        for j, head in enumerate(header):
            cell = t.rows[0].cells[j]
            cell.text = head
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = t.add_row().cells
            for j, value in enumerate(row):
                cells[j].text = value
        # Columns as wide as their longest text needs (a long risk, a short score), in 16 cm.
        need = [min(40, max([min(len(head), 12), 3] + [len(r[j]) for r in rows]))
                for j, head in enumerate(header)]
        t.autofit = False
        for j, share in enumerate(need):
            width = Cm(TABLE_CM * share / sum(need))
            t.columns[j].width = width  # the grid (LibreOffice reads it) and each cell (Word)
            for cell in t.columns[j].cells:
                cell.width = width
        self.tables += 1
        if caption:
            self.word.add_paragraph(f"Table {self.tables}: {caption}", style="Caption")
        else:
            self.word.add_paragraph()

    def figure(self, title: str, png: bytes | None, reading: str) -> None:
        if png is not None:
            self.word.add_picture(io.BytesIO(png), width=Cm(FIGURE_CM))
            picture = self.word.paragraphs[-1]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_with_next = True  # the caption stays under it
            self.figures += 1
            self.word.add_paragraph(f"Figure {self.figures}: {title}. {reading}",
                                    style="Caption")
        else:
            self.word.add_paragraph(reading)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()


def _ranking_table(paper: Paper, doc: Document, framework_id: str) -> None:
    f = data.framework_figures(doc, framework_id, SCENARIO, with_verdict=False)
    if not f.has_weight:
        return
    rows = [(f"={o.rank}" if o.tied else str(o.rank), o.name,
             "" if o.fit is None else f"{o.fit:.1f}%") for o in f.options]
    paper.table(("Rank", "Option", "Fit"), rows,
                f"The {f.title.lower()} ranked by fit under {f.whose}.")


def _blocks(paper: Paper, doc: Document, blocks: Iterable[Block], images: Images) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            paper.word.add_heading(block.text, level=2)
        elif isinstance(block, Paragraph):
            p = paper.word.add_paragraph()
            run = p.add_run(block.text)
            run.italic = block.kind == "reading"
            run.bold = block.kind == "answer"
        elif isinstance(block, Table):
            paper.table(block.header, block.rows, block.caption)
        elif isinstance(block, Bullets):
            if block.title:
                paper.word.add_paragraph(block.title)
            for item in block.items:
                paper.word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Notes):
            p = paper.word.add_paragraph()
            p.add_run(block.title + ": ").bold = True
            p.add_run(block.text)
        elif isinstance(block, ChartRef):
            title, png = images.get(block, (block.kind, None))
            paper.figure(title, png, block.reading)
            if block.kind == "ranking":
                _ranking_table(paper, doc, block.framework_id)


def build_paper(report: Report, doc: Document, whose: str, images: Images) -> Paper:
    paper = Paper()
    paper.word.add_heading(report.title, level=0)
    paper.word.add_paragraph(f"{report.date}. Weights: {whose}.")
    if report.notes:
        p = paper.word.add_paragraph()
        p.add_run("Notes: ").bold = True
        p.add_run(report.notes)
    _blocks(paper, doc, report.opening, images)
    for section in report.sections:
        head = f"{section.number}. {section.question}" if section.number else section.question
        paper.word.add_heading(head, level=1)
        if section.answer:
            paper.word.add_paragraph().add_run(section.answer).bold = True
        _blocks(paper, doc, section.blocks, images)
    paper.word.add_heading("Sources", level=1)
    for line in report.references:
        paper.word.add_paragraph(line)
    if report.colophon:
        paper.word.add_paragraph(report.colophon).runs[0].italic = True
    return paper


def paper_report(doc: Document, scenario_name: str, date: str,
                 weighting: Weighting = SCENARIO) -> tuple[Report, Document]:
    """The report under ``weighting`` and the scenario it was read from (to draw its charts)."""
    return build_report(doc, scenario_name, date, weighting), applied(doc, weighting)


def write_paper(doc: Document, path: str | os.PathLike[str], scenario_name: str, date: str,
                weighting: Weighting = SCENARIO, images: Images | None = None,
                report: Report | None = None) -> Path:
    """Write the board paper atomically. ``report`` (from ``paper_report``) saves building it
    twice when the caller drew its charts."""
    seen = applied(doc, weighting)
    if report is None:
        report = build_report(doc, scenario_name, date, weighting)
    paper = build_paper(report, seen, describe(doc, weighting), images or {})
    p = Path(path)
    atomic_write(p, paper.save())
    return p
