"""The weights panel of a framework tab: what matters (one slider per criterion), where the
institution aims (targets), the notes, and any tools other parts add.

It is one part of the tab (see tab.py): the tab places it where its ``arrange()`` says. Other
parts add to it through ``add_top`` (the room's participant picker) and ``add_tools`` (the
framework editor), never by reaching into its layout.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...core.models import Framework
from ..controller import DocumentController
from .notes import NotesBox
from .sliders import ScaleSlider, WeightSlider
from .weight_labels import SHARE_TIP, direction_hint, weight_name, weight_tip

PANEL_MIN_WIDTH, PANEL_MAX_WIDTH = 220, 380


class WeightsPanel(QScrollArea):
    """A scrolling column: the weight sliders, the target sliders, the notes box."""

    def __init__(self, controller: DocumentController, framework: Framework,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fid = framework.id
        self.setObjectName(f"weights-panel:{fid}")
        self.weight_sliders: dict[str, WeightSlider] = {}
        self.target_sliders: dict[str, ScaleSlider] = {}
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(6, 6, 6, 6)

        weights_box = QGroupBox("What matters (weights)")
        weights_layout = QVBoxLayout(weights_box)
        for c in framework.criteria:
            w = WeightSlider(fid, c.id, weight_name(c), weight_tip(c), weights_box,
                             hint=direction_hint(c))
            if c.literature_share is not None:
                w.label.setToolTip(SHARE_TIP)
            weights_layout.addWidget(w)
            self.weight_sliders[c.id] = w
        self.reset_button = QPushButton("Equal weights")
        self.reset_button.setObjectName(f"reset-weights:{fid}")
        self.reset_button.setToolTip("Set every weight back to its default")
        weights_layout.addWidget(self.reset_button)
        self._layout.addWidget(weights_box)

        targets = [c for c in framework.criteria if c.direction == "target"]
        if targets:
            target_box = QGroupBox("Where you are aiming")
            target_layout = QVBoxLayout(target_box)
            for c in targets:
                s = ScaleSlider(f"target:{fid}:{c.id}", c.id, f"Target {c.name.lower()}",
                                c.scale, c.levels,
                                f"The {c.name.lower()} the institution aims for; options closer "
                                f"to it fit better.", parent=target_box)
                target_layout.addWidget(s)
                self.target_sliders[c.id] = s
            self._layout.addWidget(target_box)

        self.notes_box = NotesBox(controller, fid)
        self._layout.addWidget(QLabel("Notes (in the report)"))
        self._layout.addWidget(self.notes_box)
        self._layout.addStretch(1)

        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.setMaximumWidth(PANEL_MAX_WIDTH)

    def add_top(self, widget: QWidget) -> None:
        """Put ``widget`` above the weights (the room's "whose weights" picker)."""
        self._layout.insertWidget(0, widget)

    def add_tools(self, widget: QWidget) -> None:
        """Put ``widget`` at the foot of the column, after the notes."""
        self._layout.insertWidget(self._layout.count() - 1, widget)  # before the stretch
