"""The built-in frameworks (resources/frameworks/*.json) and the default scenario.

Frameworks are data: every JSON file in the frameworks folder becomes a framework, ordered by
its ``order`` field. ``MCEXPLORER_RESOURCES`` points at another resources folder (used by tests
that add a framework with no code). No Qt here.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ScenarioError
from .extensions import check_frameworks
from .io import from_validation, read_json
from .models import Framework, FrameworkSettings, Scenario
from .paths import RESOURCES_ENV, resources_dir  # noqa: F401 - kept importable from here


@cache
def builtin_frameworks() -> dict[str, Framework]:
    """The default frameworks shipped as JSON, validated by the same models as any file and
    checked against the extensions they name, in tab order."""
    folder = resources_dir() / "frameworks"
    found: dict[str, Framework] = {}
    for path in sorted(folder.glob("*.json")):
        fw = load_framework(path)
        if fw.id in found:
            raise ScenarioError(f"framework id {fw.id!r} is used by two files", file=str(path))
        found[fw.id] = fw
    check_frameworks(found, file=str(folder))
    return dict(sorted(found.items(), key=lambda kv: (kv[1].order, kv[0])))


def load_framework(path: str | os.PathLike[str]) -> Framework:
    data = read_json(Path(path))
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, str(path)) from None


def default_scenario(frameworks: dict[str, Framework] | None = None) -> Scenario:
    """The built-in default: every weight at its default (50), targets at theirs (H2)."""
    frameworks = builtin_frameworks() if frameworks is None else frameworks
    settings = {}
    for fid, fw in frameworks.items():
        settings[fid] = FrameworkSettings(
            weights={c.id: c.default_weight for c in fw.criteria},
            targets={c.id: c.default_target for c in fw.criteria if c.default_target is not None},
        )
    return Scenario(title="Default scenario", frameworks=settings)


def all_frameworks(scenario: Scenario) -> dict[str, Framework]:
    """Built-in frameworks plus those the scenario defines (a definition overrides a built-in)."""
    out = dict(builtin_frameworks())
    for fw in scenario.definitions:
        out[fw.id] = fw
    return out


Model = TypeVar("Model", bound=BaseModel)


def load_resource(name: str, model: type[Model]) -> Model:
    """A JSON file of the resources folder validated by ``model``; a broken file is refused
    with one line naming the file and the field."""
    path = resources_dir() / name
    data = read_json(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, str(path)) from None
