"""The credential ecology's one record (core.extensions): the ``ecology-map`` extension (a
framework whose options are the four quadrants), its check and ``score --json`` fragment, its
report blocks, its chart data and the readings it offers the other features: the
positioning, the portfolio's fit and its mix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import Extension, Readings, register
from .chart_data import map_data
from .mix import EXTENSION_ID, QUADRANT_IDS, QUADRANTS, classify, mix, portfolio_fit
from .report import check, report
from .report_blocks import positioning_blocks

if TYPE_CHECKING:
    from ..document import Document


def positioning(doc: Document) -> str:
    """How the portfolio reads (Figure 3's words, the tool's thresholds)."""
    return classify(mix(doc.scenario.portfolio.offerings)).id


def portfolio_mix(doc: Document) -> dict[str, float]:
    shares = mix(doc.scenario.portfolio.offerings).share
    return {q.name: 100 * shares[q.id] for q in QUADRANTS}


EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="credential-ecology map",
    options=QUADRANT_IDS,
    sections=("portfolio",),
    check=check,
    report=lambda doc, fid: {"portfolio": report(doc, fid)},
    report_blocks=positioning_blocks,
    chart_data=(("map", map_data),),
    readings=Readings(positioning=positioning, portfolio_fit=portfolio_fit,
                      portfolio_mix=portfolio_mix),
    qt="mcexplorer.qt.ecology",
))
