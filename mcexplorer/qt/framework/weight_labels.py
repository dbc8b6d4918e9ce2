"""What the weights panel says beside each slider: the criterion's name, the share of
publications that name it (where a framework gives one, with whom it is cited from), which
way it counts, and in the tooltip its description and source. Plain text throughout."""

from __future__ import annotations

from ...core.models import Criterion
from ...core.references import reference_of, split_source
from .options_table import direction_text

SHARE_TIP = ("Share of the publications reviewed that name this driver; not how well any "
             "credential delivers it.")


def share_citation(c: Criterion) -> str:
    """The short reference the criterion's source gives for its share ('' if none does)."""
    for part in split_source(c.source):
        if "share" in part.lower():
            ref = reference_of(part)
            if ref is not None:
                return ref.short
    return ""


def weight_name(c: Criterion) -> str:
    """'Increasing employability  (63% of publications, Brown et al. 2021)' or the name."""
    if c.literature_share is None:
        return c.name
    cited = share_citation(c)
    return f"{c.name}  ({c.literature_share:g}% of publications{', ' + cited if cited else ''})"


def direction_hint(c: Criterion) -> str:
    """'lower is better', 'higher is better' or 'nearer your target is better'."""
    return "nearer your target is better" if c.direction == "target" \
        else direction_text(c.direction)


def weight_tip(c: Criterion) -> str:
    """The slider's tooltip as plain text: what the criterion is, which way it counts, and its
    source (the slider guards it once for the tooltip; its accessible description reads it)."""
    parts = [c.description.strip(), f"{c.name}: {direction_hint(c)}."]
    if c.source:
        parts.append(f"Source: {c.source}")
    return "\n".join(p for p in parts if p)
