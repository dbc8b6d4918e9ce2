"""The Three Horizons tab (core.structures shown and edited).

Registers the feature's Qt twin (qt.extension): its tab, loaded when a framework first needs
it, and through the tab class its charts (``charts/``).
"""

from __future__ import annotations

from ...core.structures.rules import EXTENSION_ID
from ..extension import QtExtension, register


def _tab() -> type:
    from .tab import StructuresTab
    return StructuresTab


TWIN = register(QtExtension(EXTENSION_ID, _tab))
