"""Compare two states of a scenario: weights, targets, and how the options' ranks moved.

A *side* of a comparison is the current state of an open scenario, one of its snapshots, or
another scenario file; on the command line ``FILE`` or ``FILE#snapshot`` (a snapshot by name,
ignoring case, or by id).

Which weighting a side stands for (its *basis*)
    "auto" (the default): the group's weighting when the side has participants, otherwise
    the scenario's own weights; "scenario" or "group" force one. Each side is scored with its
    own targets and its own edited ratings.

Deltas are always b - a: a positive weight delta means B weighs the criterion more, a
negative rank delta means the option moved up (rank 3 -> 1 is -2). A rank or fit is None when
every weight of that side is zero. Comparing a state with itself gives zero deltas.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ScenarioError
from ..models import Framework, Scenario, SnapshotSettings
from ..resources import all_frameworks
from ..scoring import Ranking, score
from ..validation import load_scenario
from .edits import find_snapshot, pick_snapshot, state_of
from .group import group_ranking

if TYPE_CHECKING:
    from ..document import Document

BASES = ("auto", "scenario", "group")


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what it is called, its settings and its frameworks."""

    label: str
    state: SnapshotSettings
    frameworks: dict[str, Framework]


def side_of_scenario(scenario: Scenario, label: str) -> Side:
    return Side(label, state_of(scenario), all_frameworks(scenario))


def side_of_doc(doc: Document, label: str = "Now") -> Side:
    """The open scenario as it is now."""
    return Side(label, state_of(doc.scenario), dict(doc.frameworks))


def side_of_snapshot(doc: Document, snapshot_ref: str) -> Side:
    """One snapshot of the open scenario (by id or name)."""
    snap = find_snapshot(doc, snapshot_ref)
    return Side(snap.name, snap.settings.model_copy(deep=True), dict(doc.frameworks))


def split_ref(ref: str) -> tuple[str, str | None]:
    """``FILE#snapshot`` -> (FILE, snapshot); a path that exists as written is a plain file."""
    if "#" not in ref or Path(ref).exists():
        return ref, None
    path, _, snapshot = ref.rpartition("#")
    return path, snapshot


def load_side(ref: str) -> Side:
    """Read ``FILE`` or ``FILE#snapshot``; a missing file or snapshot is one ScenarioError."""
    path, snapshot = split_ref(ref)
    if snapshot is not None and not snapshot.strip():
        raise ScenarioError("name a snapshot after '#'", file=path)
    scenario, _ = load_scenario(path)
    if snapshot is None:
        return side_of_scenario(scenario, ref)
    snap = pick_snapshot(scenario.snapshots, snapshot, file=path)
    return Side(ref, snap.settings, all_frameworks(scenario))


def weighting(state: SnapshotSettings, framework: Framework, basis: str = "auto",
              side: str = "a") -> tuple[str, Ranking]:
    """(the basis used, the ranking) of one side on one framework."""
    if basis not in BASES:
        raise ScenarioError(f"unknown basis {basis!r} (known: {', '.join(BASES)})",
                            field="--basis")
    settings = state.frameworks.get(framework.id)
    overrides = settings.rating_overrides if settings is not None else {}
    use_group = basis == "group" or (basis == "auto" and bool(state.participants))
    if use_group:
        ranking = group_ranking(framework, state.participants, state.group.method, overrides)
        if ranking is None:
            raise ScenarioError("has no participants to form a group", field=side)
        return "group", ranking
    weights = settings.weights if settings is not None else {}
    targets = settings.targets if settings is not None else {}
    return "scenario", score(framework, weights, targets, overrides)


def compare(a: SnapshotSettings, b: SnapshotSettings, frameworks: Mapping[str, Framework],
            basis: str = "auto",
            b_frameworks: Mapping[str, Framework] | None = None) -> dict[str, Any]:
    """``{"frameworks": [{"id", "title", "basis": {"a", "b"}, "weights": {criterion_id:
    {"a", "b", "delta"}}, "targets": {...}, "ranks": {option_id: {"a", "b", "delta"}},
    "fits": {option_id: {"a", "b", "delta"}}}]}``.

    ``frameworks`` are side A's; ``b_frameworks`` side B's when they come from another file
    (default: the same). A framework only one side knows, or one that ranks nothing (a
    register), is left out; one whose criteria or options differ between the sides is
    refused."""
    b_frameworks = frameworks if b_frameworks is None else b_frameworks
    out = []
    for fid, fw_a in frameworks.items():
        fw_b = b_frameworks.get(fid)
        if fw_b is None or not fw_a.ranked or not fw_b.ranked:
            continue
        _require_alike(fw_a, fw_b)
        basis_a, ra = weighting(a, fw_a, basis, "a")
        basis_b, rb = weighting(b, fw_b, basis, "b")
        out.append({
            "id": fid,
            "title": fw_a.title,
            "basis": {"a": basis_a, "b": basis_b},
            "weights": {c.id: _pair(ra.weights[c.id], rb.weights[c.id]) for c in fw_a.criteria},
            "targets": {cid: _pair(ra.targets[cid], rb.targets[cid]) for cid in ra.targets},
            "ranks": _ranks(fw_a, ra, rb),
            "fits": {o.id: _pair(ra.fit_of(o.id), rb.fit_of(o.id)) for o in fw_a.options},
        })
    return {"frameworks": out}


def compare_sides(a: Side, b: Side, basis: str = "auto") -> dict[str, Any]:
    """compare() of two sides, with their labels as ``"a"`` and ``"b"``."""
    try:
        result = compare(a.state, b.state, a.frameworks, basis, b.frameworks)
    except ScenarioError as exc:
        if exc.field in ("a", "b"):
            raise ScenarioError(exc.problem, file=a.label if exc.field == "a" else b.label) \
                from None
        raise
    return {"a": a.label, "b": b.label, **result}


def compare_refs(ref_a: str, ref_b: str, basis: str = "auto") -> dict[str, Any]:
    """``mcexplorer compare A B [--json]``: each ref is FILE or FILE#snapshot."""
    return compare_sides(load_side(ref_a), load_side(ref_b), basis)


def rank_change_text(delta: int | None) -> str:
    """How an option moved, for the rank-change table: "up 2", "down 1", "no change"."""
    if delta is None:
        return "-"
    if delta == 0:
        return "no change"
    return f"up {-delta}" if delta < 0 else f"down {delta}"


def compare_text(result: dict[str, Any], frameworks: Mapping[str, Framework]) -> str:
    """The plain-text form of a comparison (``mcexplorer compare A B`` without --json):
    per framework, the weights that changed and the rank-change table."""
    lines = [f"A: {result.get('a', 'A')}", f"B: {result.get('b', 'B')}", ""]
    for entry in result["frameworks"]:
        fw = frameworks[entry["id"]]
        basis = entry["basis"]
        lines.append(f"{fw.title} ({fw.id}; A: {basis['a']} weights, B: {basis['b']} weights)")
        changed = [(fw.criterion(cid).label, p) for cid, p in entry["weights"].items()
                   if p["delta"]]
        changed += [(f"target {fw.criterion(cid).label}", p)
                    for cid, p in entry["targets"].items() if p["delta"]]
        if not changed:
            lines.append("  weights: no change")
        for label, p in changed:
            lines.append(f"  {label}: {p['a']:g} -> {p['b']:g} ({p['delta']:+g})")
        width = max(len(o.label) for o in fw.options)
        lines.append(f"  {'rank':>8}  {'option':<{width}}  {'fit':>17}")
        for oid, r in entry["ranks"].items():
            f = entry["fits"][oid]
            ranks = f"{_or_dash(r['a'])} -> {_or_dash(r['b'])}"
            fits = f"{_fit(f['a'])} -> {_fit(f['b'])}"
            lines.append(f"  {ranks:>8}  {fw.option(oid).label:<{width}}  {fits:>17}  "
                         f"{rank_change_text(r['delta'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _or_dash(value: object) -> str:
    return "-" if value is None else str(value)


def _fit(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _pair(a: float | None, b: float | None) -> dict[str, Any]:
    delta = None if a is None or b is None else b - a
    return {"a": a, "b": b, "delta": delta}


def _ranks(fw: Framework, ra: Ranking, rb: Ranking) -> dict[str, Any]:
    """Option id -> ranks on each side; ordered by B's rank, then A's (unranked last)."""
    def ranks(r: Ranking) -> dict[str, int | None]:
        return {x.option: (x.rank if x.fit is not None else None) for x in r.results}

    a, b = ranks(ra), ranks(rb)
    big = len(fw.options) + 1
    order = sorted((o.id for o in fw.options),
                   key=lambda oid: (b[oid] or big, a[oid] or big))
    return {oid: _pair(a[oid], b[oid]) for oid in order}


def _require_alike(fw_a: Framework, fw_b: Framework) -> None:
    same = ({c.id for c in fw_a.criteria} == {c.id for c in fw_b.criteria}
            and {o.id for o in fw_a.options} == {o.id for o in fw_b.options})
    if not same:
        raise ScenarioError("is defined differently on the two sides (criteria or options "
                            "differ), so it cannot be compared", field=f"framework {fw_a.id}")
