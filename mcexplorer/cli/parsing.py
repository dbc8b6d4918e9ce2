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
