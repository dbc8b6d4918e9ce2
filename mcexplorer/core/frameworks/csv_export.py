"""A framework written as CSV in the layout csv_import reads: a template to edit in a
spreadsheet, and the other half of the round trip the tests check. No Qt here.

What CSV cannot carry is left out: ids (made again from the names on import), descriptions,
rationales, sources and attributes.
"""

from __future__ import annotations

import csv
import io

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.models import Criterion, Framework, level_value

from .cells import format_number, scale_text
from .csv_import import ROLE_ROWS


def framework_csv(fw: Framework, *, delimiter: str = ",") -> str:
    """The framework as CSV text: option, direction, scale, target, weight rows, then options.

    Refuses (ScenarioError) an option whose name is one of the settings-row words, which the
    import would read as a settings row.
    """
    rows: list[list[str]] = [["option", *(c.name for c in fw.criteria)],
                             ["direction", *(c.direction for c in fw.criteria)],
                             ["scale", *(_scale(c) for c in fw.criteria)]]
    if any(c.direction == "target" for c in fw.criteria):
        rows.append(["target", *(_cell(c, c.default_target) if c.default_target is not None
                                 else "" for c in fw.criteria)])
    rows.append(["weight", *(format_number(c.default_weight) for c in fw.criteria)])
    for i, opt in enumerate(fw.options):
        if opt.name.strip().lower() in ROLE_ROWS or opt.name.strip().lower() in ("option",
                                                                                  "options"):
            raise ScenarioError(f"the option name {opt.name!r} is a word the CSV layout keeps "
                                "for its settings rows; rename the option first",
                                field=f"options.{i}.name")
        rows.append([opt.name, *(_cell(c, opt.ratings[c.id].value) for c in fw.criteria)])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


def _scale(c: Criterion) -> str:
    return scale_text(c.scale[0], c.scale[1], c.levels)


def _cell(c: Criterion, value: float) -> str:
    """A level or midpoint label where the scale is written as levels, else the number."""
    if c.levels and "|" in _scale(c):
        label = c.label_of(value)
        try:
            if level_value(c.levels, label, c.id) == value:
                return label
        except ValueError:
            pass
    return format_number(value)
