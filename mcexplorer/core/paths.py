"""Where the app keeps the user's sessions, autosaves and logs (platformdirs), where its own
resources are, and a lock that tells a live instance from one that crashed. No Qt here.

A leaf module (no scenario model): feature content loaders find the resources folder here
without importing core.resources, which imports the scenario model.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import IO

import platformdirs

from .errors import ScenarioError, StorageError

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
    ``acquire`` answers False only when someone else holds the lock; when the lock cannot be
    made at all (the folder is a file, is not writable, the lock path is a folder) it raises
    StorageError, one line naming the path and the reason.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        if self._fh is not None:
            return True
        ensure_folder(self.path.parent)
        for _ in range(5):
            fh = _open_lock_file(self.path)
            try:
                _lock(fh)
            except OSError:
                fh.close()
                return False
            if _same_file(fh, self.path):
                self._fh = fh
                return True
            fh.close()  # removed by a cleaner between our open and our lock: take the new one
        raise StorageError("the lock file keeps disappearing", file=str(self.path))

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            finally:
                self._fh = None

    def remove(self) -> None:
        """Delete the lock file while still holding it (so nobody takes a doomed file), then
        release it."""
        if self._fh is not None:
            try:
                self.path.unlink()
            except OSError:
                pass
        self.release()

    @property
    def held(self) -> bool:
        return self._fh is not None

    @staticmethod
    def is_orphaned(path: Path) -> bool:
        """True when nobody holds the lock at ``path`` (its owner has exited). A lock path that
        cannot be a lock (a folder, a FIFO) has no owner either; a lock that cannot be opened
        for another reason (permissions) is treated as held."""
        if os.path.isdir(path) or (os.path.exists(path) and not os.path.isfile(path)):
            return True
        probe = InstanceLock(path)
        try:
            taken = probe.acquire()
        except StorageError:
            return False
        if taken:
            probe.release()
        return taken


def ensure_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) or raise StorageError saying why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StorageError("is a file, not a folder", file=str(folder)) from None
    except OSError as exc:
        raise StorageError(f"cannot create the folder ({exc.strerror or exc})",
                           file=str(folder)) from None
    if not folder.is_dir():
        raise StorageError("is not a folder", file=str(folder))
    return folder


def _open_lock_file(path: Path) -> IO[bytes]:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except IsADirectoryError:
        raise StorageError("the lock file is a folder", file=str(path)) from None
    except OSError as exc:
        raise StorageError(f"cannot create the lock file ({exc.strerror or exc})",
                           file=str(path)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise StorageError("the lock file is not a regular file", file=str(path))
    return os.fdopen(fd, "r+b")


def _lock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _same_file(fh: IO[bytes], path: Path) -> bool:
    """True when ``path`` still names the file we locked (nobody deleted it meanwhile)."""
    try:
        a, b = os.fstat(fh.fileno()), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
