"""Registers the ``three-horizons`` extension: structures placed on the Three Horizons; and the
readings other features may ask for (core.extensions, "Readings"): ``best-structure`` and
``balance``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..extensions import Extension, register, register_reading
from .report import check, report
from .rules import EXTENSION_ID, framework_id

if TYPE_CHECKING:
    from ..document import Document

EXTENSION = register(Extension(
    id=EXTENSION_ID,
    title="Three Horizons",
    check=check,
    report=report,
))


def best_structure(doc: Document) -> dict[str, Any] | None:
    """The best-fitting structure under the current weights: name, horizon and fit."""
    fid = framework_id(doc)
    if fid is None:
        return None
    ranking = doc.ranking(fid)
    if not ranking.has_weight or not ranking.results:
        return None
    top = ranking.results[0]
    horizon = doc.framework(fid).option(top.option).attributes.get("horizon")
    return {"name": top.name, "fit": top.fit,
            "horizon": float(horizon) if isinstance(horizon, (int, float)) else None}


def balance(doc: Document) -> dict[str, float]:
    return doc.scenario.horizons.balance.model_dump()


register_reading("best-structure", best_structure)
register_reading("balance", balance)
