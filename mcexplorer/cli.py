"""Command line: ``mcexplorer [FILE]`` opens the window; subcommands work without one.

Exit codes: 0 success, 2 bad input or bad arguments (one line on stderr naming the problem).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .core.errors import ScenarioError, finite_number

COMMANDS = ("new", "score", "validate", "export", "schema")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Usage(f"{self.prog}: {message} (see '{self.prog} --help')")


class _Usage(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mcexplorer",
                description="Scenario explorer for micro-credential strategy. Without a "
                            "command, opens the window (on FILE if given).")
    p.add_argument("--version", action="version", version=f"mcexplorer {__version__}")
    p.add_argument("--reset-settings", action="store_true",
                   help="forget window layout and recent files (sessions are kept), then go on")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    new = sub.add_parser("new", help="write the built-in default scenario to FILE")
    new.add_argument("file")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    score = sub.add_parser("score", help="print the ranking of every framework")
    score.add_argument("file")
    score.add_argument("--json", action="store_true", help="machine-readable output")
    score.add_argument("--weight", action="append", default=[], metavar="FW:CRITERION=VALUE",
                       help="override a weight (0-100) for this run; repeatable")
    score.add_argument("--target", action="append", default=[], metavar="FW:CRITERION=VALUE",
                       help="override a target on its scale (e.g. FW:horizon=3); repeatable")
    validate = sub.add_parser("validate", help="check a scenario file")
    validate.add_argument("file")
    export = sub.add_parser("export", help="write every chart as a PNG into DIR (headless)")
    export.add_argument("file")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--width", type=int, default=None, metavar="PX",
                        help="image width in pixels (default 1920)")
    sub.add_parser("schema", help="print the JSON Schema of scenario files")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if "--reset-settings" in argv:
            argv = [a for a in argv if a != "--reset-settings"]
            _reset_settings()
            if not argv:
                return 0
        if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
            if len(argv) > 1:
                raise _Usage(f"mcexplorer: expected at most one FILE, got {len(argv)} arguments "
                             "(see 'mcexplorer --help')")
            from .app import run
            return run(argv[0] if argv else None)
        args = _parser().parse_args(argv)
        if args.command is None:
            from .app import run
            return run(None)
        return _COMMANDS[args.command](args)
    except _Usage as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ScenarioError as exc:
        print(f"mcexplorer: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into something that stopped reading (e.g. `| head`): not an error.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


# -- commands -------------------------------------------------------------------------------


def _reset_settings() -> None:
    """Forget window size, position, last tab and recent files (sessions are kept)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("mcexplorer")
    QCoreApplication.setApplicationName("mcexplorer")
    settings = QSettings()
    settings.clear()
    settings.sync()
    print(f"mcexplorer: settings reset ({settings.fileName()})")


def _new(args) -> int:
    from .core.io import save_scenario
    from .core.resources import default_scenario

    path = Path(args.file)
    if path.exists() and not args.force:
        raise ScenarioError("already exists (add --force to overwrite)", file=str(path))
    if path.parent and not path.parent.is_dir():
        raise ScenarioError("folder does not exist", file=str(path.parent))
    save_scenario(path, default_scenario())
    print(f"wrote {path}")
    return 0


def _parse_setting(text: str, what: str) -> tuple[str, str, float]:
    fw_crit, sep, value = text.partition("=")
    fw, sep2, crit = fw_crit.partition(":")
    if not sep or not sep2 or not fw or not crit or not value:
        raise ScenarioError(f"expected FW:CRITERION=VALUE, got {text!r}", field=f"--{what}")
    return fw, crit, finite_number(value, f"--{what} {fw_crit}")


def _score(args) -> int:
    from .core.document import Document
    from .core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    for text in args.weight:
        fw, crit, value = _parse_setting(text, "weight")
        doc.apply(doc.set_weight(fw, crit, value))
    for text in args.target:
        fw, crit, value = _parse_setting(text, "target")
        doc.apply(doc.set_target(fw, crit, value))
    report = score_report(doc)
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print_report(report)
    return 0


def score_report(doc) -> dict:
    """The ``score --json`` document (a stable contract; see README)."""
    from .core.extensions import registered

    extensions = registered()
    frameworks = []
    for fid, fw in doc.frameworks.items():
        ranking = doc.ranking(fid)
        entry = {
            "id": fid,
            "title": fw.title,
            "method": fw.method,
            "weights": dict(ranking.weights),
            "targets": dict(ranking.targets),
            "criteria": [{"id": c.id, "name": c.name, "direction": c.direction,
                          "scale": list(c.scale)} for c in fw.criteria],
            "ranking": [{"option": r.option, "name": r.name, "fit": r.fit, "rank": r.rank,
                         "ratings": dict(r.ratings)} for r in ranking.results],
        }
        ext = extensions.get(fw.extension) if fw.extension else None
        if ext is not None and ext.report is not None:
            entry.update(ext.report(doc, fid))
        frameworks.append(entry)
    return {"frameworks": frameworks}


def _print_report(report: dict) -> None:
    for fw in report["frameworks"]:
        print(f"{fw['title']} ({fw['id']})")
        weights = ", ".join(f"{k}={v:g}" for k, v in fw["weights"].items())
        print(f"  weights: {weights}")
        if fw["targets"]:
            print("  targets: " + ", ".join(f"{k}={v:g}" for k, v in fw["targets"].items()))
        if all(r["fit"] is None for r in fw["ranking"]):
            print("  no fit: set at least one weight")
        else:
            width = max(len(r["name"]) for r in fw["ranking"])
            for r in fw["ranking"]:
                rank = f"={r['rank']}" if sum(x["rank"] == r["rank"] for x in fw["ranking"]) > 1 \
                    else str(r["rank"])
                print(f"  {rank:>3}  {r['name']:<{width}}  {r['fit']:6.1f}%")
        print()


def _validate(args) -> int:
    from .core.validation import load_scenario

    scenario, report = load_scenario(args.file)
    migrations = "; ".join(report.migrations) if report.migrations else "none"
    print(f"{args.file}: valid (schema version {report.file_version}; migrations applied: "
          f"{migrations}; frameworks: {', '.join(scenario.frameworks) or 'defaults'})")
    return 0


def _export(args) -> int:
    from .qt.charts.export import DEFAULT_WIDTH, check_width

    width = DEFAULT_WIDTH if args.width is None else check_width(args.width)
    from .core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ScenarioError("is not a folder", file=str(out), field="--out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScenarioError(f"cannot create folder ({exc.strerror})", file=str(out)) from None
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for path in export_all(scenario, out, width):
        print(path)
    return 0


def export_all(scenario, out: Path, width: int) -> list[Path]:
    """Write one PNG per chart of every framework into ``out``; return the paths."""
    from .app import ensure_app

    ensure_app()
    from .core.document import Document
    from .qt.charts.export import export_png
    from .qt.controller import DocumentController
    from .qt.tabs import tab_class

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


def _schema(args) -> int:
    from .core.models import Scenario

    json.dump(Scenario.model_json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


_COMMANDS = {"new": _new, "score": _score, "validate": _validate, "export": _export,
             "schema": _schema}
