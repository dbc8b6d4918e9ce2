"""The gates `make test` runs by itself: ruff (the rule set in pyproject.toml) and mypy (strict on
the core, mypy's defaults elsewhere). Each fails with the findings, as the tool prints them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_ruff_finds_nothing():
    out = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]


def test_mypy_finds_nothing():
    # The files and the per-module strictness come from [tool.mypy] in pyproject.toml; the
    # cache stays under .venv so a clean clone's tree holds no stray folder.
    out = _run("mypy", "--cache-dir", str(ROOT / ".venv" / ".mypy_cache"))
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
