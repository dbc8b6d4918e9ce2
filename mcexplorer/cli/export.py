"""``export``: every chart as an image, headless."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ScenarioError, shown_path
from .parsing import exists, path_argument


def add(sub) -> None:
    export = sub.add_parser("export", help="write every chart as a PNG into DIR (headless)")
    export.add_argument("file")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--width", type=int, default=None, metavar="PX",
                        help="image width in pixels (default 1920)")
    export.set_defaults(run=_export)


def _export(args) -> int:
    from ..qt.charts.export import DEFAULT_WIDTH, check_width

    width = DEFAULT_WIDTH if args.width is None else check_width(args.width)
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    out = path_argument(args.out, "--out")
    if exists(out) and not exists(out, folder=True):
        raise ScenarioError("is not a folder", file=str(out), field="--out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScenarioError(f"cannot create folder ({exc.strerror})", file=str(out)) from None
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for path in export_all(scenario, out, width):
        print(shown_path(path))
    return 0


def export_all(scenario, out: Path, width: int) -> list[Path]:
    """Write one PNG per chart of every framework into ``out``; return the paths."""
    from ..app import ensure_app

    ensure_app()
    from ..core.document import Document
    from ..qt.charts.export import export_png
    from ..qt.controller import DocumentController
    from ..qt.tabs import tab_class

    controller = DocumentController(Document(scenario))
    written = []
    for fid in controller.document.frameworks:
        tab = tab_class(controller.document.framework(fid))(controller, fid)
        try:
            tab.refresh()
            for kind, chart in tab.charts.items():
                written.append(export_png(chart, out / f"{fid}-{kind}.png", width))
        finally:
            tab.deleteLater()
    return written
