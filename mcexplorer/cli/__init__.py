"""Command line: ``mcexplorer [FILE]`` opens the window; subcommands work without one.

Exit codes: 0 success, 2 bad input or bad arguments (one line on stderr naming the problem).
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from ..core.errors import ScenarioError, shown_path
from . import (
    data,
    export,
    frameworks,
    report,
    robustness,
    room,
    scenario_files,
    score,
    summary,
)
from .parsing import Usage as _Usage, UsageParser as _Parser

COMMAND_MODULES = (scenario_files, score, robustness, export, data, report, frameworks, room,
                   summary)
"""Each module adds its verbs to the parser (``add(sub)``) with ``set_defaults(run=...)``."""


def _parser() -> argparse.ArgumentParser:
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    p = _Parser(prog="mcexplorer",
                description="Scenario explorer for micro-credential strategy. Without a "
                            "command, opens the window (on FILE if given).")
    p.add_argument("--version", action="version", version=f"mcexplorer {__version__}")
    p.add_argument("--reset-settings", action="store_true",
                   help="forget window layout and recent files (sessions are kept), then go on")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.add(sub)
    return p, sub


def commands() -> set[str]:
    """The verbs (``mcexplorer VERB ...``); any other first word is a file to open."""
    return set(_build()[1].choices)


def _tolerant_output() -> None:
    """Text the output's encoding cannot hold (a CJK title or "±" on a cp1252 or ASCII
    console, as Windows gives redirected output) is written as escapes, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if (stream.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
                reconfigure(errors="backslashreplace")
        except (OSError, ValueError):  # a closed or unusual stream: leave it as it is
            pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _tolerant_output()
    try:
        if "--reset-settings" in argv:
            argv = [a for a in argv if a != "--reset-settings"]
            _reset_settings()
            if not argv:
                return 0
        if not argv or (argv[0] not in commands() and not argv[0].startswith("-")):
            if len(argv) > 1:
                raise _Usage(f"mcexplorer: expected at most one FILE, got {len(argv)} arguments "
                             "(see 'mcexplorer --help')")
            from ..app import run
            return run(argv[0] if argv else None)
        args = _parser().parse_args(argv)
        if args.command is None:
            from ..app import run
            return run(None)
        return args.run(args)
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
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        except OSError:
            pass
        return 0


# -- commands -------------------------------------------------------------------------------


def _reset_settings() -> None:
    """Forget window size, position, last tab and recent files (sessions are kept)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("mcexplorer")
    QCoreApplication.setApplicationName("mcexplorer")
    from ..qt.window.settings import file_problem, settings_file

    path = settings_file()
    if file_problem(path) is not None:  # QSettings would block on a FIFO: never open it
        if path.is_dir() and not path.is_symlink():
            raise ScenarioError("is a folder, not a settings file; not reset", file=str(path))
        try:
            path.unlink()
        except OSError as exc:
            raise ScenarioError(f"cannot be removed ({exc.strerror or exc}); not reset",
                                file=str(path)) from None
        print(f"mcexplorer: settings reset ({shown_path(path)} was not a regular file; "
              "removed)")
        return
    settings = QSettings()
    settings.clear()
    settings.sync()
    print(f"mcexplorer: settings reset ({shown_path(settings.fileName())})")




# Kept importable from here: the benchmarks and tests call them.
from .export import export_all  # noqa: E402
from .score import score_report  # noqa: E402

__all__ = ["commands", "export_all", "main", "score_report"]
