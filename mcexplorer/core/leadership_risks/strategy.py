"""Strategy on a page: what the five answers and their small charts need, as a value.

``core.answers`` fills it from a Document under a weighting (the business models' ranking and
how sure it is come from core.weighting and core.robustness, which this feature may not
import); ``mcexplorer summary``, the tab's first page, the risks page's context and the
report all read that one ``Strategy``.

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .models import Leadership, Risks

CONTEXT_CRITERIA = ("risk", "costs")
"""Table 2's Risk and Costs ratings of the top business model, shown beside the register."""
POSITIONINGS = ("supplementary", "credit-bearing", "integrated", "none")
PLANNER_MARK = "the planner's rating"
"""How an edited Risk or Costs rating is marked: it is the planner's value, not Table 2's."""


@dataclass(frozen=True)
class ModelPick:
    """The best-fitting business model, with what the summary and the risks page show."""

    id: str
    name: str
    fit: float | None
    robustness: float | None
    """Share (0-100) of the seeded draws (weights and ranged ratings varied) in which it stays
    first, if offered."""
    ratings: tuple[tuple[str, str], ...] = ()
    """(criterion name, the rating in use) for Risk and Costs: Table 2's, or an edited one
    marked as the planner's (``PLANNER_MARK``) with Table 2's beside it."""
    top: tuple[tuple[str, float], ...] = ()
    """The top three (name, fit), best first, for the small chart."""
    standing: Any = None
    """How the verdict classes first place (core.robustness.report.Standing), if offered:
    the answer then says what the verdict says ("too close to call", tied, challenged)."""


@dataclass(frozen=True)
class Strategy:
    positioning: str = "none"
    portfolio_fit: float | None = None
    mix: dict[str, float] = field(default_factory=dict)
    """Quadrant name -> share of the portfolio's volume (0-100)."""
    structure: dict[str, Any] | None = None
    """{"name", "fit", "horizon"} of the best-fitting structure."""
    balance: dict[str, float] | None = None
    model: ModelPick | None = None
    leadership: Leadership = field(default_factory=Leadership)
    risks: Risks = field(default_factory=lambda: Risks(items=[]))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None
