"""``export``: every chart as an image (PNG or SVG), headless.

Files are named ``<scenario>-<framework>-<chart>.png|svg``: the scenario part is the
scenario's title, or the file's name when the title is a placeholder ("Default scenario").
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ScenarioError, shown_path
from .parsing import add_weighting, exists, path_argument, weighting_of


def add(sub) -> None:
    export = sub.add_parser("export", help="write every chart as a PNG or SVG into DIR (headless)")
    export.add_argument("file")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--width", type=int, default=None, metavar="PX",
                        help="image width in pixels (default 1920)")
    export.add_argument("--format", choices=("png", "svg"), default="png",
                        help="PNG (default) or SVG (text stays text)")
    export.add_argument("--caption", action="store_true",
                        help="add a line under each chart: scenario, date, weights and whose, "
                             "source")
    add_weighting(export)
    export.set_defaults(run=_export)


def out_folder(value: str) -> Path:
    """The --out folder, created if needed; a file in the way or a name too long is one line."""
    out = path_argument(value, "--out")
    if exists(out) and not exists(out, folder=True):
        raise ScenarioError("is not a folder", file=str(out), field="--out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScenarioError(f"cannot create folder ({exc.strerror})", file=str(out)) from None
    return out


def headless() -> None:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _export(args) -> int:
    from ..qt.charts.export import DEFAULT_WIDTH, check_width

    width = DEFAULT_WIDTH if args.width is None else check_width(args.width)
    from ..core.document import Document
    from ..core.outputs.names import scenario_label
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    weighting = weighting_of(Document(scenario), args)
    out = out_folder(args.out)
    headless()
    for path in export_all(scenario, out, width, fmt=args.format, caption=args.caption,
                           name=scenario_label(scenario, args.file), weighting=weighting):
        print(shown_path(path))
    return 0


def export_all(scenario, out: Path, width: int, *, fmt: str = "png", caption: bool = False,
               name: str | None = None, weighting=None) -> list[Path]:
    """Write one image per chart of every framework into ``out``, under ``weighting``
    (core.weighting; default the scenario's own); return the paths. Only the charts are
    drawn, from their data: no tab, slider or table is built."""
    from ..app import ensure_app

    ensure_app()
    from ..core.document import Document
    from ..core.outputs.names import scenario_label, today
    from ..core.weighting import SCENARIO, settle
    from ..qt.charts.export import ImageSpec
    from ..qt.export.charts import drawn_charts, export_all as write_all

    document = Document(scenario)
    weighting = settle(document, SCENARIO if weighting is None else weighting)
    label = name or scenario_label(scenario)
    with drawn_charts(document, weighting, pages=True) as items:
        run = write_all(document, items, Path(out),
                        ImageSpec(width=width, fmt=fmt).checked(), label, today(),
                        with_caption=caption, weighting=weighting)
    return run.written
