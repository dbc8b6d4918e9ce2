"""The core must import without Qt: models, scoring, I/O and edits run anywhere."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mcexplorer.core

CORE = Path(mcexplorer.core.__file__).parent
QT_MODULES = ("PySide6", "pyqtgraph", "superqt", "qtpy", "shiboken6")


def test_no_core_module_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                # A relative import resolved against the module's package: it must stay
                # inside mcexplorer.core (not reach out into the Qt layer).
                package = path.relative_to(CORE.parent.parent).with_suffix("").parts[:-1]
                base = package[: len(package) - (node.level - 1)]
                names = [".".join(base + ((node.module,) if node.module else ()))]
                if not names[0].startswith("mcexplorer.core"):
                    offenders.append(f"{path.name}: {names[0]}")
                    names = []
            for name in names:
                if name.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_core_runs_with_qt_unimportable(tmp_path):
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {QT_MODULES!r}: raise ImportError('no Qt: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from mcexplorer.core import document, io, scoring, models, validation\n"
        "from mcexplorer.core.ecology import edits, report\n"
        "from mcexplorer.core.structures import rules\n"
        "d = document.Document()\n"
        "for fid in d.frameworks: d.ranking(fid)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
