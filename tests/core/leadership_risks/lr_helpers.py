"""Helpers for the leadership-and-risks tests.

The Scenario model does not have the two sections yet (the lead adds them with a schema
migration), so the tests use a local subclass that adds them, exactly as the lead will.
"""

from __future__ import annotations

from pydantic import Field

from mcexplorer.core.leadership_risks.models import Leadership, Risks
from mcexplorer.core.models import Scenario


class LRScenario(Scenario):
    leadership: Leadership = Field(default_factory=Leadership)
    risks: Risks = Field(default_factory=Risks)
