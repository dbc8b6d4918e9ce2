"""The credential-ecology portfolio: quadrant membership, mix, classification and fit.

The plane
    x runs from bundled (-1) to unbundled (+1), y from non-credit-bearing (-1) to
    credit-bearing (+1). The four quadrants are the credential ecology of Brown et al. (2020):
    macro-credentials (credit, bundled: top left), micro-credentials (credit, unbundled: top
    right), short courses (no credit, bundled: bottom left), badges and awards (no credit,
    unbundled: bottom right).

Quadrant membership of a continuous position (soft, bilinear)
    The taxonomy allows overlaps, so an offering between quadrants splits its volume. Along
    each axis the "unbundled" (or "credit-bearing") degree is

        s(v) = clamp(0.5 + v / (2 * BAND), 0, 1)        with BAND = 0.5

    i.e. 0 at v <= -0.5, 1 at v >= +0.5, 0.5 on the axis line, linear in between. With
    u = s(x) and c = s(y) the memberships are

        macro = c (1 - u)   micro = c u   short = (1 - c)(1 - u)   badges = (1 - c) u

    They sum to 1. An offering at least half-way into a quadrant on both axes belongs to it
    wholly; one on the centre splits 25/25/25/25; one on the credit line between macro- and
    micro-credentials (x = 0, y >= 0.5) splits half and half.

Mix
    share of quadrant q = sum over offerings of volume * membership_q / total volume.

Classification
    See ``classify``: the tool's reading of the words of Figure 3 (Brown, McGreal & Peters
    2023), with thresholds on the offer beyond degrees. The thresholds are the tool's own.

Portfolio fit
    The volume-weighted mean of the quadrant fits from the ranking of the credential-ecology
    framework: sum over quadrants of share_q * fit_q (0-100). None when there are no
    offerings or every weight is zero.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..values import clamp_to
from .lenses import QuadrantPos
from .models import Offering

if TYPE_CHECKING:
    from ..document import Document

EXTENSION_ID = "ecology-map"
"""The extension a framework names to be read as the credential ecology's four quadrants."""
BAND = 0.5
"""Half-width of the transition band around each axis (see the module docstring)."""
BRIDGE_SHARE = 0.2


@dataclass(frozen=True)
class Quadrant:
    id: str
    """The option id of the quadrant in the credential-ecology framework."""
    name: str
    position: QuadrantPos


QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant("macro-credentials", "Macro-credentials", "top-left"),
    Quadrant("micro-credentials", "Micro-credentials", "top-right"),
    Quadrant("short-courses", "Short courses", "bottom-left"),
    Quadrant("badges-awards", "Badges and awards", "bottom-right"),
)
QUADRANT_IDS = tuple(q.id for q in QUADRANTS)


def clamp(v: float) -> float:
    """A coordinate kept on the plane [-1, 1]."""
    return clamp_to(v, -1.0, 1.0)


def _side(v: float) -> float:
    return min(1.0, max(0.0, 0.5 + v / (2.0 * BAND)))


def membership(x: float, y: float) -> dict[str, float]:
    """Share of an offering at (x, y) that falls in each quadrant (sums to 1)."""
    u = _side(clamp(x))
    c = _side(clamp(y))
    return {"macro-credentials": c * (1 - u), "micro-credentials": c * u,
            "short-courses": (1 - c) * (1 - u), "badges-awards": (1 - c) * u}


def main_quadrant(x: float, y: float) -> str:
    m = membership(x, y)
    return max(QUADRANT_IDS, key=lambda q: m[q])


@dataclass(frozen=True)
class Mix:
    total: float
    volume: dict[str, float]
    share: dict[str, float]
    """0-1 per quadrant; all zero when there is no volume."""

    @property
    def empty(self) -> bool:
        return self.total <= 0


def mix(offerings: Iterable[Offering]) -> Mix:
    volume = dict.fromkeys(QUADRANT_IDS, 0.0)
    for o in offerings:
        for q, m in membership(o.x, o.y).items():
            volume[q] += o.volume * m
    total = sum(volume.values())
    share = {q: (v / total if total > 0 else 0.0) for q, v in volume.items()}
    return Mix(total, volume, share)


@dataclass(frozen=True)
class Classification:
    id: Literal["none", "supplementary", "credit-bearing", "integrated"]
    label: str
    reason: str


CLASS_LABELS = {"none": "No offerings yet", "supplementary": "Supplementary",
                "credit-bearing": "Credit-bearing", "integrated": "Integrated / stackable"}


def classify(m: Mix) -> Classification:
    """How the portfolio positions its micro-credentials, in the words of Figure 3 of Brown,
    McGreal & Peters (2023).

    The source's words describe micro-credentials, not volumes: a *supplementary* model offers
    no credit and no stackability, a *credit-bearing* one offers credit, and an *integrated*
    one offers credit and a bridge to completing a macro-credential. Figure 3 itself is not in
    the text we have, so the rule below, and its 20% thresholds, are the tool's reading.

    The *offer beyond degrees* is all volume outside the macro-credential quadrant
    (micro-credentials, short courses, badges and awards); its credit share is
    ``k = micro / (micro + short courses + badges)``.

    * none: no offerings yet; or "Degrees only" when nothing lies outside macro-credentials.
    * supplementary: ``k`` under 20% (BRIDGE_SHARE): credit-bearing micro-credentials are
      marginal and the offer beyond degrees is non-credit, non-stackable. Degree volume does
      not enter: adding or removing degrees never changes this reading.
    * integrated / stackable: ``k`` at least 20% and macro-credentials hold at least 20% of
      all volume: credit-bearing units with degrees on the map to stack into.
    * credit-bearing: ``k`` at least 20% but macro-credentials hold under 20% of all volume:
      credit on offer, little on the map to stack it into.
    """
    if m.empty:
        return Classification("none", CLASS_LABELS["none"],
                              "Add offerings to the map to see how the portfolio reads.")
    micro = m.share["micro-credentials"]
    macro = m.share["macro-credentials"]
    beyond = micro + m.share["short-courses"] + m.share["badges-awards"]
    if beyond <= 1e-9:
        return Classification(
            "none", "Degrees only",
            "Only degrees are on the map: add the micro-credentials, short courses or badges "
            "you plan beside them to see how they are positioned.")
    k = micro / beyond
    if k < BRIDGE_SHARE:
        return Classification(
            "supplementary", CLASS_LABELS["supplementary"],
            f"Only {100 * k:.0f}% of the offer beyond degrees carries credit; the rest offers "
            "no credit or stackability: safe, but it sits beside the degree rather than "
            "leading to one.")
    if macro >= BRIDGE_SHARE:
        return Classification(
            "integrated", CLASS_LABELS["integrated"],
            f"{100 * k:.0f}% of the offer beyond degrees is credit-bearing micro-credentials, "
            f"with degrees ({100 * macro:.0f}% of all volume) on the map for them to stack into.")
    degrees = (f"degrees hold only {100 * macro:.0f}% of all volume" if macro >= 0.005
               else "there are no degrees on the map")
    return Classification(
        "credit-bearing", CLASS_LABELS["credit-bearing"],
        f"{100 * k:.0f}% of the offer beyond degrees carries credit, but {degrees}, so there "
        "is little for that credit to stack into.")


def framework_id(doc: Document) -> str | None:
    """The framework read as the four quadrants (the one naming the ecology extension)."""
    return doc.framework_for(EXTENSION_ID)


def quadrant_fits(doc: Document) -> dict[str, float | None]:
    """Fit (0-100) of each quadrant under the current weights and ratings (None without a
    quadrant framework or without weights)."""
    fid = framework_id(doc)
    if fid is None:
        return dict.fromkeys(QUADRANT_IDS)
    ranking = doc.ranking(fid)
    return {q: ranking.fit_of(q) for q in QUADRANT_IDS}


def weighted_fit(m: Mix, fits: Mapping[str, float | None]) -> float | None:
    """sum share_q * fit_q, or None when there is no volume or no fit (all weights zero)."""
    if m.empty or any(fits.get(q) is None for q in QUADRANT_IDS):
        return None
    return sum(m.share[q] * (fits[q] or 0.0) for q in QUADRANT_IDS)


def offering_fit(o: Offering, fits: Mapping[str, float | None]) -> float | None:
    if any(fits.get(q) is None for q in QUADRANT_IDS):
        return None
    shares = membership(o.x, o.y)
    return sum(w * (fits[q] or 0.0) for q, w in shares.items())


def portfolio_fit(doc: Document) -> float | None:
    return weighted_fit(mix(doc.scenario.portfolio.offerings), quadrant_fits(doc))


NO_OFFERINGS = "add an offering to the map"
NO_WEIGHTS = "set at least one weight"


def portfolio_fit_note(doc: Document) -> str:
    """Why there is no portfolio fit ('' when there is one)."""
    if not doc.scenario.portfolio.offerings:
        return NO_OFFERINGS
    fid = framework_id(doc)
    if fid is None or not doc.ranking(fid).has_weight:
        return NO_WEIGHTS
    return ""
