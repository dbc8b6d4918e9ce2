"""Small input widgets: a labelled weight slider and the target slider for a scale.

The named object (``weight:<fw>:<criterion>`` or ``target:<fw>:<criterion>``) is a real
QSlider, so ``findChild(QSlider, name)``, keyboard events and screen readers reach it
directly. A drag, or a run of quick keyboard nudges, is one gesture (qt.gestures): the edits
it produces merge into one undo step. Each slider can show how sure the ranking is (a band on
its groove and a short line under it, see ``show_stability``), painted by qt.framework.band.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QWidget,
)

from ...core.models import level_label
from ..gestures import GestureTracker
from ..plain import guarded, make_plain
from ..signals import signals_blocked
from .band import BandedSlider, ElidedLabel, NameLabel, small


def percent_slider(object_name: str, page_step: int) -> BandedSlider:
    """A keyboard-operable 0-100 slider under its automation name."""
    slider = BandedSlider(Qt.Orientation.Horizontal)
    slider.setObjectName(object_name)
    slider.setRange(0, 100)
    slider.setSingleStep(1)
    slider.setPageStep(page_step)
    slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return slider


def _label_over_slider(owner: QWidget, label: QLabel, slider: QSlider,
                       value: QWidget) -> QGridLayout:
    """The name on one row; the slider and its value on the next."""
    layout = QGridLayout(owner)
    layout.setContentsMargins(0, 1, 0, 1)
    layout.setVerticalSpacing(0)
    layout.addWidget(label, 0, 0, 1, 2)
    layout.addWidget(slider, 1, 0)
    layout.addWidget(value, 1, 1)
    return layout


class StabilityMixin:
    """The band, the short line under the slider and the slider's accessible description."""

    slider: BandedSlider
    stability_label: ElidedLabel
    _description: str

    def _add_stability_line(self, layout: QGridLayout, row: int) -> None:
        self.stability_label = small(ElidedLabel())
        self.stability_label.max_lines = 2  # "stable 25-100; below 25: MOOC led" whole
        self.stability_label.keep_height = True  # a drag never moves the sliders below
        self.stability_label.setObjectName(f"stability:{self.slider.objectName()}")
        self.stability_label.setVisible(False)
        layout.addWidget(self.stability_label, row, 0, 1, 2)
        self._stability_sentence = ""

    def show_stability(self, band: tuple[float, float] | None, line: str, sentence: str,
                       tooltip: str = "") -> None:
        """The band (fractions of the slider's range, None for none), the short visible line,
        and the sentence that leads the slider's accessible description."""
        self.slider.set_band(band)
        self.stability_label.set_full_text(line, tooltip or line)
        self.stability_label.setVisible(bool(line))
        if sentence != self._stability_sentence:
            self._stability_sentence = sentence
            self._update_description()

    def _update_description(self) -> None:
        parts = [self._stability_sentence + "." if self._stability_sentence else "",
                 self._description]
        self.slider.setAccessibleDescription(" ".join(p for p in parts if p).strip())


class WeightSlider(StabilityMixin, QWidget):
    """Criterion name, a 0-100 slider and a spin box showing (and taking) the exact value."""

    weightChanged = Signal(str, int, int)
    """criterion id, new value, gesture id"""
    nameClicked = Signal(str)
    """criterion id: the planner clicked the criterion's name"""

    def __init__(self, framework_id: str, criterion_id: str, name: str, description: str,
                 parent: QWidget | None = None, hint: str = "") -> None:
        super().__init__(parent)
        self.criterion_id = criterion_id
        self.label = NameLabel(name)
        self.label.setWordWrap(True)
        self.label.clicked.connect(self._on_name_clicked)
        if hint:  # which way the criterion counts, muted after the name (both escaped)
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            self.label.setTextFormat(Qt.TextFormat.RichText)
            self.label.setText(f"{html.escape(name)} <span style='color:{muted}'>\u00b7 "
                               f"{html.escape(hint)}</span>")
        self.slider = percent_slider(f"weight:{framework_id}:{criterion_id}", page_step=10)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(25)
        self.slider.setAccessibleName(f"Weight of {name}")
        self._description = f"How much {name} matters, from 0 (ignore) to 100. {description}"
        self.slider.setAccessibleDescription(self._description.strip())
        self.slider.setToolTip(guarded(description))
        self.spin = QSpinBox()
        self.spin.setRange(0, 100)
        self.spin.setAccessibleName(f"Weight of {name}, exact value")
        self.spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setFixedWidth(self.spin.fontMetrics().horizontalAdvance("1000") + 12)
        self.label.setBuddy(self.slider)
        self._gesture = GestureTracker(self.slider)
        self._add_stability_line(_label_over_slider(self, self.label, self.slider, self.spin), 2)
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.editingFinished.connect(self._on_spin)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_value(self, value: float) -> None:
        """Show a value from the scenario without emitting an edit."""
        v = round(value)
        if v == self.slider.value() and v == self.spin.value():
            return  # a spin box repaints (and its row with it) even for the same value
        with signals_blocked(self.slider, self.spin):
            self.slider.setValue(v)
            self.spin.setValue(v)

    def _on_slider(self, value: int) -> None:
        if self.spin.value() != value:
            with signals_blocked(self.spin):
                self.spin.setValue(value)
        self.weightChanged.emit(self.criterion_id, value,
                                self._gesture.current(self.slider.isSliderDown()))

    def _on_name_clicked(self) -> None:
        self.nameClicked.emit(self.criterion_id)

    def _on_spin(self) -> None:
        if self.spin.value() != self.slider.value():
            self._gesture.begin()
            self.slider.setValue(self.spin.value())


MAX_STEPS = 200
"""A target slider has at most this many steps (and at most MAX_TICKS ticks), whatever its
scale: a 0-1e10 scale in half steps would need 2e10 of them (more than a QSlider holds; 2e8
on 0-1e8 took gigabytes to paint)."""
MAX_TICKS = 20


def scale_step(lo: float, hi: float, wanted: float = 0.5) -> float:
    """``wanted`` (half steps) where the scale is narrow enough; else the smallest round step
    (1, 2 or 5 times a power of ten) that gives at most MAX_STEPS steps."""
    span = float(hi) - float(lo)
    if span / wanted <= MAX_STEPS:
        return wanted
    least = span / MAX_STEPS
    power = 10.0 ** math.floor(math.log10(least))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * power >= least:
            return m * power
    return 10.0 * power  # pragma: no cover - the loop ends at 10


class StepSlider(BandedSlider):
    """A QSlider over [lo, hi] in fixed steps whose ``value()``/``setValue()`` use scale values.

    Qt moves it in whole steps (keyboard, mouse and screen readers work natively); from Python
    ``setValue(3)`` on the horizon slider means H3. (superqt's QDoubleSlider was tried first:
    with PySide6 6.11 it ignores the arrow keys, so it is not keyboard operable.)
    """

    scaleValueChanged = Signal(float)

    def __init__(self, lo: float, hi: float, step: float, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._lo, self._hi = float(lo), float(hi)
        self._step = scale_step(self._lo, self._hi, float(step))
        steps = max(1, min(MAX_STEPS, math.ceil((self._hi - self._lo) / self._step - 1e-9)))
        QSlider.setRange(self, 0, steps)
        QSlider.setSingleStep(self, 1)
        QSlider.setPageStep(self, max(2, steps // 10))
        QSlider.setTickInterval(self, max(1, math.ceil(steps / MAX_TICKS)))
        self.valueChanged.connect(self._emit_scale_value)

    def value(self) -> float:  # type: ignore[override]
        return min(self._hi, self._lo + QSlider.value(self) * self._step)

    def setValue(self, value: float) -> None:  # noqa: N802
        steps = round((float(value) - self._lo) / self._step)
        QSlider.setValue(self, max(QSlider.minimum(self), min(QSlider.maximum(self), steps)))

    def minimum(self) -> float:  # type: ignore[override]
        return self._lo

    def maximum(self) -> float:  # type: ignore[override]
        return self._hi

    def _emit_scale_value(self, _steps: int) -> None:
        self.scaleValueChanged.emit(self.value())


class ScaleSlider(StabilityMixin, QWidget):
    """A slider over a criterion's scale in half steps, with the level names as ticks.

    The named object is a StepSlider (a QSlider) whose value is the scale value itself.
    """

    targetChanged = Signal(str, float, int)
    slider: StepSlider

    def __init__(self, object_name: str, criterion_id: str, name: str, scale: tuple[float, float],
                 levels: dict[str, float], description: str, step: float = 0.5,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion_id = criterion_id
        self.levels = levels
        self.label = make_plain(QLabel(name.replace("&", "&&")))  # a name, never markup
        self.slider = StepSlider(scale[0], scale[1], step)
        self.step = self.slider._step  # half steps, or a round step on a wide scale
        self.slider.setObjectName(object_name)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(name)
        self._base_description = self._description = description
        self.slider.setAccessibleDescription(description)
        self.slider.setToolTip(guarded(description))
        self.value_label = QLabel()
        metrics = self.value_label.fontMetrics()
        self.value_label.setMinimumWidth(metrics.horizontalAdvance("H2/H3") + 8)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.label.setBuddy(self.slider)
        ticks = QHBoxLayout()
        for text in sorted(levels, key=levels.__getitem__):
            lab = make_plain(QLabel(text))
            lab.setEnabled(False)
            ticks.addWidget(lab)
            if text != max(levels, key=levels.__getitem__):
                ticks.addStretch(1)
        self._gesture = GestureTracker(self.slider)
        grid = _label_over_slider(self, self.label, self.slider, self.value_label)
        grid.addLayout(ticks, 2, 0)
        self._add_stability_line(grid, 3)
        self.slider.scaleValueChanged.connect(self._on_slider)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text_for(self, value: float) -> str:
        return level_label(self.levels, value)

    def set_value(self, value: float) -> None:
        with signals_blocked(self.slider):
            self.slider.setValue(value)
        text = self.text_for(value)
        if text != self.value_label.text():
            self.value_label.setText(text)
        description = f"{self._base_description} Currently {text}."
        if description != self._description:
            self._description = description
            self._update_description()

    def _on_slider(self, value: float) -> None:
        self.value_label.setText(self.text_for(value))
        self.targetChanged.emit(self.criterion_id, value,
                                self._gesture.current(self.slider.isSliderDown()))
