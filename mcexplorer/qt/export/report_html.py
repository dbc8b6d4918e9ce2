"""The workshop report as HTML: one markup for the browser file and for Qt's QTextDocument
(which draws the PDF). Legible in black and white: answers in bold, the tool's readings in
italics, tables with ruled cells, every chart with its title, a figure number and a one-line
reading under it. Every text from the scenario or a user is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from ...core.outputs.report_model import (
    Block,
    Bullets,
    ChartRef,
    Heading,
    Notes,
    Paragraph,
    Report,
    Table,
)

CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #111;
       font-size: 10.5pt; line-height: 1.35; }
main { max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 4pt 0; }
h2 { font-size: 14pt; margin: 18pt 0 4pt 0; border-bottom: 1px solid #111; }
h3 { font-size: 12pt; margin: 12pt 0 2pt 0; }
p { margin: 4pt 0; }
p.meta { color: #333; }
p.answer { font-weight: bold; }
p.reading, p.figcap, p.tcap { font-style: italic; }
p.figcap, p.tcap { font-size: 9.5pt; color: #222; }
p.small { font-size: 8.5pt; color: #333; }
table.data { border-collapse: collapse; margin: 4pt 0 2pt 0; }
table.data th, table.data td { border: 1px solid #555; padding: 2pt 5pt; vertical-align: top;
       text-align: left; font-size: 9.5pt; }
table.data th { background: #e6e6e6; }
div.notes { border-left: 3px solid #111; padding-left: 8pt; margin: 6pt 0; }
img.chart { width: 100%; max-width: 620px; height: auto; }
@media print { main { max-width: none; } h2 { page-break-after: avoid; }
               h2.q { page-break-before: always; } figure, p.figure { page-break-inside: avoid; } }
"""


@dataclass(frozen=True)
class Picture:
    src: str
    width: int
    """Displayed width in CSS pixels."""
    height: int
    alt: str


PictureOf = Callable[[ChartRef], "Picture | None"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def lines(text: str) -> str:
    """Plain text with its line breaks kept."""
    return "<br>".join(esc(line) for line in text.split("\n"))


CHAR_PX = 7.5
TABLE_PX = 620.0


def column_widths(header, rows) -> list[int]:
    """Percent of the table's width per column: every column as wide as its longest word
    (so no word breaks), the room left shared by how much longer text each holds (counted as
    if it wrapped at 60 characters)."""
    longest = [len(h) for h in header]
    word = [max((len(w) for w in h.split()), default=1) for h in header]
    for row in rows:
        for i, cell in enumerate(row[:len(longest)]):
            longest[i] = max(longest[i], len(cell))
            word[i] = max(word[i], max((len(w) for w in cell.split()), default=1))
    least = [(w + 2) * CHAR_PX for w in word]
    want = [max(lo, min(n + 2, 60) * CHAR_PX) for lo, n in zip(least, longest)]
    if sum(want) <= TABLE_PX:
        widths = want
    else:
        room = TABLE_PX - sum(least)
        more = [w - lo for w, lo in zip(want, least)]
        share = room / sum(more) if room > 0 and sum(more) > 0 else 0.0
        widths = [lo + m * share for lo, m in zip(least, more)]
    total = sum(widths) or 1.0
    return [max(3, round(100 * w / total)) for w in widths]


class _Writer:
    def __init__(self, picture: PictureOf, for_qt: bool) -> None:
        self.picture = picture
        self.for_qt = for_qt
        self.figures = 0
        self.out: list[str] = []

    def add(self, text: str) -> None:
        self.out.append(text)

    def table(self, header, rows, caption: str = "") -> None:
        attrs = ' border="1" cellspacing="0" cellpadding="4" width="100%"' if self.for_qt else ""
        widths = column_widths(header, rows)
        self.add(f'<table class="data"{attrs}><thead><tr>'
                 + "".join(f'<th width="{w}%">{esc(h)}</th>' for h, w in zip(header, widths))
                 + "</tr></thead><tbody>")
        for row in rows:
            self.add("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
        self.add("</tbody></table>")
        if caption:
            self.add(f'<p class="tcap"><i>{esc(caption)}</i></p>')

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.add(f"<h3>{esc(block.text)}</h3>")
        elif isinstance(block, Paragraph):
            text = esc(block.text)
            if block.kind == "reading":
                text = f"<i>{text}</i>"
            elif block.kind == "answer":
                text = f"<b>{text}</b>"
            self.add(f'<p class="{esc(block.kind)}">{text}</p>')
        elif isinstance(block, Table):
            self.table(block.header, block.rows, block.caption)
        elif isinstance(block, Bullets):
            if block.title:
                self.add(f"<p><b>{esc(block.title)}</b></p>")
            self.add("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Notes):
            self.add(f'<div class="notes"><p><b>{esc(block.title)}</b></p>'
                     f"<p>{lines(block.text)}</p></div>")
        elif isinstance(block, ChartRef):
            self.chart(block)

    def chart(self, ref: ChartRef) -> None:
        picture = self.picture(ref)
        self.figures += 1
        label = f"Figure {self.figures}."
        if picture is not None:
            size = (f' width="{picture.width}" height="{picture.height}"' if self.for_qt
                    else f' style="max-width: {picture.width}px"')
            self.add(f'<p align="center" class="figure" style="line-height: 100%">'
                     f'<img class="chart" src="{picture.src}"'
                     f'{size} alt="{esc(picture.alt)}"></p>')
        self.add(f'<p class="figcap"><i><b>{label}</b> {esc(ref.reading)}</i></p>')


def report_html(report: Report, picture: PictureOf, *, for_qt: bool = False) -> str:
    """The report as one HTML document; ``picture`` gives each chart's image source."""
    w = _Writer(picture, for_qt)
    w.add('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
          f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body><main>")
    w.add(f"<h1>{esc(report.title)}</h1>")
    w.add(f'<p class="meta">{esc(report.date)} \u00b7 scenario \u201c{esc(report.scenario_name)}'
          "\u201d \u00b7 structured by the five key questions of Brown, McGreal &amp; Peters "
          "(2023)</p>")
    numbered = [s for s in report.sections if s.number is not None]
    if numbered:
        w.add("<h2>The five questions in short</h2>")
        w.table(("", "Question", "Answer from this scenario"),
                [(str(s.number), s.question, s.answer) for s in numbered])
    if report.notes:
        w.add('<h2>Notes</h2><div class="notes">' f"<p>{lines(report.notes)}</p></div>")
    if report.opening:
        w.add("<h2>Who was in the room</h2>")
        for block in report.opening:
            w.block(block)
    new_page = ' style="page-break-before: always"' if for_qt else ""
    for section in report.sections:
        number = f"{section.number}. " if section.number is not None else ""
        w.add(f'<h2 class="q"{new_page}>{number}{esc(section.question)}</h2>')
        if section.answer:
            w.add(f'<p class="answer"><b>In short: {esc(section.answer)}</b></p>')
        for block in section.blocks:
            w.block(block)
    w.add(f'<h2 class="q"{new_page}>Sources</h2><ol>')
    w.add("".join(f"<li>{esc(ref)}</li>" for ref in report.references))
    w.add("</ol>")
    if report.colophon:
        w.add(f'<p class="small">{esc(report.colophon)}</p>')
    w.add("</main></body></html>")
    return "\n".join(w.out)
