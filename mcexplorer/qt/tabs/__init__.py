"""Which tab class shows which framework; frameworks without an entry get FrameworkTab."""

from __future__ import annotations

from ..framework_tab import FrameworkTab


def tab_class(framework_id: str) -> type[FrameworkTab]:
    if framework_id == "credential-ecology":
        from .ecology import EcologyTab

        return EcologyTab
    if framework_id == "structures":
        from .structures import StructuresTab

        return StructuresTab
    return FrameworkTab
