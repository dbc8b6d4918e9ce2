"""``summary``: strategy on a page, the paper's five key questions answered from a scenario
(the same answers as the first page of the leadership-and-risks tab)."""

from __future__ import annotations

import sys

from .parsing import add_weighting, print_json, weighting_of


def add(sub) -> None:
    summary = sub.add_parser("summary", help="print the five key questions answered from FILE")
    summary.add_argument("file")
    summary.add_argument("--json", action="store_true",
                         help="machine-readable output (the answers and the figures behind them)")
    add_weighting(summary)
    summary.set_defaults(run=_summary)


def _summary(args) -> int:
    from ..core.answers import summary_json, summary_text
    from ..core.document import Document
    from ..core.errors import shown_lines
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    weighting = weighting_of(doc, args)
    if args.json:
        print_json(summary_json(doc, weighting), "summary --json")
    else:
        sys.stdout.write(shown_lines(summary_text(doc, weighting)))  # a title from a file
    return 0
