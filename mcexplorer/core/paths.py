"""Where the app keeps the user's sessions, autosaves and logs (platformdirs), where its own
resources are, and a lock that tells a live instance from one that crashed. No Qt here.

A leaf module (no scenario model): feature content loaders find the resources folder here
without importing core.resources, which imports the scenario model.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .errors import ScenarioError

APP = "mcexplorer"
RESOURCES_ENV = "MCEXPLORER_RESOURCES"


def resources_dir() -> Path:
    """The resources folder: $MCEXPLORER_RESOURCES, inside the installed package, or at the
    top of a source tree."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "frameworks").is_dir():
            return candidate
    raise ScenarioError("the built-in frameworks are missing from this installation",
                        file=str(here / "resources"))


def data_dir() -> Path:
    """The user's data folder for mcexplorer (sessions, trash, recovery)."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def trash_dir() -> Path:
    return data_dir() / "trash"


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


class InstanceLock:
    """An exclusive lock on a file, held while this process runs.

    The operating system releases it when the process dies, however it dies, so a lock that
    can be taken belongs to an instance that is gone (its autosave is an orphan to recover).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")
        try:
            if os.name == "nt":  # pragma: no cover - Windows
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            finally:
                self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    @staticmethod
    def is_orphaned(path: Path) -> bool:
        """True when nobody holds the lock at ``path`` (its owner has exited)."""
        probe = InstanceLock(path)
        if probe.acquire():
            probe.release()
            return True
        return False
