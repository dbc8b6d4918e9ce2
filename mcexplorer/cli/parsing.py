"""argparse that reports a bad argument in one line and exits 2, and small argument parsers."""

from __future__ import annotations

import argparse

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
