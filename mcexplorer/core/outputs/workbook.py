"""The scenario as a workbook (.xlsx, openpyxl) a finance colleague can check and play with.

One sheet per ranked framework: the criteria with their direction and scale, the **weights and
targets in input cells** (shaded), the ratings as numbers, each rating's utility as a formula
of its rating, its scale and (for a target criterion) the target cell, and each option's
**fit as a live formula** (``100 * SUMPRODUCT(weights, utilities) / SUM(weights)``) and rank
(``RANK``). Change a weight or a target in Excel or LibreOffice and the fits and ranks follow:
the same arithmetic as the app (core.scoring), so they agree to the last digit shown. Then a
sheet for the room (every person's weight and the group's), the risk register (score =
likelihood x impact, a formula too) and the sources in full.

Written for one weighting (core.weighting): the scenario's own, the group's or a person's.
No Qt here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from ..document import Document
from ..io import atomic_write
from ..weighting import SCENARIO, Weighting
from . import office_data as data

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEAD_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
MAX_SHEET_NAME = 31
FIRST_COL = 2
"""Criteria start in column B; column A holds the row labels and option names."""

# Rows of a framework sheet (1-based).
ROW_TITLE, ROW_WHOSE, ROW_HOW = 1, 2, 3
ROW_CRITERION, ROW_DIRECTION, ROW_LOW, ROW_HIGH, ROW_WEIGHT, ROW_TARGET = 5, 6, 7, 8, 9, 10
ROW_RATINGS_HEAD = 12


def text(ws: Worksheet, row: int, col: int, value: str, font: Font | None = None) -> Any:
    """A cell that holds text, never a formula (a name may start with '=')."""
    cell = ws.cell(row=row, column=col, value=value)
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def sheet_title(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("' ") or "Sheet"
    name = clean[:MAX_SHEET_NAME]
    n = 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = clean[:MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def utility_formula(direction: str, rating: str, low: str, high: str, target: str) -> str:
    """core.scoring.utility as a spreadsheet formula, clamped to [0, 1]."""
    span = f"({high}-{low})"
    if direction == "benefit":
        u = f"({rating}-{low})/{span}"
    elif direction == "cost":
        u = f"({high}-{rating})/{span}"
    else:
        u = f"1-ABS({rating}-{target})/{span}"
    return f"=MIN(1,MAX(0,{u}))"


def framework_sheet(ws: Worksheet, figures: data.FrameworkFigures) -> dict[str, str]:
    """Fill one framework's sheet; returns option id -> the cell of its fit (e.g. "$H$15")."""
    crits, options = figures.criteria, figures.options
    n = len(options)
    last = get_column_letter(FIRST_COL + len(crits) - 1)
    text(ws, ROW_TITLE, 1, figures.title, TITLE_FONT)
    text(ws, ROW_WHOSE, 1, f"Weights: {figures.whose}.")
    text(ws, ROW_HOW, 1, "Change a shaded cell (a weight 0-100 or a target): the utilities, "
                         "fits and ranks below are formulas and follow. Fit = 100 x "
                         "SUMPRODUCT(weights, utilities) / SUM(weights).")
    for row, label in ((ROW_CRITERION, "Criterion"), (ROW_DIRECTION, "Reading"),
                       (ROW_LOW, "Scale low"), (ROW_HIGH, "Scale high"),
                       (ROW_WEIGHT, "Weight (0-100)"), (ROW_TARGET, "Target")):
        text(ws, row, 1, label, HEAD_FONT)
    for j, c in enumerate(crits):
        col = FIRST_COL + j
        text(ws, ROW_CRITERION, col, c.name, HEAD_FONT).alignment = Alignment(wrap_text=True)
        text(ws, ROW_DIRECTION, col, data.DIRECTION_WORDS.get(c.direction, c.direction))
        ws.cell(row=ROW_LOW, column=col, value=c.low)
        ws.cell(row=ROW_HIGH, column=col, value=c.high)
        ws.cell(row=ROW_WEIGHT, column=col, value=c.weight).fill = INPUT_FILL
        if c.direction == "target":
            ws.cell(row=ROW_TARGET, column=col, value=c.target).fill = INPUT_FILL
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.column_dimensions["A"].width = 36

    ratings_top = ROW_RATINGS_HEAD + 1
    utils_head = ratings_top + n + 1
    utils_top = utils_head + 1
    fit_col = FIRST_COL + len(crits)
    rank_col = fit_col + 1
    fit_letter = get_column_letter(fit_col)
    text(ws, ROW_RATINGS_HEAD, 1, "Ratings (on each criterion's scale)", HEAD_FONT)
    text(ws, utils_head, 1, "Utility (0-1) of each rating", HEAD_FONT)
    text(ws, utils_head, fit_col, "Fit (%)", HEAD_FONT)
    text(ws, utils_head, rank_col, "Rank", HEAD_FONT)
    for j, c in enumerate(crits):
        col = FIRST_COL + j
        text(ws, ROW_RATINGS_HEAD, col, c.name, HEAD_FONT)
        text(ws, utils_head, col, c.name, HEAD_FONT)
    weights = f"${get_column_letter(FIRST_COL)}${ROW_WEIGHT}:${last}${ROW_WEIGHT}"
    fits_range = f"${fit_letter}${utils_top}:${fit_letter}${utils_top + n - 1}"
    fit_cells: dict[str, str] = {}
    for i, o in enumerate(options):
        r_row, u_row = ratings_top + i, utils_top + i
        text(ws, r_row, 1, o.name)
        text(ws, u_row, 1, o.name)
        for j, c in enumerate(crits):
            col = FIRST_COL + j
            letter = get_column_letter(col)
            ws.cell(row=r_row, column=col, value=o.ratings[c.id])
            ws.cell(row=u_row, column=col, value=utility_formula(
                c.direction, f"{letter}{r_row}", f"{letter}${ROW_LOW}", f"{letter}${ROW_HIGH}",
                f"{letter}${ROW_TARGET}")).number_format = "0.000"
        utils = f"${get_column_letter(FIRST_COL)}{u_row}:${last}{u_row}"
        fit = ws.cell(row=u_row, column=fit_col,
                      value=f'=IF(SUM({weights})=0,"",100*SUMPRODUCT({weights},{utils})'
                            f"/SUM({weights}))")
        fit.number_format = "0.0"
        fit.font = HEAD_FONT
        ws.cell(row=u_row, column=rank_col,
                value=f'=IF({fit_letter}{u_row}="","",RANK({fit_letter}{u_row},{fits_range}))')
        fit_cells[o.id] = f"${fit_letter}${u_row}"
    note = utils_top + n + 1
    if figures.verdict:
        text(ws, note, 1, f"How sure (the app, as exported): {figures.verdict}")
    ws.freeze_panes = ws.cell(row=ROW_CRITERION + 1, column=FIRST_COL)
    return fit_cells


def room_sheet(ws: Worksheet, doc: Document) -> None:
    text(ws, 1, 1, "The room: every person's weights and the group's", TITLE_FONT)
    people = doc.scenario.participants
    if not people:
        text(ws, 3, 1, "Nobody was in the room: the scenario's own weights are on each "
                       "framework's sheet.")
        return
    row = 3
    for fid in data.ranked_frameworks(doc):
        rows = data.room_rows(doc, fid)
        if rows is None:
            continue
        text(ws, row, 1, rows.title, HEAD_FONT)
        text(ws, row + 1, 1, "Criterion", HEAD_FONT)
        for k, (_, name, role, _) in enumerate(rows.people):
            label = f"{name} ({role})" if role else name
            text(ws, row + 1, 2 + k, label, HEAD_FONT)
        text(ws, row + 1, 2 + len(rows.people), f"Group ({rows.method})", HEAD_FONT)
        for i, (cid, cname) in enumerate(rows.criteria):
            r = row + 2 + i
            text(ws, r, 1, cname)
            for k, (_, _, _, w) in enumerate(rows.people):
                ws.cell(row=r, column=2 + k, value=w.get(cid))
            ws.cell(row=r, column=2 + len(rows.people), value=rows.group.get(cid))
        row += len(rows.criteria) + 3
    ws.column_dimensions["A"].width = 36


RISK_HEADER = ("Category", "Risk", "Likelihood (1-5)", "Impact (1-5)", "Score", "Owner",
               "Mitigation")


def risk_sheet(ws: Worksheet, doc: Document) -> None:
    text(ws, 1, 1, "Risk register (the three Rs: reputation, recruitment, revenue)", TITLE_FONT)
    for j, head in enumerate(RISK_HEADER, start=1):
        text(ws, 3, j, head, HEAD_FONT)
    for i, r in enumerate(data.risk_rows(doc)):
        row = 4 + i
        text(ws, row, 1, r.category)
        text(ws, row, 2, r.text).alignment = Alignment(wrap_text=True)
        ws.cell(row=row, column=3, value=r.likelihood).fill = INPUT_FILL
        ws.cell(row=row, column=4, value=r.impact).fill = INPUT_FILL
        ws.cell(row=row, column=5, value=f"=C{row}*D{row}")
        text(ws, row, 6, r.owner)
        text(ws, row, 7, r.mitigation).alignment = Alignment(wrap_text=True)
    last = 4 + len(data.risk_rows(doc))
    text(ws, last + 1, 1, "Plan B", HEAD_FONT)
    text(ws, last + 1, 2, data.plan_b(doc))
    for col, width in zip("ABCDEFG", (16, 60, 12, 12, 8, 18, 50)):
        ws.column_dimensions[col].width = width


def sources_sheet(ws: Worksheet) -> None:
    text(ws, 1, 1, "Sources", TITLE_FONT)
    for i, line in enumerate(data.sources()):
        text(ws, 3 + i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 120


def build_workbook(doc: Document, weighting: Weighting = SCENARIO
                   ) -> tuple[Workbook, dict[str, tuple[str, dict[str, str]]]]:
    """The workbook, and framework id -> (sheet name, option id -> fit cell)."""
    wb = Workbook()
    taken: set[str] = set()
    where: dict[str, tuple[str, dict[str, str]]] = {}
    first = True
    for fid in data.ranked_frameworks(doc):
        figures = data.framework_figures(doc, fid, weighting)
        title = sheet_title(figures.title, taken)
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        first = False
        where[fid] = (title, framework_sheet(ws, figures))
    fills: tuple[tuple[str, Callable[[Worksheet], None]], ...] = (
        ("Room", lambda ws: room_sheet(ws, doc)), ("Risk register", lambda ws: risk_sheet(ws, doc)),
        ("Sources", sources_sheet))
    for name, fill in fills:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet_title(name, taken)
        fill(ws)
    return wb, where


def workbook_bytes(doc: Document, weighting: Weighting = SCENARIO) -> bytes:
    wb, _ = build_workbook(doc, weighting)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_workbook(doc: Document, path: str | os.PathLike[str],
                   weighting: Weighting = SCENARIO) -> Path:
    """Write the workbook atomically (a failed write leaves any old file as it was)."""
    p = Path(path)
    atomic_write(p, workbook_bytes(doc, weighting))
    return p


def fit_cell_reference(sheet: str, cell: str) -> str:
    """``'Business models'!$H$15``: where a fit lives, for a test or a formula elsewhere."""
    return f"{quote_sheetname(sheet)}!{cell}"
