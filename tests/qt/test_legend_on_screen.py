"""Issue 11, point 1: after a drag that changes the radar's top three, each legend swatch is
repainted in its series' colour. A stale paint only shows on a real X server (QWidget.grab()
re-renders), so this runs the window under Xvfb and reads the screen."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not shutil.which("Xvfb"),
                                 reason="Xvfb is not installed (apt install xvfb)")]

SCRIPT = r"""
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSlider
from mcexplorer.app import create_window

w = create_window(None)
w.resize(1280, 720)
w.show()
app = QApplication.instance()
radar = w.framework_tabs["business-models"].radar_chart

def settle():
    for _ in range(30):
        app.processEvents()
        QTest.qWait(10)

def swatches():
    settle()
    img = w.screen().grabWindow(w.winId()).toImage()
    r = img.devicePixelRatio()
    series = {s.name: s.colour for s in radar.data.series}
    out = []
    for sample, label in radar.legend.items:
        if label.text in series:
            c = sample.mapRectToScene(sample.boundingRect()).center()
            p = radar.mapTo(w, radar.mapFromScene(c))
            got = QColor(img.pixel(int((p.x() - 12) * r), int(p.y() * r)))
            out.append((label.text, got.name(), QColor(series[label.text]).name()))
    return out

before = [name for name, _, _ in swatches()]
for v in range(50, 101, 5):
    w.findChild(QSlider, "weight:business-models:speed-to-market").setValue(v)
    app.processEvents()
for v in range(50, -1, -5):
    w.findChild(QSlider, "weight:business-models:autonomy").setValue(v)
    app.processEvents()
after = swatches()
print("BEFORE", before)
for name, got, want in after:
    print("SWATCH", name, got, want)
w.controller.undo_stack.setClean()
"""


def test_legend_swatches_follow_their_series_on_a_real_screen():
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        display = xvfb.stdout.readline().strip()
        assert display, "Xvfb did not start"
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}"}
        out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    if "could not connect to display" in out.stderr or ("xcb" in out.stderr and out.returncode):
        pytest.skip(f"no usable X display: {out.stderr.strip().splitlines()[-1:]}")
    assert out.returncode == 0, out.stderr[-2000:]
    swatches = [line.split(" ", 1)[1].rsplit(" ", 2) for line in out.stdout.splitlines()
                if line.startswith("SWATCH ")]
    before = next(line for line in out.stdout.splitlines() if line.startswith("BEFORE"))
    assert len(swatches) == 3
    assert [name for name, _, _ in swatches] != ast.literal_eval(before[len("BEFORE "):])
    for name, got, want in swatches:
        g, t = (int(got[i:i + 2], 16) for i in (1, 3, 5)), (int(want[i:i + 2], 16)
                                                            for i in (1, 3, 5))
        assert sum(abs(a - b) for a, b in zip(g, t)) < 60, (name, got, want)
