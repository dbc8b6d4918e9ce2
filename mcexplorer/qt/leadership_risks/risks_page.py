"""The risks page: the register for the three Rs (one row per risk, in the register's order;
add, edit, remove), the heat map of likelihood x impact beside it, and as context the top
business model's Risk and Costs ratings (Table 2) and the best-fitting structure."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.leadership_risks import edits as E
from ...core.leadership_risks.chart_data import risk_map
from ...core.leadership_risks.content import content
from ...core.leadership_risks.rules import sorted_risks
from ...core.leadership_risks.strategy import PLANNER_MARK, Strategy
from ..plain import escaped
from .risk_rows import RiskRow
from .view_data import risk_numbers
from .widgets import plain_label, rich_label, scrolled


class RisksPage(QWidget):
    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName("risks-page")
        self.rows: dict[str, RiskRow] = {}
        self._order: list[str] = []

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.add_button = QPushButton("Add risk")
        self.add_button.setObjectName("action:add-risk")
        self.add_button.setToolTip("Add a risk at the end of the register")
        self.add_button.clicked.connect(self.add_risk)
        bar.addWidget(self.add_button)
        bar.addWidget(plain_label(
            "Pre-filled with the risks the paper names (Brown, McGreal & Peters 2023, "
            "Mitigating risks); their likelihood and impact are the tool's starting points.",
            muted=True), 1)
        lv.addLayout(bar)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(4)
        self.list_layout.addStretch(1)
        self.register_scroll = scrolled(self.list_widget, "risk-register")
        lv.addWidget(self.register_scroll, 1)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(tab.heatmap_chart, 1)
        context = QGroupBox("Context from the other tabs")
        cv = QVBoxLayout(context)
        self.context = rich_label("risks-context")
        cv.addWidget(self.context)
        rv.addWidget(context)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([550, 450])  # the register gets the wider half at first
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- edits ------------------------------------------------------------------------------

    def add_risk(self) -> None:
        edit = self.tab.push(E.add_risk)
        if edit is None:
            return
        self.tab.refresh()
        row = self.rows.get(E.added_risk_id(edit))
        if row is not None:
            row.text.setFocus()
            row.text.selectAll()
            QTimer.singleShot(0, lambda: self.register_scroll.ensureWidgetVisible(row))

    def _on_row_changed(self, risk_id: str, values: dict, gesture) -> None:
        self.tab.push(E.edit_risk, risk_id, gesture, **values)
        self.tab.schedule_refresh()  # a blank text is refused: the row shows the model again

    def _on_remove(self, risk_id: str) -> None:
        self.tab.push(E.remove_risk, risk_id)

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self, s: Strategy) -> None:
        items = s.risks.items
        ordered = sorted_risks(items)  # the list in the heat map's numbers: 1 on top
        if [r.id for r in ordered] != self._order:
            self._rebuild(ordered)
        numbers = risk_numbers(items)
        for r in items:
            self.rows[r.id].show_risk(r, numbers[r.id])
        self.tab.heatmap_chart.show_data(risk_map(items))
        self.context.setText(self._context_html(s))

    def _rebuild(self, items) -> None:
        keep = {r.id for r in items}
        for rid in list(self.rows):
            if rid not in keep:
                row = self.rows.pop(rid)
                self.list_layout.removeWidget(row)  # its own widget
                row.deleteLater()
        for r in items:
            if r.id not in self.rows:
                row = RiskRow(r)
                row.changed.connect(self._on_row_changed)
                row.removeRequested.connect(self._on_remove)
                self.rows[r.id] = row
        while self.list_layout.count() > 1:  # keep the stretch at the end
            self.list_layout.takeAt(0)
        for i, r in enumerate(items):
            self.list_layout.insertWidget(i, self.rows[r.id])
        self._order = [r.id for r in items]

    @staticmethod
    def _context_html(s: Strategy) -> str:
        lines = []
        model = s.model
        if model is None:
            lines.append("Business models: no ranking yet (set a weight on that tab).")
        else:
            ratings = ", ".join(f"{escaped(name)} <b>{escaped(label)}</b>"
                                for name, label in model.ratings)
            edited = any(PLANNER_MARK in label for _name, label in model.ratings)
            where = ("; unmarked ratings are Table 2's, adapted from Presant 2020" if edited
                     else " in Table 2, adapted from Presant 2020")
            lines.append(f"Best-fitting business model: <b>{escaped(model.name)}</b>"
                         + (f" ({ratings}{where})" if ratings else ""))
        structure = s.structure
        if structure is None:
            lines.append("Structures: no ranking yet (set a weight on that tab).")
        else:
            horizon = structure.get("horizon")
            on = f", on H{horizon:g}" if isinstance(horizon, (int, float)) else ""
            lines.append(f"Best-fitting structure: <b>{escaped(str(structure['name']))}"
                         f"</b>{on}")
        lines.append(f"<small>The three Rs (Brown, McGreal &amp; Peters 2023, Mitigating risks): "
                     f"{escaped(_categories())}.</small>")
        return "<br>".join(lines)


def _categories() -> str:
    c = content()
    return "; ".join(f"{cat.name}: {cat.description.rstrip('.')}" for cat in c.risk_categories
                     if cat.id != "other")
