"""Culture radar: each enabling-culture principle a spoke, rated 0 (absent) to 4 (embedded);
where the institution is (the room's ratings) over the profile its positioning needs (dashed).

A RadarChart on the 0-4 scale (values are drawn as rating / 4) with more room for the twelve
principle names, which the tab wraps onto two lines.
"""

from __future__ import annotations

from ...charts.radar import RadarChart

SCALE_MAX = 4


class CultureChart(RadarChart):
    kind = "culture"
    export_aspect = 0.78
    x_range = (-2.3, 2.3)
    y_range = (-1.42, 1.42)
    ring_labels = ((0.5, "2"), (1.0, "4"))

    def __init__(self, framework_id: str, title: str = "Culture", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.legend.setColumnCount(1)  # two long entries: one above the other


def wrap_spoke(name: str, width: int = 13) -> str:
    """A principle's name on at most two lines, split at the space nearest the middle."""
    if len(name) <= width or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return f"{name[:cut]}\n{name[cut + 1:]}"
