"""A built wheel installed in a fresh virtual environment finds its resources and works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_in_fresh_venv_runs_new_score_and_export(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheel = next(dist.glob("mcexplorer-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q",
                              "--disable-pip-version-check", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    # Third-party dependencies come from the test venv's site-packages (appended, so they
    # cannot shadow the installed wheel); the source tree is never on the path.
    site = subprocess.run([str(py), "-c",
                           "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    exe = env_dir / "bin" / "mcexplorer"

    where = subprocess.run([str(py), "-c", "import mcexplorer, mcexplorer.core.resources as res; "
                            "print(mcexplorer.__file__); print(res.resources_dir())"],
                           capture_output=True, text=True, cwd=work, env=env, timeout=60)
    assert where.returncode == 0, where.stderr
    module_file, resources = where.stdout.split()
    assert str(env_dir) in module_file and str(env_dir) in resources
    page = subprocess.run([str(py), "-c", "from mcexplorer.server.page import asset; "
                           "print(all(asset(n) for n in ('page.html', 'page.css', 'page.js')))"],
                          capture_output=True, text=True, cwd=work, env=env, timeout=60)
    assert page.stdout.strip() == "True", page.stderr  # the phone page ships in the wheel

    scenario = work / "s.json"
    assert subprocess.run([str(exe), "new", str(scenario)], cwd=work, env=env,
                          timeout=60).returncode == 0
    score = subprocess.run([str(exe), "score", str(scenario), "--json"], capture_output=True,
                           text=True, cwd=work, env=env, timeout=60)
    assert score.returncode == 0, score.stderr
    assert json.loads(score.stdout)["frameworks"][0]["ranking"][0]["option"] == "business-unit"
    out = work / "png"
    export = subprocess.run([str(exe), "export", str(scenario), "--out", str(out)],
                            capture_output=True, text=True, cwd=work, env=env, timeout=120)
    assert export.returncode == 0, export.stderr
    assert len(list(out.glob("*.png"))) >= 6
