"""A framework from a CSV file, as a planner writes it in a spreadsheet.

Layout (rows; the first cell of each row says what it is, in any case):

    option,     Effort,   Risk,          Horizon,    Impact
    direction,  cost,     cost,          target,     benefit
    scale,      1-5,      LOW|MED|HIGH,  H1|H2|H3,   0-100
    target,     ,         ,              H2,
    weight,     50,       80,            50,         100
    MOOC,       2,        LOW/MED,       H2,         75
    ...one row per option

- ``option`` row (the first non-blank row, required): ``option`` then the criterion names.
- ``direction`` (optional): benefit, cost or target; an empty cell or no row means benefit.
- ``scale`` (optional): a range (``1-5``, ``0 - 100``, ``1 to 7``, ``-2..2``) or levels
  (``LOW|MED|HIGH`` become 1, 2, 3 on the scale [1, 3]; ``LOW/MED`` in a cell is the
  midpoint 1.5). An empty cell or no row: the first of 0-1, 1-3, 1-5, 1-7, 1-10, 0-10,
  0-100 that holds every value of the column is assumed, and the import says so.
- ``target`` (optional): the default target of each target criterion (a number or a level);
  empty means the scale's midpoint. Only target criteria take one.
- ``weight`` (optional): default weights, 0-100; empty means 50.
- Every other non-blank row is an option: its name, then one rating per criterion (a number,
  or a level or midpoint label where the scale has levels).

The words option, direction, scale, target and weight (and their plurals) are therefore not
available as option names. Ids are made from the names (lowercase, a-z 0-9 and hyphens, at
most 64 characters); the names are kept for display. Rows may come in any order after the
first; blank rows are skipped. In files separated by semicolons or tabs a decimal comma
(2,5) is read as 2.5. Every refusal is one ScenarioError naming the file and the cell, as a
spreadsheet numbers them: ``row 4, column C (Risk)``. No Qt here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import from_validation as _from_validation
from mcexplorer.core.models import Framework, level_value

from .cells import (
    COMMON_SCALES,
    CellError,
    Scale,
    column_letter,
    infer_scale,
    make_id,
    parse_number,
    parse_scale,
    place,
    shown,
)
from .csv_read import HEADER_WORDS, CsvText, read_csv

ROLE_ROWS = {"direction": "direction", "directions": "direction", "scale": "scale",
             "scales": "scale", "target": "target", "targets": "target", "weight": "weight",
             "weights": "weight"}
"""First cells that make a row a settings row rather than an option."""
DIRECTIONS = ("benefit", "cost", "target")
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
NAME_MAX = 200


def _limit(field_name: str) -> int:
    """The most criteria or options a Framework holds (its own max_length)."""
    for meta in Framework.model_fields[field_name].metadata:
        if getattr(meta, "max_length", None) is not None:
            return int(meta.max_length)
    raise AssertionError(f"Framework.{field_name} has no max_length")  # pragma: no cover


MAX_CRITERIA = _limit("criteria")
MAX_OPTIONS = _limit("options")


@dataclass
class CsvImport:
    """A framework read from CSV, and how it was read."""

    framework: Framework
    encoding: str
    delimiter: str
    notes: list[str] = field(default_factory=list)
    """What the import assumed: scales inferred, targets at the midpoint."""


@dataclass
class _Column:
    index: int
    """1-based spreadsheet column."""
    name: str
    id: str
    direction: str = "benefit"
    scale: Scale | None = None


def framework_from_csv(path_or_bytes: str | os.PathLike[str] | bytes, *,
                       framework_id: str | None = None, title: str | None = None,
                       name: str | None = None) -> Framework:
    """The framework a CSV file describes (see the module's docstring for the layout)."""
    return import_csv(path_or_bytes, framework_id=framework_id, title=title, name=name).framework


def import_csv(path_or_bytes: str | os.PathLike[str] | bytes, *, framework_id: str | None = None,
               title: str | None = None, name: str | None = None) -> CsvImport:
    """Read a CSV framework and say how: encoding, delimiter and what was assumed.

    ``name`` labels messages when bytes are given (a path labels them itself). The title
    defaults to the file's name and the id to one made from the title.
    """
    check_framework_id(framework_id, name)
    text = read_csv(path_or_bytes, name)
    stem = Path(text.source).stem if text.source else ""
    title = (title or stem.replace("_", " ").strip() or "Imported framework")[:NAME_MAX]
    fid = framework_id or make_id(title, "framework")
    return _Reader(text, fid, title).read()


def check_framework_id(framework_id: str | None, file: str | None = None) -> None:
    """Refuse an id given by the user that a framework file could not carry."""
    if framework_id is not None and not _ID.fullmatch(framework_id):
        raise ScenarioError(f"framework id {shown(framework_id)!r} must be lowercase letters "
                            "a-z, digits and hyphens, at most 64 characters, starting with a "
                            "letter or digit", file=file)


class _Reader:
    def __init__(self, text: CsvText, framework_id: str, title: str) -> None:
        self.text = text
        self.file = text.source
        self.framework_id = framework_id
        self.title = title
        self.decimal_comma = text.delimiter != ","
        self.notes: list[str] = []

    def fail(self, problem: str, row: int | None = None, column: int | None = None,
             name: str | None = None) -> ScenarioError:
        where = place(row, column, name) if row is not None else None
        return ScenarioError(problem, file=self.file, field=where)

    # -- the whole file ------------------------------------------------------------------------

    def read(self) -> CsvImport:
        rows = self.text.rows
        numbered = [(i, cells) for i, cells in enumerate(rows, start=1) if any(cells)]
        if not numbered:
            raise self.fail("the file is empty: the first row should be 'option' followed by "
                            "the criterion names")
        header_row, header = numbered[0]
        columns = self.header(header_row, header)
        width = columns[-1].index
        roles: dict[str, tuple[int, list[str]]] = {}
        options: list[tuple[int, list[str]]] = []
        for r, cells in numbered[1:]:
            self.check_width(r, cells, width, header_row)
            if cells[0].lower() in HEADER_WORDS:
                raise self.fail(f"a second 'option' row (the first is row {header_row})", r, 1)
            role = ROLE_ROWS.get(cells[0].lower())
            if role is None:
                options.append((r, cells))
            elif role in roles:
                raise self.fail(f"a second {role!r} row (the first is row {roles[role][0]})", r, 1)
            else:
                roles[role] = (r, cells)
        if not options:
            raise self.fail("no options: below the first row, add one row per option (its "
                            "name, then its rating on each criterion)")
        if len(options) > MAX_OPTIONS:
            raise self.fail(f"{len(options)} options; a framework holds at most {MAX_OPTIONS}",
                            options[MAX_OPTIONS][0], 1)
        if "direction" in roles:
            self.directions(columns, *roles["direction"])
        if "scale" in roles:
            self.scales(columns, *roles["scale"])
        option_docs = self.options(columns, options)
        self.infer_scales(columns, options, option_docs)
        targets = self.targets(columns, roles.get("target"))
        weights = self.weights(columns, roles.get("weight"))
        criteria = []
        for col in columns:
            assert col.scale is not None
            doc: dict[str, object] = {"id": col.id, "name": col.name, "direction": col.direction,
                                      "scale": [col.scale.lo, col.scale.hi],
                                      "levels": dict(col.scale.levels),
                                      "default_weight": weights[col.id]}
            if col.direction == "target":
                doc["default_target"] = targets[col.id]
            criteria.append(doc)
        data = {"id": self.framework_id, "title": self.title,
                "source": f"Imported from {Path(self.file).name}" if self.file
                else "Imported from CSV",
                "provenance": "user", "criteria": criteria, "options": option_docs}
        try:
            fw = Framework.model_validate(data)
        except ValidationError as exc:
            raise self.explain(exc, header_row, columns, options) from None
        return CsvImport(fw, self.text.encoding, self.text.delimiter, self.notes)

    def header(self, r: int, cells: list[str]) -> list[_Column]:
        if cells[0].lower() not in HEADER_WORDS:
            raise self.fail(f"the first row must start with 'option', then the criterion names "
                            f"(found {shown(cells[0])!r})", r, 1)
        names = list(cells)
        while names and not names[-1]:
            names.pop()
        if len(names) < 2:
            raise self.fail("no criteria: after 'option' the first row names the criteria", r, 2)
        if len(names) - 1 > MAX_CRITERIA:
            raise self.fail(f"{len(names) - 1} criteria; a framework holds at most "
                            f"{MAX_CRITERIA}", r, MAX_CRITERIA + 2)
        columns: list[_Column] = []
        by_id: dict[str, _Column] = {}
        for index, name in enumerate(names[1:], start=2):
            if not name:
                raise self.fail("a criterion needs a name", r, index)
            if len(name) > NAME_MAX:
                raise self.fail(f"a name is limited to {NAME_MAX} characters", r, index, name)
            col = _Column(index, name, make_id(name, "criterion"))
            other = by_id.get(col.id)
            if other is not None:
                raise self.fail(self.same(name, other.name, col.id,
                                          f"column {column_letter(other.index)}"), r, index, name)
            by_id[col.id] = col
            columns.append(col)
        return columns

    @staticmethod
    def same(name: str, other: str, id_: str, where: str) -> str:
        if name.strip().lower() == other.strip().lower():
            return f"the same name as {where}"
        return f"gives the same id {id_!r} as {where} ({shown(other)}); rename one of them"

    def check_width(self, r: int, cells: list[str], width: int, header_row: int) -> None:
        for k in range(width, len(cells)):
            if cells[k]:
                raise self.fail(f"a value beyond the last criterion (row {header_row} names "
                                f"criteria up to column {column_letter(width)})",
                                r, k + 1)
        if len(cells) < width:
            raise self.fail(f"has {len(cells)} cells but row {header_row} has {width}: a ragged "
                            f"row (column {column_letter(len(cells) + 1)} onwards is missing)", r)

    # -- settings rows -------------------------------------------------------------------------

    def directions(self, columns: list[_Column], r: int, cells: list[str]) -> None:
        for col in columns:
            cell = cells[col.index - 1]
            if not cell:
                continue
            if cell.lower() not in DIRECTIONS:
                raise self.fail(f"unknown direction {shown(cell)!r} (use benefit, cost or "
                                "target)", r, col.index, col.name)
            col.direction = cell.lower()

    def scales(self, columns: list[_Column], r: int, cells: list[str]) -> None:
        for col in columns:
            cell = cells[col.index - 1]
            if cell:
                try:
                    col.scale = parse_scale(cell, decimal_comma=self.decimal_comma)
                except CellError as exc:
                    raise self.fail(str(exc), r, col.index, col.name) from None

    def infer_scales(self, columns: list[_Column], options: list[tuple[int, list[str]]],
                     docs: list[dict[str, Any]]) -> None:
        for col in columns:
            if col.scale is not None:
                continue
            values = [d["ratings"][col.id]["value"] for d in docs]
            found = infer_scale(values)
            if found is None:
                lo, hi = min(values), max(values)
                widest = (min(a for a, _ in COMMON_SCALES), max(b for _, b in COMMON_SCALES))
                r = next(r for (r, _), v in zip(options, values)
                         if not widest[0] <= v <= widest[1])
                raise self.fail(f"values run from {lo:g} to {hi:g}, beyond every common scale: "
                                "give the scale in a 'scale' row (such as 0-1000)",
                                r, col.index, col.name)
            col.scale = Scale(*found)
            self.notes.append(f"{col.name}: no scale given; {found[0]:g}-{found[1]:g} assumed "
                              "from its values")

    def targets(self, columns: list[_Column], role: tuple[int, list[str]] | None
                ) -> dict[str, float]:
        out: dict[str, float] = {}
        row, cells = role if role is not None else (0, [])
        for col in columns:
            assert col.scale is not None
            cell = cells[col.index - 1] if role is not None else ""
            if col.direction != "target":
                if cell:
                    raise self.fail(f"only a target criterion takes a target ({shown(col.name)} "
                                    f"is a {col.direction} criterion)", row, col.index,
                                    col.name)
                continue
            if cell:
                out[col.id] = self.value(cell, col, row)[0]
            else:
                out[col.id] = (col.scale.lo + col.scale.hi) / 2
                self.notes.append(f"{col.name}: no target given; the scale's midpoint "
                                  f"{out[col.id]:g} is the default target")
        return out

    def weights(self, columns: list[_Column], role: tuple[int, list[str]] | None
                ) -> dict[str, float]:
        out: dict[str, float] = {}
        row, cells = role if role is not None else (0, [])
        for col in columns:
            cell = cells[col.index - 1] if role is not None else ""
            if not cell:
                out[col.id] = 50.0
                continue
            weight = parse_number(cell, decimal_comma=self.decimal_comma)
            if weight is None:
                raise self.fail(f"{shown(cell)!r} is not a number (a weight is 0-100)", row,
                                col.index, col.name)
            if not 0 <= weight <= 100:
                raise self.fail(f"weight {weight:g} lies outside 0-100", row, col.index,
                                col.name)
            out[col.id] = weight
        return out

    # -- options -------------------------------------------------------------------------------

    def options(self, columns: list[_Column],
                rows: list[tuple[int, list[str]]]) -> list[dict[str, Any]]:
        docs: list[dict[str, Any]] = []
        seen: dict[str, tuple[int, str]] = {}
        for r, cells in rows:
            name = cells[0]
            if not name:
                raise self.fail("an option needs a name", r, 1)
            if len(name) > NAME_MAX:
                raise self.fail(f"a name is limited to {NAME_MAX} characters", r, 1, name)
            oid = make_id(name, "option")
            if oid in seen:
                other_row, other = seen[oid]
                raise self.fail(self.same(name, other, oid, f"row {other_row}"), r, 1, name)
            seen[oid] = (r, name)
            ratings = {}
            for col in columns:
                cell = cells[col.index - 1]
                if not cell:
                    raise self.fail("empty: every option needs a rating on every criterion",
                                    r, col.index, col.name)
                value, label = self.value(cell, col, r)
                ratings[col.id] = {"value": value, "label": label} if label else {"value": value}
            docs.append({"id": oid, "name": name, "ratings": ratings})
        return docs

    def value(self, cell: str, col: _Column, r: int) -> tuple[float, str]:
        """A rating or target cell: its value and, for a level, the label as the scale spells
        it (``low/med`` -> ``LOW/MED``). Checked against the column's scale when it has one."""
        scale = col.scale
        if scale is not None and scale.levels:
            try:
                value = level_value(scale.levels, cell, col.id)
            except ValueError:
                pass
            else:
                spelled = {k.upper(): k for k in scale.levels}
                return value, "/".join(spelled[p.strip().upper()] for p in cell.split("/"))
        number = parse_number(cell, decimal_comma=self.decimal_comma)
        if number is None:
            if scale is not None and scale.levels:
                known = ", ".join(scale.levels)
                problem = f"{shown(cell)!r} is neither a level of the scale ({shown(known, 80)})" \
                          " nor a number"
            elif scale is None and "|" not in cell:
                problem = (f"{shown(cell)!r} is not a number (to rate with labels, list the "
                           "levels in a 'scale' row, such as LOW|MED|HIGH)")
            else:
                problem = f"{shown(cell)!r} is not a number"
            raise self.fail(problem, r, col.index, col.name)
        if scale is not None and not scale.lo <= number <= scale.hi:
            raise self.fail(f"{number:g} lies outside the scale {scale.lo:g}-{scale.hi:g}",
                            r, col.index, col.name)
        return number, ""

    def explain(self, exc: ValidationError, header_row: int, columns: list[_Column],
                options: list[tuple[int, list[str]]]) -> ScenarioError:
        """A validation error the checks above did not foresee, placed on its cell."""
        base = _from_validation(exc, self.file or "")
        loc = exc.errors(include_url=False)[0]["loc"]
        where = None
        if len(loc) >= 2 and loc[0] == "criteria" and isinstance(loc[1], int):
            col = columns[loc[1]]
            where = place(header_row, col.index, col.name)
        elif len(loc) >= 2 and loc[0] == "options" and isinstance(loc[1], int):
            r = options[loc[1]][0]
            hit = next((c for c in columns if len(loc) >= 4 and c.id == loc[3]), None)
            where = place(r, hit.index, hit.name) if hit else place(r, 1)
        return ScenarioError(base.problem, file=self.file, field=where or base.field)
