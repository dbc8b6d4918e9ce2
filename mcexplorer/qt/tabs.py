"""The tab registry: which tab shows a framework, by the extension the framework names.

One table, as napari maps layer types to their controls: a plain framework (no extension, or
one with no view of its own) gets the generic FrameworkTab. Framework ids never appear here.
"""

from __future__ import annotations

from ..core.models import Framework
from .ecology.tab import EcologyTab
from .framework.tab import FrameworkTab
from .leadership_risks.tab import LeadershipRisksTab
from .structures.tab import StructuresTab

TAB_CLASSES: dict[str, type[FrameworkTab]] = {
    EcologyTab.EXTENSION: EcologyTab,
    StructuresTab.EXTENSION: StructuresTab,
    LeadershipRisksTab.EXTENSION: LeadershipRisksTab,
}


def tab_class(framework: Framework) -> type[FrameworkTab]:
    """The tab class for a framework: its extension's, else the generic one."""
    if framework.extension is None:
        return FrameworkTab
    return TAB_CLASSES.get(framework.extension, FrameworkTab)
