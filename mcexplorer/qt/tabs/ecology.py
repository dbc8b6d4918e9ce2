"""The credential-ecology tab: the generic framework view plus the portfolio map."""

from __future__ import annotations

from ..framework_tab import FrameworkTab


class EcologyTab(FrameworkTab):
    """Drivers, radar and ranking of the four quadrants (the map comes with the ecology issue)."""
