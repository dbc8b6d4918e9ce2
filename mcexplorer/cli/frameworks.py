"""Verbs on framework files: ``import-framework`` (CSV or framework JSON to a framework file).

``validate`` and ``schema --framework`` (in scenario_files) read framework files too.
"""

from __future__ import annotations


def add(sub) -> None:
    p = sub.add_parser(
        "import-framework",
        help="check a framework written as CSV (or a framework file) and write it as a "
             "framework file")
    p.add_argument("file", help="FILE.csv (also .tsv, .txt) or FILE.json")
    p.add_argument("--out", required=True, metavar="FRAMEWORK.json",
                   help="the framework file to write")
    p.add_argument("--id", dest="framework_id", metavar="ID",
                   help="the framework's id (default: made from the title)")
    p.add_argument("--title", metavar="T", help="the framework's title (default: the file name)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(run=_import_framework)


def _import_framework(args) -> int:
    from ..core.frameworks import import_framework

    print(import_framework(args.file, args.out, framework_id=args.framework_id,
                           title=args.title, overwrite=args.force))
    return 0
