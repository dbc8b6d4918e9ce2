"""Checking a scenario against its frameworks, and the checked loaders.

The models check each value's shape; this module checks what needs the frameworks: known
framework, criterion and option ids, values on each criterion's scale, redefined frameworks
that still carry the ids their extension needs, and each extension's own section checks.
No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .errors import ScenarioError, shown
from .extensions import check_frameworks, registered
from .io import LoadReport, parse_scenario_text, read_scenario
from .models import Framework, FrameworkSettings, Scenario
from .resources import all_frameworks


def load_scenario(path: str | os.PathLike[str]) -> tuple[Scenario, LoadReport]:
    """Read, migrate and check a scenario file. Raises ScenarioError; never half-loads."""
    scenario, report = read_scenario(path)
    check_scenario(scenario, file=str(Path(path)))
    return scenario, report


def parse_scenario(text: str, *, source: str = "<text>") -> Scenario:
    """Validate and check scenario JSON held in memory (used by tests and the fuzzers)."""
    scenario = parse_scenario_text(text, source=source)
    check_scenario(scenario, file=source)
    return scenario


def check_scenario(scenario: Scenario, *, file: str | None = None) -> None:
    """Check the scenario against its frameworks: known ids, values on each criterion's scale."""
    frameworks = all_frameworks(scenario)
    defined = {fw.id: i for i, fw in enumerate(scenario.definitions)}
    check_frameworks(frameworks, file=file,
                     field_of=lambda fid: f"definitions.{defined[fid]}" if fid in defined
                     else f"frameworks.{shown(fid)}")
    check_settings(scenario.frameworks, frameworks, "frameworks", file)
    for i, snap in enumerate(scenario.snapshots):
        check_settings(snap.settings.frameworks, frameworks,
                       f"snapshots.{i}.settings.frameworks", file)
    for ext in registered().values():
        if ext.check is not None:
            ext.check(scenario, file)


def check_settings(settings_by_framework: Mapping[str, FrameworkSettings],
                   frameworks: Mapping[str, Framework], prefix: str, file: str | None) -> None:
    """Per-framework settings (a scenario's own, or a snapshot's) against the frameworks."""
    for fid, settings in settings_by_framework.items():
        where = f"{prefix}.{shown(fid)}"
        fw = frameworks.get(fid)
        if fw is None:
            raise ScenarioError(
                f"unknown framework (known: {', '.join(frameworks)})", file=file, field=where)
        criteria = {c.id: c for c in fw.criteria}
        for cid in settings.weights:
            if cid not in criteria:
                raise ScenarioError("unknown criterion", file=file,
                                    field=f"{where}.weights.{shown(cid)}")
        for cid, t in settings.targets.items():
            c = criteria.get(cid)
            if c is None or c.direction != "target":
                raise ScenarioError("not a target criterion", file=file,
                                    field=f"{where}.targets.{shown(cid)}")
            lo, hi = c.scale
            if not lo <= t <= hi:
                raise ScenarioError(f"{t:g} lies outside the scale [{lo:g}, {hi:g}]", file=file,
                                    field=f"{where}.targets.{cid}")
        options = {o.id for o in fw.options}
        for oid, row in settings.rating_overrides.items():
            if oid not in options:
                raise ScenarioError("unknown option", file=file,
                                    field=f"{where}.rating_overrides.{shown(oid)}")
            for cid, value in row.items():
                c = criteria.get(cid)
                if c is None:
                    raise ScenarioError("unknown criterion", file=file,
                                        field=f"{where}.rating_overrides.{oid}.{shown(cid)}")
                lo, hi = c.scale
                if not lo <= value <= hi:
                    raise ScenarioError(f"{value:g} lies outside the scale [{lo:g}, {hi:g}]",
                                        file=file, field=f"{where}.rating_overrides.{oid}.{cid}")
        for oid, notes in settings.rating_notes.items():
            for cid in notes:
                if oid not in options or cid not in criteria:
                    what = "option" if oid not in options else "criterion"
                    raise ScenarioError(f"unknown {what}",
                                        file=file,
                                        field=f"{where}.rating_notes.{shown(oid)}.{shown(cid)}")
        for oid in settings.selected or []:
            if oid not in options:
                raise ScenarioError(f"unknown option {oid!r}", file=file, field=f"{where}.selected")
