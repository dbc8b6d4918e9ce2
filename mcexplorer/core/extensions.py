"""The extension registry: features that add rules, checks and reports to a framework.

A framework file may name an extension (``"extension": "ecology-map"``). The extension says
which option and criterion ids its code relies on; a framework (built in, or redefined in a
scenario's ``definitions``) that names it without them is refused with one line. Generic code
(validation, the CLI, the window's tab registry) iterates over the registered extensions and
never names a framework id.

A feature is discovered, not listed: every package of ``mcexplorer.core`` with an
``extension`` module is one, and that module registers the feature's record when imported
(on first use of the registry: core.models imports the features' ``models``, so importing
the record from a package's ``__init__`` would be a cycle). A feature outside this package is
one call: ``load(module)``.

**One record per feature.** A feature's ``Extension`` holds everything generic code asks of it:
the ids its code relies on, the check of its file section, its ``score --json`` fragment, its
report blocks (per framework naming it, and per key question), its chart data functions
(kind -> ``fn(Document, framework_id, Weighting)``), the typed readings it offers the other
features, and the module of its Qt twin (imported by the window only; the core never imports
it). ``kind`` says which of three things the record is: ``"framework"`` (a framework names
it), ``"scenario"`` (its check runs for every scenario: the room) or ``"readings"`` (it only
offers readings: robustness applies to any ranked framework).

**Readings.** Feature packages never import each other, yet one feature's view may need a plain
value another computes (the leadership check needs the ecology's positioning). A feature offers
such values as typed functions in its record's ``Readings``; any code asks through the typed
functions below (``positioning(doc)``, ``balance(doc)``, ...), each with a plain default when no
feature offers it. Readings return plain values, never a feature's objects.

No Qt here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from .errors import ScenarioError

if TYPE_CHECKING:
    from .document import Document
    from .models import Framework, Scenario
    from .outputs.report_model import Block
    from .weighting import Weighting

FEATURE_MODULE = "extension"
"""A package of mcexplorer.core with a module of this name is a feature; importing the module
registers its record."""

ChartData = Callable[["Document", str, "Weighting"], Any]
"""``fn(doc, framework_id, weighting)`` -> a chart's plain data (a core data class)."""
FrameworkBlocks = Callable[["Document", str], "list[Block]"]
QuestionBlocks = Callable[["Document"], "list[Block]"]


RankedReport = Callable[["Document", str, "Weighting", Mapping[str, Any]], dict[str, Any]]
"""``fn(doc, framework_id, weighting, draws)`` -> keys for the framework's ``score --json``
entry (``draws``: How sure's settings asked for on the command line)."""


@dataclass(frozen=True)
class FileSection:
    """A top-level section of the scenario file that a feature added in a later version."""

    name: str
    since: int
    """The schema version that added it: migrating an older file adds it."""
    older: Any
    """What a file from before ``since`` gets (plain JSON; the model fills the defaults)."""
    described: str
    """How the migration report names what it added: "participants (none)"."""
    model: type[BaseModel] | None = None
    """The section's model when Scenario does not declare it (a feature outside mcexplorer:
    it lives in ``scenario.features``, core.sections); None for Scenario's own fields."""


@dataclass(frozen=True)
class BestStructure:
    name: str
    fit: float
    horizon: float | None


@dataclass(frozen=True)
class Readings:
    """Plain values a feature offers the others, as typed functions (None: not offered)."""

    positioning: Callable[[Document], str] | None = None
    """"supplementary", "credit-bearing", "integrated" or "none"."""
    portfolio_fit: Callable[[Document], float | None] | None = None
    """The portfolio's fit, 0-100, or None."""
    portfolio_mix: Callable[[Document], dict[str, float]] | None = None
    """{quadrant name: share of volume, 0-100}."""
    best_structure: Callable[[Document], BestStructure | None] | None = None
    balance: Callable[[Document], dict[str, float]] | None = None
    """The intended split {"h1", "h2", "h3"} in percent."""
    first_place_share: Callable[[Document, str, str], float | None] | None = None
    """(doc, framework_id, option_id) -> share of seeded weight variations in which the
    option comes first, 0-100, or None."""
    answering: Callable[[Document, int], str | None] | None = None
    """(doc, n) -> the id of the ranked framework answering the paper's key question n (1-5:
    3 the structures, 4 the business models), or None."""


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
    kind: Literal["framework", "scenario", "readings"] = "framework"
    sections: tuple[str, ...] = ()
    """The scenario file's top-level sections the feature owns ("portfolio"): an edit there
    redraws the tab of the framework naming the feature (core.derived.view_paths)."""
    report_blocks: FrameworkBlocks | None = None
    """The workshop report's blocks for the framework naming this extension."""
    question_blocks: tuple[tuple[str, QuestionBlocks], ...] = ()
    """(key question id, fn) : blocks for a key question's section."""
    chart_data: tuple[tuple[str, ChartData], ...] = ()
    """(chart kind, fn): the data of each chart the feature draws."""
    readings: Readings = Readings()
    ranked_report: RankedReport | None = None
    """Keys the feature adds to the ``score --json`` entry of every ranked framework (a
    feature no framework names: the room's ``group``, How sure's ``stability``,
    ``acceptability`` and ``verdict``)."""
    file_sections: tuple[FileSection, ...] = ()
    """The scenario file's sections the feature adds, each with the version that added it
    (the migration from the version before gives an older file the section's value for it:
    core.migrations)."""
    qt: str | None = None
    """The module of the Qt twin (tab factory and charts), imported by the window only."""

    def chart(self, kind: str) -> ChartData:
        """The data function of chart ``kind`` (KeyError when the feature draws none)."""
        return dict(self.chart_data)[kind]


_registry: dict[str, Extension] = {}
_loaded = False


def register(extension: Extension) -> Extension:
    _registry[extension.id] = extension
    return extension


def load(module: str) -> None:
    """Import a feature's module (which registers its record): a feature outside this package
    is one call (the built-in ones are discovered: ``builtin_features``)."""
    registered()
    importlib.import_module(module)


def builtin_features() -> list[str]:
    """The record modules of the built-in features: every package of mcexplorer.core with an
    ``extension`` module, in name order."""
    core = importlib.import_module(__package__ or "mcexplorer.core")
    found = []
    for info in sorted(pkgutil.iter_modules(core.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"{core.__name__}.{info.name}")
        if any(m.name == FEATURE_MODULE for m in pkgutil.iter_modules(package.__path__)):
            found.append(f"{package.__name__}.{FEATURE_MODULE}")
    return found


def registered() -> dict[str, Extension]:
    """Every registered extension by id (the built-in ones are loaded on first use)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in builtin_features():
            importlib.import_module(module)
    return _registry


def offering(attr: str) -> list[Extension]:
    """The records offering the reading ``attr`` (a ``Readings`` field)."""
    return [e for e in registered().values() if getattr(e.readings, attr) is not None]


def positioning(doc: Document) -> str:
    """The ecology's reading, "none" when no feature offers one."""
    for ext in registered().values():
        if ext.readings.positioning is not None:
            return ext.readings.positioning(doc)
    return "none"


def portfolio_fit(doc: Document) -> float | None:
    for ext in registered().values():
        if ext.readings.portfolio_fit is not None:
            return ext.readings.portfolio_fit(doc)
    return None


def portfolio_mix(doc: Document) -> dict[str, float]:
    for ext in registered().values():
        if ext.readings.portfolio_mix is not None:
            return ext.readings.portfolio_mix(doc)
    return {}


def best_structure(doc: Document) -> BestStructure | None:
    for ext in registered().values():
        if ext.readings.best_structure is not None:
            return ext.readings.best_structure(doc)
    return None


def balance(doc: Document) -> dict[str, float] | None:
    for ext in registered().values():
        if ext.readings.balance is not None:
            return ext.readings.balance(doc)
    return None


def first_place_share(doc: Document, framework_id: str, option_id: str) -> float | None:
    for ext in registered().values():
        if ext.readings.first_place_share is not None:
            return ext.readings.first_place_share(doc, framework_id, option_id)
    return None


def answering(doc: Document, number: int) -> str | None:
    """The framework answering the paper's key question ``number`` (1-5), None without one
    (or without a feature that knows the key questions)."""
    for ext in registered().values():
        if ext.readings.answering is not None:
            return ext.readings.answering(doc, number)
    return None


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
