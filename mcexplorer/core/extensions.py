"""The extension registry: features that add rules, checks and reports to a framework.

A framework file may name an extension (``"extension": "ecology-map"``). The extension says
which option and criterion ids its code relies on; a framework (built in, or redefined in a
scenario's ``definitions``) that names it without them is refused with one line. Generic code
(validation, the CLI, the window's tab registry) iterates over the registered extensions and
never names a framework id.

Built-in features register themselves when their ``extension`` module is imported; the list
below is the one place that names them (like a plugin entry point).

**Readings.** Feature packages never import each other, yet one feature's view may need a plain
value another computes (the leadership check needs the ecology's positioning). A feature offers
such a value under a generic name with ``register_reading(name, fn)``; any code asks for it with
``read(name, doc, *args, default=...)`` and gets ``default`` when no feature offers it. Readings
return plain values (str, float, dict, None), never a feature's objects. Offered now:

==================== ============ ======================================================
name                 offered by   value
==================== ============ ======================================================
positioning          ecology      "supplementary", "credit-bearing", "integrated" or "none"
portfolio-fit        ecology      the portfolio's fit, 0-100, or None
portfolio-mix        ecology      {quadrant name: share of volume, 0-100}
best-structure       structures   {"name", "horizon", "fit"} of the best-fitting structure, or None
balance              structures   the intended split {"h1", "h2", "h3"} in percent
first-place-share    robustness   (doc, framework_id, option_id) -> share of seeded weight
                                  variations in which the option comes first, 0-100, or None
==================== ============ ======================================================

No Qt here.
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
    "mcexplorer.core.leadership_risks.extension",
    "mcexplorer.core.robustness.extension",
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
    method: str | None = None
    """The framework method the feature's code relies on (None: any)."""
    check: Callable[[Scenario, str | None], None] | None = None
    """Checks of the scenario section the feature owns (raises ScenarioError)."""
    report: Callable[[Document, str], dict[str, Any]] | None = None
    """Extra keys for the framework's entry in ``score --json``, given the whole Document (so
    a report may use other features' readings) and the framework's id."""


_registry: dict[str, Extension] = {}
_readings: dict[str, Callable[..., Any]] = {}
_loaded = False


def register(extension: Extension) -> Extension:
    _registry[extension.id] = extension
    return extension


def register_reading(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """Offer ``fn(doc, *args)`` under ``name`` (see "Readings" above); returns ``fn``."""
    _readings[name] = fn
    return fn


def read(name: str, doc: Document, *args: Any, default: Any = None) -> Any:
    """The reading ``name`` of the Document, or ``default`` when no feature offers it."""
    fn = readings().get(name)
    return default if fn is None else fn(doc, *args)


def readings() -> dict[str, Callable[..., Any]]:
    """Every offered reading by name (the built-in features are loaded on first use)."""
    registered()
    return _readings


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
    if ext.method is not None and framework.method != ext.method:
        raise ScenarioError(
            f"framework {framework.id!r} uses the {ext.title} extension, which needs method "
            f"{ext.method!r} (found {framework.method!r})",
            file=file, field=field or f"{framework.id}.method")
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
