"""Checking the horizons section of a scenario, and its part of ``score --json``.

No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import require_unique_ids
from .balance import observed_split
from .rules import tensions

if TYPE_CHECKING:
    from ..document import Document
    from ..models import Scenario


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse two initiatives with one id."""
    require_unique_ids(scenario.horizons.initiatives, "initiative", "horizons.initiatives", file)


def report(doc: Document, framework_id: str) -> dict[str, Any]:
    """The horizons part of the structures entry in ``score --json``."""
    h = doc.scenario.horizons
    observed = observed_split(h.initiatives)
    return {"balance": h.balance.model_dump(), "reference": h.reference.model_dump(),
            "locked": h.locked,
            "observed": observed.model_dump() if observed is not None else None,
            "initiatives": [i.model_dump() for i in h.initiatives],
            "tensions": [t.to_dict() for t in tensions(doc)]}
