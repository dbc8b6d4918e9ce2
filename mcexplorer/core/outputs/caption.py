"""The caption line under an exported chart: scenario, date, the weights or target behind
it, and the source, short enough for one or two lines under a slide's chart."""

from __future__ import annotations

from ..document import Document
from ..references import is_our_reading, reference_of, split_source
from ..weighting import SCENARIO, Weighting, describe, resolve

SEP = " \u00b7 "


def settings_text(doc: Document, framework_id: str, weighting: Weighting = SCENARIO) -> str:
    """"Weights: Effort 50, Risk 20 ...; target Horizon H2 (Sam's weights)" (every criterion,
    in order, under the weighting, which it names)."""
    fw = doc.framework(framework_id)
    r = resolve(doc, framework_id, weighting)
    weights = ", ".join(f"{c.label} {r.weights.get(c.id, c.default_weight):g}"
                        for c in fw.criteria)
    text = f"Weights: {weights}"
    targets = [f"{c.label.lower()} {c.label_of(r.targets[c.id])}" for c in fw.criteria
               if c.direction == "target" and c.id in r.targets]
    if targets:
        text += "; target " + ", ".join(targets)
    if fw.criteria:
        text += f" ({describe(doc, r.weighting)})"
    return text


def short_source(source: str, parts: int = 2) -> str:
    """The first references of a source string with their locator ("Brown, McGreal & Peters
    2023, Table 2"), and whether the tool reads beyond them."""
    cites: list[str] = []
    ours = False
    for part in split_source(source):
        if is_our_reading(part):
            ours = True
            continue
        ref = reference_of(part)
        if ref is None or len(cites) >= parts:
            continue
        rest = part[len(ref.short):]
        if rest.startswith(", "):
            locator = rest[2:].split(",")[0].split(" (")[0].strip()
            cites.append(f"{ref.short}, {locator}" if locator else ref.short)
        elif rest.startswith(" ("):
            cites.append(ref.short + rest.split(")")[0] + ")")
        else:
            cites.append(ref.short)
    text = "; ".join(cites)
    if ours:
        text = f"{text}; and the tool's own reading" if text else "the tool's own reading"
    return text


def caption(doc: Document, framework_id: str, scenario_name: str, date: str,
            weighting: Weighting = SCENARIO) -> str:
    """Scenario · date · weights and target, and whose · source."""
    fw = doc.framework(framework_id)
    parts = [scenario_name, date, settings_text(doc, framework_id, weighting)]
    source = short_source(fw.source)
    if source:
        parts.append(f"Source: {source}")
    return SEP.join(p for p in parts if p)
