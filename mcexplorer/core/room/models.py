"""The room's sections of a scenario file: participants and how the group combines them.

Like every feature's models, these depend only on core.base; core.models puts them into the
Scenario (and into its snapshots, which core.models defines because a snapshot is a copy of
the scenario's own framework settings). Checks against the frameworks are in checks.py.

A participant's missing weight or target is the framework's default (never the scenario's
current slider), so a person who skipped a criterion counts from where the framework starts.

No Qt here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..base import Identifier, Number, ShortText, StrictModel, Weight

MAX_PARTICIPANTS = 200
"""A room of people joining from their phones; files with up to this many read and write."""
GROUP_METHODS = ("median", "mean")


class Participant(StrictModel):
    """One person in the workshop and their own weighting."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    role: ShortText = ""
    """Optional, e.g. "Finance" or "Faculty"."""
    weights: dict[str, dict[str, Weight]] = Field(default_factory=dict)
    """Framework id -> criterion id -> weight (0-100). Missing: the framework's default."""
    targets: dict[str, dict[str, Number]] = Field(default_factory=dict)
    """Framework id -> target criterion id -> target on the criterion's scale."""


class GroupSettings(StrictModel):
    """How the participants' weights combine into the group's, per criterion."""

    method: Literal["median", "mean"] = "median"
