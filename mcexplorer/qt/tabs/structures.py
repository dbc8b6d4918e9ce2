"""The Three Horizons tab: the generic framework view plus horizons, balance and coherence."""

from __future__ import annotations

from ..framework_tab import FrameworkTab


class StructuresTab(FrameworkTab):
    """Criteria, radar and ranking of the four structures (horizons come with their issue)."""
