"""One row of the risk register: its number on the heat map, category, text, likelihood and
impact (1-5), owner, mitigation and a remove button. The row only emits what the planner did;
the page turns it into an edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSpinBox

from ...core.leadership_risks.content import content
from ...core.leadership_risks.models import Risk
from ..gestures import GestureTracker
from ..signals import signals_blocked
from .widgets import choice_combo, line_edit, plain_label, set_combo, set_line


class RiskRow(QFrame):
    changed = Signal(str, dict, object)
    """(risk id, {field: value}, gesture or None)."""
    removeRequested = Signal(str)

    def __init__(self, risk: Risk) -> None:
        super().__init__()
        self.risk_id = risk.id
        rid = risk.id
        self.setObjectName(f"risk:{rid}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        self.number = plain_label("", f"risk:{rid}:number", wrap=False, bold=True)
        self.number.setToolTip("Its number on the heat map (1 = highest likelihood x impact)")
        self.category = choice_combo(f"risk:{rid}:category",
                                     [(cat.name, cat.id) for cat in content().risk_categories],
                                     "Which of the three Rs (or other)")
        self.category.setMinimumContentsLength(9)
        self.category.currentIndexChanged.connect(self._on_category)
        self.text = line_edit(f"risk:{rid}:text", "What could go wrong", "The risk")
        self.text.editingFinished.connect(lambda: self._commit(self.text, "text"))
        self.remove = QPushButton("Remove")
        self.remove.setObjectName(f"risk:{rid}:remove")
        self.remove.setToolTip("Remove this risk from the register (Undo brings it back)")
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self.risk_id))
        self.likelihood = self._spin("likelihood", "Likelihood, 1 (rare) to 5 (almost certain)")
        self.impact = self._spin("impact", "Impact, 1 (minor) to 5 (severe)")
        self.owner = line_edit(f"risk:{rid}:owner", "who watches it", "Owner of the risk")
        self.owner.editingFinished.connect(lambda: self._commit(self.owner, "owner"))
        self.mitigation = line_edit(f"risk:{rid}:mitigation", "mitigation",
                                    "How the risk is reduced or handled", max_length=4000)
        self.mitigation.editingFinished.connect(lambda: self._commit(self.mitigation, "mitigation"))
        self.score = plain_label("", f"risk:{rid}:score", wrap=False)
        # Four short lines, so a row fits beside the heat map on a 1024-pixel screen.
        grid.addWidget(self.number, 0, 0)
        grid.addWidget(self.category, 0, 1, 1, 2)
        grid.addWidget(self.score, 0, 3, 1, 2)
        grid.addWidget(self.remove, 0, 5)
        grid.addWidget(self.text, 1, 1, 1, 5)
        grid.addWidget(QLabel("Likelihood"), 2, 1)
        grid.addWidget(self.likelihood, 2, 2)
        grid.addWidget(QLabel("Impact"), 2, 3)
        grid.addWidget(self.impact, 2, 4)
        grid.addWidget(QLabel("Owner"), 3, 1)
        grid.addWidget(self.owner, 3, 2, 1, 4)
        grid.addWidget(QLabel("Mitigation"), 4, 1)
        grid.addWidget(self.mitigation, 4, 2, 1, 4)
        grid.setColumnStretch(5, 1)
        self.show_risk(risk, 0)

    def _spin(self, field: str, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"risk:{self.risk_id}:{field}")
        spin.setRange(1, 5)
        spin.setKeyboardTracking(False)
        spin.setToolTip(tip + " (the scale is the tool's reading)")
        spin.setAccessibleName(tip)
        tracker = GestureTracker()
        spin.valueChanged.connect(
            lambda value: self._emit(field, value, tracker.current(dragging=False)))
        return spin

    def _commit(self, edit, field: str) -> None:
        edit.setModified(False)  # committed: from now on the field shows the model
        self._emit(field, edit.text())

    def _on_category(self, _index: int) -> None:
        self._emit("category", self.category.currentData())

    def _emit(self, field: str, value, gesture=None) -> None:
        self.changed.emit(self.risk_id, {field: value}, gesture)

    def show_risk(self, risk: Risk, number: int) -> None:
        self.number.setText(f"{number}" if number else "")
        set_combo(self.category, risk.category)
        set_line(self.text, risk.text)
        set_line(self.owner, risk.owner)
        set_line(self.mitigation, risk.mitigation)
        for spin, value in ((self.likelihood, risk.likelihood), (self.impact, risk.impact)):
            if spin.value() != value:
                with signals_blocked(spin):
                    spin.setValue(value)
        self.score.setText(f"likelihood x impact = {risk.likelihood * risk.impact}")
        try:
            suggestion = content().risk(risk.id).suggested_mitigation
        except KeyError:
            suggestion = ""
        self.mitigation.setPlaceholderText(f"mitigation; the tool suggests: {suggestion}"
                                           if suggestion else "mitigation")
