"""What the Three Horizons and the balance charts draw, as plain data from (Document,
framework, Weighting): the structures on their horizons, the business models at their Table 2
horizon and the planner's initiatives (the top structure and model under the weighting
emphasised); the intended, observed and reference splits. The window's tab, exports and the
report all call these (through the feature's record); qt.structures.charts draws them.

No Qt here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..chart_data import palette
from ..document import Document
from ..weighting import SCENARIO, Weighting, resolve
from . import rules
from .balance import observed_split
from .models import Split

HORIZONS_TITLE = "Three Horizons"
BALANCE_TITLE = "Balance of effort: intended, observed, reference"


# Where fixed markers of each horizon are spread along the time axis.
_WINDOWS = {1.0: (0.03, 0.35), 1.5: (0.40, 0.40), 2.0: (0.46, 0.54), 2.5: (0.58, 0.74),
            3.0: (0.84, 0.94)}


@dataclass(frozen=True)
class HorizonMarker:
    id: str
    label: str
    time: float
    horizon: float
    kind: str = "initiative"
    """'structure', 'model' or 'initiative'."""
    badge: str = ""
    """Short text drawn inside a structure's circle (its scenario number)."""
    emphasis: bool = False
    """Top-ranked: drawn larger with a bold label."""
    size: float = 1.0
    """An initiative's relative effort or budget."""
    colour: str = ""
    """A structure's own colour (as in its ranking, table and radar); "" for none."""


@dataclass(frozen=True)
class HorizonsData:
    fixed: tuple[HorizonMarker, ...] = ()
    initiatives: tuple[HorizonMarker, ...] = ()
    message: str = ""


def spread_times(horizons: list[float], kinds: list[str] | None = None) -> list[float]:
    """A time for each fixed marker: markers of one horizon are spread over its window.

    With ``kinds``, structures and business models alternate within a window so that the
    labels of neighbouring structures do not collide.
    """
    out = [0.0] * len(horizons)
    groups: dict[float, list[int]] = {}
    for i, h in enumerate(horizons):
        groups.setdefault(round(h * 2) / 2, []).append(i)
    for h, idx in groups.items():
        if kinds is not None:
            a = [i for i in idx if kinds[i] == "structure"]
            b = [i for i in idx if kinds[i] != "structure"]
            idx = [x for pair in itertools.zip_longest(a, b) for x in pair if x is not None]
        lo, hi = _WINDOWS.get(h, (0.1 + 0.4 * (h - 1), 0.1 + 0.4 * (h - 1)))
        n = len(idx)
        for j, i in enumerate(idx):
            out[i] = (lo + hi) / 2 if n == 1 else lo + (hi - lo) * j / (n - 1)
    return out


@dataclass(frozen=True)
class BalanceRow:
    label: str
    shares: tuple[float, float, float] | None
    """H1, H2, H3 in percent; None draws an empty row with ``note``."""
    note: str = ""


@dataclass(frozen=True)
class BalanceData:
    rows: tuple[BalanceRow, ...]


def split_tuple(split: Split) -> tuple[float, float, float]:
    return split.h1, split.h2, split.h3


def horizons_data(doc: Document, framework_id: str,
                  weighting: Weighting = SCENARIO) -> HorizonsData:
    """The structures on their horizons, the business models at their Table 2 horizon, and the
    planner's initiatives, with the top structure and the top model (under the weighting)
    emphasised."""
    fw = doc.framework(framework_id)
    ranking = resolve(doc, framework_id, weighting).ranking
    top_structure = ranking.results[0].option if ranking.has_weight else ""
    fixed: list[HorizonMarker] = []
    entries: list[tuple[str, str, float, str, str]] = []
    colour = palette(doc, framework_id)
    for opt in fw.options:
        h = opt.attributes.get("horizon")
        if isinstance(h, (int, float)):
            badge = opt.attributes.get("scenario")
            badge = f"{badge:g}" if isinstance(badge, (int, float)) else ""
            label = opt.short_name or opt.name
            if badge and label.startswith(badge + " "):
                label = label[len(badge) + 1:]
            entries.append((opt.id, label, float(h), "structure", badge))
    top_model = ""
    models = rules.business_models(doc)
    if models is not None:
        bm = doc.framework(models)
        bm_rank = resolve(doc, models, weighting).ranking
        top_model = bm_rank.results[0].option if bm_rank.has_weight else ""
        if any(c.id == rules.BM_HORIZON for c in bm.criteria):
            for opt in bm.options:
                entries.append((opt.id, opt.label,
                                doc.rating(models, opt.id, rules.BM_HORIZON),
                                "model", ""))
    times = spread_times([e[2] for e in entries], [e[3] for e in entries])
    for (oid, label, h, kind, badge), t in zip(entries, times):
        emphasis = oid == (top_structure if kind == "structure" else top_model)
        fixed.append(HorizonMarker(oid, label, t, h, kind, badge, emphasis,
                                   colour=colour(oid) if kind == "structure" else ""))
    initiatives = tuple(HorizonMarker(i.id, i.name, i.time, i.horizon, "initiative",
                                      size=i.size) for i in doc.scenario.horizons.initiatives)
    return HorizonsData(tuple(fixed), initiatives)


def balance_data(doc: Document, framework_id: str = "",
                 weighting: Weighting = SCENARIO) -> BalanceData:
    """Intended, observed and reference splits as stacked bars (no weighting matters: the
    balance is the scenario's own)."""
    plan = doc.scenario.horizons
    observed = observed_split(plan.initiatives)
    rows = [BalanceRow("Intended", split_tuple(plan.balance)),
            BalanceRow("Observed", split_tuple(observed) if observed else None,
                       "No initiatives yet: add one on the Three Horizons chart"),
            BalanceRow("Reference", split_tuple(plan.reference))]
    return BalanceData(tuple(rows))
