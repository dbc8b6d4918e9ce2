"""The Three Horizons plan: initiatives, the intended balance and coherence checks.

No Qt here.
"""

from __future__ import annotations

from .errors import ScenarioError
from .models import Scenario

FRAMEWORK_ID = "structures"


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse two initiatives with one id."""
    seen: set[str] = set()
    for i, initiative in enumerate(scenario.horizons.initiatives):
        if initiative.id in seen:
            raise ScenarioError(f"initiative id {initiative.id!r} appears twice", file=file,
                                field=f"horizons.initiatives.{i}.id")
        seen.add(initiative.id)


def report(doc) -> dict:
    """The horizons part of the structures entry in ``score --json``."""
    h = doc.scenario.horizons
    return {"balance": h.balance.model_dump(), "reference": h.reference.model_dump(),
            "initiatives": [i.model_dump() for i in h.initiatives]}
