"""The two scenario sections of the leadership-and-risks feature.

    leadership: {approach, leader, governance, team: [{role, name}],
                 culture: {principle_id: 0..4}, needed: {principle_id: 0..4}}
    risks: {items: [{id, category, text, likelihood, impact, owner, mitigation}],
            plan_b: {income_target, recruitment_target, review_date, threshold_pct}}

Numbers are strict (a rating of "3", 3.5 or true is refused, and so are NaN and infinities).
Ids are checked against the content file by ``report.check`` (unknown approach, role,
principle or option; a role or risk id used twice). ``culture`` and ``needed`` hold only what
the room has set: an unrated principle is absent, and an absent ``needed`` entry takes the
tool's default profile for the positioning. A scenario without a ``risks`` section gets the
paper's risks with the tool's default likelihood and impact.

No Qt here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field

from mcexplorer.core.base import Identifier, LongText, ShortText, StrictModel

from .content import Category, CultureValue, RiskLevel, content

MAX_RISKS = 200
MAX_INCOME = 1e12
MAX_RECRUITMENT = 10**9


def _iso_date(value: object) -> object:
    """Only a date or an ISO date string ("2026-06-30"): no timestamps, no datetimes."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"expected a date written YYYY-MM-DD, found {value!r}") from None
    raise ValueError("expected a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Leader(StrictModel):
    """Who leads: a senior academic or an experienced administrator; from inside or recruited."""

    background: Identifier | None = None
    origin: Identifier | None = None


class Governance(StrictModel):
    """Oversight (board or committee), wider engagement (advisory group or community of
    practice) and the strategy itself (standalone or embedded)."""

    oversight: Identifier | None = None
    engagement: Identifier | None = None
    strategy: Identifier | None = None


class TeamMember(StrictModel):
    role: Identifier
    name: ShortText = ""
    """Who holds the role; blank (or "vacant") means the seat is empty."""


class Leadership(StrictModel):
    approach: Identifier | None = None
    leader: Leader = Field(default_factory=Leader)
    governance: Governance = Field(default_factory=Governance)
    team: list[TeamMember] = Field(default_factory=list, max_length=100)
    culture: dict[Identifier, CultureValue] = Field(default_factory=dict)
    """Where the institution is on each principle (0 absent ... 4 embedded), as rated."""
    needed: dict[Identifier, CultureValue] = Field(default_factory=dict)
    """The room's changes to the needed profile; absent entries take the tool's default."""


class Risk(StrictModel):
    id: Identifier
    category: Category = "other"
    text: ShortText = Field(min_length=1)
    likelihood: RiskLevel = 3
    impact: RiskLevel = 3
    owner: ShortText = ""
    mitigation: LongText = ""


class PlanB(StrictModel):
    """When the fallback or exit starts: below threshold_pct of a target at the review date."""

    income_target: float | None = Field(default=None, strict=True, ge=0.0, le=MAX_INCOME)
    recruitment_target: int | None = Field(default=None, strict=True, ge=0, le=MAX_RECRUITMENT)
    review_date: IsoDate | None = None
    threshold_pct: float | None = Field(default=None, strict=True, ge=0.0, le=100.0)


def default_risk_items() -> list[Risk]:
    """The risks the paper names, with the tool's default likelihood and impact (our reading)."""
    return [Risk(id=r.id, category=r.category, text=r.text, likelihood=r.likelihood,
                 impact=r.impact) for r in content().risks]


class Risks(StrictModel):
    items: list[Risk] = Field(default_factory=default_risk_items, max_length=MAX_RISKS)
    plan_b: PlanB = Field(default_factory=PlanB)
