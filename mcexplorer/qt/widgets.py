"""Small input widgets: a labelled weight slider and the target slider for a scale.

The named object (``weight:<fw>:<criterion>`` or ``target:<fw>:<criterion>``) is a real
QSlider, so ``findChild(QSlider, name)``, keyboard events and screen readers reach it
directly. A drag, or a run of keyboard nudges less than NUDGE_GAP_S apart, is one gesture:
the edits it produces carry the same gesture id and merge into one undo step.
"""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QSlider, QSpinBox, QWidget,
)
from superqt import QDoubleSlider

NUDGE_GAP_S = 1.0
_gestures = itertools.count(1)


class _GestureTracker:
    """Gives each drag, and each run of quick nudges, its own id."""

    def __init__(self, slider: QSlider) -> None:
        self._id = next(_gestures)
        self._last = 0.0
        slider.sliderPressed.connect(self.begin)

    def begin(self) -> None:
        self._id = next(_gestures)
        self._last = time.monotonic()

    def current(self, dragging: bool) -> int:
        now = time.monotonic()
        if not dragging and now - self._last > NUDGE_GAP_S:
            self._id = next(_gestures)
        self._last = now
        return self._id


class WeightSlider(QWidget):
    """Criterion name, a 0-100 slider and a spin box showing (and taking) the exact value."""

    weightChanged = Signal(str, int, int)
    """criterion id, new value, gesture id"""

    def __init__(self, framework_id: str, criterion_id: str, name: str, description: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion_id = criterion_id
        self.label = QLabel(name)
        self.label.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"weight:{framework_id}:{criterion_id}")
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(25)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(f"Weight of {name}")
        self.slider.setAccessibleDescription(
            f"How much {name} matters, from 0 (ignore) to 100. {description}".strip())
        self.slider.setToolTip(description)
        self.spin = QSpinBox()
        self.spin.setRange(0, 100)
        self.spin.setAccessibleName(f"Weight of {name}, exact value")
        self.spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setFixedWidth(self.spin.fontMetrics().horizontalAdvance("1000") + 12)
        self.label.setBuddy(self.slider)
        self._gesture = _GestureTracker(self.slider)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0 , 2)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.label, 0, 0, 1, 2)
        layout.addWidget(self.slider, 1, 0)
        layout.addWidget(self.spin, 1, 1)
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.editingFinished.connect(self._on_spin)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_value(self, value: float) -> None:
        """Show a value from the scenario without emitting an edit."""
        v = int(round(value))
        for w in (self.slider, self.spin):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)

    def _on_slider(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.weightChanged.emit(self.criterion_id, value,
                                self._gesture.current(self.slider.isSliderDown()))

    def _on_spin(self) -> None:
        if self.spin.value() != self.slider.value():
            self._gesture.begin()
            self.slider.setValue(self.spin.value())


class ScaleSlider(QWidget):
    """A slider over a criterion's scale in half steps, with the level names as ticks.

    The named object is a QDoubleSlider (a QSlider subclass) whose value is the scale value
    itself, so ``setValue(3)`` means H3 for the horizon.
    """

    targetChanged = Signal(str, float, int)

    def __init__(self, object_name: str, criterion_id: str, name: str, scale: tuple[float, float],
                 levels: dict[str, float], description: str, step: float = 0.5,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion_id = criterion_id
        self.levels = levels
        self.step = step
        self.label = QLabel(name)
        self.slider = QDoubleSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(object_name)
        self.slider.setRange(*scale)
        self.slider.setSingleStep(step)
        self.slider.setPageStep(step * 2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(step)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(name)
        self._description = description
        self.slider.setAccessibleDescription(description)
        self.slider.setToolTip(description)
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("H2/H3") + 8)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.label.setBuddy(self.slider)
        ticks = QHBoxLayout()
        for text in sorted(levels, key=levels.get):
            lab = QLabel(text)
            lab.setEnabled(False)
            ticks.addWidget(lab)
            if text != max(levels, key=levels.get):
                ticks.addStretch(1)
        self._gesture = _GestureTracker(self.slider)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.label, 0, 0, 1, 2)
        layout.addWidget(self.slider, 1, 0)
        layout.addWidget(self.value_label, 1, 1)
        layout.addLayout(ticks, 2, 0)
        self.slider.valueChanged.connect(self._on_slider)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def snapped(self, value: float) -> float:
        lo = self.slider.minimum()
        return lo + round((value - lo) / self.step) * self.step

    def text_for(self, value: float) -> str:
        for label, v in self.levels.items():
            if abs(v - value) < 1e-9:
                return label
        items = sorted(self.levels.items(), key=lambda kv: kv[1])
        for (a, va), (b, vb) in zip(items, items[1:]):
            if abs((va + vb) / 2 - value) < 1e-9:
                return f"{a}/{b}"
        return f"{value:g}"

    def set_value(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self.value_label.setText(self.text_for(value))
        self.slider.setAccessibleDescription(
            f"{self._description} Currently {self.text_for(value)}.".strip())

    def _on_slider(self, value: float) -> None:
        snapped = self.snapped(value)
        self.value_label.setText(self.text_for(snapped))
        self.targetChanged.emit(self.criterion_id, snapped,
                                self._gesture.current(self.slider.isSliderDown()))
