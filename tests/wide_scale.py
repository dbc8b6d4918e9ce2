"""A framework with a target criterion on a wide scale (issue 24 item 8), as a CSV or inside
a scenario file: shared by the CLI and window tests."""

from __future__ import annotations

from pathlib import Path

from mcexplorer.core.document import Document
from mcexplorer.core.frameworks.csv_import import framework_from_csv
from mcexplorer.core.frameworks.editing import add_framework
from mcexplorer.core.io import save_scenario


def wide_csv(hi: float, lo: float = 0.0) -> bytes:
    span = hi - lo
    return (f"option,Budget,Impact\ndirection,target,benefit\nscale,{lo:.0f}-{hi:.0f},1-5\n"
            f"target,{lo + span / 3:.0f},\nA,{lo + span / 4:.0f},3\nB,{lo + span / 2:.0f},4\n"
            f"C,{hi:.0f},2\n").encode()


def wide_scenario(path: Path, hi: float, lo: float = 0.0) -> Path:
    """A scenario file that carries the wide framework (id ``wide``)."""
    fw = framework_from_csv(wide_csv(hi, lo), name="wide.csv")
    doc = Document()
    for edit in add_framework(doc, fw):
        doc.apply(edit)
    save_scenario(path, doc.scenario)
    return path
