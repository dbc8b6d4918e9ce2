"""The selected option's details: description, example, strengths and weaknesses, and each
rating with where its default comes from, the planner's edit and note. Every text from a file
or a user is escaped (plain text)."""

from __future__ import annotations

import html
from collections import Counter

from ...core.frameworks.building import rating_source
from ...core.models import Framework, FrameworkSettings, Option


def option_details_html(fw: Framework, opt: Option,
                        settings: FrameworkSettings | None = None) -> str:
    esc = html.escape
    parts = [f"<h3>{esc(opt.name)}</h3>"]
    if opt.description:
        parts.append(f"<p>{esc(opt.description)}</p>")
    if opt.example:
        parts.append(f"<p><b>Example:</b> {esc(opt.example)}</p>")
    if opt.strengths:
        parts.append(f"<p><b>Strengths:</b> {esc(opt.strengths)}</p>")
    if opt.weaknesses:
        parts.append(f"<p><b>Weaknesses:</b> {esc(opt.weaknesses)}</p>")
    overrides = settings.rating_overrides.get(opt.id, {}) if settings else {}
    notes = settings.rating_notes.get(opt.id, {}) if settings else {}
    sources = {c.id: rating_source(fw, opt, c) for c in fw.criteria}
    common = Counter(sources.values()).most_common(1)[0][0] if sources else ""
    items = []
    for c in fw.criteria:
        r = opt.ratings[c.id]
        line = f"<b>{esc(c.label)}</b>: {esc(c.label_of(r.value))}"
        if c.id in overrides:
            line = (f"<b>{esc(c.label)}</b>: {esc(c.label_of(overrides[c.id]))} "
                    f"<i>(edited; the default is {esc(c.label_of(r.value))})</i>")
        if notes.get(c.id):
            line += f"<br><i>Your note:</i> {esc(notes[c.id])}"
        if r.rationale:
            line += f"<br>Why the default: {esc(r.rationale)}"
        if sources[c.id] and sources[c.id] != common:
            line += f" <i>[{esc(sources[c.id])}]</i>"
        items.append(f"<li>{line}</li>")
    heading = "Ratings"
    if fw.provenance == "authored-default":
        heading = "Ratings (editable defaults, not published findings)"
    parts.append(f"<p><b>{heading}</b></p><ul>{''.join(items)}</ul>")
    if common:
        parts.append(f"<p style='color:gray'><small>Source of the defaults: {esc(common)}"
                     "</small></p>")
    if fw.source and fw.source != common:
        parts.append(f"<p style='color:gray'><small>Framework: {esc(fw.source)}</small></p>")
    return "".join(parts)


def provenance_text(fw: Framework, redefined: bool = False) -> str:
    """The line above the table: whose ratings these are and what the planner can do."""
    if fw.provenance == "user":
        return ("<b>Your own framework</b> (the scenario file carries it): double-click a "
                "rating to edit it, right-click for a note.")
    changed = " <i>Options or criteria changed in this scenario.</i>" if redefined else ""
    if fw.provenance == "published":
        text = "Published ratings. Tick to show on the radar; double-click a rating to edit it."
        if "Table 2" in fw.source:  # the business-model matrix: its table defines no scale
            text += (" Criterion descriptions, which direction is better and LOW/MED as a "
                     "midpoint are the tool's reading (Table 2 defines none).")
        return text + changed
    return ("<b>Editable defaults</b>, not published findings: hover for the rationale, "
            "double-click to edit, right-click to reset." + changed)
