"""The open scenario: its frameworks, its revisions, its derived values, and the edits that
change it.

Every change to a scenario is an Edit (core.edits) with an inverse, applied through
Document.apply. Edits are built by the Document's ``set_*`` methods (and by feature packages
through ``make_edit``), which validate the new value and capture the old one; a bad value
raises ScenarioError and changes nothing. Each applied edit gives its path a fresh revision
(core.derived); values derived from the scenario are cached once, in ``derived``, by the
revisions of the paths they read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any

from .base import WEIGHT_MAX
from .derived import Derived, Revisions, Stamp
from .edits import MISSING, Edit, Path, copy_value, get_path, set_path
from .errors import ScenarioError, finite_number
from .extensions import framework_with
from .models import Criterion, Framework, FrameworkSettings, Scenario
from .resources import all_frameworks, default_scenario
from .scoring import Ranking, UtilityTable, rank, utility_table
from .validation import check_scenario

Listener = Callable[[Edit | None], None]


class Document:
    """The scenario being worked on, its frameworks, its revisions and derived values."""

    def __init__(self, scenario: Scenario | None = None) -> None:
        self._listeners: list[Listener] = []
        self.revisions = Revisions()
        """The revision of every path (core.derived): an edit bumps its path, undo puts back."""
        self.derived = Derived(self.revisions)
        """Values derived from this document (fits, rankings, How sure, the strategy, the
        room's spread), each kept under the revisions of the paths it reads."""
        self.scenario = default_scenario() if scenario is None else scenario
        self.frameworks: dict[str, Framework] = {}
        self.reset(self.scenario)

    # -- whole-scenario changes (not undoable: New and Open clear the history) --------------

    def reset(self, scenario: Scenario) -> None:
        check_scenario(scenario)
        self.scenario = scenario
        self.frameworks = all_frameworks(scenario)
        for fid, fw in self.frameworks.items():
            settings = scenario.frameworks.setdefault(fid, FrameworkSettings())
            for c in fw.criteria:
                settings.weights.setdefault(c.id, c.default_weight)
                if c.direction == "target" and c.default_target is not None:
                    settings.targets.setdefault(c.id, c.default_target)
        self.revisions.everything()
        self._notify(None)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # -- reading ----------------------------------------------------------------------------

    def framework(self, framework_id: str) -> Framework:
        try:
            return self.frameworks[framework_id]
        except KeyError:
            raise ScenarioError(f"unknown framework {framework_id!r}") from None

    def framework_for(self, extension_id: str) -> str | None:
        """The id of the framework that names ``extension_id`` (see core.extensions)."""
        return framework_with(self.frameworks, extension_id)

    def settings(self, framework_id: str) -> FrameworkSettings:
        self.framework(framework_id)
        return self.scenario.frameworks[framework_id]

    def weight(self, framework_id: str, criterion_id: str) -> float:
        return self.settings(framework_id).weights[criterion_id]

    def target(self, framework_id: str, criterion_id: str) -> float:
        return self.settings(framework_id).targets[criterion_id]

    @property
    def revision(self) -> int:
        """The scenario's revision: a new number after every edit; undo puts the old one back."""
        return self.revisions.current

    def revision_of(self, *paths: Path) -> tuple[int, ...]:
        """The revisions of ``paths``: equal exactly while nothing at or under them changed."""
        return self.revisions.of_all(paths)

    def ranking(self, framework_id: str) -> Ranking:
        """The ranking under the framework's own weights, computed once per revision of its
        weights, targets, edited ratings and definition."""
        paths = [*table_paths(framework_id), ("frameworks", framework_id, "weights")]
        return self.derived.get(("ranking", framework_id), paths, lambda: rank(
            self.framework(framework_id), self.utility_table(framework_id),
            self.settings(framework_id).weights))

    def utility_table(self, framework_id: str) -> UtilityTable:
        """Utilities under the framework's current targets and edited ratings, computed once
        per revision of those (a weight change reuses it: pass it on as ``table=``)."""
        s = self.settings(framework_id)
        return self.derived.get(("table", framework_id), table_paths(framework_id),
                                lambda: utility_table(self.framework(framework_id), s.targets,
                                                      s.rating_overrides))

    def rating(self, framework_id: str, option_id: str, criterion_id: str) -> float:
        override = self.settings(framework_id).rating_overrides.get(option_id, {})
        if criterion_id in override:
            return override[criterion_id]
        return self.framework(framework_id).option(option_id).ratings[criterion_id].value

    def is_rating_edited(self, framework_id: str, option_id: str, criterion_id: str) -> bool:
        return criterion_id in self.settings(framework_id).rating_overrides.get(option_id, {})

    def radar_options(self, framework_id: str) -> list[str]:
        """The options shown on the radar: the planner's pick, else the top three by fit."""
        selected = self.settings(framework_id).selected
        if selected is not None:
            return list(selected)
        return self.ranking(framework_id).top(3)

    # -- building edits (validated; nothing changes until apply) ---------------------------

    def checked_weight(self, framework_id: str, criterion_id: str,
                       value: object) -> tuple[Criterion, float]:
        """The criterion and ``value`` as a weight (0-100), or a ScenarioError naming it."""
        crit = self.criterion(framework_id, criterion_id)
        number = finite_number(value, f"weight of {crit.name}")
        if not 0.0 <= number <= WEIGHT_MAX:
            raise ScenarioError(f"{number:g} is outside 0-{WEIGHT_MAX:g}",
                                field=f"weight {framework_id}:{criterion_id}")
        return crit, number

    def checked_target(self, framework_id: str, criterion_id: str,
                       value: object) -> tuple[Criterion, float]:
        """The criterion and ``value`` as a target on its scale, or a ScenarioError."""
        crit = self.criterion(framework_id, criterion_id)
        if crit.direction != "target":
            raise ScenarioError("not a target criterion", field=f"{framework_id}:{criterion_id}")
        number = finite_number(value, f"target {crit.name}")
        lo, hi = crit.scale
        if not lo <= number <= hi:
            raise ScenarioError(f"{number:g} is outside the scale [{lo:g}, {hi:g}]",
                                field=f"target {framework_id}:{criterion_id}")
        return crit, number

    def set_weight(self, framework_id: str, criterion_id: str, value: float,
                   gesture: Hashable = None) -> Edit:
        crit, value = self.checked_weight(framework_id, criterion_id, value)
        path = ("frameworks", framework_id, "weights", criterion_id)
        return self.make_edit(path, value, f"Weight of {crit.name}", framework_id,
                          ("weight", framework_id, criterion_id, gesture))

    def set_target(self, framework_id: str, criterion_id: str, value: float,
                   gesture: Hashable = None) -> Edit:
        crit, value = self.checked_target(framework_id, criterion_id, value)
        path = ("frameworks", framework_id, "targets", criterion_id)
        return self.make_edit(path, value, f"Target {crit.name}", framework_id,
                          ("target", framework_id, criterion_id, gesture))

    def set_rating(self, framework_id: str, option_id: str, criterion_id: str,
                   value: float | None) -> Edit:
        """Edit one rating; None resets it to the framework's default."""
        crit = self.criterion(framework_id, criterion_id)
        fw = self.framework(framework_id)
        try:
            option = fw.option(option_id)
        except KeyError:
            raise ScenarioError(f"unknown option {option_id!r}", field=framework_id) from None
        overrides = dict(self.settings(framework_id).rating_overrides.get(option_id, {}))
        if value is None:
            overrides.pop(criterion_id, None)
            text = f"Reset rating {option.label} / {crit.label}"
        else:
            value = finite_number(value, f"rating {option.label} / {crit.label}")
            lo, hi = crit.scale
            if not lo <= value <= hi:
                raise ScenarioError(f"{value:g} is outside the scale [{lo:g}, {hi:g}]",
                                    field=f"rating {option_id}:{criterion_id}")
            if math.isclose(value, option.ratings[criterion_id].value):
                overrides.pop(criterion_id, None)
            else:
                overrides[criterion_id] = value
            text = f"Rating {option.label} / {crit.label}"
        path = ("frameworks", framework_id, "rating_overrides", option_id)
        return self.make_edit(path, overrides if overrides else MISSING, text, framework_id)

    def set_selection(self, framework_id: str, option_ids: list[str] | None) -> Edit:
        fw = self.framework(framework_id)
        if option_ids is not None:
            known = {o.id for o in fw.options}
            for oid in option_ids:
                if oid not in known:
                    raise ScenarioError(f"unknown option {oid!r}", field=f"{framework_id}.selected")
            option_ids = [o.id for o in fw.options if o.id in set(option_ids)]
        path = ("frameworks", framework_id, "selected")
        return self.make_edit(path, option_ids, "Radar selection", framework_id)

    # -- applying ---------------------------------------------------------------------------

    def apply(self, edit: Edit, at: Stamp | None = None) -> Stamp:
        """Apply ``edit``: its path takes a fresh revision, or the revisions ``at`` (redo: the
        ones it had after this very edit). Returns the revisions the path had before."""
        return self._set(edit, edit.new, at)

    def revert(self, edit: Edit, at: Stamp | None = None) -> Stamp:
        """Undo ``edit``: its path takes the revisions ``at`` (the ones it had before the
        edit, as ``apply`` returned them), or a fresh one."""
        return self._set(edit, edit.old, at)

    def touch(self, path: Path) -> None:
        """Something at ``path`` changed outside an edit (core.view's pick: not undoable)."""
        self.revisions.bump(path)

    def stamp(self, path: Path) -> Stamp:
        return self.revisions.stamp(path)

    def _set(self, edit: Edit, value: Any, at: Stamp | None) -> Stamp:
        before = self.revisions.stamp(edit.path)
        set_path(self.scenario, edit.path, copy_value(value))
        if at is None:
            self.revisions.bump(edit.path)
        else:
            self.revisions.restore(at)
        if edit.path[:1] == ("definitions",):
            # A framework was redefined, added or removed: its options and criteria follow.
            self.frameworks = all_frameworks(self.scenario)
        self._notify(edit)
        return before

    def _notify(self, edit: Edit | None) -> None:
        for listener in list(self._listeners):
            listener(edit)

    # -- helpers ----------------------------------------------------------------------------

    def criterion(self, framework_id: str, criterion_id: str) -> Criterion:
        """A criterion of a framework, or a ScenarioError listing the known ones."""
        fw = self.framework(framework_id)
        try:
            return fw.criterion(criterion_id)
        except KeyError:
            raise ScenarioError(
                f"unknown criterion {criterion_id!r} "
                f"(known: {', '.join(c.id for c in fw.criteria)})",
                field=framework_id) from None

    def make_edit(self, path: Path, new: Any, text: str, framework: str,
                  merge_key: Hashable | None = None) -> Edit:
        """An edit setting ``path`` to ``new``, capturing the current value as the old one."""
        old = copy_value(get_path(self.scenario, path))
        return Edit(path, old, copy_value(new), text, framework, merge_key)


def table_paths(framework_id: str) -> list[Path]:
    """What a framework's utility table reads: its targets, its edited ratings and the
    frameworks' definitions (a redefined framework has other options and criteria)."""
    return [("frameworks", framework_id, "targets"),
            ("frameworks", framework_id, "rating_overrides"), ("definitions",)]
