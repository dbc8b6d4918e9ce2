"""Test set-up: Qt headless, and no test ever touches the real user's folders or settings."""

from __future__ import annotations

import os
import tempfile

# Before any QApplication exists: headless Qt, and user folders inside a throwaway directory.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = tempfile.mkdtemp(prefix="mcexplorer-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SANDBOX, _var.lower())
os.environ["MCEXPLORER_NO_RECOVERY_PROMPT"] = "0"

import fuzzing  # noqa: E402
import pytest  # noqa: E402

from mcexplorer.core.resources import default_scenario  # noqa: E402

fuzzing.register()  # Hypothesis profiles: modest in make test, many examples in make fuzz


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Point platformdirs (XDG variables) and QSettings at a per-test folder."""
    base = tmp_path / "user"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(base / var.lower()))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # core-only runs
        yield base
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(base / "qsettings"))
    yield base


@pytest.fixture
def scenario():
    return default_scenario()


@pytest.fixture
def scenario_file(tmp_path, scenario):
    from mcexplorer.core.io import save_scenario

    path = tmp_path / "scenario.json"
    save_scenario(path, scenario)
    return path


@pytest.fixture
def cli():
    """``cli(*args, cwd=None, env=None, input=b"", text=True)``: ``mcexplorer ARGS`` run in this
    process (see tests/cli_inprocess.py), returning a CompletedProcess (returncode, stdout,
    stderr) as ``subprocess.run(capture_output=True)`` would."""
    from cli_inprocess import run_cli

    return run_cli
