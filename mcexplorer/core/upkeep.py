"""Start-up housekeeping for the user's data folder. No Qt here.

``start_storage`` is what a window calls once at start: it takes the autosave lock, checks that
the sessions folder can be used and clears what killed instances left behind. It never raises;
it returns the reason autosave and sessions are off, if they are.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StorageError
from .paths import InstanceLock
from .safe_files import TEMP_PREFIX, TEMP_SUFFIX

if TYPE_CHECKING:
    from .sessions import RecoveryStore, SessionLibrary

STALE_AFTER_S = 600.0
"""A temporary older than this (ten minutes) belongs to a save that will never finish."""

_OURS = re.compile(re.escape(TEMP_PREFIX) + r"[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
_LEGACY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""Temporaries written by earlier versions (``.NAME.XXXXXXXX.tmp``), only in our own folders."""


def start_storage(library: SessionLibrary, recovery: RecoveryStore) -> str | None:
    """Take this window's autosave lock, make sure sessions can be written, clean up stale
    temporaries and locks. None when autosave and sessions work, else one line saying why not
    (e.g. "/home/ann/.local/share/mcexplorer/recovery: is a file, not a folder")."""
    problem = recovery.start()
    if problem is None:
        try:
            library.ensure()
        except StorageError as exc:
            problem = exc.message
    clean_stale([library.root, library.trash, recovery.root, recovery.root / "open"])
    return problem


def clean_stale(folders: Iterable[Path], *, older_than_s: float = STALE_AFTER_S,
                now: float | None = None) -> list[Path]:
    """In mcexplorer's own folders: remove temporaries older than ``older_than_s`` (ours and
    those of earlier versions) and lock files nobody holds (their owner is gone). A lock is
    removed while held, so an instance starting meanwhile never keeps a deleted lock. Returns
    what was removed; never raises."""
    removed: list[Path] = []
    for folder in folders:
        removed += _clean_temporaries(folder, older_than_s, now, legacy=True)
        for lock_path in _entries(folder, "*.lock"):
            lock = InstanceLock(lock_path)
            try:
                if not os.path.isfile(lock_path) or not lock.acquire():
                    continue
            except StorageError:
                continue
            lock.remove()
            removed.append(lock_path)
    return removed


def clean_stale_temp(folder: Path, *, older_than_s: float = STALE_AFTER_S,
                     now: float | None = None) -> list[Path]:
    """In a user's folder (where a scenario is opened or saved): remove only temporaries
    named as this version names them (``.mcx-XXXXXXXX.tmp``) and older than
    ``older_than_s``. Returns what was removed; never raises."""
    return _clean_temporaries(folder, older_than_s, now, legacy=False)


def _entries(folder: Path, pattern: str) -> list[Path]:
    try:
        return list(folder.glob(pattern)) if folder.is_dir() else []
    except OSError:
        return []


def _clean_temporaries(folder: Path, older_than_s: float, now: float | None,
                       legacy: bool) -> list[Path]:
    now = time.time() if now is None else now
    removed = []
    for path in _entries(folder, ".*.tmp"):
        if not (_OURS.match(path.name) or (legacy and _LEGACY.match(path.name))):
            continue
        try:
            if not path.is_file() or now - path.stat().st_mtime < older_than_s:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
