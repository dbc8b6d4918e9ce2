"""RoomState: the window's handle on whose weights the tabs show, and how names appear.

The pick itself is core state (core.view: saved with the scenario, read by every tab, the
outputs and the Strategy page); RoomState sets it and says when it changed. Every tab's
participant picker reads and sets it, so all tabs agree: picking Ana on one tab shows Ana's
weights on every tab. When the picked person leaves the room (removed, or an undo takes their
addition back) the pick falls back to the group.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QObject, Signal

from ...core import view
from ...core.edits import Edit
from ...core.room.group import display_names
from ...core.room.models import Participant
from ...core.scoring import Ranking
from ...core.weighting import GROUP, Weighting, person
from ..controller import DocumentController
from ..framework.weighting import SCENARIO_WEIGHTING, ScenarioWeighting
from .weighting import GroupWeighting, PersonWeighting


class RoomState(QObject):
    changed = Signal()
    """The pick or the anonymising changed: pickers, sliders and charts follow."""
    viewChanged = Signal(bool)
    """The tabs show where the room disagrees (True) or the fit charts (False)."""

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._anonymous = False
        self._showing_room = False
        self._group = GroupWeighting()
        self.weighting = RoomWeighting(self)
        """What every tab's ``weighting`` is: it follows the pick."""
        controller.changed.connect(self._check_pick)
        controller.scenarioReplaced.connect(self._on_replaced)
        controller.viewChanged.connect(self.changed)

    # -- reading ------------------------------------------------------------------------------

    @property
    def document(self):
        return self.controller.document

    @property
    def participants(self) -> list[Participant]:
        return list(self.document.scenario.participants)

    @property
    def picked(self) -> str | None:
        """The id of the participant whose weights are shown; None for the group."""
        return self.in_view().participant

    def in_view(self) -> Weighting:
        """The weighting every tab shows (core.view, settled against the room)."""
        return view.in_view(self.document)

    @property
    def showing_room(self) -> bool:
        return self._showing_room

    @property
    def anonymous(self) -> bool:
        return self._anonymous

    def names(self) -> dict[str, str]:
        """Participant id -> the name to show (P1, P2 ... when anonymised)."""
        return display_names(self.document.scenario.participants, self._anonymous)

    def current(self, framework_id: str | None = None) -> ScenarioWeighting:
        """The weighting picked now for a framework (its own pick, else the pick for every
        framework; the group's if the picked person has left)."""
        w = view.in_view(self.document, framework_id)
        if w.participant is not None:
            return PersonWeighting(w.participant)
        return self._group if w.group or not self.document.scenario.participants \
            else SCENARIO_WEIGHTING

    def note(self) -> str:
        """One line under the picker saying what the sliders show."""
        people = self.document.scenario.participants
        if not people:
            return "Nobody in the room yet: the sliders set the scenario's own weights."
        pid = self.picked
        for p in people:
            if p.id == pid:
                name = self.names()[p.id]
                role = f" ({p.role})" if p.role and not self._anonymous else ""
                return f"{name}{role}: the sliders change this person's weights only."
        method = self.document.scenario.group.method
        n = len(people)
        return (f"Group: the {method} of {n} {'person' if n == 1 else 'people'}'s weights "
                "(read-only). Pick a person to change theirs.")

    # -- changing -----------------------------------------------------------------------------

    def pick(self, participant_id: str | None) -> None:
        """Show a participant's weights (None: the group's)."""
        if participant_id is not None and not any(
                p.id == participant_id for p in self.document.scenario.participants):
            participant_id = None
        self.controller.show_weighting(GROUP if participant_id is None
                                       else person(participant_id))

    def show_room_view(self, on: bool) -> None:
        """Every tab shows where the room disagrees (True) or its fit charts (False)."""
        if bool(on) != self._showing_room:
            self._showing_room = bool(on)
            self.viewChanged.emit(self._showing_room)

    def set_anonymous(self, on: bool) -> None:
        if bool(on) != self._anonymous:
            self._anonymous = bool(on)
            self.changed.emit()

    def _check_pick(self, *_args) -> bool:
        """A person picked who has left: the group's from now on (an undo bringing them
        back does not pick them again)."""
        saved = view.picked(self.document)
        if saved.participant is not None and not any(
                p.id == saved.participant for p in self.document.scenario.participants):
            return self.controller.show_weighting(GROUP)
        return False

    def _on_replaced(self, *_args) -> None:
        """Another scenario opened: its own saved pick is shown."""
        if not self._check_pick():
            self.changed.emit()


class RoomWeighting(ScenarioWeighting):
    """Delegates to the weighting picked at the moment of each call, so a tab never holds
    a person who has left the room."""

    def __init__(self, state: RoomState) -> None:
        self._state = state

    def value(self, doc, framework_id: str) -> Weighting:
        return self._state.current(framework_id).value(doc, framework_id)

    def ranking(self, doc, framework_id: str) -> Ranking:
        return self._state.current(framework_id).ranking(doc, framework_id)

    def editable(self, doc, framework_id: str) -> bool:
        return self._state.current(framework_id).editable(doc, framework_id)

    def weight_edit(self, doc, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return self._state.current(framework_id).weight_edit(doc, framework_id, criterion_id,
                                                             value, gesture)

    def target_edit(self, doc, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return self._state.current(framework_id).target_edit(doc, framework_id, criterion_id,
                                                             value, gesture)

    def reset_edits(self, doc, framework_id: str) -> list[Edit]:
        return self._state.current(framework_id).reset_edits(doc, framework_id)
