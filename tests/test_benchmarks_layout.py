"""The benchmarks live outside the package: importing mcexplorer never pulls in matplotlib,
and the bench rewrites only the generated figures block of BENCHMARKS.md."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _report_module():
    """benchmarks/report.py, loaded from its file (the benchmarks folder is not a package that
    pytest puts on the path)."""
    name = "_benchmarks_report_under_test"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "report.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while building Row
        spec.loader.exec_module(module)
    return sys.modules[name]


def _package_modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "mcexplorer").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":  # runs the command on import
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


@pytest.mark.slow
def test_importing_the_package_never_imports_matplotlib():
    modules = _package_modules()
    assert "mcexplorer" in modules and "mcexplorer.qt.window.main_window" in modules
    script = (
        "import importlib, json, sys\n"
        "import mcexplorer\n"
        "after_package = 'matplotlib' in sys.modules\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps([after_package, sorted(m for m in sys.modules\n"
        "                  if m == 'matplotlib' or m.startswith('matplotlib.'))]))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    after_package, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert not after_package
    assert loaded == []


def test_no_benchmark_module_inside_the_package():
    assert not (ROOT / "mcexplorer" / "bench.py").exists()
    assert not list((ROOT / "mcexplorer").rglob("*bench*"))


HAND_BEFORE = "# Benchmarks\r\n\nHand-written intro, with  two spaces\tand a tab.\n\n"
HAND_AFTER = "\n\n## Where targets are missed, and why\n\n- cause one\n- cause two\n"


def test_figures_block_rewrite_keeps_the_hand_written_text_byte_for_byte():
    report = _report_module()
    old = (HAND_BEFORE + report.FIGURES_START + "\nold table\n| a | b |\n" + report.FIGURES_END
           + HAND_AFTER)
    rows = [report.Row("Slider to pixels", "7.00 ms", "p95 < 8 ms", True),
            report.Row("Peak RSS", "140 MB", "(reported)", None, "one note"),
            report.Row("Start-up", "1.8x floor", "<= 1.3x", False)]
    block = report.figures_block(rows, machine="Python 3.11, 2 CPUs", when="2026-01-01 10:00",
                                 load_before="1.00", load_after="2.00", total=12.0)
    new = report.replace_figures_block(old, block)

    assert new.startswith(HAND_BEFORE) and new.endswith(HAND_AFTER)
    assert new == HAND_BEFORE + block + HAND_AFTER
    assert "old table" not in new
    assert "| Start-up | 1.8x floor | <= 1.3x | **no** |" in new
    assert "| Peak RSS | 140 MB (one note) | (reported) | - |" in new
    # a second run replaces its own block and still keeps the hand-written text
    again = report.replace_figures_block(new, block.replace("7.00 ms", "6.00 ms"))
    assert again == HAND_BEFORE + block.replace("7.00 ms", "6.00 ms") + HAND_AFTER


def test_figures_block_without_markers_is_appended_and_broken_markers_are_refused():
    report = _report_module()
    block = report.FIGURES_START + "\nx\n" + report.FIGURES_END
    assert report.replace_figures_block(HAND_BEFORE, block) == HAND_BEFORE + "\n" + block + "\n"
    with pytest.raises(ValueError, match="figures"):
        report.replace_figures_block(report.FIGURES_END + "\n" + report.FIGURES_START, block)
    with pytest.raises(ValueError, match="figures"):
        report.replace_figures_block(block + "\n" + block, block)


def test_write_report_changes_only_the_figures_block(tmp_path, monkeypatch):
    report = _report_module()
    monkeypatch.setattr(report, "machine_info", lambda: "test machine")
    path = tmp_path / "BENCHMARKS.md"
    original = (HAND_BEFORE + report.FIGURES_START + "\nold\n" + report.FIGURES_END + HAND_AFTER)
    path.write_bytes(original.encode("utf-8"))
    report.write_report([report.Row("m", "r", "t", True)], 3.0, "0.50", path)
    written = path.read_bytes().decode("utf-8")
    assert written.startswith(HAND_BEFORE) and written.endswith(HAND_AFTER)
    assert "| m | r | t | yes |" in written and "test machine" in written
