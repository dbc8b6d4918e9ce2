"""The tab registry: which tab shows a framework, by the extension the framework names.

One table, as napari maps layer types to their controls: a plain framework (no extension, or
one with no view of its own) gets the generic FrameworkTab. Framework ids never appear here.

A feature's tab module is imported when a framework first needs it, not when the window
starts: the first tab paints without loading the modules of the tabs built after it.
"""

from __future__ import annotations

from importlib import import_module

from ..core.ecology.mix import EXTENSION_ID as ECOLOGY
from ..core.leadership_risks.extension import EXTENSION_ID as LEADERSHIP_RISKS
from ..core.models import Framework
from ..core.structures.rules import EXTENSION_ID as STRUCTURES
from .framework.tab import FrameworkTab

TAB_MODULES: dict[str, tuple[str, str]] = {
    ECOLOGY: (".ecology.tab", "EcologyTab"),
    STRUCTURES: (".structures.tab", "StructuresTab"),
    LEADERSHIP_RISKS: (".leadership_risks.tab", "LeadershipRisksTab"),
}
"""Extension id -> (module, class) of its tab, relative to this package."""


def tab_class(framework: Framework) -> type[FrameworkTab]:
    """The tab class for a framework: its extension's, else the generic one."""
    if framework.extension is None or framework.extension not in TAB_MODULES:
        return FrameworkTab
    module, name = TAB_MODULES[framework.extension]
    return getattr(import_module(module, __package__), name)
