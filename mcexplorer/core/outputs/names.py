"""Predictable, safe names for exported files: ``<scenario>-<framework>-<chart>.<ext>``."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..models import Scenario
from ..values import slug

PLACEHOLDER_TITLES = frozenset({"", "untitled scenario", "default scenario"})
"""Titles that say nothing about a scenario: its file name is a better name."""


def scenario_label(scenario: Scenario, path: str | Path | None = None) -> str:
    """How exports name a scenario: its title, unless the title is a placeholder and the
    scenario has a file (then the file's name without ``.json``)."""
    title = " ".join(scenario.title.split())
    if title.lower() in PLACEHOLDER_TITLES and path is not None:
        return Path(path).stem
    return title or "Untitled scenario"


def sanitise(text: str, fallback: str = "scenario") -> str:
    """Lower-case letters, digits and single hyphens: safe on Windows, macOS and Linux."""
    return slug(text, fallback, limit=60)


def export_name(scenario_name: str, framework_id: str, kind: str, ext: str) -> str:
    """``<scenario>-<framework>-<chart>.<ext>``, each part sanitised."""
    parts = [sanitise(scenario_name), sanitise(framework_id, "framework"), sanitise(kind, "chart")]
    return "-".join(parts) + "." + ext.lstrip(".").lower()


def today(now: dt.date | None = None) -> str:
    """The date written on exports and reports, ISO (unambiguous in every country)."""
    return (now or dt.date.today()).isoformat()


def data_name(scenario_name: str, framework_id: str) -> str:
    """``<scenario>-<framework>.csv``."""
    return f"{sanitise(scenario_name)}-{sanitise(framework_id, 'framework')}.csv"


def kept_beside(path: Path) -> Path:
    """A name beside ``path`` that no file has yet: ``plan-bm (2).csv``, ``(3)`` ... (what
    "keep both" writes when ``path`` exists; exported names never hold a space, so these never
    meet another export's name)."""
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def already_there(paths: list[Path]) -> list[Path]:
    """The paths that something (a file, a link, a folder) already holds."""
    return [p for p in paths if os.path.lexists(p)]
