"""A framework's structure and notes changed in a scenario, as edits (each change one undo
step: the Qt layer pushes the list with ``push_many``).

A changed framework is carried in the scenario's ``definitions`` (a redefinition of a
built-in framework, or the planner's own framework); the files in resources/ are never
touched. A change of structure is up to three groups of edits, applied in this order:

1. the framework's settings gain what the new definition needs (weights and targets of new
   criteria);
2. the definition changes (core.document then rebuilds its frameworks);
3. the settings, the participants and the snapshots lose what referred to removed options
   or criteria.

So at every step, forwards and (undone in reverse) backwards, the settings hold everything
the current definition needs; the extra entries between steps are ignored by scoring.
A framework that names an extension must keep the ids the extension needs: the change is
refused (ScenarioError) before anything is built. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mcexplorer.core.document import Document
from mcexplorer.core.edits import MISSING, Edit, copy_value
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.extensions import check_frameworks
from mcexplorer.core.models import Criterion, Framework, FrameworkSettings, Option, Snapshot
from mcexplorer.core.resources import builtin_frameworks
from mcexplorer.core.room.models import Participant
from mcexplorer.core.values import unique_id

from . import building
from .user_folder import definitions_limit

MAX_NOTE = 4000


# -- structure --------------------------------------------------------------------------------


def redefine(doc: Document, framework_id: str, new: Framework | None, text: str) -> list[Edit]:
    """Edits that make ``new`` the scenario's definition of ``framework_id``; ``None`` drops
    the scenario's definition (a built-in framework goes back to its file, the planner's own
    framework goes away). Refused (ScenarioError, nothing built) when the extension the
    framework names would lose an id it needs, or the scenario would carry too many."""
    if new is not None and new.id != framework_id:
        raise ScenarioError(f"the definition's id {new.id!r} is not {framework_id!r}")
    builtin = builtin_frameworks().get(framework_id)
    old_defs = list(doc.scenario.definitions)
    new_defs = [fw for fw in old_defs if fw.id != framework_id]
    if new is not None and new != builtin:
        at = next((i for i, fw in enumerate(old_defs) if fw.id == framework_id), len(new_defs))
        new_defs.insert(at, new)
    if len(new_defs) > definitions_limit():
        raise ScenarioError(f"a scenario carries at most {definitions_limit()} frameworks of "
                            "its own or changed; remove one first", field="definitions")
    result = new if new is not None else builtin
    frameworks = {**doc.frameworks}
    frameworks.pop(framework_id, None)
    if result is not None:
        frameworks[framework_id] = result
        check_frameworks(frameworks)
    if new_defs == old_defs:
        return []

    scenario = doc.scenario
    current = scenario.frameworks.get(framework_id)
    before = _value(current)
    union = _value(_with_defaults(current, result))
    pruned = _value(_pruned(_with_defaults(current, result), result))
    edits: list[Edit] = []
    path = ("frameworks", framework_id)
    if union != before:
        edits.append(Edit(path, copy_value(before), copy_value(union), text, framework_id))
    # Frameworks are read-only values: the lists are copied, not each framework (the
    # Document copies what it applies).
    edits.append(Edit(("definitions",), old_defs, new_defs, text, framework_id))
    if pruned != union:
        edits.append(Edit(path, copy_value(union), copy_value(pruned), text, framework_id))
    participants = [_pruned_person(p, framework_id, result) for p in scenario.participants]
    if participants != scenario.participants:
        edits.append(Edit(("participants",), copy_value(scenario.participants), participants,
                          text, ""))
    snapshots = [_pruned_snapshot(s, framework_id, result) for s in scenario.snapshots]
    if snapshots != scenario.snapshots:
        edits.append(Edit(("snapshots",), copy_value(scenario.snapshots), snapshots, text, ""))
    return edits


def add_framework(doc: Document, fw: Framework) -> list[Edit]:
    """Edits that add the planner's own framework (its id must be free: see free_id)."""
    if fw.id in doc.frameworks:
        raise ScenarioError(f"framework id {fw.id!r} is already used in this scenario")
    return redefine(doc, fw.id, fw, f"Add framework {fw.title}")


def free_id(doc: Document, fw: Framework) -> Framework:
    """``fw``, or a copy under an id no framework of the scenario uses (``mine-2``)."""
    if fw.id not in doc.frameworks:
        return fw
    return fw.model_copy(update={"id": unique_id(fw.id[:60], doc.frameworks)})


def add_option(doc: Document, framework_id: str, name: str,
               ratings: Mapping[str, float] | None = None, description: str = "") -> list[Edit]:
    fw = doc.framework(framework_id)
    new = building.with_option(fw, name, ratings, description=description)
    return redefine(doc, framework_id, new, f"Add option {new.options[-1].name}")


def remove_option(doc: Document, framework_id: str, option_id: str) -> list[Edit]:
    fw = doc.framework(framework_id)
    name = _name(fw.options, option_id)
    return redefine(doc, framework_id, building.without_option(fw, option_id),
                    f"Remove option {name}")


def add_criterion(doc: Document, framework_id: str, criterion: Criterion,
                  ratings: Mapping[str, float] | None = None) -> list[Edit]:
    fw = doc.framework(framework_id)
    new = building.with_criterion(fw, criterion, ratings)
    return redefine(doc, framework_id, new, f"Add criterion {criterion.name}")


def remove_criterion(doc: Document, framework_id: str, criterion_id: str) -> list[Edit]:
    fw = doc.framework(framework_id)
    name = _name(fw.criteria, criterion_id)
    return redefine(doc, framework_id, building.without_criterion(fw, criterion_id),
                    f"Remove criterion {name}")


def is_redefined(doc: Document, framework_id: str) -> bool:
    """True when the scenario carries its own definition of the framework."""
    return any(fw.id == framework_id for fw in doc.scenario.definitions)


def is_builtin(framework_id: str) -> bool:
    return framework_id in builtin_frameworks()


# -- ratings: notes and resets --------------------------------------------------------------


def rating_note(doc: Document, framework_id: str, option_id: str, criterion_id: str) -> str:
    return doc.settings(framework_id).rating_notes.get(option_id, {}).get(criterion_id, "")


def set_rating_note(doc: Document, framework_id: str, option_id: str, criterion_id: str,
                    text: str) -> Edit:
    """The planner's note on why a rating is what it is; empty text removes it."""
    fw = doc.framework(framework_id)
    opt_name = _name(fw.options, option_id)
    crit_name = _name(fw.criteria, criterion_id)
    text = text.strip()
    if len(text) > MAX_NOTE:
        raise ScenarioError(f"a note is limited to {MAX_NOTE} characters",
                            field=f"note {option_id}:{criterion_id}")
    notes = dict(doc.settings(framework_id).rating_notes.get(option_id, {}))
    if text:
        notes[criterion_id] = text
    else:
        notes.pop(criterion_id, None)
    return doc.make_edit(("frameworks", framework_id, "rating_notes", option_id),
                         notes if notes else MISSING, f"Note on {opt_name} / {crit_name}",
                         framework_id)


def reset_rating(doc: Document, framework_id: str, option_id: str,
                 criterion_id: str) -> list[Edit]:
    """Back to the default: the edited value and the note on it go."""
    edits = [doc.set_rating(framework_id, option_id, criterion_id, None)]
    if rating_note(doc, framework_id, option_id, criterion_id):
        edits.append(set_rating_note(doc, framework_id, option_id, criterion_id, ""))
    return edits


def reset_all_ratings(doc: Document, framework_id: str) -> list[Edit]:
    """Every edited rating of the framework, and every note, back to the defaults."""
    settings = doc.settings(framework_id)
    edits = []
    if settings.rating_overrides:
        edits.append(doc.make_edit(("frameworks", framework_id, "rating_overrides"), {},
                                   "Reset all ratings", framework_id))
    if settings.rating_notes:
        edits.append(doc.make_edit(("frameworks", framework_id, "rating_notes"), {},
                                   "Reset all ratings", framework_id))
    return edits


def saved_framework(doc: Document, framework_id: str) -> Framework:
    """What "Save framework as" writes: the framework with the planner's edits applied."""
    return building.effective_framework(doc.framework(framework_id),
                                        doc.settings(framework_id))


# -- keeping the scenario's other sections in step -------------------------------------------


def _with_defaults(settings: FrameworkSettings | None, fw: Framework | None
                   ) -> FrameworkSettings | None:
    """The settings plus a default weight (and target) for every criterion they lack."""
    if fw is None:
        return settings
    out = settings.model_copy(deep=True) if settings is not None else FrameworkSettings()
    for c in fw.criteria:
        out.weights.setdefault(c.id, c.default_weight)
        if c.direction == "target" and c.default_target is not None:
            out.targets.setdefault(c.id, c.default_target)
    return out


def _on_scale(c: Criterion | None, value: float) -> bool:
    return c is not None and c.scale[0] <= value <= c.scale[1]


def _pruned(settings: FrameworkSettings | None, fw: Framework | None
            ) -> FrameworkSettings | None:
    """The settings without what refers to options or criteria ``fw`` does not have."""
    if settings is None or fw is None:
        return None
    crit = {c.id: c for c in fw.criteria}
    options = {o.id for o in fw.options}
    out = settings.model_copy(deep=True)
    out.weights = {k: v for k, v in out.weights.items() if k in crit}
    out.targets = {k: v for k, v in out.targets.items()
                   if k in crit and crit[k].direction == "target" and _on_scale(crit[k], v)}
    out.rating_overrides = {
        o: kept for o, row in out.rating_overrides.items() if o in options
        for kept in [{k: v for k, v in row.items() if _on_scale(crit.get(k), v)}] if kept}
    out.rating_notes = {
        o: kept for o, row in out.rating_notes.items() if o in options
        for kept in [{k: v for k, v in row.items() if k in crit}] if kept}
    if out.selected is not None:
        out.selected = [o for o in out.selected if o in options]
    return out


def _pruned_person(person: Participant, framework_id: str,
                   fw: Framework | None) -> Participant:
    """A participant without weights or targets on criteria ``fw`` does not have."""
    if framework_id not in person.weights and framework_id not in person.targets:
        return person
    crit = {c.id: c for c in fw.criteria} if fw is not None else {}
    weights = dict(person.weights)
    targets = dict(person.targets)
    if framework_id in weights:
        kept = {k: v for k, v in weights.pop(framework_id).items() if k in crit}
        if kept:
            weights[framework_id] = kept
    if framework_id in targets:
        kept = {k: v for k, v in targets.pop(framework_id).items()
                if k in crit and crit[k].direction == "target" and _on_scale(crit[k], v)}
        if kept:
            targets[framework_id] = kept
    return person.model_copy(update={"weights": weights, "targets": targets}, deep=True)


def _pruned_snapshot(snapshot: Snapshot, framework_id: str,
                     fw: Framework | None) -> Snapshot:
    settings = snapshot.settings
    frameworks = dict(settings.frameworks)
    if framework_id in frameworks:
        kept = _pruned(frameworks.pop(framework_id), fw)
        if kept is not None:
            frameworks[framework_id] = kept
    people = [_pruned_person(p, framework_id, fw) for p in settings.participants]
    if frameworks == settings.frameworks and people == settings.participants:
        return snapshot
    return snapshot.model_copy(update={"settings": settings.model_copy(
        update={"frameworks": frameworks, "participants": people})}, deep=True)


def _value(settings: FrameworkSettings | None) -> object:
    return MISSING if settings is None else settings


def _name(items: Iterable[Criterion | Option], item_id: str) -> str:
    for item in items:
        if item.id == item_id:
            return item.name
    raise ScenarioError(f"unknown id {item_id!r}")
