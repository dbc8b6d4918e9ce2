"""What the structures bring to the workshop report: the Three Horizons, the balance of effort
and the coherence rules. Listed in the feature's record (extension.py). No Qt here."""

from __future__ import annotations

from ..document import Document
from ..outputs.report_model import Block, Bullets, ChartRef
from . import balance as hz_balance, rules as hz_rules


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
