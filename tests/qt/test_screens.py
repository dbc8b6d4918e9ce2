"""Every tab on real screens: 1024x768 (a projector), 1366x768 with a dock open (a laptop) and
1920x1080 at 1.5x, under Xvfb. No clipped or overlapping text, and the window inside the screen.

Each size runs ``screens.py`` in its own process on its own X server, so the test suite's
offscreen Qt is untouched. Skipped, with the reason, where Xvfb or Qt's X11 platform is missing
(``apt-get install xvfb libxcb-cursor0`` provides them). Set MCEXPLORER_SCREENS_DIR to keep the
screenshots for looking at; by default they go to the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("screens.py")
XVFB = shutil.which("Xvfb")

CASES = [
    ("projector-1024x768", "1024x768", "", ""),
    ("laptop-1366x768-history", "1366x768", "", "history"),
    ("laptop-1366x768-sessions", "1366x768", "", "sessions"),
    ("hd-1920x1080-at-1.5x", "1920x1080", "1.5", ""),
]


def start_xvfb(size: str) -> tuple[subprocess.Popen, str]:
    """An X server on a free display number (Xvfb picks it and writes it to a pipe)."""
    read, write = os.pipe()
    proc = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    return proc, f":{number}"


@pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (apt-get install xvfb)")
@pytest.mark.parametrize("name,size,scale,dock", CASES, ids=[c[0] for c in CASES])
def test_every_tab_fits_the_screen(tmp_path, name, size, scale, dock):
    out = Path(os.environ.get("MCEXPLORER_SCREENS_DIR") or tmp_path / "screens")
    server, display = start_xvfb(size)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                   XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
        if scale:
            env["QT_SCALE_FACTOR"] = scale
        args = [sys.executable, str(SCRIPT), str(out), name] + (["--dock", dock] if dock else [])
        run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=240,
                             cwd=str(SCRIPT.parent.parent.parent))
    finally:
        server.terminate()
        server.wait(timeout=10)
    if run.returncode != 0 and "platform plugin" in run.stderr and "xcb" in run.stderr:
        pytest.skip("Qt's X11 platform cannot start here (apt-get install libxcb-cursor0)")
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = report["screen"]
    fx, fy, fw, fh = report["fresh_frame"]
    assert sx <= fx and sy <= fy and fx + fw <= sx + sw and fy + fh <= sy + sh, report
    problems = {page: found for page, found in report["pages"].items() if found}
    assert not problems, json.dumps(problems, indent=1)
    assert len(report["pages"]) >= 5  # every tab, and every page inside a tab
    for page in report["pages"]:
        assert (out / f"{name}-{page}.png").stat().st_size > 10_000
