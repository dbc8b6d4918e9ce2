"""No hidden module-level state: every mcexplorer module's globals are constants, or one of the
registries named below. State lives in objects somebody owns (the Document and its derived
cache, the utility table, the window), so two documents, two windows or two tests never share
it."""

from __future__ import annotations

import dataclasses
import enum
import importlib
import logging
import pkgutil
import re
import types
import typing
from pathlib import Path

import mcexplorer

ROOT = Path(mcexplorer.__file__).resolve().parent

REGISTRIES = {
    # The plug-in registry: each feature registers its record once, at import.
    "mcexplorer.core.extensions._registry": "extensions by id",
    "mcexplorer.qt.extension._registry": "each feature's Qt twin (its tab) by extension id",
    "mcexplorer.core.extensions._loaded": "the built-in features were imported",
    # The report's contributors, registered once.
    "mcexplorer.core.outputs.report_model._framework": "report blocks per extension",
    "mcexplorer.core.outputs.report_model._question": "report blocks per key question",
    "mcexplorer.core.outputs.report_build._registered": "the built-in contributors registered",
    # Not registries, but stateless for a reader: ids that only need to differ, and the
    # dynamic scope of the chart being drawn (empty between draws: checked below).
    "mcexplorer.qt.gestures._gesture_ids": "a counter: gesture ids",
    "mcexplorer.qt.framework.notes._bursts": "a counter: typing-burst ids",
    "mcexplorer.qt.charts.style._drawing": "the chart being drawn, innermost last",
    # Checked once, before the process's first QSettings (a FIFO there would block it): the
    # answer cannot change within the run, since the run's settings then live elsewhere.
    "mcexplorer.qt.window.settings._problem": "why this run's settings file is unusable",
}
"""module.name -> what it holds. Add a registry here only with a reason; never plain state."""

_SCALARS = (int, float, complex, str, bytes, bool, type(None), range, re.Pattern, logging.Logger,
            enum.Enum, typing.TypeVar, types.MappingProxyType, types.UnionType,
            types.GenericAlias)
_MUTATING = r"(\[[^\]\n]*\]\s*=[^=]|\.(append|extend|update|setdefault|pop|popitem|clear|add|" \
            r"insert|remove|discard|set[A-Z]\w*)\(|\.\w+\s*=[^=])"


def _modules() -> list[types.ModuleType]:
    names = [info.name for info in pkgutil.walk_packages(mcexplorer.__path__, "mcexplorer.")
             if not info.name.endswith("__main__")]
    return [mcexplorer, *(importlib.import_module(n) for n in names)]


def _is_code(value: object) -> bool:
    return isinstance(value, (types.ModuleType, type, types.FunctionType,
                              types.BuiltinFunctionType)) \
        or type(value).__module__ in ("typing", "__future__") or callable(value)


def _frozen(value: object) -> bool:
    """A value nobody can change in place (a stateless instance counts: a sentinel, a policy)."""
    if isinstance(value, _SCALARS) or _is_code(value):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(_frozen(v) for v in value)
    if isinstance(value, (dict, list, set, bytearray)):
        return False
    if dataclasses.is_dataclass(value):
        return value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    return not getattr(value, "__dict__", {}) and not hasattr(value, "__slots__") \
        and type(value).__module__.startswith(("mcexplorer", "datetime"))


def _constant_name(name: str) -> bool:
    return name.lstrip("_").isupper()


def _sources() -> str:
    return "\n".join(p.read_text("utf-8") for p in ROOT.rglob("*.py"))


def test_module_globals_are_constants_or_named_registries():
    sources = _sources()
    found = []
    for module in _modules():
        for name, value in vars(module).items():
            where = f"{module.__name__}.{name}"
            if name.startswith("__") or where in REGISTRIES or _frozen(value):
                continue
            if _constant_name(name):
                # A constant table (a dict of labels, a colour): fine while nobody changes it.
                if re.search(rf"\b{re.escape(name)}{_MUTATING}", sources):
                    found.append(f"{where}: an upper-case table that some code changes")
                continue
            found.append(f"{where}: {type(value).__name__}")
    assert not found, "module-level state outside the registries:\n" + "\n".join(found)


def test_no_module_rebinds_its_globals():
    """`global x` hides state in a module (a cache, a 'last call'); only the registries'
    load-once flags may do it."""
    allowed = {k.rsplit(".", 1)[1] for k in REGISTRIES}
    found = []
    for path in ROOT.rglob("*.py"):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            m = re.match(r"\s*global\s+(.+)", line)
            if m and not {v.strip() for v in m[1].split(",")} <= allowed:
                found.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_every_allowed_registry_exists():
    for where in REGISTRIES:
        module, name = where.rsplit(".", 1)
        assert hasattr(importlib.import_module(module), name), f"{where} is gone: drop it here"


def test_the_drawing_scope_is_empty_between_draws(qapp):
    from mcexplorer.core.chart_data import ranking_data
    from mcexplorer.core.document import Document
    from mcexplorer.qt.charts import style
    from mcexplorer.qt.charts.ranking import RankingChart

    chart = RankingChart("business-models", "ranking")
    chart.show_data(ranking_data(Document(), "business-models"))
    chart.ensure_drawn()
    chart.grab()
    assert style._drawing == []
    chart.deleteLater()
