"""Whose weights are in view: the scenario's own, the group's, or one participant's.

Everything the tool says about a framework (the ranking, the bands, the verdict, How sure,
the sensitivity sweep, captions, CSV rows, the report, ``score``) is a function of
(Document, framework, Weighting). The window, the exports, the report and the command line
resolve a Weighting through the functions here, so they can never disagree about whose
numbers they show.

A Weighting is a plain value. It is resolved against the scenario at the moment of asking
(``settle``): a person who has left the room falls back to the group, and the group of an
empty room is the scenario's own weighting (what the window shows with nobody in the room).

No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .document import Document, table_paths
from .errors import ScenarioError, shown
from .room.group import group_targets, group_weights, person_targets, person_weights
from .room.models import Participant
from .scoring import Ranking, UtilityTable, rank, utility_table


@dataclass(frozen=True)
class Weighting:
    """The scenario's own weighting (the default), the group's, or one participant's."""

    participant: str | None = None
    """A participant's id; None for the scenario's or the group's."""
    group: bool = False

    @property
    def kind(self) -> str:
        """``"person"``, ``"group"`` or ``"scenario"``."""
        if self.participant is not None:
            return "person"
        return "group" if self.group else "scenario"

    def as_text(self) -> str:
        """How it is saved and typed: ``scenario``, ``group`` or the participant's id."""
        return self.participant if self.participant is not None else self.kind


SCENARIO = Weighting()
GROUP = Weighting(group=True)


def person(participant_id: str) -> Weighting:
    return Weighting(participant=participant_id)


def settle(doc: Document, weighting: Weighting) -> Weighting:
    """The weighting as it stands in this scenario: a participant no longer in the room is
    the group's; the group of an empty room is the scenario's own."""
    people = doc.scenario.participants
    if weighting.participant is not None:
        if any(p.id == weighting.participant for p in people):
            return weighting
        weighting = GROUP
    if weighting.group and not people:
        return SCENARIO
    return weighting


def _participant(doc: Document, participant_id: str) -> Participant:
    for p in doc.scenario.participants:
        if p.id == participant_id:
            return p
    raise ScenarioError(f"no participant {participant_id!r} in the room", field="weighting")


def weights(doc: Document, framework_id: str, weighting: Weighting) -> dict[str, float]:
    """Every criterion's weight under the weighting (defaults filled in)."""
    framework = doc.framework(framework_id)
    w = settle(doc, weighting)
    if w.participant is not None:
        return person_weights(framework, _participant(doc, w.participant))
    if w.group:
        found = group_weights(framework, doc.scenario.participants, doc.scenario.group.method)
        assert found is not None  # settle() made sure the room is not empty
        return found
    own = doc.settings(framework_id).weights
    return {c.id: float(own.get(c.id, c.default_weight)) for c in framework.criteria}


def targets(doc: Document, framework_id: str, weighting: Weighting) -> dict[str, float]:
    """Every target criterion's target under the weighting (defaults filled in)."""
    framework = doc.framework(framework_id)
    w = settle(doc, weighting)
    if w.participant is not None:
        return person_targets(framework, _participant(doc, w.participant))
    if w.group:
        found = group_targets(framework, doc.scenario.participants, doc.scenario.group.method)
        assert found is not None
        return found
    own = doc.settings(framework_id).targets
    return {c.id: float(own.get(c.id, c.default_target))
            for c in framework.criteria
            if c.direction == "target" and c.default_target is not None}


def ranking(doc: Document, framework_id: str, weighting: Weighting) -> Ranking:
    """The framework's options ranked under the weighting, with the scenario's edited
    ratings (ratings describe the options; weights describe the people)."""
    return resolve(doc, framework_id, weighting).ranking


@dataclass(frozen=True, eq=False)
class Resolved:
    """One framework under one weighting: what every chart, answer and output starts from.
    ``weights``, ``targets`` and ``overrides`` go straight into core.robustness; ``table``
    is their utility table (pass it on as ``table=``)."""

    framework_id: str
    weighting: Weighting
    """Settled (see ``settle``): the weighting these numbers really are."""
    weights: Mapping[str, float]
    targets: Mapping[str, float]
    overrides: Mapping[str, Mapping[str, float]]
    table: UtilityTable
    ranking: Ranking

    @property
    def key(self) -> tuple[Any, ...]:
        """Changes exactly when any number here changes (for a view's "redraw?" test)."""
        return (self.framework_id, self.weighting, tuple(self.weights.items()),
                tuple(self.targets.items()),
                tuple(sorted((o, tuple(sorted(r.items()))) for o, r in self.overrides.items())))


ROOM_PATHS: tuple[tuple[str, ...], ...] = (("participants",), ("group",))
"""What a group's or a person's weights and targets read besides the framework's own."""


def resolve(doc: Document, framework_id: str, weighting: Weighting) -> Resolved:
    """The framework's weights, targets, edited ratings, utility table and ranking under the
    weighting (the scenario's own are the Document's cached ones; another's are cached in the
    Document by the revisions of the room and the framework: core.derived)."""
    framework = doc.framework(framework_id)
    w = settle(doc, weighting)
    overrides = doc.settings(framework_id).rating_overrides
    if w == SCENARIO:
        s = doc.settings(framework_id)
        return Resolved(framework_id, w, dict(s.weights), dict(s.targets), overrides,
                        doc.utility_table(framework_id), doc.ranking(framework_id))
    wts, tgts = weights(doc, framework_id, w), targets(doc, framework_id, w)
    paths = [*table_paths(framework_id), *ROOM_PATHS]
    table = doc.derived.get(("table", framework_id, w), paths,
                            lambda: utility_table(framework, tgts, overrides))
    ranked = doc.derived.get(("ranking", framework_id, w),
                             [*paths, ("frameworks", framework_id, "weights")],
                             lambda: rank(framework, table, wts))
    return Resolved(framework_id, w, wts, tgts, overrides, table, ranked)


def describe(doc: Document, weighting: Weighting) -> str:
    """Whose weighting, in words an output can print: "the scenario's weights", "the
    group's median of 5 participants", "Sam's weights"."""
    w = settle(doc, weighting)
    people = doc.scenario.participants
    if w.participant is not None:
        return f"{_participant(doc, w.participant).name}'s weights"
    if w.group:
        n = len(people)
        return (f"the group's {doc.scenario.group.method} of {n} "
                f"{'participant' if n == 1 else 'participants'}")
    return "the scenario's weights"


def parse(doc: Document, text: str) -> Weighting:
    """``scenario``, ``group``, or a participant's id or name (case does not matter);
    anything else is a ScenarioError naming the people in the room."""
    wanted = text.strip()
    key = wanted.casefold()
    if key == "scenario":
        return SCENARIO
    if key == "group":
        return GROUP
    people = doc.scenario.participants
    for p in people:
        if p.id == wanted:
            return person(p.id)
    named = [p for p in people if p.name.strip().casefold() == key]
    if len(named) == 1:
        return person(named[0].id)
    if len(named) > 1:
        ids = ", ".join(p.id for p in named)
        raise ScenarioError(f"{shown(wanted)!r} names {len(named)} participants: "
                            f"use an id ({shown(ids)})",
                            field="weighting")
    if not people:
        raise ScenarioError(f"{shown(wanted)!r} is not in the room (nobody is): "
                            "use scenario or group",
                            field="weighting")
    listed = ", ".join(f"{shown(p.name)} ({p.id})" for p in people)
    raise ScenarioError(f"{shown(wanted)!r} is not in the room: use scenario, group or one of "
                        f"{listed}",
                        field="weighting")


def applied(doc: Document, weighting: Weighting) -> Document:
    """A separate Document whose scenario's own weights and targets are the weighting's, on
    every ranked framework: an output (the report, the CSV, exported charts) built from it
    shows the weighting's numbers everywhere, every sentence and every chart alike. The
    scenario's weighting gives ``doc`` itself (nothing to copy)."""
    if settle(doc, weighting) == SCENARIO:
        return doc
    scenario = doc.scenario.model_copy(deep=True)
    for fid, fw in doc.frameworks.items():
        if not fw.criteria:
            continue
        s = scenario.frameworks[fid]
        s.weights = weights(doc, fid, weighting)
        s.targets = targets(doc, fid, weighting)
    return Document(scenario)
