"""A participant's weighting and the group's, in the shape a framework tab uses.

With a person picked, the sliders show and edit that person's weights and targets (one undo
step per gesture, through core.room.edits). With "Group" picked and people in the room, the
sliders show the group's weighting (median or mean of the people's), read-only: it follows
the people. With nobody in the room, "Group" is the scenario's own weighting, editable as
always.
"""

from __future__ import annotations

from collections.abc import Hashable

from ...core.edits import Edit
from ...core.errors import ScenarioError
from ...core.room import edits as room_edits
from ...core.room.group import group_ranking
from ...core.weighting import GROUP, Weighting, person, settle
from ..framework.weighting import ScenarioWeighting

READ_ONLY = "The group's weights follow the participants: pick a person to change theirs."


class PersonWeighting(ScenarioWeighting):
    """One participant's weights and targets (their own; defaults where they set none)."""

    def __init__(self, participant_id: str) -> None:
        self.participant_id = participant_id

    def _person(self, doc):
        return room_edits.find_participant(doc, self.participant_id)

    def value(self, doc, framework_id: str) -> Weighting:
        return settle(doc, person(self.participant_id))

    def weight_edit(self, doc, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return room_edits.set_participant_weight(doc, self.participant_id, framework_id,
                                                 criterion_id, value, gesture)

    def target_edit(self, doc, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return room_edits.set_participant_target(doc, self.participant_id, framework_id,
                                                 criterion_id, value, gesture)

    def reset_edits(self, doc, framework_id: str) -> list[Edit]:
        """This person's weights on the framework back to its defaults, as one edit."""
        person = self._person(doc)
        weights = {k: v for k, v in person.weights.items() if k != framework_id}
        people = [p.model_copy(update={"weights": weights}, deep=True) if p.id == person.id
                  else p for p in doc.scenario.participants]
        return [room_edits.participants_edit(doc, people, f"{person.name}: equal weights",
                                             framework_id)]


class GroupWeighting(ScenarioWeighting):
    """The group's weighting when there are participants (read-only), else the scenario's."""

    @staticmethod
    def has_people(doc) -> bool:
        return bool(doc.scenario.participants)

    def value(self, doc, framework_id: str) -> Weighting:
        return settle(doc, GROUP)

    def editable(self, doc, framework_id: str) -> bool:
        return not self.has_people(doc)

    def _refuse(self, doc) -> None:
        if self.has_people(doc):
            raise ScenarioError(READ_ONLY)

    def weight_edit(self, doc, *args, **kwargs) -> Edit:
        self._refuse(doc)
        return super().weight_edit(doc, *args, **kwargs)

    def target_edit(self, doc, *args, **kwargs) -> Edit:
        self._refuse(doc)
        return super().target_edit(doc, *args, **kwargs)

    def reset_edits(self, doc, framework_id: str) -> list[Edit]:
        self._refuse(doc)
        return super().reset_edits(doc, framework_id)


def adopt_group_edits(doc, framework_id: str) -> list[Edit]:
    """Make the group's weights and targets the scenario's own (one step with push_many);
    [] with nobody in the room."""
    s = doc.scenario
    group = group_ranking(doc.framework(framework_id), s.participants, s.group.method)
    if group is None:
        return []
    edits = [doc.set_weight(framework_id, cid, w) for cid, w in group.weights.items()]
    edits += [doc.set_target(framework_id, cid, t) for cid, t in group.targets.items()]
    return edits
