"""Noticing that a file changed under a window, and that another window holds it. No Qt here.

A ``FileStamp`` (modification time, size, SHA-256) is taken when a window opens or saves a
file; ``changed_since`` tells, before the next save, whether the file on disk is still that
one. Content decides: a file merely touched is unchanged, a file rewritten with other bytes of
the same size is changed.

A ``FileClaim`` marks "this file is open in a window" across processes: a lock file in the
user's data folder (``recovery/open/<hash of the real path>.lock``) held with the same
operating-system lock as the instance lock, so a window that dies releases it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ScenarioError, StorageError
from .paths import InstanceLock, recovery_dir
from .safe_files import open_regular

STAMP_READ_LIMIT = 64 * 1024 * 1024
"""Files larger than this are compared by size and modification time only."""


@dataclass(frozen=True)
class FileStamp:
    """What a file was when a window last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, payload: bytes, st: os.stat_result) -> FileStamp:
        """The stamp of a file known to hold ``payload`` (as just written), with its status."""
        return cls(st.st_mtime_ns, len(payload), hashlib.sha256(payload).hexdigest())


def stamp(path: str | os.PathLike[str]) -> FileStamp | None:
    """The file's stamp now; None when there is no file. A ScenarioError when it cannot be
    read or is not a regular file."""
    p = Path(path)
    try:
        fd, st = open_regular(p)
    except ScenarioError:
        if not os.path.lexists(p):
            return None
        try:
            os.stat(p)
        except FileNotFoundError:  # a link to nothing: no file there either
            return None
        except OSError:
            pass
        raise
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "rb") as fh:
            if st.st_size <= STAMP_READ_LIMIT:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
            else:
                digest.update(b"size:%d mtime:%d" % (st.st_size, st.st_mtime_ns))
    except OSError as exc:
        raise ScenarioError(f"cannot read ({exc.strerror or exc})", file=str(p)) from None
    return FileStamp(st.st_mtime_ns, st.st_size, digest.hexdigest())


def changed_since(path: str | os.PathLike[str], before: FileStamp | None) -> bool:
    """True when the file at ``path`` is not the one ``before`` describes: rewritten with other
    content, removed, replaced by something that is not a file, or (``before`` None) created.
    Same size and content with another modification time counts as unchanged."""
    try:
        now = stamp(path)
    except ScenarioError:
        return True
    if before is None or now is None:
        return now is not before
    if now.size != before.size:
        return True
    if now.size > STAMP_READ_LIMIT:
        return now.mtime_ns != before.mtime_ns
    return now.sha256 != before.sha256


# --------------------------------------------------------------------------------------------
# "Open in another window"
# --------------------------------------------------------------------------------------------


def _key(path: str | os.PathLike[str]) -> str:
    real = os.path.normcase(os.path.realpath(os.fspath(path)))
    try:
        raw = os.fsencode(real)
    except UnicodeError:
        raw = real.encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:40]


def claims_dir() -> Path:
    return recovery_dir() / "open"


def marker_path(path: str | os.PathLike[str], root: Path | None = None) -> Path:
    """The lock file that marks ``path`` as open in a window."""
    return (root or claims_dir()) / f"{_key(path)}.lock"


class FileClaim:
    """One window's mark on the file it shows (at most one file at a time)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.path: Path | None = None
        self.problem: str | None = None
        """Why the last claim could not be recorded (the data folder is unusable), if so."""
        self._lock: InstanceLock | None = None

    def claim(self, path: str | os.PathLike[str]) -> bool:
        """Mark ``path`` as open here, dropping any earlier mark. False when another window
        (in any process) holds it: then nothing is held and the window should say so. When
        the mark cannot be recorded at all (data folder unusable) this returns True and sets
        ``problem``: nobody can be warned, but opening the file must not be refused."""
        self.release()
        self.problem = None
        lock = InstanceLock(marker_path(path, self.root))
        try:
            if not lock.acquire():
                return False
        except StorageError as exc:
            self.problem = exc.message
            return True
        self._lock = lock
        self.path = Path(path)
        return True

    def release(self) -> None:
        """Drop the mark (the window closed the file, opened another, or closes)."""
        lock, self._lock, self.path = self._lock, None, None
        if lock is not None:
            lock.remove()

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.held


def holder_alive(path: str | os.PathLike[str], root: Path | None = None) -> bool:
    """True when a live window (this process or another) has ``path`` open."""
    marker = marker_path(path, root)
    if not marker.exists():
        return False
    return not InstanceLock.is_orphaned(marker)
