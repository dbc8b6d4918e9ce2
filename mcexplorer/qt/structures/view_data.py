"""How the Three Horizons tab names its structures on the generic charts (the horizons' and
the balance's data are core.structures.chart_data's)."""

from __future__ import annotations

from dataclasses import replace

from ...core.document import Document
from ..charts.radar import RadarData
from ..charts.ranking import RankingData


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
