"""Export data as CSV: no cell can start a formula, level labels included, and numbers stay
numbers (issue 24, item 6)."""

from __future__ import annotations

import csv
import re

from mcexplorer.core.document import Document
from mcexplorer.core.models import Criterion, Framework, Option, Rating
from mcexplorer.core.outputs.tables import FORMULA_STARTS, write_csvs
from mcexplorer.core.resources import default_scenario

LINK = '=HYPERLINK(CONCATENATE("http:",CHAR(47),CHAR(47),"x.example"),"Open")'
LABELS = {LINK: 1, "@SUM(1+1)": 2, "+1+2": 3, "-2+3": 4, "\tTAB": 5, "\rCR": 6}
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def hostile_document() -> Document:
    levels = Criterion(id="levels", name="Levels", direction="benefit", scale=(1, 6),
                       levels=LABELS)
    signed = Criterion(id="signed", name="-Signed", direction="benefit", scale=(-2, 2))
    options = [Option(id=f"o{i}", name=name, ratings={
        "levels": Rating(value=value, label=label), "signed": Rating(value=-1.5 + i * 0.5)})
        for i, ((label, value), name) in enumerate(zip(
            LABELS.items(), ["@cmd", "+Plus", "=Eq", "-Minus", "\tTab", "Plain"]))]
    fw = Framework(id="hostile", title="Hostile", criteria=[levels, signed], options=options)
    scenario = default_scenario()
    scenario.definitions = [fw]
    return Document(scenario)


def test_no_cell_of_the_csv_can_start_a_formula_and_numbers_stay_numbers(tmp_path):
    doc = hostile_document()
    written = [p for p in write_csvs(doc, tmp_path, "Away day") if "hostile" in p.name]
    with written[0].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    col = {h: i for i, h in enumerate(rows[0])}
    cells = [cell for row in rows for cell in row]
    starts = [c for c in cells if c[:1] in FORMULA_STARTS and not NUMBER.fullmatch(c)]
    assert starts == []
    ratings = {r[col["Rating"]] for r in rows[1:] if r[col["Criterion id"]] == "levels"}
    assert ratings == {"'" + label for label in LABELS}  # every label, as text
    # Numbers stay numbers: a negative rating is written as -1.5, not '-1.5.
    signed = sorted(r[col["Rating value"]] for r in rows[1:] if r[col["Criterion id"]] == "signed")
    assert signed == ["-0.5", "-1", "-1.5", "0", "0.5", "1"]
    assert {r[col["Rating"]] for r in rows[1:] if r[col["Criterion id"]] == "signed"} == \
        set(signed)
    assert {r[col["Option"]] for r in rows[1:]} == \
        {"'@cmd", "'+Plus", "'=Eq", "'-Minus", "'\tTab", "Plain"}
    assert {r[col["Criterion"]] for r in rows[1:]} == {"Levels", "'-Signed"}
