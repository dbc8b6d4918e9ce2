"""What the built-in features bring to the workshop report: the portfolio map and mix
(positioning), the Three Horizons, balance and coherence (structures), the leadership team
and the risk register. Each is a contributor (see report_model); a feature not in this build
simply adds nothing. No Qt here.
"""

from __future__ import annotations

from ..document import Document
from ..ecology import mix as eco_mix
from ..leadership_risks.content import FRAMEWORK_ID as LEADERSHIP_EXTENSION, content as lr_content
from ..leadership_risks.models import Leadership, Risks
from ..leadership_risks.rules import filled_roles, plan_b_sentence, risk_score, sorted_risks
from ..structures import balance as hz_balance, rules as hz_rules
from .report_model import (
    Block,
    Bullets,
    ChartRef,
    Paragraph,
    Table,
    contribute_framework,
    contribute_question,
)

# -- positioning: the credential ecology ----------------------------------------------------


def map_reading(doc: Document) -> str:
    p = doc.scenario.portfolio
    m = eco_mix.mix(p.offerings)
    c = eco_mix.classify(m)
    if m.empty:
        return "No offerings are on the map yet, so the portfolio is not positioned."
    unit = "planned learners" if p.volume_unit == "learners" else "learner hours"
    shares = ", ".join(f"{q.name} {100 * m.share[q.id]:.0f}%" for q in eco_mix.QUADRANTS)
    n = len(p.offerings)
    return (f"{n} offering{'s' if n != 1 else ''} ({m.total:,.0f} {unit}): {shares}. "
            f"Reads as {c.label.lower()}.")


def mix_table(doc: Document) -> Table:
    m = eco_mix.mix(doc.scenario.portfolio.offerings)
    fits = eco_mix.quadrant_fits(doc)
    rows = tuple((q.name, "-" if m.empty else f"{100 * m.share[q.id]:.0f}%",
                  "-" if fits.get(q.id) is None else f"{fits[q.id]:.1f}%")
                 for q in eco_mix.QUADRANTS)
    fit = eco_mix.portfolio_fit(doc)
    caption = ("Share of planned volume and fit of each quadrant; portfolio fit "
               + ("-" if fit is None else f"{fit:.1f}%")
               + " (each quadrant's fit weighted by its share).")
    return Table(("Quadrant", "Share of volume", "Fit"), rows, caption)


def positioning_blocks(doc: Document, framework_id: str) -> list[Block]:
    c = eco_mix.classify(eco_mix.mix(doc.scenario.portfolio.offerings))
    return [ChartRef(framework_id, "map", map_reading(doc)),
            mix_table(doc),
            Paragraph(f"{c.label}: {c.reason} (Figure 3's words, Brown, McGreal & Peters 2023; "
                      "the thresholds are the tool's reading.)", "reading")]


def positioning_reading(doc: Document) -> tuple[str, float | None]:
    """The ecology reading id (none, supplementary, credit-bearing, integrated) and the
    portfolio fit, for the five answers."""
    if eco_mix.framework_id(doc) is None:
        return "none", None
    c = eco_mix.classify(eco_mix.mix(doc.scenario.portfolio.offerings))
    return c.id, eco_mix.portfolio_fit(doc)


# -- structures: Three Horizons, balance, coherence ----------------------------------------


def horizons_reading(doc: Document) -> str:
    h = doc.scenario.horizons
    n = len(h.initiatives)
    if not n:
        return ("The four structures and the business models on the Three Horizons; none of "
                "your own initiatives are placed yet.")
    observed = hz_balance.observed_split(h.initiatives)
    text = f"{n} initiative{'s' if n != 1 else ''} of your own on the Three Horizons"
    if observed is not None:
        text += f", implying {hz_balance.split_text(observed)} by size"
    return text + "."


def balance_reading(doc: Document) -> str:
    h = doc.scenario.horizons
    text = (f"Intended {hz_balance.split_text(h.balance)}; reference "
            f"{hz_balance.split_text(h.reference)} (a budgeting rule of thumb, not from the "
            "paper)")
    observed = hz_balance.observed_split(h.initiatives)
    if observed is not None:
        text += f"; your initiatives imply {hz_balance.split_text(observed)}"
    return text + "."


def structures_blocks(doc: Document, framework_id: str) -> list[Block]:
    found = hz_rules.tensions(doc)
    items = [t.message for t in found] or [
        "No tensions between the balance, the structures and the business models."]
    return [ChartRef(framework_id, "horizons", horizons_reading(doc)),
            ChartRef(framework_id, "balance", balance_reading(doc)),
            Bullets(tuple(items), "Coherence (the tool's rules and thresholds: a favoured "
                    f"horizon under {hz_rules.MIN_SUPPORT:g}% of the balance, a weight of "
                    f"{hz_rules.HIGH_WEIGHT:g} or more, models {hz_rules.HORIZON_GAP:g} "
                    f"horizons apart, splits over {hz_rules.MAX_SPLIT_GAP:g} points apart)")]


def balance_values(doc: Document) -> dict[str, float]:
    return hz_balance.shares(doc.scenario.horizons.balance)


# -- leadership and risks ------------------------------------------------------------------


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
    register = doc.framework_for(LEADERSHIP_EXTENSION)
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
    register = doc.framework_for(LEADERSHIP_EXTENSION)
    if register is not None and rows:
        blocks.append(ChartRef(register, "heatmap",
                               "Each risk by likelihood and impact (1-5); the numbers follow the "
                               "register, most serious first."))
    blocks.append(Paragraph(plan_b_sentence(risks.plan_b), "answer"))
    return blocks


def register() -> None:
    contribute_framework(eco_mix.EXTENSION_ID, positioning_blocks)
    contribute_framework(hz_rules.EXTENSION_ID, structures_blocks)
    contribute_question("leadership", leadership_blocks)
    contribute_question("risks", risks_blocks)

