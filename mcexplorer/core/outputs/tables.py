"""Data out for spreadsheets: one CSV per framework of weights, ratings and fit.

One header row, then one row per option and criterion (best option first, criteria in the
framework's order), so a spreadsheet can filter or pivot it: the option's rank (and whether
it is tied) and fit, the criterion's direction, weight and target, the rating as its label
("LOW/MED") and as its number, whether it was edited in this scenario, and its utility (0-1).
UTF-8 with a byte order mark, so Excel opens accents and dashes cleanly; names never start a
formula. ``score --json`` stays the machine form. No Qt here.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..document import Document
from ..io import atomic_write
from ..leadership_risks.content import FRAMEWORK_ID as RISK_EXTENSION
from .names import data_name
from .office_data import risk_rows

HEADER = ("Rank", "Tied", "Option", "Option id", "Fit (%)", "Criterion", "Criterion id", "Direction",
          "Weight", "Target", "Rating", "Rating value", "Edited", "Utility")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"
"""UTF-8 with a byte order mark (what Excel needs to read UTF-8)."""


def _num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    return f"{round(value, digits):g}" if abs(value) < 1e15 else repr(value)


def safe_text(text: str) -> str:
    """A name as a spreadsheet shows it, never as a formula: a leading = + - @ gets a quote
    (so "=SUM(...)" typed as an option name stays text)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def framework_rows(doc: Document, framework_id: str) -> list[list[str]]:
    """The table of one framework: the header row, then one row per option x criterion."""
    fw = doc.framework(framework_id)
    settings = doc.settings(framework_id)
    ranking = doc.ranking(framework_id)
    rows: list[list[str]] = [list(HEADER)]
    for result in ranking.results:
        option = fw.option(result.option)
        fit = _num(result.fit) if ranking.has_weight else ""
        for c in fw.criteria:
            value = doc.rating(framework_id, option.id, c.id)
            target = settings.targets.get(c.id) if c.direction == "target" else None
            rows.append([
                str(result.rank), "yes" if result.tied else "no", safe_text(option.name),
                option.id, fit, safe_text(c.name), c.id, c.direction,
                _num(settings.weights.get(c.id, c.default_weight)), _num(target),
                c.label_of(value), _num(value),
                "yes" if doc.is_rating_edited(framework_id, option.id, c.id) else "no",
                _num(result.utilities.get(c.id)),
            ])
    return rows


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


RISK_HEADER = ("Rank", "Category", "Risk", "Likelihood (1-5)", "Impact (1-5)",
               "Score (likelihood x impact)", "Owner", "Mitigation")


def risk_register_rows(doc: Document) -> list[list[str]]:
    """The risk register, most serious first: the header row, then one row per risk."""
    rows: list[list[str]] = [list(RISK_HEADER)]
    for i, r in enumerate(risk_rows(doc), start=1):
        rows.append([str(i), safe_text(r.category), safe_text(r.text), str(r.likelihood),
                     str(r.impact), str(r.score), safe_text(r.owner), safe_text(r.mitigation)])
    return rows


def write_csvs(doc: Document, out: str | os.PathLike[str], scenario_name: str) -> list[Path]:
    """One ``<scenario>-<framework>.csv`` per ranked framework into the folder ``out``, then
    the risk register as ``<scenario>-risk-register.csv`` when the scenario has the
    leadership-and-risks tab (a register has no weights, ratings or fit to tabulate)."""
    folder = Path(out)
    written = []
    for fid, fw in doc.frameworks.items():
        if not fw.criteria:
            continue
        path = folder / data_name(scenario_name, fid)
        atomic_write(path, csv_text(framework_rows(doc, fid)).encode(ENCODING))
        written.append(path)
    if any(fw.extension == RISK_EXTENSION for fw in doc.frameworks.values()):  # the register
        path = folder / data_name(scenario_name, "risk-register")
        atomic_write(path, csv_text(risk_register_rows(doc)).encode(ENCODING))
        written.append(path)
    return written
