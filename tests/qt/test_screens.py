"""Every tab on real screens: 1024x768 (a projector; also with each side panel open: they
float), 1366x768 with a dock open (a laptop) and 1920x1080 at 1.5x, under Xvfb with openbox
(where installed). No clipped or overlapping text, and the window inside the screen; every
tab presenting too, and every page of the report.

Each size runs ``screens.py`` in its own process on its own X server, so the test suite's
offscreen Qt is untouched. Skipped, with the reason, where Xvfb or Qt's X11 platform is missing
(``apt-get install xvfb libxcb-cursor0`` provides them). Set MCEXPLORER_SCREENS_DIR to keep the
screenshots for looking at; by default they go to the test's temporary folder, named at the
end of the run ("Screenshots kept in ...").
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("screens.py")
XVFB = shutil.which("Xvfb")

OPENBOX = shutil.which("openbox")
PDFTOPPM = shutil.which("pdftoppm")

CASES = [
    ("projector-1024x768", "1024x768", "", ""),
    ("projector-1024x768-history", "1024x768", "", "history"),
    ("projector-1024x768-sessions", "1024x768", "", "sessions"),
    ("projector-1024x768-snapshots", "1024x768", "", "snapshots"),
    ("laptop-1366x768-history", "1366x768", "", "history"),
    ("laptop-1366x768-sessions", "1366x768", "", "sessions"),
    ("hd-1920x1080-at-1.5x", "1920x1080", "1.5", ""),
]
REPORT_CASE = "projector-1024x768"
"""The run that also renders every page of the report (the report does not depend on the
screen)."""


def start_xvfb(size: str) -> tuple[subprocess.Popen, str]:
    """An X server on a free display number (Xvfb picks it and writes it to a pipe), or on
    MCEXPLORER_SCREENS_DISPLAY's (":83") where a machine shares its numbers out."""
    fixed = os.environ.get("MCEXPLORER_SCREENS_DISPLAY", "")
    if fixed:
        proc = subprocess.Popen([XVFB, fixed, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        number = fixed.lstrip(":")
        for _ in range(100):  # bounded: up to 10 s for the server's socket
            if Path(f"/tmp/.X11-unix/X{number}").exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        if proc.poll() is not None:
            pytest.skip(f"Xvfb could not start on {fixed}")
        return proc, fixed
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


def start_openbox(display: str) -> subprocess.Popen | None:
    """A window manager on the display, as a projector laptop has (maximise, frames); None
    where openbox is missing (the script then sizes the window by hand)."""
    if OPENBOX is None:
        return None
    env = {**os.environ, "DISPLAY": display}
    return subprocess.Popen([OPENBOX, "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def screens_dir(kept: set[str], tmp_path: Path) -> Path:
    """MCEXPLORER_SCREENS_DIR, else the test's temporary folder; named at the end of the run
    (tests/qt/conftest.py, ``screens_kept``) so the screenshots can be found and looked at."""
    out = Path(os.environ.get("MCEXPLORER_SCREENS_DIR") or tmp_path / "screens")
    kept.add(str(out))
    return out


@pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (apt-get install xvfb)")
@pytest.mark.parametrize("name,size,scale,dock", CASES,
                         ids=[c[0] for c in CASES])
def test_every_tab_fits_the_screen(screens_kept, tmp_path, name, size, scale, dock):
    out = screens_dir(screens_kept, tmp_path)
    server, display = start_xvfb(size)
    manager = start_openbox(display)
    report_pages = name == REPORT_CASE and PDFTOPPM is not None
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                   XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
        if scale:
            env["QT_SCALE_FACTOR"] = scale
        args = [sys.executable, str(SCRIPT), str(out), name] + (["--dock", dock] if dock else [])
        args += ["--report"] if report_pages else []
        run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=360,
                             cwd=str(SCRIPT.parent.parent.parent))
    finally:
        for proc in (manager, server):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
    if run.returncode != 0 and "platform plugin" in run.stderr and "xcb" in run.stderr:
        pytest.skip("Qt's X11 platform cannot start here (apt-get install libxcb-cursor0)")
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = report["screen"]
    fx, fy, fw, fh = report["fresh_frame"]
    assert sx <= fx and sy <= fy and fx + fw <= sx + sw and fy + fh <= sy + sh, report
    problems = {page: found for page, found in report["pages"].items() if found}
    problems.update({f"presenting {page}": found
                     for page, found in report["presenting"].items() if found})
    assert not problems, json.dumps(problems, indent=1)
    assert len(report["pages"]) >= 5  # every tab, and every page inside a tab
    if not dock:  # and all of them presenting (presenting hides the panels)
        assert set(report["presenting"]) == set(report["pages"])
    for page in report["pages"]:
        assert (out / f"{name}-{page}.png").stat().st_size > 10_000
        if not dock:
            assert (out / f"{name}-presenting-{page}.png").stat().st_size > 10_000
    if report_pages:  # every page of the report as a picture, beside the PDF
        pages = report["report_pages"]
        assert len(pages) >= 5 and (out / f"{name}-report.pdf").stat().st_size > 10_000
        assert all((out / page).stat().st_size > 5_000 for page in pages)
