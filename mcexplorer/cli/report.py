"""``report``: the workshop report as a PDF or one self-contained HTML file, headless."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ScenarioError
from .export import headless
from .parsing import add_weighting, weighting_of

SUFFIXES = (".pdf", ".html", ".htm")


def add(sub) -> None:
    report = sub.add_parser("report", help="write the workshop report (PDF or HTML), headless")
    report.add_argument("file")
    report.add_argument("--out", required=True, metavar="REPORT.pdf|REPORT.html")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help="page size of a PDF (default a4)")
    add_weighting(report)
    report.set_defaults(run=_report)


def _report(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        raise ScenarioError("the report is written as .pdf or .html", file=str(out),
                            field="--out")
    if out.is_dir():
        raise ScenarioError("is a folder; name the report file", file=str(out), field="--out")
    if not out.parent.is_dir():
        raise ScenarioError("no such folder", file=str(out.parent), field="--out")
    from ..core.document import Document
    from ..core.outputs.names import scenario_label
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    document = Document(scenario)
    weighting = weighting_of(document, args)
    headless()
    from ..app import ensure_app

    ensure_app()
    from ..qt.export.report_writer import write_report

    pages = write_report(document, out, scenario_label(scenario, args.file),
                         weighting=weighting, paper=args.paper)
    print(out if pages is None else f"{out} ({pages} pages)")
    return 0
