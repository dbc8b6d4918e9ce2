"""Ranking chart: fit of every option in %, best at the top, ties shown as ties.

The plot is one painted item (``ranking_body.RankingBody``) under the chart's title: its grid
and axis are painted once and cached, so a new slider value repaints the names, bars and
fits only.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from ...core.chart_data import RankingData, RankingRow
from .base import Chart
from .fit import elide
from .ranking_body import TICK_STEPS, VALUE_SCALE, RankingBody  # noqa: F401 - API
from .style import font

NAME_SHARE = 0.45
"""Option names take at most this share of the chart's width; longer ones are elided (the
full name shows on hover)."""


def rank_label(row: RankingRow) -> str:
    return f"={row.rank}" if row.tied else f"{row.rank}"


class RankingChart(Chart):
    kind = "ranking"
    CAPTION = "Fit: 100% = the best rating on every criterion you weight"
    export_aspect = 0.62

    def __init__(self, framework_id: str, title: str = "Ranking of fit", parent=None) -> None:
        super().__init__(framework_id, title, parent)
        self.ci.setContentsMargins(18, 6, 10, 6)  # the longest name keeps clear of the edge
        self.body = RankingBody()
        """The plot: one painted item (names, bars, fits, grid and axis; see ranking_body)."""
        self.body.set_style(self.style)
        self.addItem(self.body, row=1, col=0)
        self._rows: tuple[RankingRow, ...] = ()

    def _draw(self, data: RankingData) -> None:
        self._rows = data.rows
        self.body.set_rows(data.rows, self._row_labels(self.width()), data.unit, data.message)

    def _row_labels(self, width: float) -> list[str]:
        """Rank and name of each row, names elided to NAME_SHARE of ``width``."""
        tick_font = font(1.0)
        room = max(60.0, NAME_SHARE * width) if width > 1 else 10_000.0
        return [f"{rank_label(r)}  {elide(r.name, tick_font, room)}" for r in self._rows]

    def fit_parts(self, width: float) -> None:
        super().fit_parts(width)
        if hasattr(self, "_rows"):
            self.body.set_names(self._row_labels(width))

    def row_scene_pos(self, i: int) -> QPointF:
        """The middle of row ``i`` (best first), in scene coordinates (for tests)."""
        return self.body.mapToScene(self.body.row_centre(i))

    def tooltip_at(self, scene_pos) -> str:
        """A row's full name, rank and fit under the mouse (names may be elided)."""
        i = self.body.row_at(self.body.mapFromScene(scene_pos)) if self._rows else None
        if i is not None:
            r = self._rows[i]
            fit = "-" if r.fit is None else f"{r.fit:.1f}%"
            return f"{rank_label(r)}  {r.name}: fit {fit}"
        return super().tooltip_at(scene_pos)

    def restyle(self) -> None:
        self.style = self.restyled()
        self.body.set_style(self.style)
        super().restyle()

    def tick_labels(self) -> list[str]:
        """The row labels as shown, best first (for tests and accessibility)."""
        self.ensure_drawn()
        return list(self.body.names)
