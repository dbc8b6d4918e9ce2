"""The open scenario: its frameworks, cached rankings, and the edits that change it.

Every change to a scenario is an Edit (core.edits) with an inverse, applied through
Document.apply. Edits are built by the Document's ``set_*`` methods (and by feature packages
through ``make_edit``), which validate the new value and capture the old one; a bad value
raises ScenarioError and changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any

from .base import WEIGHT_MAX
from .edits import MISSING, Edit, Path, copy_value, get_path, set_path
from .errors import ScenarioError, finite_number
from .extensions import framework_with
from .models import Criterion, Framework, FrameworkSettings, Scenario
from .resources import all_frameworks, default_scenario
from .scoring import Ranking, UtilityTable, rank, utility_table
from .validation import check_scenario

Listener = Callable[[Edit | None], None]


class Document:
    """The scenario being worked on, its frameworks, and cached rankings."""

    def __init__(self, scenario: Scenario | None = None) -> None:
        self._listeners: list[Listener] = []
        self._rankings: dict[str, Ranking] = {}
        self._tables: dict[str, tuple[tuple[Any, ...], UtilityTable]] = {}
        """Utilities per framework, keyed by the targets and edited ratings they came from."""
        self.memo: dict[str, Any] = {}
        """Values other core modules derive from this document and keep with it (core.weighting:
        tables and rankings under another weighting); each keys its entries by what they rest
        on, so a stale entry is never returned."""
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
        self._rankings.clear()
        self._tables.clear()
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

    def ranking(self, framework_id: str) -> Ranking:
        cached = self._rankings.get(framework_id)
        if cached is None:
            cached = rank(self.framework(framework_id), self.utility_table(framework_id),
                          self.settings(framework_id).weights)
            self._rankings[framework_id] = cached
        return cached

    def utility_table(self, framework_id: str) -> UtilityTable:
        """Utilities under the framework's current targets and edited ratings, computed once
        per change of those (a weight change reuses it: pass it on as ``table=``)."""
        s = self.settings(framework_id)
        key = (tuple(sorted(s.targets.items())), self.ratings_key(framework_id))
        table = self._tables.get(framework_id)
        if table is None or table[0] != key:
            table = (key, utility_table(self.framework(framework_id), s.targets,
                                        s.rating_overrides))
            self._tables[framework_id] = table
        return table[1]

    def ratings_key(self, framework_id: str) -> tuple[Any, ...]:
        """A value that changes exactly when the framework's edited ratings change."""
        overrides = self.settings(framework_id).rating_overrides
        return tuple(sorted((o, tuple(sorted(r.items()))) for o, r in overrides.items()))

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

    def apply(self, edit: Edit) -> None:
        set_path(self.scenario, edit.path, copy_value(edit.new))
        self._changed(edit)

    def revert(self, edit: Edit) -> None:
        set_path(self.scenario, edit.path, copy_value(edit.old))
        self._changed(edit)

    def _changed(self, edit: Edit) -> None:
        if edit.path[:1] == ("definitions",):
            # A framework was redefined, added or removed: its options and criteria follow.
            self.frameworks = all_frameworks(self.scenario)
            self._tables.clear()
            self._rankings.clear()
        elif edit.framework:
            self._rankings.pop(edit.framework, None)
        else:
            self._rankings.clear()
        self._notify(edit)

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
