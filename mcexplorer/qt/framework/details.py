"""The selected option's details: description, example, strengths and weaknesses, and why
the default ratings are what they are. Every text from a file is escaped (plain text)."""

from __future__ import annotations

import html

from ...core.models import Framework, Option


def option_details_html(fw: Framework, opt: Option) -> str:
    parts = [f"<h3>{html.escape(opt.name)}</h3>"]
    if opt.description:
        parts.append(f"<p>{html.escape(opt.description)}</p>")
    if opt.example:
        parts.append(f"<p><b>Example:</b> {html.escape(opt.example)}</p>")
    if opt.strengths:
        parts.append(f"<p><b>Strengths:</b> {html.escape(opt.strengths)}</p>")
    if opt.weaknesses:
        parts.append(f"<p><b>Weaknesses:</b> {html.escape(opt.weaknesses)}</p>")
    if fw.provenance == "authored-default":
        items = []
        for c in fw.criteria:
            r = opt.ratings[c.id]
            if r.rationale:
                items.append(f"<li><b>{html.escape(c.label)}</b> "
                             f"({html.escape(c.label_of(r.value))}): {html.escape(r.rationale)}"
                             f" <i>[{html.escape(r.source)}]</i></li>")
        if items:
            parts.append("<p><b>Why these default ratings</b> (editable defaults, not "
                         "published findings):</p><ul>" + "".join(items) + "</ul>")
    parts.append(f"<p style='color:gray'><small>Source: {html.escape(fw.source)}</small></p>")
    return "".join(parts)


def provenance_text(fw: Framework) -> str:
    if fw.provenance == "published":
        text = "Published ratings. Tick to show on the radar; double-click a rating to edit it."
        if "Table 2" in fw.source:  # the business-model matrix: its table defines no scale
            text += (" Criterion descriptions, which direction is better and LOW/MED as a "
                     "midpoint are the tool's reading (Table 2 defines none).")
        return text
    return ("<b>Editable defaults</b>, not published findings: hover for the rationale, "
            "double-click to edit, right-click to reset.")
