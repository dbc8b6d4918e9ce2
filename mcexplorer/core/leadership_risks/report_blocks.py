"""What leadership and risks bring to the workshop report: the leadership team and the culture
chart (key question "leadership"), the risk register, its heat map and plan B ("risks").
Listed in the feature's record (extension.py). No Qt here."""

from __future__ import annotations

from ..document import Document
from ..outputs.report_model import Block, Bullets, ChartRef, Paragraph, Table
from .content import FRAMEWORK_ID, content as lr_content
from .models import Leadership, Risks
from .rules import filled_roles, plan_b_sentence, risk_score, sorted_risks


def leadership_of(doc: Document) -> Leadership:
    value = getattr(doc.scenario, "leadership", None)
    return value if isinstance(value, Leadership) else Leadership()


def risks_of(doc: Document) -> tuple[Risks, bool]:
    """The scenario's register, or the paper's starting one (and whether it is the room's)."""
    value = getattr(doc.scenario, "risks", None)
    if isinstance(value, Risks):
        return value, True
    return Risks(), False


def leadership_blocks(doc: Document) -> list[Block]:
    c = lr_content()
    filled = filled_roles(leadership_of(doc))
    items = tuple(f"{r.name}: {filled[r.id]}" if r.id in filled else f"{r.name}: vacant"
                  for r in c.team_roles)
    blocks: list[Block] = [Bullets(items, "The team of Figure 5 and the text after it (student "
                                          "support and faculty representation are our "
                                          "reading), and who fills each role")]
    register = doc.framework_for(FRAMEWORK_ID)
    if register is not None:
        blocks.append(ChartRef(register, "culture",
                               "The enabling-culture principles as the room rated them (0 absent "
                               "to 4 embedded) against what the positioning needs (the tool's "
                               "reading)."))
    return blocks


def risks_blocks(doc: Document) -> list[Block]:
    c = lr_content()
    risks, own = risks_of(doc)
    names = {cat.id: cat.name for cat in c.risk_categories}
    suggested = {t.id: t.suggested_mitigation for t in c.risks}
    rows = tuple((f"{names.get(r.category, r.category)}: {r.text}",
                  f"{risk_score(r)} ({r.likelihood} x {r.impact})",
                  r.mitigation or (f"The tool suggests: {suggested[r.id]}"
                                   if suggested.get(r.id) else "-"))
                 for r in sorted_risks(risks.items))
    caption = ("The room's risk register, most serious first." if own else
               "The paper's risks (the 3Rs: reputation, recruitment, revenue) as a starting "
               "register; likelihood and impact (1-5) are the tool's starting values.")
    blocks: list[Block] = []
    if rows:
        blocks.append(Table(("Risk", "Score (likelihood x impact)", "Mitigation"), rows,
                            caption))
    register = doc.framework_for(FRAMEWORK_ID)
    if register is not None and rows:
        blocks.append(ChartRef(register, "heatmap",
                               "Each risk by likelihood and impact (1-5); the numbers follow the "
                               "register, most serious first."))
    blocks.append(Paragraph(plan_b_sentence(risks.plan_b), "answer"))
    return blocks
