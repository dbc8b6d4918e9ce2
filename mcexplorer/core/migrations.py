"""Scenario file migrations: plain functions from schema version N to N+1.

MIGRATIONS[n] takes the parsed JSON of a version-n file (a dict) and returns the version n+1
dict. The loader applies them in order and reports each one. Version 1 is the first released
format, so there is nothing to migrate yet; when the format changes, bump SCHEMA_VERSION in
models.py, add MIGRATIONS[old] here, and keep the old default file under tests/data/.
"""

from __future__ import annotations

from collections.abc import Callable

Migration = Callable[[dict], dict]

MIGRATIONS: dict[int, Migration] = {}
