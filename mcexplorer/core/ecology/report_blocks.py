"""What the credential ecology brings to the workshop report: the portfolio map and the mix
(positioning). Listed in the feature's record (extension.py). No Qt here."""

from __future__ import annotations

from ..document import Document
from ..outputs.report_model import Block, ChartRef, Paragraph, Table
from . import mix as eco_mix


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
