"""What the Three Horizons tab's charts draw, read from the Document."""

from __future__ import annotations

from dataclasses import replace

from ...core.document import Document
from ...core.structures import balance as hz_balance, rules as hz_rules
from ...core.structures.models import HorizonsPlan
from ...core.weighting import SCENARIO, Weighting, resolve
from .charts.balance import BalanceData, BalanceRow
from ..charts.radar import RadarData
from ..charts.ranking import RankingData
from .charts.horizons_data import HorizonMarker, HorizonsData, spread_times
from .balance_controls import split_tuple


HORIZONS_TITLE = "Three Horizons"
BALANCE_TITLE = "Balance of effort: intended, observed, reference"


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
    models = hz_rules.business_models(doc)
    if models is not None:
        bm = doc.framework(models)
        bm_rank = resolve(doc, models, weighting).ranking
        top_model = bm_rank.results[0].option if bm_rank.has_weight else ""
        if any(c.id == hz_rules.BM_HORIZON for c in bm.criteria):
            for opt in bm.options:
                entries.append((opt.id, opt.label,
                                doc.rating(models, opt.id, hz_rules.BM_HORIZON),
                                "model", ""))
    times = spread_times([e[2] for e in entries], [e[3] for e in entries])
    for (oid, label, h, kind, badge), t in zip(entries, times):
        emphasis = oid == (top_structure if kind == "structure" else top_model)
        fixed.append(HorizonMarker(oid, label, t, h, kind, badge, emphasis))
    initiatives = tuple(HorizonMarker(i.id, i.name, i.time, i.horizon, "initiative",
                                      size=i.size) for i in doc.scenario.horizons.initiatives)
    return HorizonsData(tuple(fixed), initiatives)


def balance_data(plan: HorizonsPlan) -> BalanceData:
    """Intended, observed and reference splits as stacked bars."""
    observed = hz_balance.observed_split(plan.initiatives)
    rows = [BalanceRow("Intended", split_tuple(plan.balance)),
            BalanceRow("Observed", split_tuple(observed) if observed else None,
                       "No initiatives yet: add one on the Three Horizons chart"),
            BalanceRow("Reference", split_tuple(plan.reference))]
    return BalanceData(tuple(rows))


def ranking_name(name: str, scenario) -> str:
    """'3 New PACE unit' as 'New PACE unit (scenario 3)': beside its rank, a name starting
    with its scenario number read as two ranks ('1  3 New PACE unit')."""
    badge = f"{scenario:g}" if isinstance(scenario, (int, float)) else ""
    if badge and name.startswith(badge + " "):
        return f"{name[len(badge) + 1:]} (scenario {badge})"
    return name


def ranked_by_name(data: RankingData, doc: Document, framework_id: str) -> RankingData:
    """A ranking whose structure names carry their scenario number after the name."""
    fw = doc.framework(framework_id)
    names = {o.name: ranking_name(o.name, o.attributes.get("scenario")) for o in fw.options}
    return replace(data, rows=tuple(replace(r, name=names.get(r.name, r.name))
                                    for r in data.rows))


def short_names(data: RadarData, doc: Document, framework_id: str) -> RadarData:
    """A radar whose series carry the options' short names (a legend that fits)."""
    fw = doc.framework(framework_id)
    short = {o.name: o.label for o in fw.options}
    return replace(data, series=tuple(replace(s, name=short.get(s.name, s.name))
                                      for s in data.series))
