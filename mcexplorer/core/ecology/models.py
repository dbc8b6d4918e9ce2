"""The credential-ecology section of a scenario file: planned offerings on the plane.

No Qt here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..base import Identifier, Number, ShortText, StrictModel


class Offering(StrictModel):
    """A planned offering placed on the credential-ecology plane (issue: ecology tab)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    x: Number = Field(ge=-1.0, le=1.0)
    """Bundled (-1) to unbundled (+1)."""
    y: Number = Field(ge=-1.0, le=1.0)
    """Non-credit-bearing (-1) to credit-bearing (+1)."""
    volume: Number = Field(gt=0.0, le=1e9)
    """Planned learner volume (or hours, see Portfolio.volume_unit): the marker's size."""


class Portfolio(StrictModel):
    offerings: list[Offering] = Field(default_factory=list, max_length=500)
    lens: Identifier = "ecology"
    """Which framing the map shows (ids in resources/lenses.json)."""
    volume_unit: Literal["learners", "hours"] = "learners"
