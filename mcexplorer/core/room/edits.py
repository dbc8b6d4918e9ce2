"""Edits of the room: participants, their weights, the group method and snapshots.

Each builder takes a Document, validates, and returns an Edit (or, for restoring a snapshot,
a list of edits to push as one step with ``controller.push_many(edits, edits[0].text)``);
nothing changes until the edit is applied. A bad value raises ScenarioError and changes
nothing. Lists are replaced whole (new objects, never mutated in place), as the ecology
tab does for its offerings, so undo restores exactly the list that was there.

Names of participants, and of snapshots, are unique in a scenario (ignoring case), so that a
re-imported person updates their entry and ``FILE#snapshot-name`` finds one snapshot.

No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..edits import Edit
from ..errors import ScenarioError
from ..models import (
    MAX_SNAPSHOTS,
    Framework,
    FrameworkSettings,
    Scenario,
    Snapshot,
    SnapshotSettings,
)
from .models import GROUP_METHODS, MAX_PARTICIPANTS, Participant

if TYPE_CHECKING:
    from ..document import Document
    from ..weighting import Weighting

# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def clean_name(name: object, what: str) -> str:
    """A name with its spaces collapsed; refused when empty or longer than 200 characters."""
    text = " ".join(str(name).split())
    if not text:
        raise ScenarioError("a name cannot be empty", field=f"{what} name")
    if len(text) > 200:
        raise ScenarioError("a name is limited to 200 characters", field=f"{what} name")
    return text


def slug_id(name: str, taken: Iterable[str], fallback: str) -> str:
    """A file id from a name ("Ana María" -> "ana-mar-a"), made unique with -2, -3 ..."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-") or fallback
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _unused_name(stem: str, names: Iterable[str]) -> str:
    used = {n.casefold() for n in names}
    n = 1
    while f"{stem} {n}".casefold() in used:
        n += 1
    return f"{stem} {n}"


def _require_new_name(name: str, names: Iterable[str], what: str, field: str) -> None:
    if name.casefold() in {n.casefold() for n in names}:
        raise ScenarioError(f"a {what} named {name!r} already exists", field=field)


# --------------------------------------------------------------------------------------------
# Participants
# --------------------------------------------------------------------------------------------


def participants_edit(doc: Document, participants: list[Participant], text: str,
                      framework: str = "",
                      merge_key: Hashable | None = None) -> Edit:
    """The one edit every participant change goes through: the whole list replaced."""
    return doc.make_edit(("participants",), participants, text, framework, merge_key)


def find_participant(doc: Document, participant_id: str) -> Participant:
    for p in doc.scenario.participants:
        if p.id == participant_id:
            return p
    raise ScenarioError(f"no participant with id {participant_id!r}", field="participants")


def _index(doc: Document, participant_id: str) -> int:
    find_participant(doc, participant_id)
    return [p.id for p in doc.scenario.participants].index(participant_id)


def add_participant(doc: Document, name: str | None = None, role: str = "",
                    start: Weighting | str | None = None) -> Edit:
    """Add a person ("Participant 3" if no name) with the framework defaults as their weights,
    or, given ``start``, the weights and targets the room is looking at: a newcomer starts
    where the discussion is, not at 50s and H2. ``start`` is a core.weighting Weighting (for
    every framework) or ``IN_VIEW`` (each framework's own weighting in view, core.view)."""
    people = list(doc.scenario.participants)
    if len(people) >= MAX_PARTICIPANTS:
        raise ScenarioError(f"a scenario holds at most {MAX_PARTICIPANTS} participants",
                            field="participants")
    names = [p.name for p in people]
    name = _unused_name("Participant", names) if name is None else clean_name(name, "participant")
    _require_new_name(name, names, "participant", "participant name")
    role = _role(role)
    weights, targets = _starting_point(doc, start) if start is not None else ({}, {})
    person = Participant(id=slug_id(name, (p.id for p in people), "participant"),
                         name=name, role=role, weights=weights, targets=targets)
    return participants_edit(doc, people + [person], f"Add participant {name}")


IN_VIEW = "in view"
"""``add_participant``'s ``start`` for "each framework's weighting in view" (core.view)."""


def _starting_point(doc: Document, start: Weighting | str
                    ) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """Every ranked framework's weights and targets under the weighting ``start``."""
    from .. import view, weighting as W  # they read the room: imported when used

    weights, targets = {}, {}
    for fid, fw in doc.frameworks.items():
        if not fw.ranked or not fw.criteria:
            continue
        w = view.in_view(doc, fid) if isinstance(start, str) else start
        weights[fid] = W.weights(doc, fid, w)
        aimed = W.targets(doc, fid, w)
        if aimed:
            targets[fid] = aimed
    return weights, targets


def added_participant_id(edit: Edit) -> str:
    """The id of the participant an add_participant edit creates."""
    return str(edit.new[-1].id)


def edit_participant(doc: Document, participant_id: str, *, name: str | None = None,
                     role: str | None = None) -> Edit:
    """Rename a participant or change their role (the id stays)."""
    people = list(doc.scenario.participants)
    i = _index(doc, participant_id)
    old = people[i]
    changes: dict[str, Any] = {}
    if name is not None:
        name = clean_name(name, "participant")
        if name.casefold() != old.name.casefold():
            _require_new_name(name, [p.name for p in people], "participant", "participant name")
        changes["name"] = name
    if role is not None:
        changes["role"] = _role(role)
    people[i] = Participant.model_validate({**old.model_dump(), **changes})
    text = f"Rename {old.name} to {name}" if name is not None and name != old.name \
        else f"Edit participant {old.name}"
    return participants_edit(doc, people, text)


def remove_participant(doc: Document, participant_id: str) -> Edit:
    person = find_participant(doc, participant_id)
    people = [p for p in doc.scenario.participants if p.id != participant_id]
    return participants_edit(doc, people, f"Remove participant {person.name}")


def merge_participants(doc: Document, from_id: str, into_id: str) -> Edit:
    """One person entered twice (typed in, and again from a phone): ``into`` stays (its id,
    name and role, and its own weights and targets); a weight or target only ``from`` had is
    kept; ``from`` leaves the room. One undo step."""
    if from_id == into_id:
        raise ScenarioError("pick two different people to merge", field="participants")
    source, target = find_participant(doc, from_id), find_participant(doc, into_id)
    data = target.model_dump()
    for section in ("weights", "targets"):
        for fid, values in getattr(source, section).items():
            own = data[section].setdefault(fid, {})
            for cid, value in values.items():
                own.setdefault(cid, value)
    merged = Participant.model_validate(data)
    people = [merged if p.id == into_id else p for p in doc.scenario.participants
              if p.id != from_id]
    return participants_edit(doc, people, f"Merge {source.name} into {target.name}")


def set_participant_weight(doc: Document, participant_id: str, framework_id: str, criterion_id: str,
                           value: float, gesture: Hashable = None) -> Edit:
    """One person's weight on one criterion; moves of one slider gesture merge."""
    crit, value = doc.checked_weight(framework_id, criterion_id, value)
    person = find_participant(doc, participant_id)
    key = ("participant-weight", participant_id, framework_id, criterion_id, gesture)
    return _set_own(doc, person, "weights", framework_id, criterion_id, value,
                    f"{person.name}: weight of {crit.name}", key)


def set_participant_target(doc: Document, participant_id: str, framework_id: str, criterion_id: str,
                           value: float, gesture: Hashable = None) -> Edit:
    crit, value = doc.checked_target(framework_id, criterion_id, value)
    person = find_participant(doc, participant_id)
    key = ("participant-target", participant_id, framework_id, criterion_id, gesture)
    return _set_own(doc, person, "targets", framework_id, criterion_id, value,
                    f"{person.name}: target {crit.name}", key)


def _set_own(doc: Document, person: Participant, section: str, framework_id: str, criterion_id: str,
             value: float, text: str, key: Hashable) -> Edit:
    data = person.model_dump()
    data[section].setdefault(framework_id, {})[criterion_id] = value
    people = list(doc.scenario.participants)
    people[_index(doc, person.id)] = Participant.model_validate(data)
    return participants_edit(doc, people, text, framework_id, key)


def set_group_method(doc: Document, method: str) -> Edit:
    """Median or mean: how the participants' weights combine."""
    if method not in GROUP_METHODS:
        raise ScenarioError(f"unknown method {method!r} (known: {', '.join(GROUP_METHODS)})",
                            field="group.method")
    return doc.make_edit(("group", "method"), method, f"Group weighting: {method}", "")


def _role(role: object) -> str:
    text = " ".join(str(role).split())
    if len(text) > 200:
        raise ScenarioError("a role is limited to 200 characters", field="participant role")
    return text


# --------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------


def state_of(scenario: Scenario) -> SnapshotSettings:
    """A copy of what a snapshot keeps of the scenario: per-framework settings (weights,
    targets, edited ratings, radar selection), the participants and the group method."""
    return SnapshotSettings(
        frameworks={k: v.model_copy(deep=True) for k, v in scenario.frameworks.items()},
        participants=[p.model_copy(deep=True) for p in scenario.participants],
        group=scenario.group.model_copy(deep=True),
    )


def snapshots_edit(doc: Document, snapshots: list[Snapshot], text: str) -> Edit:
    return doc.make_edit(("snapshots",), snapshots, text, "")


def find_snapshot(doc: Document, ref: str) -> Snapshot:
    """A snapshot by id, else by name (ignoring case)."""
    return pick_snapshot(doc.scenario.snapshots, ref)


def _same_name(name: str) -> str:
    """A name as compared: spaces of any kind and runs of them as one space, any case."""
    return " ".join(name.split()).casefold()


def pick_snapshot(snapshots: list[Snapshot], ref: str, file: str | None = None) -> Snapshot:
    for s in snapshots:
        if s.id == ref:
            return s
    wanted = _same_name(ref)
    for s in snapshots:  # a name from a file may hold runs of spaces, tabs, no-break spaces
        if _same_name(s.name) == wanted:
            return s
    known = ", ".join(repr(s.name) for s in snapshots)
    raise ScenarioError(f"no snapshot named {ref!r} "
                        f"({'snapshots: ' + known if known else 'the file has no snapshots'})",
                        file=file, field="snapshots")


def take_snapshot(doc: Document, name: str | None = None, now: datetime | None = None) -> Edit:
    """Keep the current weights, targets, edited ratings, radar picks, participants and group
    method under a name ("Snapshot 2" if none is given)."""
    snaps = list(doc.scenario.snapshots)
    if len(snaps) >= MAX_SNAPSHOTS:
        raise ScenarioError(f"a scenario keeps at most {MAX_SNAPSHOTS} snapshots; "
                            "delete one first", field="snapshots")
    names = [s.name for s in snaps]
    name = _unused_name("Snapshot", names) if name is None else clean_name(name, "snapshot")
    _require_new_name(name, names, "snapshot", "snapshot name")
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    snap = Snapshot(id=slug_id(name, (s.id for s in snaps), "snapshot"), name=name,
                    created=created, settings=state_of(doc.scenario))
    return snapshots_edit(doc, snaps + [snap], f"Take snapshot {name}")


def added_snapshot_id(edit: Edit) -> str:
    return str(edit.new[-1].id)


def rename_snapshot(doc: Document, snapshot_id: str, name: str) -> Edit:
    old = find_snapshot(doc, snapshot_id)
    name = clean_name(name, "snapshot")
    if name.casefold() != old.name.casefold():
        _require_new_name(name, [s.name for s in doc.scenario.snapshots], "snapshot",
                          "snapshot name")
    snaps = [s.model_copy(update={"name": name}) if s.id == old.id else s
             for s in doc.scenario.snapshots]
    return snapshots_edit(doc, snaps, f"Rename snapshot {old.name} to {name}")


def delete_snapshot(doc: Document, snapshot_id: str) -> Edit:
    old = find_snapshot(doc, snapshot_id)
    snaps = [s for s in doc.scenario.snapshots if s.id != old.id]
    return snapshots_edit(doc, snaps, f"Delete snapshot {old.name}")


def restore_snapshot(doc: Document, snapshot_id: str) -> list[Edit]:
    """Put the snapshot's settings back (frameworks, participants, group method); the
    portfolio, the initiatives and the other snapshots stay as they are. One undo step:
    push the list with ``controller.push_many(edits, edits[0].text)``."""
    snap = find_snapshot(doc, snapshot_id)
    text = f"Restore snapshot {snap.name}"
    kept = snap.settings
    frameworks = {}
    for fid, current in doc.scenario.frameworks.items():
        settings = kept.frameworks.get(fid, current).model_copy(deep=True)
        fw = doc.frameworks.get(fid)
        if fw is not None:
            _fill_defaults(fw, settings)
        frameworks[fid] = settings
    return [
        doc.make_edit(("frameworks",), frameworks, text, ""),
        participants_edit(doc, [p.model_copy(deep=True) for p in kept.participants], text),
        doc.make_edit(("group",), kept.group.model_copy(deep=True), text, ""),
    ]


def _fill_defaults(fw: Framework, settings: FrameworkSettings) -> None:
    """As Document.reset does: every criterion has a weight, every target criterion a target."""
    for c in fw.criteria:
        settings.weights.setdefault(c.id, c.default_weight)
        if c.direction == "target" and c.default_target is not None:
            settings.targets.setdefault(c.id, c.default_target)
