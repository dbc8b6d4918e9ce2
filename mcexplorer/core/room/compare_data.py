"""What the Compare view shows, as plain data: the two sides, and per framework the paired
weight bars, the overlaid radar profiles, the rank-change table and a one-line summary.

A side is the current state ("now"), one of the open scenario's snapshots, or another
scenario file (``FILE`` or ``FILE#snapshot``); core.room.compare does the arithmetic.
qt.room.compare_view shows it (qt.room.charts.paired_bars draws the bars). No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..chart_data import RadarData, RadarSeries
from ..models import Framework
from .compare import (
    Side,
    compare_sides,
    load_side,
    rank_change_text,
    side_of_doc,
    side_of_snapshot,
    split_ref,
)
from .edits import find_snapshot

if TYPE_CHECKING:
    from ..document import Document

COLOUR_A = "#0072B2"
COLOUR_B = "#D55E00"


@dataclass(frozen=True)
class PairedRow:
    label: str
    a: float
    b: float


@dataclass(frozen=True)
class PairedBarsData:
    rows: tuple[PairedRow, ...]
    a_label: str
    b_label: str
    a_colour: str
    b_colour: str
    unit: str = "Weight (0-100)"
    message: str = ""


@dataclass(frozen=True)
class Choice:
    """What one side stands for: ("now", ""), ("snapshot", id) or ("file", "PATH[#snap]")."""

    kind: str
    ref: str = ""

    def label(self, doc: Document) -> str:
        if self.kind == "now":
            return "Now"
        if self.kind == "snapshot":
            return f"Snapshot \u201c{find_snapshot(doc, self.ref).name}\u201d"
        path, snap = split_ref(self.ref)
        return f"{Path(path).name}#{snap}" if snap else Path(path).name

    def side(self, doc: Document) -> Side:
        """The side's settings (a missing file or snapshot raises ScenarioError)."""
        if self.kind == "now":
            return side_of_doc(doc, self.label(doc))
        if self.kind == "snapshot":
            side = side_of_snapshot(doc, self.ref)
            return Side(self.label(doc), side.state, side.frameworks)
        side = load_side(self.ref)
        return Side(self.label(doc), side.state, side.frameworks)


@dataclass(frozen=True)
class RankChange:
    option: str
    rank_a: int | None
    rank_b: int | None
    moved: str
    """"up 2", "down 1", "no change" or "-"."""
    delta: int | None
    fit_a: float | None
    fit_b: float | None


@dataclass(frozen=True)
class FrameworkComparison:
    framework_id: str
    title: str
    basis: str
    weights: PairedBarsData
    radar: RadarData
    ranks: tuple[RankChange, ...]
    summary: str

    @property
    def unchanged(self) -> bool:
        return (all(r.a == r.b for r in self.weights.rows)
                and all(r.delta in (0, None) and r.fit_a == r.fit_b for r in self.ranks))


def _basis(entry: dict[str, Any], method: Mapping[str, str]) -> str:
    def one(side: str) -> str:
        return (f"the group's weights ({method[side]})" if entry["basis"][side] == "group"
                else "the scenario's own weights")
    return f"A: {one('a')}  \u00b7  B: {one('b')}"


def comparisons(doc: Document, a: Choice, b: Choice) -> list[FrameworkComparison]:
    """Every framework both sides know, compared (A first, B second; changes are B - A)."""
    side_a, side_b = a.side(doc), b.side(doc)
    result = compare_sides(side_a, side_b)
    method = {"a": side_a.state.group.method, "b": side_b.state.group.method}
    out = []
    for entry in result["frameworks"]:
        fw = side_a.frameworks[entry["id"]]
        labels = {c.id: c.label for c in fw.criteria}
        rows = tuple(PairedRow(labels[cid], p["a"], p["b"]) for cid, p in entry["weights"].items())
        weights = PairedBarsData(rows, f"A: {side_a.label}", f"B: {side_b.label}",
                                 COLOUR_A, COLOUR_B)
        radar = RadarData(
            tuple(labels[cid] for cid in entry["weights"]),
            (RadarSeries(f"A: {side_a.label}", COLOUR_A, tuple(r.a / 100 for r in rows)),
             RadarSeries(f"B: {side_b.label}", COLOUR_B, tuple(r.b / 100 for r in rows))),
            (), "" if any(r.a or r.b for r in rows) else "Every weight is zero on both sides")
        names = {o.id: o.name for o in fw.options}
        ranks = tuple(
            RankChange(names[oid], r["a"], r["b"], rank_change_text(r["delta"]), r["delta"],
                       entry["fits"][oid]["a"], entry["fits"][oid]["b"])
            for oid, r in entry["ranks"].items())
        out.append(FrameworkComparison(entry["id"], entry["title"], _basis(entry, method),
                                       weights, radar, ranks, summary(entry, fw)))
    return out


def summary(entry: dict[str, Any], fw: Framework) -> str:
    """One line: no change, or the top option on each side and the biggest weight change."""
    weight_moves = [(abs(p["delta"]), cid, p["delta"]) for cid, p in entry["weights"].items()
                    if p["delta"]]
    rank_moves = [r for r in entry["ranks"].values() if r["delta"]]
    fit_moves = [f for f in entry["fits"].values() if f["delta"]]
    target_moves = [p for p in entry["targets"].values() if p["delta"]]
    if not (weight_moves or rank_moves or fit_moves or target_moves):
        return "No change: A and B weigh every criterion alike and rank every option alike."
    parts = []
    tops = {side: next((oid for oid, r in entry["ranks"].items() if r[side] == 1), None)
            for side in ("a", "b")}
    names: dict[str | None, str] = {o.id: o.name for o in fw.options}  # no top: "-"
    if tops["a"] == tops["b"]:
        parts.append(f"{names.get(tops['a'], '-')} stays on top")
    else:
        parts.append(f"Top option: {names.get(tops['a'], '-')} (A) \u2192 "
                     f"{names.get(tops['b'], '-')} (B)")
    if weight_moves:
        _, cid, delta = max(weight_moves)
        parts.append(f"biggest weight change: {fw.criterion(cid).label} {round(delta, 1):+g}")
    moved = len(rank_moves)
    parts.append(f"{moved} option{'s' if moved != 1 else ''} changed rank")
    return "; ".join(parts) + "."
