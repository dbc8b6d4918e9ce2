"""The scenario as a slide deck (.pptx, python-pptx) to finish in the house template.

A title slide, then per ranked framework: the ranking as a **native bar chart** and the
profile as a **native radar chart** (chart parts with their numbers inside: restyle, relabel
or check them in PowerPoint), the weights and the verdict as text beside them, and, with
people in the room, every person's weights beside the group's; then leadership and the risk
register as tables, pictures of the charts that have no native form (the map, Three Horizons,
the heat map: PNGs the Qt layer draws and passes in), and the sources.

``template``: a .pptx whose first layout every slide uses (its slides are dropped), so the
house fonts, colours and logo come with it. No Qt here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from ..answers import answers_of
from ..document import Document
from ..errors import ScenarioError
from ..io import atomic_write
from ..weighting import SCENARIO, Weighting, describe
from . import office_data as data

WIDE = (Inches(13.333), Inches(7.5))
RISK_ROWS_PER_SLIDE = 8
SOURCES_PER_SLIDE = 7
ChartData: Any = CategoryChartData
"""python-pptx's chart data (its functions carry no type information)."""
Picture = tuple[str, bytes]
"""(title, PNG bytes) of a chart drawn by the Qt layer."""


class Deck:
    """A presentation being filled, slide by slide, on one layout."""

    def __init__(self, template: str | os.PathLike[str] | None = None) -> None:
        if template is None:
            self.prs = Presentation()
            self.prs.slide_width, self.prs.slide_height = WIDE
            self.layout = self.prs.slide_layouts[5]  # "Title Only"
            self.title_layout = self.prs.slide_layouts[0]
            self._own_layout = True
        else:
            try:
                self.prs = Presentation(os.fspath(template))
            except Exception as exc:  # noqa: BLE001 (python-pptx raises several kinds for a bad file)
                raise ScenarioError(f"is not a PowerPoint file python-pptx can read ({exc})",
                                    file=os.fspath(template), field="--template") from None
            self._drop_slides()
            self.layout = self.title_layout = self.prs.slide_layouts[0]
            self._own_layout = False
        w, h = self.prs.slide_width, self.prs.slide_height  # None: a template without a size
        self.w, self.h = Emu(WIDE[0] if w is None else w), Emu(WIDE[1] if h is None else h)
        self.margin = Emu(int(self.w * 0.05))

    def _drop_slides(self) -> None:
        ids = self.prs.slides._sldIdLst
        for sld in list(ids):
            self.prs.part.drop_rel(sld.rId)
            ids.remove(sld)

    def slide(self, title: str, layout: Any = None, keep: tuple[int, ...] = ()) -> Any:
        """A new slide with ``title``; the layout's other placeholders are removed (an empty
        one shows "Click to add text") except those numbered in ``keep``."""
        slide = self.prs.slides.add_slide(layout or self.layout)
        placeholder = slide.shapes.title
        top = Emu(int(self.h * 0.04))
        if placeholder is not None:
            placeholder.text = title
            if layout is None:
                # Content slides: the title in a band at the top (a template's first layout
                # may centre it, python-pptx's own is drawn for 4:3), in the house font.
                placeholder.left, placeholder.top = self.margin, top
                placeholder.width, placeholder.height = self.w - 2 * self.margin, Inches(1.0)
                for run in placeholder.text_frame.paragraphs[0].runs:
                    run.font.size = Pt(28 if self.w < Inches(12) else 32)
            elif self._own_layout:  # the title slide (a template's keeps its own places)
                placeholder.left, placeholder.top = self.margin, Emu(int(self.h * 0.28))
                placeholder.width, placeholder.height = self.w - 2 * self.margin, Inches(1.5)
        else:
            box = slide.shapes.add_textbox(self.margin, top, self.w - 2 * self.margin,
                                           Inches(0.9))
            box.text_frame.text = title
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
        for shape in list(slide.placeholders):
            if shape.placeholder_format.idx not in (0, *keep):
                shape._element.getparent().remove(shape._element)
            elif self._own_layout and shape.placeholder_format.idx in keep:
                shape.left, shape.top = self.margin, Emu(int(self.h * 0.52))
                shape.width, shape.height = self.w - 2 * self.margin, Inches(1.5)
        return slide

    def body_top(self) -> Emu:
        return Emu(int(self.h * 0.2))

    def chart_with_text(self, slide: Any, kind: Any, chart_data: Any
                        ) -> tuple[Any, tuple[Emu, Emu, Emu, Emu]]:
        """A native chart on the left two thirds of the body; returns it and the box left for
        text beside it (left, top, width, height)."""
        top = self.body_top()
        width = Emu(int((self.w - 2 * self.margin) * 0.64))
        height = self.h - top - self.margin
        chart = slide.shapes.add_chart(kind, self.margin, top, width, height, chart_data).chart
        side = Emu(self.margin + width + Inches(0.2))
        return chart, (side, top, Emu(self.w - side - self.margin), Emu(height))

    def text(self, slide: Any, lines: Sequence[str], left: int, top: int, width: int,
             height: int, size: int = 14) -> Any:
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(lines):
            p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            p.text = line
            for run in p.runs:
                run.font.size = Pt(size)
        return box

    def table(self, slide: Any, header: Sequence[str], rows: Sequence[Sequence[str]],
              top: int | None = None, widths: Sequence[float] | None = None,
              size: int = 11) -> Any:
        top = self.body_top() if top is None else top
        width = self.w - 2 * self.margin
        height = Emu(int(Inches(0.3) * (len(rows) + 1)))
        shape = slide.shapes.add_table(len(rows) + 1, len(header), self.margin, top, width,
                                       height)
        table = shape.table
        if widths:
            total = sum(widths)
            for j, share in enumerate(widths):
                table.columns[j].width = Emu(int(width * share / total))
        for j, head in enumerate(header):
            table.cell(0, j).text = head
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
        for cell in (table.cell(i, j) for i in range(len(rows) + 1) for j in range(len(header))):
            for p in cell.text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)
        return table

    def save(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def _weights_lines(f: data.FrameworkFigures) -> list[str]:
    lines = []
    for c in f.criteria:
        line = f"{c.name}: {c.weight:g}"
        if c.direction == "target" and c.target_label:
            line += f" (target {c.target_label})"
        lines.append(line)
    return lines


def ranking_slide(deck: Deck, f: data.FrameworkFigures) -> None:
    slide = deck.slide(f"{f.title}: ranking of fit")
    chart_data = ChartData(number_format='0.0"%"')
    shown = list(reversed(f.options))  # a bar chart draws its first category at the bottom
    chart_data.categories = [o.name for o in shown]
    chart_data.add_series("Fit (%)", [None if o.fit is None else round(o.fit, 4)
                                      for o in shown])
    chart, beside = deck.chart_with_text(slide, XL_CHART_TYPE.BAR_CLUSTERED, chart_data)
    chart.has_legend = False
    chart.has_title = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = '0.0"%"'
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(12)
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = 100
    chart.value_axis.has_major_gridlines = False
    chart.category_axis.tick_labels.font.size = Pt(12)
    lines = [f"Weights: {f.whose}"] + _weights_lines(f)
    if f.verdict:
        lines += ["", f"How sure: {f.verdict}"]
    if not f.has_weight:
        lines = ["Every weight is zero, so nothing is ranked."] + lines
    deck.text(slide, lines, *beside, 13)


def radar_slide(deck: Deck, f: data.FrameworkFigures) -> None:
    slide = deck.slide(f"{f.title}: profile of fit")
    chart_data = ChartData(number_format="0.00")
    chart_data.categories = [c.name for c in f.criteria]
    by_id = {o.id: o for o in f.options}
    for oid in f.radar:
        o = by_id[oid]
        chart_data.add_series(o.name, [round(o.utilities[c.id], 4) for c in f.criteria])
    largest = max((c.weight for c in f.criteria), default=0.0)
    if largest > 0:
        chart_data.add_series("weights", [round(c.weight / largest, 4) for c in f.criteria])
    chart, beside = deck.chart_with_text(slide, XL_CHART_TYPE.RADAR_MARKERS, chart_data)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = 1
    lines = ["Utilities from 0 (worst rating) to 1 (best) on each criterion; "
             "\u201cweights\u201d is the weights profile, the largest weight as 1.",
             ""] + [f"{by_id[o].name}: fit {by_id[o].fit:.1f}%" for o in f.radar
                    if by_id[o].fit is not None]
    deck.text(slide, lines, *beside, 13)


def room_slide(deck: Deck, rows: data.RoomRows) -> None:
    slide = deck.slide(f"{rows.title}: where the room disagrees")
    chart_data = ChartData(number_format="0")
    criteria = list(reversed(rows.criteria))  # a bar chart draws its first category lowest
    chart_data.categories = [name for _, name in criteria]
    for _, name, _, w in rows.people:
        chart_data.add_series(name, [w.get(cid, 0.0) for cid, _ in criteria])
    chart_data.add_series(f"Group ({rows.method})",
                          [rows.group.get(cid, 0.0) for cid, _ in criteria])
    top = deck.body_top()
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, deck.margin, top,
                                   deck.w - 2 * deck.margin, deck.h - top - deck.margin,
                                   chart_data)
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = 100
    chart.category_axis.tick_labels.font.size = Pt(10)
    chart.legend.font.size = Pt(12)


def answers_slide(deck: Deck, doc: Document, weighting: Weighting) -> None:
    """The five key questions answered in core.answers' sentences under the weighting: what
    Strategy on a page, ``mcexplorer summary`` and the report say."""
    slide = deck.slide("The five key questions")
    lines: list[str] = []
    for i, a in enumerate(answers_of(doc, weighting), start=1):
        lines += [f"{i}. {a.question}", a.answer, ""]
    deck.text(slide, lines[:-1], deck.margin, deck.body_top(), deck.w - 2 * deck.margin,
              deck.h - deck.body_top() - deck.margin, 12)


def leadership_slides(deck: Deck, doc: Document) -> None:
    slide = deck.slide("Leadership: the team and its gaps")
    deck.table(slide, ("Role", "Who"), data.leadership_rows(doc), widths=(2, 3), size=10)
    risks = data.risk_rows(doc)
    for start in range(0, max(1, len(risks)), RISK_ROWS_PER_SLIDE):
        part = risks[start:start + RISK_ROWS_PER_SLIDE]
        more = f" ({start // RISK_ROWS_PER_SLIDE + 1})" if len(risks) > RISK_ROWS_PER_SLIDE else ""
        slide = deck.slide(f"What could go wrong: the risk register{more}")
        deck.table(slide, ("Category", "Risk", "Likelihood", "Impact", "Score", "Owner",
                           "Mitigation"),
                   [(r.category, r.text, str(r.likelihood), str(r.impact), str(r.score),
                     r.owner, r.mitigation) for r in part],
                   widths=(1.2, 4, 0.9, 0.8, 0.7, 1.2, 3), size=10)
    slide = deck.slide("Plan B")
    deck.text(slide, [data.plan_b(doc)], deck.margin, deck.body_top(),
              deck.w - 2 * deck.margin, Inches(2), 18)


def picture_slide(deck: Deck, title: str, png: bytes) -> None:
    slide = deck.slide(title)
    top = deck.body_top()
    room_w, room_h = deck.w - 2 * deck.margin, deck.h - top - deck.margin
    pic = slide.shapes.add_picture(io.BytesIO(png), deck.margin, top)
    scale = min(room_w / pic.width, room_h / pic.height)
    pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
    pic.left = int((deck.w - pic.width) / 2)


def build_deck(doc: Document, scenario_name: str, date: str, weighting: Weighting = SCENARIO,
               *, template: str | os.PathLike[str] | None = None,
               pictures: Sequence[Picture] = ()) -> Deck:
    deck = Deck(template)
    first = deck.slide(scenario_name, deck.title_layout, keep=(1,))
    subtitle = [f"Micro-credential strategy workshop, {date}",
                f"Weights: {describe(doc, weighting)}"]
    filled = False
    for shape in first.placeholders:
        if shape.placeholder_format.idx == 1 and shape.has_text_frame:
            shape.text_frame.text = "\n".join(subtitle)
            filled = True
    if not filled:
        deck.text(first, subtitle, deck.margin, Emu(int(deck.h * 0.6)),
                  deck.w - 2 * deck.margin, Inches(1.2), 18)
    answers_slide(deck, doc, weighting)
    for fid in data.ranked_frameworks(doc):
        figures = data.framework_figures(doc, fid, weighting)
        ranking_slide(deck, figures)
        if figures.criteria:
            radar_slide(deck, figures)
        rows = data.room_rows(doc, fid)
        if rows is not None:
            room_slide(deck, rows)
    for title, png in pictures:
        picture_slide(deck, title, png)
    leadership_slides(deck, doc)
    refs = data.sources(notes=False)
    for start in range(0, len(refs), SOURCES_PER_SLIDE):
        slide = deck.slide("Sources")
        deck.text(slide, refs[start:start + SOURCES_PER_SLIDE], deck.margin, deck.body_top(),
                  deck.w - 2 * deck.margin, deck.h - deck.body_top() - deck.margin, 12)
    return deck


def write_deck(doc: Document, path: str | os.PathLike[str], scenario_name: str, date: str,
               weighting: Weighting = SCENARIO, *,
               template: str | os.PathLike[str] | None = None,
               pictures: Sequence[Picture] = ()) -> Path:
    """Write the deck atomically."""
    p = Path(path)
    deck = build_deck(doc, scenario_name, date, weighting, template=template,
                      pictures=pictures)
    atomic_write(p, deck.save())
    return p


def chart_values(path: str | os.PathLike[str]
                 ) -> list[tuple[str, list[str], Mapping[str, list[float]]]]:
    """(slide title, categories, {series name: values}) of every native chart in a deck: what
    a planner's copy holds (for checks and tests)."""
    out: list[tuple[str, list[str], Mapping[str, list[float]]]] = []
    for slide in Presentation(os.fspath(path)).slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                out.append((title, list(plot.categories),
                            {s.name: list(s.values) for s in plot.series}))
    return out
