"""The Three Horizons section of a scenario file: initiatives, intended and reference splits.

No Qt here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..base import Identifier, Number, ShortText, StrictModel


class Split(StrictModel):
    """Shares of effort or budget on H1, H2 and H3, in percent, summing to 100."""

    h1: Number = Field(ge=0.0, le=100.0)
    h2: Number = Field(ge=0.0, le=100.0)
    h3: Number = Field(ge=0.0, le=100.0)

    @model_validator(mode="after")
    def _sums_to_100(self) -> Split:
        total = self.h1 + self.h2 + self.h3
        if abs(total - 100.0) > 0.01:
            raise ValueError(f"h1 + h2 + h3 must be 100, found {total:g}")
        return self


class Initiative(StrictModel):
    """One of the institution's own initiatives placed on the Three Horizons chart."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    time: Number = Field(ge=0.0, le=1.0)
    """Position along the time axis: 0 now, 1 the far future."""
    horizon: Number = Field(ge=1.0, le=3.0)
    """Which curve it sits on: 1 = H1, 2 = H2, 3 = H3; values between lie between curves."""
    size: Number = Field(default=1.0, gt=0.0, le=1e9)
    """Relative effort or budget; the observed split weights initiatives by it."""


class HorizonsPlan(StrictModel):
    initiatives: list[Initiative] = Field(default_factory=list, max_length=500)
    balance: Split = Field(default_factory=lambda: Split(h1=70.0, h2=20.0, h3=10.0))
    """The intended split of effort or budget."""
    reference: Split = Field(default_factory=lambda: Split(h1=70.0, h2=20.0, h3=10.0))
    """A reference split to compare with (70/20/10 is common practice, not from the sources)."""
    locked: Literal["h1", "h2", "h3"] | None = None
    """A share kept fixed while the other two rebalance."""
