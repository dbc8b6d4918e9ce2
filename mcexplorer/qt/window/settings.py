"""Every QSettings key the app uses, in one versioned place (as Orange3 versions settings).

``store()`` opens the settings and migrates them from an older layout: a key that changed
meaning is dropped rather than misread. Tests point QSettings at a temporary folder.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

log = logging.getLogger(__name__)

VERSION = 1
"""Version of the settings layout written by this build."""

VERSION_KEY = "settings_version"
GEOMETRY = "window/geometry"
STATE = "window/state"
TAB = "window/tab"
RECENT_FILES = "recent_files"
LAST_FOLDER = "dialogs/last_folder"

_MIGRATIONS: dict[int, tuple[str, ...]] = {}
"""From version N: the keys to drop on the way to N+1 (none yet)."""


_problem: list[str | None] = []
"""Why the settings file cannot be used this run (checked once per process)."""


def settings_file() -> Path:
    """Where the app's settings live, found without opening that file: QSettings reads its
    file as soon as it is made (and a FIFO there would block it forever), so a settings
    object for another application name, which reads nothing of ours, tells the folder."""
    org = QCoreApplication.organizationName() or "mcexplorer"
    app = QCoreApplication.applicationName() or "mcexplorer"
    probe = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, org,
                      f"{app}-where")
    where = Path(probe.fileName())
    return where.with_name(app + where.suffix)


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the settings file (a folder, a FIFO, a device), or None."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None  # none yet (or a link to none): QSettings writes it
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(st.st_mode):
        return None
    kind = ("a folder" if stat.S_ISDIR(st.st_mode) else
            "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "not a regular file")
    return f"{path}: is {kind}, not a settings file"


def check_file() -> str | None:
    """Before the first QSettings: when the settings file is not a regular file, this run
    keeps its settings in a temporary folder (nothing blocks, nothing is written over it)
    and the reason is returned, for the status bar. Once per process."""
    if not _problem:
        from ...core.errors import shown

        problem = file_problem(settings_file())
        if problem is not None:
            problem = shown(problem) + "; window layout and recent files are not kept"
            log.warning("settings: %s", problem)
            QSettings.setPath(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                              tempfile.mkdtemp(prefix="mcexplorer-settings-"))
        _problem.append(problem)
    return _problem[0]


def byte_value(key: str) -> QByteArray | None:
    """A saved geometry or layout (bytes). A value of another type (a hand-edited ``42`` or
    ``@Rect(...)``) is dropped and forgotten, as napari resets a bad setting."""
    settings = store()
    value = settings.value(key)
    if value is None or isinstance(value, QByteArray):
        return value
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(bytes(value))
    log.warning("settings: %s held %r, not saved layout bytes; reset", key, value)
    settings.remove(key)
    return None


def whole_number(key: str, default: int) -> int:
    """A saved whole number; another type is dropped and forgotten (``default`` instead)."""
    settings = store()
    value = settings.value(key, default)
    try:
        return _whole(value)
    except (TypeError, ValueError):
        log.warning("settings: %s held %r, not a number; reset", key, value)
        settings.remove(key)
        return default


def _whole(value: object) -> int:
    """``int(value)`` for what a settings file can hold; TypeError for anything else."""
    if isinstance(value, (int, float, str, bytes)):
        return int(value)
    raise TypeError(f"not a number: {value!r}")


def store() -> QSettings:
    """The app's settings, migrated to VERSION."""
    settings = QSettings()
    try:
        version = _whole(settings.value(VERSION_KEY, 0))
    except (TypeError, ValueError):
        version = 0
    if version != VERSION:
        for v in range(version, VERSION):
            for key in _MIGRATIONS.get(v, ()):
                settings.remove(key)
        settings.setValue(VERSION_KEY, VERSION)
    return settings


def string_list(key: str) -> list[str]:
    """A list of strings (QSettings returns a lone string for a one-item list)."""
    value = store().value(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        log.warning("settings: %s held %r, not a list of names; reset", key, value)
        store().remove(key)
        return []
    return value


def set_value(key: str, value: object) -> None:
    store().setValue(key, value)


def paths(key: str) -> list[str]:
    """File paths kept under ``key``, whatever bytes their names hold (see ``set_paths``)."""
    out = []
    for item in string_list(key):
        if item.startswith('"'):
            try:
                item = json.loads(item)
            except ValueError:
                continue
        out.append(item)
    return out


def set_paths(key: str, values: list[str]) -> None:
    """Paths as JSON strings: a name that is not UTF-8 (its bytes held as surrogate escapes)
    is kept as ASCII escapes, which Qt's settings cannot lose."""
    set_value(key, [json.dumps(str(v)) for v in values])
