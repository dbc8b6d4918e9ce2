"""Checks of the room's sections against the scenario's frameworks.

``check(scenario, file)`` is what the loader's check_scenario calls for the room (it is not
a framework extension: the room spans every framework). No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import ScenarioError, require_unique_ids, shown
from ..models import Framework, Scenario
from ..resources import all_frameworks

if TYPE_CHECKING:
    from .models import Participant


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse participants or snapshots that do not fit the scenario's frameworks: unknown
    framework or criterion ids, a target on a criterion that has none or off its scale, two
    participants or two snapshots with one id. One line naming file, field and problem."""
    frameworks = all_frameworks(scenario)
    check_participants(scenario.participants, frameworks, "participants", file)
    require_unique_ids(scenario.snapshots, "snapshot", "snapshots", file)
    for i, snap in enumerate(scenario.snapshots):
        # (The snapshot's framework settings are checked by core.validation.)
        check_participants(snap.settings.participants, frameworks,
                           f"snapshots.{i}.settings.participants", file)


def check_participants(participants: Sequence[Participant], frameworks: Mapping[str, Framework],
                       where: str = "participants", file: str | None = None) -> None:
    require_unique_ids(participants, "participant", where, file)
    for i, p in enumerate(participants):
        for section in ("weights", "targets"):
            for fid, values in getattr(p, section).items():
                field = f"{where}.{i}.{section}.{shown(fid)}"
                fw = frameworks.get(fid)
                if fw is None:
                    raise ScenarioError(f"unknown framework (known: {', '.join(frameworks)})",
                                        file=file, field=field)
                criteria = {c.id: c for c in fw.criteria}
                for cid, value in values.items():
                    c = criteria.get(cid)
                    if c is None:
                        raise ScenarioError("unknown criterion", file=file,
                                            field=f"{field}.{shown(cid)}")
                    if section == "weights":
                        continue
                    if c.direction != "target":
                        raise ScenarioError("not a target criterion", file=file,
                                            field=f"{field}.{cid}")
                    lo, hi = c.scale
                    if not lo <= value <= hi:
                        raise ScenarioError(f"{value:g} lies outside the scale [{lo:g}, {hi:g}]",
                                            file=file, field=f"{field}.{cid}")
