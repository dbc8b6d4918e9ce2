"""Culture radar: each enabling-culture principle a spoke, rated 0 (absent) to 4 (embedded);
where the institution is (the room's ratings) over the profile its positioning needs (dashed).

A RadarChart on the 0-4 scale (values are drawn as rating / 4) with more room for the twelve
principle names, which the tab wraps onto two lines.
"""

from __future__ import annotations

from ....core.leadership_risks.chart_data import SCALE_MAX, wrap_spoke  # noqa: F401
from ...charts.radar import RadarChart


class CultureChart(RadarChart):
    kind = "culture"
    export_aspect = 0.78
    x_range = (-2.3, 2.3)
    y_range = (-1.42, 1.42)
    ring_labels = ((0.5, "2"), (1.0, "4"))
    CAPTION = "Centre = 0 (absent), edge = 4 (embedded); rings at 1, 2, 3, 4"

    def __init__(self, framework_id: str, title: str = "Culture", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.legend.setColumnCount(1)  # two long entries: one above the other
