"""``report``: the workshop report as a PDF, one self-contained HTML file, a slide deck
(.pptx) or a board paper (.docx); ``workbook``: the scenario as an .xlsx workbook with live
formulas. Headless; the format comes from the extension of ``--out``."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ScenarioError
from .export import headless
from .parsing import add_weighting, exists, path_argument, weighting_of

REPORT_SUFFIXES = (".pdf", ".html", ".htm", ".pptx", ".docx")


def add(sub) -> None:
    report = sub.add_parser("report", help="write the workshop report (PDF, HTML), a slide deck "
                                           "(PPTX) or a board paper (DOCX), headless")
    report.add_argument("file")
    report.add_argument("--out", required=True,
                        metavar="NAME.pdf|NAME.html|NAME.pptx|NAME.docx",
                        help="the format comes from the extension")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help="page size of a PDF (default a4)")
    report.add_argument("--template", default=None, metavar="HOUSE.pptx",
                        help="a deck's template: its first layout is used for every slide")
    add_weighting(report)
    report.set_defaults(run=_report)
    workbook = sub.add_parser("workbook", help="write the scenario as an .xlsx workbook whose "
                                               "fits are live formulas, headless")
    workbook.add_argument("file")
    workbook.add_argument("--out", required=True, metavar="NAME.xlsx")
    add_weighting(workbook)
    workbook.set_defaults(run=_workbook)


def _out(value: str, suffixes: tuple[str, ...], what: str) -> Path:
    out = path_argument(value, "--out")
    if out.suffix.lower() not in suffixes:
        raise ScenarioError(what, file=str(out), field="--out")
    if exists(out, folder=True):
        raise ScenarioError("is a folder; name the file", file=str(out), field="--out")
    if not exists(out.parent if str(out.parent) else Path("."), folder=True):
        raise ScenarioError("no such folder", file=str(out.parent), field="--out")
    return out


def _load(args):
    from ..core.document import Document
    from ..core.outputs.names import scenario_label
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    document = Document(scenario)
    return document, weighting_of(document, args), scenario_label(scenario, args.file)


def _report(args) -> int:
    out = _out(args.out, REPORT_SUFFIXES, "the report is written as .pdf or .html, the deck as "
                                          ".pptx, the board paper as .docx")
    template = None
    if args.template is not None:
        template = path_argument(args.template, "--template")
        if out.suffix.lower() != ".pptx":
            raise ScenarioError("a template is for a .pptx deck", file=str(out),
                                field="--template")
        if template.suffix.lower() != ".pptx" or not exists(template) \
                or exists(template, folder=True):
            raise ScenarioError("no such .pptx file", file=str(template), field="--template")
    document, weighting, label = _load(args)
    headless()
    from ..app import ensure_app

    ensure_app()
    from ..qt.export.office import write_output

    pages = write_output(document, out, label, weighting, template=template, paper=args.paper)
    print(out if pages is None else f"{out} ({pages} pages)")
    return 0


def _workbook(args) -> int:
    out = _out(args.out, (".xlsx",), "the workbook is written as .xlsx")
    document, weighting, _ = _load(args)
    from ..core.outputs.workbook import write_workbook

    write_workbook(document, out, weighting)
    print(out)
    return 0
