"""argparse that reports a bad argument in one line and exits 2, and small argument parsers."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ScenarioError, finite_number


class UsageParser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise Usage(f"{self.prog}: {message} (see '{self.prog} --help')")


class Usage(Exception):
    pass


def parse_setting(text: str, what: str) -> tuple[str, str, float]:
    fw_crit, sep, value = text.partition("=")
    fw, sep2, crit = fw_crit.partition(":")
    if not sep or not sep2 or not fw or not crit or not value:
        raise ScenarioError(f"expected FW:CRITERION=VALUE, got {text!r}", field=f"--{what}")
    return fw, crit, finite_number(value, f"--{what} {fw_crit}")


def path_argument(text: str, option: str | None = None) -> Path:
    """A path from the command line, refused in one line when its name is longer than the
    file system allows."""
    from ..core.safe_files import check_name

    path = Path(text)
    try:
        check_name(path)
    except ScenarioError as exc:
        exc.field = option
        raise
    return path


def exists(path: Path, *, folder: bool = False) -> bool:
    """Whether something (a folder, with ``folder``) is at ``path``; a dangling link counts.
    A path that cannot even be looked at is one line, not a traceback."""
    try:
        return path.is_dir() if folder else (path.exists() or path.is_symlink())
    except OSError as exc:
        raise ScenarioError(f"cannot look at it ({exc.strerror or exc})", file=str(path)) from None


def add_overrides(parser: argparse.ArgumentParser) -> None:
    """``--weight FW:CRITERION=VALUE`` and ``--target FW:CRITERION=VALUE``, repeatable."""
    parser.add_argument("--weight", action="append", default=[], metavar="FW:CRITERION=VALUE",
                        help="override a weight (0-100) for this run; repeatable")
    parser.add_argument("--target", action="append", default=[], metavar="FW:CRITERION=VALUE",
                        help="override a target on its scale (e.g. FW:horizon=3); repeatable")


def apply_overrides(doc, args) -> None:
    """Apply ``--weight`` and ``--target`` to the document (not to the file)."""
    for text in args.weight:
        fw, crit, value = parse_setting(text, "weight")
        doc.apply(doc.set_weight(fw, crit, value))
    for text in args.target:
        fw, crit, value = parse_setting(text, "target")
        doc.apply(doc.set_target(fw, crit, value))


def whole_number(lo: int, hi: int | None = None):
    """An argparse ``type`` for a whole number in [lo, hi]: a bad value is one usage line."""
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < lo or (hi is not None and value > hi):
            span = f"from {lo} to {hi}" if hi is not None else f">= {lo}"
            raise argparse.ArgumentTypeError(f"{value} is out of range (must be {span})")
        return value
    return convert


def percentage(hi: float):
    """An argparse ``type`` for a finite percentage in [0, hi]."""
    def convert(text: str) -> float:
        try:
            value = finite_number(text, "")
        except ScenarioError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number") from None
        if not 0.0 <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value:g} is out of range (must be 0-{hi:g})")
        return value
    return convert


def add_weighting(parser: argparse.ArgumentParser) -> None:
    """``--weighting scenario|group|PERSON``: whose weights the numbers are under."""
    parser.add_argument("--weighting", default="scenario", metavar="scenario|group|PERSON",
                        help="whose weights: the scenario's own (default), the group's, or a "
                             "participant's (id or name)")


def weighting_of(doc, args):
    """The ``--weighting`` asked for, as core.weighting's value; an unknown name is one line
    naming the people in the room (exit 2)."""
    from ..core.weighting import parse

    try:
        return parse(doc, args.weighting)
    except ScenarioError as exc:
        exc.field = "--weighting"
        if getattr(args, "file", None) and not exc.file:
            exc.file = args.file
        raise
