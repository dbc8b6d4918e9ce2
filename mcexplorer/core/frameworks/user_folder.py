"""The user's own frameworks folder: framework files dropped there appear at start-up.

Each ``*.json`` file is validated on its own: a broken one is reported in one line and
skipped, the others load. A file whose id is already taken (by a built-in framework or by an
earlier file, in name order) is reported and skipped too. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mcexplorer.core.errors import ScenarioError, shown_path
from mcexplorer.core.extensions import check_frameworks
from mcexplorer.core.io import atomic_write
from mcexplorer.core.models import Framework, FrameworkSettings, Scenario
from mcexplorer.core.paths import data_dir

from .files import framework_from_json, framework_payload


def user_frameworks_dir() -> Path:
    """Where the user's frameworks live: ``frameworks/`` in the app's user data folder."""
    return data_dir() / "frameworks"


def load_user_frameworks(folder: Path | None = None, *, taken: Iterable[str] | None = None
                         ) -> tuple[list[Framework], list[str]]:
    """The valid frameworks in ``folder`` (default: user_frameworks_dir()), in file-name
    order, and one line per file skipped.

    ``taken`` are ids already in use; by default the built-in frameworks' ids, so a user file
    cannot silently replace a built-in one. A missing folder is simply empty; a file in its
    place gives a note.
    """
    folder = user_frameworks_dir() if folder is None else Path(folder)
    if taken is None:
        from mcexplorer.core.resources import builtin_frameworks

        taken = builtin_frameworks()
    reserved = set(taken)
    try:
        if not folder.is_dir():
            if os.path.lexists(folder):  # a file (or a dangling link) where the folder goes
                return [], [f"{shown_path(folder)}: is not a folder, so no frameworks of your "
                            "own were read from it (move it away to use the folder)"]
            return [], []
        paths = sorted((p for p in folder.iterdir()
                        if p.suffix.lower() == ".json" and not p.name.startswith(".")),
                       key=lambda p: p.name.lower())
    except OSError as exc:
        return [], [f"{shown_path(folder)}: cannot read the folder ({exc.strerror or exc})"]
    loaded: list[Framework] = []
    problems: list[str] = []
    owners: dict[str, Path] = {}
    for path in paths:
        try:
            fw = framework_from_json(path)
        except ScenarioError as exc:
            problems.append(f"{exc.message}; skipped")
            continue
        if fw.id in owners:
            problems.append(f"{path}: framework id {fw.id!r} is already used by "
                            f"{owners[fw.id].name}; skipped")
            continue
        if fw.id in reserved:
            problems.append(f"{path}: framework id {fw.id!r} belongs to a built-in framework "
                            "(give the file an id of its own); skipped")
            continue
        owners[fw.id] = path
        loaded.append(fw)
    return loaded, problems


def install_user_framework(fw: Framework, folder: Path | None = None, *,
                           overwrite: bool = False) -> Path:
    """Write ``fw`` as ``<id>.json`` in the user's frameworks folder (atomically), so it
    appears at the next start-up. Refuses to replace an existing file unless ``overwrite``."""
    folder = user_frameworks_dir() if folder is None else Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScenarioError(f"cannot create the folder ({exc.strerror or exc})",
                            file=str(folder)) from None
    path = folder / f"{fw.id}.json"
    if path.exists() and not overwrite:
        raise ScenarioError("a framework file with this id is already there", file=str(path))
    atomic_write(path, framework_payload(fw, str(path)))
    return path


def definitions_limit() -> int:
    """How many frameworks a scenario can carry (Scenario.definitions' own max_length)."""
    for meta in Scenario.model_fields["definitions"].metadata:
        if getattr(meta, "max_length", None) is not None:
            return int(meta.max_length)
    raise AssertionError("Scenario.definitions has no max_length")  # pragma: no cover


def carry_frameworks(scenario: Scenario, frameworks: Iterable[Framework]
                     ) -> tuple[Scenario, list[str]]:
    """The scenario carrying, in its definitions, each of ``frameworks`` it does not have yet
    (with default settings), so that a colleague who opens the saved file sees them too; and
    one line per framework that could not be added (as many carried as a scenario holds, or
    an extension another framework names). Frameworks the scenario has are left as they are.
    """
    from mcexplorer.core.resources import all_frameworks

    limit = definitions_limit()
    present = all_frameworks(scenario)
    definitions = list(scenario.definitions)
    settings = dict(scenario.frameworks)
    problems: list[str] = []
    for fw in frameworks:
        if fw.id in present:
            continue
        if len(definitions) >= limit:
            problems.append(f"{fw.title} ({fw.id}): the scenario already carries {limit} "
                            "frameworks; not added")
            continue
        try:
            check_frameworks({**present, fw.id: fw})
        except ScenarioError as exc:
            problems.append(f"{fw.title} ({fw.id}): {exc.problem}; skipped")
            continue
        present[fw.id] = fw
        definitions.append(fw)
        settings[fw.id] = FrameworkSettings(
            weights={c.id: c.default_weight for c in fw.criteria},
            targets={c.id: c.default_target for c in fw.criteria
                     if c.direction == "target" and c.default_target is not None})
    if len(definitions) == len(scenario.definitions):
        return scenario, problems
    return scenario.model_copy(update={"definitions": definitions, "frameworks": settings}), \
        problems
