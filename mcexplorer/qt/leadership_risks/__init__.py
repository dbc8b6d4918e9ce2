"""The leadership-and-risks tab (Qt): strategy on a page, leadership, culture, risks, plan B.

Registers the feature's Qt twin (qt.extension): its tab, loaded when a framework first needs
it, and through the tab class its charts (``charts/``).
"""

from __future__ import annotations

from ...core.leadership_risks.content import FRAMEWORK_ID as EXTENSION_ID
from ..extension import QtExtension, register


def _tab() -> type:
    from .tab import LeadershipRisksTab
    return LeadershipRisksTab


TWIN = register(QtExtension(EXTENSION_ID, _tab))
