"""Whose weighting a framework tab shows and edits.

By default the sliders, the charts and the Fit column show the scenario's own weights and
targets, and moving a slider edits them. A feature can put another weighting in the tab's
``weighting`` attribute (the room puts a participant's, or the group's, there): an object with
the methods below. The tab never knows whose it is.
"""

from __future__ import annotations

from collections.abc import Hashable

from ...core.document import Document
from ...core.edits import Edit
from ...core.scoring import Ranking


class ScenarioWeighting:
    """The scenario's own weights and targets (what every tab shows without the room)."""

    def ranking(self, doc: Document, framework_id: str) -> Ranking:
        return doc.ranking(framework_id)

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
