"""What every framework brings to the workshop report: its weights, ranking and radar (each
chart with a one-line reading), how sure the ranking is, the room's weightings, and the
planner's notes. Feature blocks come from each feature's record (core.extensions). No Qt here.
"""

from __future__ import annotations

from ..answers import first_place_share
from ..document import Document
from ..robustness.in_view import criterion_names, how_sure
from ..robustness.report import draws_note, verdict
from ..room import group as room_group
from .report_model import (
    OPENING,
    Block,
    ChartRef,
    Notes,
    Paragraph,
    Table,
    contribute_framework,
    contribute_question,
)

DIRECTION_WORDS = {"benefit": "higher is better", "cost": "lower is better",
                   "target": "nearer the target is better"}


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def and_list(items: list[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- readings ------------------------------------------------------------------------------


def ranking_reading(doc: Document, framework_id: str) -> str:
    """"X fits best (71.9%), ahead of Y (68.8%); Z fits least (43.8%).", ties named together."""
    ranking = doc.ranking(framework_id)
    results = ranking.results
    if not ranking.has_weight:
        return "Every weight is zero, so nothing is ranked."
    first = [r for r in results if r.rank == 1]
    if len(first) == len(results):
        return f"All {len(results)} options fit equally ({pct(results[0].fit)})."
    if len(first) > 1:
        text = f"{and_list([r.name for r in first])} share first place ({pct(first[0].fit)})"
    else:
        second = [r for r in results if r.rank == 2]
        text = f"{first[0].name} fits best ({pct(first[0].fit)})"
        if second:
            text += f", ahead of {and_list([r.name for r in second])} ({pct(second[0].fit)})"
    last = [r for r in results if r.rank == results[-1].rank]
    if len(results) > len(first) + 1 and last[0].rank > 2:
        text += f"; {and_list([r.name for r in last])} fit{'s' if len(last) == 1 else ''} " \
                f"least ({pct(last[0].fit)})"
    return text + "."


def radar_reading(doc: Document, framework_id: str) -> str:
    """Which options the radar compares, and where the best of them is strongest and weakest."""
    fw = doc.framework(framework_id)
    ranking = doc.ranking(framework_id)
    if not ranking.has_weight:
        return "Every weight is zero, so the radar shows no options."
    chosen = set(doc.radar_options(framework_id))
    shown = [r for r in ranking.results if r.option in chosen]
    if not shown:
        return "No options are ticked for the radar."
    names = and_list([r.name for r in shown])
    best = shown[0]
    u = best.utilities
    top, bottom = max(u.values()), min(u.values())
    strong = [c.label for c in fw.criteria if u[c.id] == top]
    weak = [c.label for c in fw.criteria if u[c.id] == bottom]
    text = (f"Utilities (0 to 1, outer ring best) of {names} over the dashed weights profile; "
            f"{best.name} is strongest on {and_list(strong[:3])}")
    if bottom < top:
        text += f" and weakest on {and_list(weak[:3])}"
    return text + "."


# -- blocks --------------------------------------------------------------------------------


def weights_table(doc: Document, framework_id: str) -> Table:
    fw = doc.framework(framework_id)
    s = doc.settings(framework_id)
    rows = []
    for c in fw.criteria:
        target = c.label_of(s.targets[c.id]) if c.direction == "target" and c.id in s.targets \
            else ""
        rows.append((c.name, DIRECTION_WORDS.get(c.direction, c.direction),
                     f"{s.weights.get(c.id, c.default_weight):g}", target))
    return Table(("Criterion", "Reading", "Weight (0-100)", "Target"), tuple(rows),
                 f"The weights behind the {fw.title.lower()} charts.")


def robustness_paragraph(doc: Document, framework_id: str) -> Paragraph | None:
    """How sure the ranking is (core.robustness): the share of 10,000 seeded draws (each weight
    within +/-20% of its value, ranged ratings drawn inside their range) in which the winner
    stays first, with a note saying how the draws were made."""
    ranking = doc.ranking(framework_id)
    if not ranking.has_weight or len(ranking.results) < 2:
        return None
    accepted = how_sure(doc, framework_id)  # the draws the window and ``score`` make
    names = criterion_names(doc, framework_id)
    return Paragraph(f"How sure: {verdict(ranking, accepted, criteria=names)} "
                     f"({draws_note(accepted)}; the tool's check, not the paper's.)", "reading")


def best_share(doc: Document, framework_id: str) -> float | None:
    """Percent of the default draws (weights and ranged ratings varied) in which the current
    winner stays first (None without): core.answers' share, the one the summary prints."""
    return first_place_share(doc, framework_id)


def group_blocks(doc: Document, framework_id: str) -> list[Block]:
    """Each participant's top option and the group's, and where the room disagrees most."""
    people = doc.scenario.participants
    if not people:
        return []
    fw = doc.framework(framework_id)
    report = room_group.doc_group_report(doc, framework_id)
    if report is None:
        return []
    names = {o.id: o.name for o in fw.options}
    roles = {p.id: p.role for p in people}
    rows = [(p["name"], roles.get(p["id"], ""), names.get(p["top"], "-"))
            for p in report["participants"]]
    rows.append((f"The group ({report['method']} of the weights)", "",
                 names.get(report["top"], "-")))
    spreads = room_group.spread(fw, people)
    return [Table(("Participant", "Role", "Fits best for them"), tuple(rows),
                  f"The room's own weightings on {fw.title.lower()}."),
            Paragraph(room_group.spread_reading(spreads), "reading")]


def notes_block(doc: Document, framework_id: str) -> list[Block]:
    text = doc.settings(framework_id).notes.strip()
    if not text:
        return []
    return [Notes(f"Notes on {doc.framework(framework_id).title.lower()}", text)]


def generic_blocks(doc: Document, framework_id: str) -> list[Block]:
    if not doc.framework(framework_id).criteria:
        return []  # a register ranks nothing; its feature contributes its own blocks
    blocks: list[Block] = [weights_table(doc, framework_id),
                           ChartRef(framework_id, "ranking", ranking_reading(doc, framework_id)),
                           ChartRef(framework_id, "radar", radar_reading(doc, framework_id))]
    sure = robustness_paragraph(doc, framework_id)
    if sure is not None:
        blocks.append(sure)
    blocks.extend(group_blocks(doc, framework_id))
    return blocks


def participants_opening(doc: Document) -> list[Block]:
    people = doc.scenario.participants
    if not people:
        return []
    rows = tuple((p.name, p.role or "-") for p in people)
    return [Table(("Participant", "Role"), rows,
                  f"{len(people)} participant{'s' if len(people) != 1 else ''}; the group "
                  f"combines their weights by the {doc.scenario.group.method}.")]


def register() -> None:
    contribute_framework(None, generic_blocks)
    contribute_question(OPENING, participants_opening)

