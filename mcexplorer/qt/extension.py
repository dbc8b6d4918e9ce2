"""The Qt twin of a feature's record (core.extensions): the tab that shows a framework naming
the feature, and through that tab class its charts (``chart_plans``: kind, chart class, data).

A feature's Qt package registers its twin from its own ``__init__``; the core record names that
package (``Extension.qt``), and ``registered()`` imports it, so generic code (the tab registry,
exports) iterates the twins and never names a feature. The tab module itself is imported when a
framework first needs it (``tab()``), not when the window starts: the first tab paints without
loading the modules of the tabs built after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ..core.extensions import registered as core_registered


@dataclass(frozen=True)
class QtExtension:
    id: str
    """The core record's id (the extension a framework names)."""
    tab: Callable[[], type[Any]]
    """Loads and returns the tab class (a FrameworkTab, or a widget with the same
    constructor and a ``chart_plans`` class method)."""


_registry: dict[str, QtExtension] = {}


def register(twin: QtExtension) -> QtExtension:
    _registry[twin.id] = twin
    return twin


def registered() -> dict[str, QtExtension]:
    """Every Qt twin by id: each registered core record's ``qt`` package is imported (once;
    importing registers the twin)."""
    for ext in core_registered().values():
        if ext.qt is not None and ext.id not in _registry:
            import_module(ext.qt)
    return _registry
