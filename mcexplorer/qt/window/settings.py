"""Every QSettings key the app uses, in one versioned place (as Orange3 versions settings).

``store()`` opens the settings and migrates them from an older layout: a key that changed
meaning is dropped rather than misread. Tests point QSettings at a temporary folder.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

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


def store() -> QSettings:
    """The app's settings, migrated to VERSION."""
    settings = QSettings()
    try:
        version = int(settings.value(VERSION_KEY, 0))
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
    return [str(v) for v in (value or [])]


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
