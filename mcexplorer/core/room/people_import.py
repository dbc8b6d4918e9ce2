"""Bring people into the room from their own scenario files.

Each person saves their weighting as an ordinary scenario file (``mcexplorer new``, then the
sliders); the facilitator imports the files. Only the weights and targets are taken; the
title, notes, edited ratings, portfolio, initiatives and anything else are ignored. A file is
refused, with one line naming it and the reason, when it is not a valid scenario or when it
was made for a different framework set: it knows a framework, or a criterion, that the room's
scenario does not. A criterion the person's file lacks takes the framework's default.

Who a file is: the name given, else the file's name without ".json" (alice.json -> alice).
A person whose name is already in the room (ignoring case) is updated, not added twice, so
importing a corrected file again replaces that person's weights. Two files in one import that
would get the same name are refused. Nothing changes unless every file is accepted.

No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ScenarioError
from ..io import save_scenario
from ..models import Framework, Scenario
from ..resources import all_frameworks
from ..validation import load_scenario
from .checks import check
from .edits import clean_name, participants_edit, slug_id
from .models import MAX_PARTICIPANTS, Participant

if TYPE_CHECKING:
    from ..document import Document
    from ..edits import Edit

PathLike = str | os.PathLike[str]


@dataclass
class ImportResult:
    participants: list[Participant]
    """The room after the import (existing people first, in their order, then the new)."""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def summary(self, target: str) -> str:
        """One line for the command line."""
        parts = []
        if self.added:
            parts.append(f"added {_count(self.added)} ({', '.join(self.added)})")
        if self.updated:
            parts.append(f"updated {_count(self.updated)} ({', '.join(self.updated)})")
        return f"{target}: {'; '.join(parts) or 'nothing to import'}"


def _count(names: list[str]) -> str:
    return f"{len(names)} participant{'s' if len(names) != 1 else ''}"


def person_from_scenario(person: Scenario, frameworks: Mapping[str, Framework], name: str,
                         file: str) -> Participant:
    """One person's weights and targets from their scenario, checked against ``frameworks``
    (the room's). The id is provisional: merge_people makes it unique in the room."""
    for fid, fw in all_frameworks(person).items():
        room_fw = frameworks.get(fid)
        if room_fw is None:
            raise ScenarioError(
                "a file for a different framework set: this framework is not in the room's "
                f"scenario (known: {', '.join(frameworks)})", file=file, field=f"framework {fid}")
        known = {c.id for c in room_fw.criteria}
        for c in fw.criteria:
            if c.id not in known:
                raise ScenarioError(
                    f"a file for a different framework set: criterion {c.id!r} is not in the "
                    "room's scenario", file=file, field=f"framework {fid}")
    weights: dict[str, dict[str, float]] = {}
    targets: dict[str, dict[str, float]] = {}
    for fid, settings in person.frameworks.items():
        if settings.weights:
            weights[fid] = dict(settings.weights)
        if settings.targets:
            targets[fid] = dict(settings.targets)
    return Participant(id=slug_id(name, (), "participant"), name=name, weights=weights,
                       targets=targets)


def people_from_files(paths: Sequence[PathLike], frameworks: Mapping[str, Framework],
                      names: Sequence[str] | None = None) -> list[Participant]:
    """Read each person's file (any schema version) and take their weights and targets."""
    if names is not None and len(names) != len(paths):
        raise ScenarioError(f"give one name per file ({len(names)} names for "
                            f"{len(paths)} files)", field="names")
    people: list[Participant] = []
    seen: dict[str, str] = {}
    for i, path in enumerate(paths):
        file = str(path)
        raw = names[i] if names is not None else Path(path).stem[:200]
        try:
            name = clean_name(raw, "participant")
        except ScenarioError as exc:
            raise ScenarioError(exc.problem, file=file, field=exc.field) from None
        key = name.casefold()
        if key in seen:
            raise ScenarioError(f"{seen[key]} and this file would both be named {name!r}; "
                                "import them one at a time with a name each", file=file)
        seen[key] = file
        person, _ = load_scenario(path)
        people.append(person_from_scenario(person, frameworks, name, file))
    return people


def merge_people(existing: Sequence[Participant],
                 incoming: Sequence[Participant]) -> ImportResult:
    """The room with ``incoming`` added; someone already there by name gets the new weights
    and targets (keeping their id and role). Refused above MAX_PARTICIPANTS."""
    room = [p.model_copy(deep=True) for p in existing]
    by_name = {p.name.casefold(): i for i, p in enumerate(room)}
    result = ImportResult(room)
    for person in incoming:
        i = by_name.get(person.name.casefold())
        if i is not None:
            room[i] = room[i].model_copy(update={"weights": dict(person.weights),
                                                 "targets": dict(person.targets)}, deep=True)
            result.updated.append(room[i].name)
            continue
        new_id = slug_id(person.name, (p.id for p in room), "participant")
        room.append(person.model_copy(update={"id": new_id}, deep=True))
        by_name[person.name.casefold()] = len(room) - 1
        result.added.append(person.name)
    if len(room) > MAX_PARTICIPANTS:
        raise ScenarioError(f"a scenario holds at most {MAX_PARTICIPANTS} participants "
                            f"({len(room)} after this import)", field="participants")
    return result


def import_participants(doc: Document, paths: Sequence[PathLike],
                        names: Sequence[str] | None = None) -> Edit:
    """In the app: one undoable edit adding (or updating) the people in ``paths``."""
    people = people_from_files(paths, doc.frameworks, names)
    result = merge_people(doc.scenario.participants, people)
    n = len(result.added) + len(result.updated)
    text = f"Import {n} participant{'s' if n != 1 else ''}"
    return participants_edit(doc, result.participants, text)


def add_participants_to_file(scenario_path: PathLike, person_paths: Sequence[PathLike],
                             name: str | None = None) -> ImportResult:
    """``mcexplorer participants add SCENARIO PERSON.json... [--name NAME]``: import the
    people into the scenario file and save it atomically, the previous version kept as
    SCENARIO.bak. A refused person file leaves the scenario file untouched."""
    if not person_paths:
        raise ScenarioError("name at least one PERSON file", field="participants add")
    if name is not None and len(person_paths) != 1:
        raise ScenarioError(f"--name names one person; {len(person_paths)} PERSON files given",
                            field="--name")
    file = str(scenario_path)
    scenario, _ = load_scenario(scenario_path)
    people = people_from_files(person_paths, all_frameworks(scenario),
                               None if name is None else [name])
    try:
        result = merge_people(scenario.participants, people)
    except ScenarioError as exc:
        raise ScenarioError(exc.problem, file=file, field=exc.field) from None
    scenario.participants = result.participants
    check(scenario, file)
    save_scenario(scenario_path, scenario, backup=True)
    return result
