"""The structure promised in README: layers and feature packages that a test enforces, no
import cycles, small modules, and framework ids only where they belong."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mcexplorer"
MAX_LINES = 400
FRAMEWORK_IDS = ("business-models", "credential-ecology", "structures", "leadership-risks")
FEATURE_PACKAGES = ("mcexplorer/core/ecology", "mcexplorer/core/structures",
                    "mcexplorer/core/leadership_risks")


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_anywhere_in_the_package():
    graph = grimp.build_graph("mcexplorer", exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        modules = {"a", "b", "c"}
        edges = {"a": {"b"}, "b": {"a"}, "c": set()}

        def find_modules_directly_imported_by(self, m):
            return self.edges[m]

    assert _cycles(Graph()) == [["a", "b"]]


def test_feature_models_do_not_reach_the_scenario_model_or_other_features():
    """core.models imports each feature's models module to declare the file's sections, so
    those modules (and what they import) must not import the scenario model back, nor
    another feature: only the value types in core.base and leaf modules."""
    graph = grimp.build_graph("mcexplorer", exclude_type_checking_imports=True)
    features = ("ecology", "structures", "leadership_risks", "room")
    for feature in features:
        module = f"mcexplorer.core.{feature}.models"
        reached = graph.find_upstream_modules(module)
        assert "mcexplorer.core.models" not in reached, module
        assert "mcexplorer.core.resources" not in reached, module
        others = [m for m in reached for f in features
                  if f != feature and m.startswith(f"mcexplorer.core.{f}")]
        assert others == [], (module, others)


def test_no_module_is_over_400_lines():
    big = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}


def test_framework_ids_appear_only_in_feature_packages():
    pattern = re.compile("|".join(re.escape(f'"{fid}"') for fid in FRAMEWORK_IDS))
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(FEATURE_PACKAGES):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


TAB_PARTS = ("chart_splitter", "main_area", "table_box", "details", "weights_panel",
             "ranking_column", "fit_slot", "table_area")
SURGERY = re.compile(r"\b(?:removeWidget|replaceWidget|takeWidget)\(|\.setParent\(None\)"
                     r"|\.layout\(\)\.(?:insert|add)\w*\(|\b(?:" + "|".join(TAB_PARTS)
                     + r")\.(?:parentWidget|widget)\(")


def test_no_tab_takes_another_tabs_layout_apart():
    """Feature tabs and the room place the generic tab's parts through its arrangement
    (build_parts, arrange, fit_slot.wrap, weights_panel.add_top, add_leading), never by
    finding a part's parent and moving it (the old EcologyTab re-parented FrameworkTab's
    widgets by hand)."""
    offenders = []
    for folder in ("ecology", "structures", "leadership_risks", "room"):
        for path in (PACKAGE / "qt" / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if SURGERY.search(line) and "own widget" not in line:
                    offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def test_the_layout_surgery_check_finds_surgery():
    for line in ("bottom = self.main_area.widget(1)", "holder.replaceWidget(index, switch)",
                 "tab.layout().insertWidget(0, strip)", "bottom.setParent(None)"):
        assert SURGERY.search(line), line
    assert not SURGERY.search("self.fit_slot.wrap(switch, take)")
