"""Registers the ``ecology-map`` extension: a framework whose options are the four quadrants;
and the readings other features may ask for (core.extensions, "Readings"): ``positioning``,
``portfolio-fit`` and ``portfolio-mix``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import Extension, register, register_reading
from .mix import EXTENSION_ID, QUADRANT_IDS, QUADRANTS, classify, mix, portfolio_fit
from .report import check, report

if TYPE_CHECKING:
    from ..document import Document

EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="credential-ecology map",
    options=QUADRANT_IDS,
    check=check,
    report=lambda doc, fid: {"portfolio": report(doc, fid)},
))


def positioning(doc: Document) -> str:
    """How the portfolio reads (Figure 3's words, the tool's thresholds)."""
    return classify(mix(doc.scenario.portfolio.offerings)).id


def portfolio_mix(doc: Document) -> dict[str, float]:
    shares = mix(doc.scenario.portfolio.offerings).share
    return {q.name: 100 * shares[q.id] for q in QUADRANTS}


register_reading("positioning", positioning)
register_reading("portfolio-fit", portfolio_fit)
register_reading("portfolio-mix", portfolio_mix)
