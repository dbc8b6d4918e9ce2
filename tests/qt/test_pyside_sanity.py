"""Guards against the PySide6 6.12.0 / Python < 3.12 reference leak on None (none_dealloc).

That build drops a reference to None on every Qt call that returns nothing, and the interpreter
aborts after enough calls. Each such call here must leave None's reference count unchanged.
"""

from __future__ import annotations

import subprocess
import sys

import PySide6
import pytest


def test_pinned_pyside_avoids_the_broken_release():
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} leaks None on Python < 3.12"


def test_void_qt_calls_keep_none_refcount(qapp):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    for _ in range(100):  # warm up caches
        w.setToolTip("x")
    before = sys.getrefcount(None)
    for _ in range(20000):
        w.setToolTip("x")
        w.update()
    after = sys.getrefcount(None)
    assert after - before < 1000, f"None lost {after - before} references in 40000 calls"
    w.deleteLater()


@pytest.mark.slow
def test_many_pyqtgraph_updates_do_not_abort():
    code = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "import pyqtgraph as pg\n"
        "w = pg.PlotWidget(); c = w.plot([0, 1], [0, 1])\n"
        "for i in range(60000): c.setData([0, 1], [0, i % 7])\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
