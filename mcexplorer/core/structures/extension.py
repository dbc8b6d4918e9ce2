"""The structures' one record (core.extensions): the ``three-horizons`` extension, its check
and ``score --json`` fragment, its report blocks, its chart data and the readings it offers
the other features: the best-fitting structure and the intended balance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import BestStructure, Extension, Readings, register
from .chart_data import balance_data, horizons_data
from .report import check, report
from .report_blocks import structures_blocks
from .rules import EXTENSION_ID, framework_id

if TYPE_CHECKING:
    from ..document import Document



def best_structure(doc: Document) -> BestStructure | None:
    """The best-fitting structure under the current weights: name, horizon and fit."""
    fid = framework_id(doc)
    if fid is None:
        return None
    ranking = doc.ranking(fid)
    if not ranking.has_weight or not ranking.results:
        return None
    top = ranking.results[0]
    if top.fit is None:
        return None
    horizon = doc.framework(fid).option(top.option).attributes.get("horizon")
    return BestStructure(top.name, top.fit,
                         float(horizon) if isinstance(horizon, (int, float)) else None)


def balance(doc: Document) -> dict[str, float]:
    return doc.scenario.horizons.balance.model_dump()


EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="Three Horizons",
    sections=("horizons",),
    check=check,
    report=report,
    report_blocks=structures_blocks,
    chart_data=(("horizons", horizons_data), ("balance", balance_data)),
    readings=Readings(best_structure=best_structure, balance=balance),
    qt="mcexplorer.qt.structures",
))
