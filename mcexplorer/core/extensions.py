"""The extension registry: features that add rules, checks and reports to a framework.

A framework file may name an extension (``"extension": "ecology-map"``). The extension says
which option and criterion ids its code relies on; a framework (built in, or redefined in a
scenario's ``definitions``) that names it without them is refused with one line. Generic code
(validation, the CLI, the window's tab registry) iterates over the registered extensions and
never names a framework id.

Built-in features register themselves when their ``extension`` module is imported; the list
below is the one place that names them (like a plugin entry point). No Qt here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import ScenarioError

if TYPE_CHECKING:
    from .document import Document
    from .models import Framework, Scenario

BUILTIN_FEATURES = (
    "mcexplorer.core.ecology.extension",
    "mcexplorer.core.structures.extension",
    "mcexplorer.core.room.extension",
)
"""Modules that register the built-in extensions when imported."""


@dataclass(frozen=True)
class Extension:
    """What a feature adds to the framework that names it."""

    id: str
    title: str
    options: tuple[str, ...] = ()
    """Option ids the feature's code relies on."""
    criteria: tuple[str, ...] = ()
    """Criterion ids the feature's code relies on."""
    check: Callable[[Scenario, str | None], None] | None = None
    """Checks of the scenario section the feature owns (raises ScenarioError)."""
    report: Callable[[Document, str], dict[str, Any]] | None = None
    """Extra keys for the framework's entry in ``score --json``."""


_registry: dict[str, Extension] = {}
_loaded = False


def register(extension: Extension) -> Extension:
    _registry[extension.id] = extension
    return extension


def registered() -> dict[str, Extension]:
    """Every registered extension by id (the built-in ones are loaded on first use)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTIN_FEATURES:
            importlib.import_module(module)
    return _registry


def get(extension_id: str) -> Extension:
    try:
        return registered()[extension_id]
    except KeyError:
        raise ScenarioError(f"unknown extension {extension_id!r} "
                            f"(known: {', '.join(sorted(registered()))})") from None


def check_framework(framework: Framework, *, file: str | None = None,
                    field: str | None = None) -> None:
    """Refuse a framework that names an unknown extension or lacks the ids it needs."""
    if framework.extension is None:
        return
    where = field or f"{framework.id}.extension"
    try:
        ext = get(framework.extension)
    except ScenarioError as exc:
        raise ScenarioError(exc.problem, file=file, field=where) from None
    missing = _missing(ext.options, (o.id for o in framework.options))
    if missing:
        raise ScenarioError(
            f"framework {framework.id!r} uses the {ext.title} extension, which needs the "
            f"option{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            file=file, field=field or f"{framework.id}.options")
    missing = _missing(ext.criteria, (c.id for c in framework.criteria))
    if missing:
        raise ScenarioError(
            f"framework {framework.id!r} uses the {ext.title} extension, which needs the "
            f"criteri{'a' if len(missing) > 1 else 'on'} {', '.join(missing)}",
            file=file, field=field or f"{framework.id}.criteria")


def check_frameworks(frameworks: dict[str, Framework], *, file: str | None = None,
                     field_of: Callable[[str], str] | None = None) -> None:
    """Each framework's extension, and no extension named by two frameworks."""
    owner: dict[str, str] = {}
    for fid, fw in frameworks.items():
        field = field_of(fid) if field_of else None
        check_framework(fw, file=file, field=field)
        if fw.extension is None:
            continue
        if fw.extension in owner:
            raise ScenarioError(
                f"frameworks {owner[fw.extension]!r} and {fid!r} both name the "
                f"{fw.extension!r} extension; only one framework can", file=file,
                field=field or f"{fid}.extension")
        owner[fw.extension] = fid


def framework_with(frameworks: dict[str, Framework], extension_id: str) -> str | None:
    """The id of the framework that names ``extension_id``, if any."""
    for fid, fw in frameworks.items():
        if fw.extension == extension_id:
            return fid
    return None


def _missing(needed: Iterable[str], present: Iterable[str]) -> list[str]:
    have = set(present)
    return [i for i in needed if i not in have]
