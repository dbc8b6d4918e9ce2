"""``csv``: one CSV per framework (weights, ratings as labels and numbers, fit), for Excel."""

from __future__ import annotations

from .export import out_folder
from .parsing import add_weighting, weighting_of


def add(sub) -> None:
    csv = sub.add_parser("csv", help="write one CSV per framework into DIR (UTF-8 with BOM)")
    csv.add_argument("file")
    csv.add_argument("--out", required=True, metavar="DIR")
    add_weighting(csv)
    csv.set_defaults(run=_csv)


def _csv(args) -> int:
    from ..core.document import Document
    from ..core.outputs.names import scenario_label
    from ..core.outputs.tables import write_csvs
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    weighting = weighting_of(doc, args)
    out = out_folder(args.out)
    for path in write_csvs(doc, out, scenario_label(scenario, args.file), weighting):
        print(path)
    return 0
