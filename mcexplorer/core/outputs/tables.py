"""Data out for spreadsheets: one CSV per framework of weights, ratings and fit.

One header row, then one row per option and criterion (best option first, criteria in the
framework's order), so a spreadsheet can filter or pivot it: the option's rank (and whether
it is tied) and fit, the criterion's direction, weight and target, the rating as its label
("LOW/MED") and as its number, whether it was edited in this scenario, and its utility (0-1).
The last column names whose weighting the weights and fits are (core.weighting.describe).
UTF-8 with a byte order mark, so Excel opens accents and dashes cleanly; names never start a
formula, nor does any other cell (level labels included; numbers stay numbers). ``score
--json`` stays the machine form. No Qt here.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from ..document import Document
from ..io import atomic_write
from ..leadership_risks.content import FRAMEWORK_ID as RISK_EXTENSION
from ..weighting import SCENARIO, Weighting, describe, resolve
from .names import data_name, kept_beside
from .office_data import risk_rows

HEADER = ("Rank", "Tied", "Option", "Option id", "Fit (%)", "Criterion", "Criterion id",
          "Direction",
          "Weight", "Target", "Rating", "Rating value", "Edited", "Utility", "Weighting")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"
"""The last column names whose weighting the weights and fits are (core.weighting.describe).
UTF-8 with a byte order mark (what Excel needs to read UTF-8)."""


def _num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    return f"{round(value, digits):g}" if abs(value) < 1e15 else repr(value)


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_text(text: str) -> str:
    """A name as a spreadsheet shows it, never as a formula: a leading = + - @, tab or
    carriage return gets a quote (so "=SUM(...)" typed as an option name stays text)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def safe_cell(text: str) -> str:
    """Any cell as a spreadsheet shows it: a number (``-0.5``, ``1e+16``) stays a number,
    any other text that could start a formula gets a quote (``'+1+2``, ``'@SUM(1+1)``)."""
    return text if _NUMBER.fullmatch(text) else safe_text(text)


def framework_rows(doc: Document, framework_id: str,
                   weighting: Weighting = SCENARIO) -> list[list[str]]:
    """The table of one framework under the weighting: the header row, then one row per
    option x criterion, every cell as safe_cell writes it."""
    fw = doc.framework(framework_id)
    settings = resolve(doc, framework_id, weighting)
    ranking = settings.ranking
    whose = describe(doc, settings.weighting)
    rows: list[list[str]] = [list(HEADER)]
    for result in ranking.results:
        option = fw.option(result.option)
        fit = _num(result.fit) if ranking.has_weight else ""
        for c in fw.criteria:
            value = doc.rating(framework_id, option.id, c.id)
            target = settings.targets.get(c.id) if c.direction == "target" else None
            rows.append([
                str(result.rank), "yes" if result.tied else "no", option.name,
                option.id, fit, c.name, c.id, c.direction,
                _num(settings.weights.get(c.id, c.default_weight)), _num(target),
                c.label_of(value), _num(value),
                "yes" if doc.is_rating_edited(framework_id, option.id, c.id) else "no",
                _num(result.utilities.get(c.id)), whose,
            ])
    return [[safe_cell(cell) for cell in row] for row in rows]


def csv_text(rows: list[list[str]]) -> str:
    """The rows as CSV, every cell through safe_cell (names, level labels, everything)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


REGISTER = "risk-register"
RISK_HEADER = ("Rank", "Category", "Risk", "Likelihood (1-5)", "Impact (1-5)",
               "Score (likelihood x impact)", "Owner", "Mitigation")


def risk_register_rows(doc: Document) -> list[list[str]]:
    """The risk register, most serious first: the header row, then one row per risk."""
    rows: list[list[str]] = [list(RISK_HEADER)]
    for i, r in enumerate(risk_rows(doc), start=1):
        rows.append([str(i), safe_text(r.category), safe_text(r.text), str(r.likelihood),
                     str(r.impact), str(r.score), safe_text(r.owner), safe_text(r.mitigation)])
    return rows


def csv_paths(doc: Document, out: str | os.PathLike[str], scenario_name: str) -> dict[str, Path]:
    """Where write_csvs writes: framework id -> ``<out>/<scenario>-<framework>.csv``, for each
    ranked framework, then ``"risk-register"`` -> ``<out>/<scenario>-risk-register.csv`` when
    the scenario has the leadership-and-risks tab (a register has no weights, ratings or fit
    to tabulate: it gets its own columns, most serious first)."""
    paths = {fid: Path(out) / data_name(scenario_name, fid)
             for fid, fw in doc.frameworks.items() if fw.criteria}
    if any(fw.extension == RISK_EXTENSION for fw in doc.frameworks.values()):
        paths[REGISTER] = Path(out) / data_name(scenario_name, REGISTER)
    return paths


def write_csvs(doc: Document, out: str | os.PathLike[str], scenario_name: str,
               weighting: Weighting = SCENARIO, *, keep_both: bool = False) -> list[Path]:
    """One ``<scenario>-<framework>.csv`` per ranked framework into the folder ``out``, under
    the weighting, then the risk register (see ``csv_paths``). A file of that name is
    replaced (the command line's way), or with
    ``keep_both`` kept, the new one written beside it as ``<name> (2).csv``."""
    written = []
    for fid, path in csv_paths(doc, out, scenario_name).items():
        if keep_both and os.path.lexists(path):
            path = kept_beside(path)
        rows = risk_register_rows(doc) if fid == REGISTER else framework_rows(doc, fid, weighting)
        atomic_write(path, csv_text(rows).encode(ENCODING))
        written.append(path)
    return written
