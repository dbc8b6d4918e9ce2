"""Checking the portfolio section of a scenario, and its part of ``score --json``.

No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ScenarioError, require_unique_ids
from .lenses import lens_ids
from .mix import (
    QUADRANT_IDS,
    classify,
    membership,
    mix,
    offering_fit,
    portfolio_fit_note,
    quadrant_fits,
    weighted_fit,
)

if TYPE_CHECKING:
    from ..document import Document
    from ..models import Scenario


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse an unknown lens or two offerings with one id (positions are checked by the
    model: an offering outside [-1, 1] is refused with its field)."""
    portfolio = scenario.portfolio
    if portfolio.lens not in lens_ids():
        raise ScenarioError(f"unknown lens {portfolio.lens!r} (known: {', '.join(lens_ids())})",
                            file=file, field="portfolio.lens")
    require_unique_ids(portfolio.offerings, "offering", "portfolio.offerings", file)


def report(doc: Document, framework_id: str) -> dict[str, Any]:
    """The ``portfolio`` key of the ecology framework's entry in ``score --json``."""
    p = doc.scenario.portfolio
    fits = quadrant_fits(doc)
    m = mix(p.offerings)
    c = classify(m)
    fit = weighted_fit(m, fits)
    offerings = []
    for o in p.offerings:
        entry = o.model_dump()
        entry["membership"] = {q: round(v, 6) for q, v in membership(o.x, o.y).items()}
        of = offering_fit(o, fits)
        entry["fit"] = None if of is None else round(of, 4)
        offerings.append(entry)
    return {
        "lens": p.lens,
        "volume_unit": p.volume_unit,
        "offerings": offerings,
        "total_volume": m.total,
        "mix": {q: round(100 * m.share[q], 4) for q in QUADRANT_IDS},
        "mix_volume": {q: round(m.volume[q], 6) for q in QUADRANT_IDS},
        "classification": {"id": c.id, "label": c.label, "reason": c.reason},
        "quadrant_fit": {q: (None if f is None else round(f, 4)) for q, f in fits.items()},
        "portfolio_fit": None if fit is None else round(fit, 4),
        "portfolio_fit_note": portfolio_fit_note(doc),
    }
