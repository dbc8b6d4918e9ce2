"""Whose weighting a framework tab shows and edits.

By default the sliders, the charts and the Fit column show the scenario's own weights and
targets, and moving a slider edits them. The room puts another weighting in the tab's
``weighting`` attribute (a participant's, or the group's): an object with the methods below.
``value`` says whose it is as core.weighting's plain value; every number the tab shows (the
ranking, the radar, the verdict, the bands, How sure, sensitivity) is computed from that value
by core functions, so the tab, the outputs and the command line agree. The tab never knows
whose it is.
"""

from __future__ import annotations

from collections.abc import Hashable

from ...core.document import Document
from ...core.edits import Edit
from ...core.scoring import Ranking
from ...core.weighting import SCENARIO, Weighting, resolve


class ScenarioWeighting:
    """The scenario's own weights and targets (what every tab shows without the room)."""

    def value(self, doc: Document, framework_id: str) -> Weighting:
        """Whose weighting this is now (settled against the room)."""
        return SCENARIO

    def ranking(self, doc: Document, framework_id: str) -> Ranking:
        return resolve(doc, framework_id, self.value(doc, framework_id)).ranking

    def editable(self, doc: Document, framework_id: str) -> bool:
        return True

    def weight_edit(self, doc: Document, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return doc.set_weight(framework_id, criterion_id, value, gesture)

    def target_edit(self, doc: Document, framework_id: str, criterion_id: str, value: float,
                    gesture: Hashable = None) -> Edit:
        return doc.set_target(framework_id, criterion_id, value, gesture)

    def reset_edits(self, doc: Document, framework_id: str) -> list[Edit]:
        """"Equal weights": every weight back to its default."""
        return [doc.set_weight(framework_id, c.id, c.default_weight)
                for c in doc.framework(framework_id).criteria]


SCENARIO_WEIGHTING = ScenarioWeighting()
