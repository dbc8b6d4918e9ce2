"""``csv``: one CSV per framework (weights, ratings as labels and numbers, fit), for Excel."""

from __future__ import annotations

from .export import out_folder


def add(sub) -> None:
    csv = sub.add_parser("csv", help="write one CSV per framework into DIR (UTF-8 with BOM)")
    csv.add_argument("file")
    csv.add_argument("--out", required=True, metavar="DIR")
    csv.set_defaults(run=_csv)


def _csv(args) -> int:
    from ..core.document import Document
    from ..core.outputs.names import scenario_label
    from ..core.outputs.tables import write_csvs
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    out = out_folder(args.out)
    for path in write_csvs(Document(scenario), out, scenario_label(scenario, args.file)):
        print(path)
    return 0
