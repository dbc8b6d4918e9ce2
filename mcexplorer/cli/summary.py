"""``summary``: strategy on a page, the paper's five key questions answered from a scenario
(the same answers as the first page of the leadership-and-risks tab)."""

from __future__ import annotations

import sys

from .parsing import print_json


def add(sub) -> None:
    summary = sub.add_parser("summary", help="print the five key questions answered from FILE")
    summary.add_argument("file")
    summary.add_argument("--json", action="store_true",
                         help="machine-readable output (the answers and the figures behind them)")
    summary.set_defaults(run=_summary)


def _summary(args) -> int:
    from ..core.document import Document
    from ..core.leadership_risks.strategy import summary_json, summary_text
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    if args.json:
        print_json(summary_json(doc), "summary --json")
    else:
        sys.stdout.write(summary_text(doc))
    return 0
