"""The figures table: rows, statistics helpers, and the generated block in BENCHMARKS.md.

Only the block between FIGURES_START and FIGURES_END is written by the bench; everything
outside the markers (the hand-written causes and history) is kept byte for byte.
Imports nothing from mcexplorer or Qt at module level.
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path

FIGURES_START = "<!-- figures:start -->"
FIGURES_END = "<!-- figures:end -->"


@dataclass
class Row:
    """One line of the table: what was measured, the result, its target and whether it is met
    (None when the figure is only reported)."""

    measure: str
    result: str
    target: str
    met: bool | None
    note: str = ""


def p(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of ``values``."""
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} (1 min) / {five:.2f} (5 min)"


def machine_info() -> str:
    import pyqtgraph
    import PySide6

    return (f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, pyqtgraph "
            f"{pyqtgraph.__version__}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Qt platform {os.environ.get('QT_QPA_PLATFORM')}")


def render_table(rows: list[Row]) -> str:
    lines = ["| measure | result | target | met |", "|---|---|---|---|"]
    for r in rows:
        met = "-" if r.met is None else ("yes" if r.met else "**no**")
        note = f" ({r.note})" if r.note else ""
        lines.append(f"| {r.measure} | {r.result}{note} | {r.target} | {met} |")
    return "\n".join(lines)


def figures_block(rows: list[Row], *, machine: str, when: str, load_before: str,
                  load_after: str, total: float) -> str:
    """The generated block, markers included."""
    return (
        f"{FIGURES_START}\n"
        "<!-- written by `make bench`; edits between these markers are overwritten -->\n\n"
        f"Run of {when}: {machine}. Load average {load_before} before the run, {load_after} "
        f"after; the bench took {total:.0f} s.\n\n"
        f"{render_table(rows)}\n"
        f"{FIGURES_END}")


def replace_figures_block(text: str, block: str) -> str:
    """``text`` with the span from FIGURES_START to FIGURES_END replaced by ``block``.

    Everything before and after the markers is returned unchanged. Without markers the block
    is appended at the end (after a blank line). Markers out of order or repeated raise
    ValueError rather than guess which hand-written text to overwrite.
    """
    starts, ends = text.count(FIGURES_START), text.count(FIGURES_END)
    if starts == 0 and ends == 0:
        sep = "" if not text else ("\n" if text.endswith("\n") else "\n\n")
        return text + sep + block + "\n"
    if starts != 1 or ends != 1:
        raise ValueError(f"BENCHMARKS.md: expected one {FIGURES_START} and one {FIGURES_END} "
                         f"marker, found {starts} and {ends}")
    i = text.index(FIGURES_START)
    j = text.index(FIGURES_END)
    if j < i:
        raise ValueError(f"BENCHMARKS.md: {FIGURES_END} comes before {FIGURES_START}")
    return text[:i] + block + text[j + len(FIGURES_END):]


def write_report(rows: list[Row], total: float, load_before: str,
                 path: Path = Path("BENCHMARKS.md")) -> None:
    """Print the table and rewrite the figures block in ``path``."""
    machine = machine_info()
    load_after = load_average()
    print(render_table(rows))
    print(f"\n{machine}; load {load_before} before, {load_after} after; bench took {total:.0f} s")
    block = figures_block(rows, machine=machine, when=time.strftime("%Y-%m-%d %H:%M"),
                          load_before=load_before, load_after=load_after, total=total)
    old = "# Benchmarks\n"
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:  # newline="": keep bytes as they are
            old = f.read()
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(replace_figures_block(old, block))
    print(f"wrote the figures block of {path}")
