"""Value types shared by every file model: strict models, ids, bounded text, weights.

Feature packages build their scenario sections from these, so they never need the scenario
model itself. No Qt here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", strict=True)
]
ShortText = Annotated[str, StringConstraints(max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Number = Annotated[float, Strict()]
"""A number as a file must write it: 50 or 50.0 (ints are taken), never "50" or true."""
WholeNumber = Annotated[int, Strict()]
Weight = Annotated[Number, Field(ge=0.0, le=100.0)]

WEIGHT_MAX = 100.0


class StrictModel(BaseModel):
    """Base for every file model: unknown keys and non-finite numbers are refused."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)
