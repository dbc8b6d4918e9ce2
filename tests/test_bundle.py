"""The standalone app: the built bundle's smoke test, the workflow that builds it on three
systems, and the clean close on SIGTERM that the smoke test (and a logout) relies on."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "mcexplorer" / ("mcexplorer.exe" if sys.platform == "win32"
                                         else "mcexplorer")
WORKFLOW = ROOT / ".github" / "workflows" / "bundle.yml"
SPEC = ROOT / "packaging" / "mcexplorer.spec"


@pytest.mark.slow
@pytest.mark.skipif(not BUNDLE.is_file(),
                    reason="no bundle in dist/mcexplorer ('make bundle' builds it; then "
                           "'make bundle-test' or 'make test' runs this smoke test)")
def test_bundle_smoke(tmp_path):
    """Every verb of the built executable in a bare environment, then the window for 10 s."""
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}  # its own Xvfb, not our screen
    window = "require" if sys.platform != "linux" or shutil.which("Xvfb") else "auto"
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"), str(BUNDLE),
                           "--window", window], env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout
    if window == "auto" and "SKIP the window" in done.stdout:
        pytest.skip("the verbs passed; the window was not tried: Xvfb is not installed "
                    "(apt-get install xvfb)")


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data.get("jobs"), "bundle.yml has no jobs"
    return data


def test_workflow_builds_and_smoke_tests_on_three_systems():
    data = _workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on:` as true
    assert triggers and "workflow_dispatch" in triggers
    found, runs, uses = {}, [], []
    for job in data["jobs"].values():
        matrix = (job.get("strategy") or {}).get("matrix") or {}
        for entry in matrix.get("include", []):
            found[entry["os"].split("-")[0]] = entry
        runs += [s.get("run", "") for s in job.get("steps", [])]
        uses += [s.get("uses", "") for s in job.get("steps", [])]
    assert set(found) == {"ubuntu", "windows", "macos"}, f"runners: {sorted(found)}"
    assert found["windows"]["executable"].endswith("mcexplorer.exe")
    assert ".app/Contents/MacOS/mcexplorer" in found["macos"]["executable"]
    assert found["ubuntu"]["executable"] == "dist/mcexplorer/mcexplorer"
    # One spec for all three, the smoke test on each, the window required, the result kept.
    assert any("pyinstaller" in r and "packaging/mcexplorer.spec" in r for r in runs)
    smoke = [r for r in runs if "packaging/smoke.py" in r]
    assert smoke and "matrix.executable" in smoke[0] and "--window require" in smoke[0]
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert any("requirements-bundle.lock" in r for r in runs)
    pack = next(r for r in runs if "tar -C dist" in r)
    assert ".zip" in pack and "ditto" in pack and ".tar.gz" in pack


def test_spec_ships_resources_where_the_package_looks():
    """The bundle carries resources/ and docs/ inside the package, as the wheel does, so the
    package's own lookups (core.paths, the Help window) find them without a checkout."""
    text = SPEC.read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "mcexplorer/resources")' in text
    assert '(str(ROOT / "docs"), "mcexplorer/docs")' in text
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources" = "mcexplorer/resources"' in pyproject
    assert '"docs" = "mcexplorer/docs"' in pyproject


CHILD_MODIFIED = """
import sys
from mcexplorer import app
from mcexplorer.core.edits import Edit

install = getattr(app, "close_on_terminate", lambda window: None)

def modified_then_install(window):
    path = ("frameworks", "business-models", "weights", "effort")
    window.controller.push(Edit(path, 50.0, 100.0, "Effort"))  # unsaved work, as a drag leaves
    install(window)

app.close_on_terminate = modified_then_install
sys.exit(app.run(sys.argv[1]))
"""


def _folders(home: Path) -> tuple[Path, Path]:
    """The log file and the data folder platformdirs picks for this HOME."""
    if sys.platform == "darwin":
        return (home / "Library" / "Logs" / "mcexplorer" / "mcexplorer.log",
                home / "Library" / "Application Support" / "mcexplorer")
    return (home / ".local" / "state" / "mcexplorer" / "log" / "mcexplorer.log",
            home / ".local" / "share" / "mcexplorer")


def _terminate_after_first_frame(tmp_path: Path, command: list[str]) -> tuple[int, str, Path]:
    """Start the window, wait for its first frame (the log file appears right after it),
    send SIGTERM; the exit code, stderr and the data folder."""
    home = tmp_path / "home"
    home.mkdir()
    scenario = tmp_path / "s.json"
    new = subprocess.run([sys.executable, "-m", "mcexplorer", "new", str(scenario)],
                         capture_output=True, text=True, timeout=120)
    assert new.returncode == 0, new.stderr
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "QT_QPA_PLATFORM": "offscreen"}
    log, data = _folders(home)
    proc = subprocess.Popen([*command, str(scenario)], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120  # a bound, not a timing assertion
        while not log.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[1]
        assert log.exists(), "the window never reached its first frame"
        assert list((data / "recovery").glob("*.lock")), "a running window holds a lock"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "Traceback" not in err
    return proc.returncode, err, data


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="Windows sends WM_CLOSE, not SIGTERM")
def test_sigterm_closes_the_window_cleanly(tmp_path):
    """A logout's SIGTERM closes the window as Quit would: exit 0, no lock left behind (before,
    the process died of the signal and left its lock as an orphan)."""
    code, err, data = _terminate_after_first_frame(tmp_path, [sys.executable, "-m", "mcexplorer"])
    assert code == 0, err
    assert not list((data / "recovery").glob("*.lock")), "the lock was left behind"
    assert not list((data / "recovery").glob("*.json")), "nothing was unsaved"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="Windows sends WM_CLOSE, not SIGTERM")
def test_sigterm_with_unsaved_work_autosaves_it_without_asking(tmp_path):
    """With unsaved work nobody is asked (nobody may be there): the work is written to the
    recovery folder at once (not only after the autosave's two quiet seconds) and the app
    exits 0; the next start offers it back."""
    code, err, data = _terminate_after_first_frame(
        tmp_path, [sys.executable, "-c", CHILD_MODIFIED])
    assert code == 0, err
    saved = list((data / "recovery").glob("*.json"))
    assert len(saved) == 1, "the unsaved work was not autosaved"
    scenario = json.loads(saved[0].read_text(encoding="utf-8"))
    text = json.dumps(scenario)
    assert '"effort": 100.0' in text, "the autosave lacks the unsaved change"
