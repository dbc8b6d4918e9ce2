"""The widgets of "how sure is the ranking" and the words they show; no arithmetic here.

``build_verdict`` is the line above the ranking; ``SensitivityPage`` and ``AcceptabilityPage``
are the two pages beside the radar; ``slider_line`` and ``slider_tooltip`` are the short texts
under a slider. The panel (robustness_panel) fills them from core.robustness.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.models import Framework
from ...core.robustness import Interval
from ...core.robustness.chart_data import value_text
from ..charts.acceptability import AcceptabilityChart
from ..charts.sensitivity import SensitivityChart
from ..charts.style import font
from ..plain import visible
from .band import ElidedLabel, small

MAX_DRAWS_IN_VIEW = 200_000
"""The draws spin box's ceiling: more would keep the window busy for seconds."""


@dataclass(frozen=True)
class DrawSettings:
    """How the rank acceptability draws are made (a view setting, not saved in the file)."""

    draws: int = 10_000
    seed: int = 0
    jitter: float = 20.0
    uniform: bool = False
    rating_ranges: bool = True


VERDICT_TIP = ("The tool's own arithmetic on the ratings, not a finding of the sources: "
               "weights and ranged ratings drawn near the current ones, as the sentence says "
               "(see the \u201cHow sure\u201d page). It "
               "updates when you let go of a slider; greyed, it is out of date.")


class VerdictLabel(ElidedLabel):
    """The verdict over the ranking, the sentence to read aloud: wrapped onto as many lines
    as its width needs (up to three), never cut (the whole sentence and what it rests on
    also in the tooltip). ``heightNeeded`` says when its height changes (width, text or
    type size)."""

    heightNeeded = Signal(int)
    max_lines = 3

    def _fit_lines(self, afresh: bool = False) -> None:
        before = self.minimumHeight()
        super()._fit_lines(afresh)
        if self.minimumHeight() != before:
            self.heightNeeded.emit(self.minimumHeight())

    def __init__(self) -> None:
        super().__init__()
        self.setForegroundRole(QPalette.ColorRole.WindowText)  # greyed only when out of date

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.set_full_text(text, f"{text}\n\n{VERDICT_TIP}" if text else VERDICT_TIP)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # A height changed while a page hid the verdict: Qt could keep the ranking at the old
        # height's place, over the last line (structures' Fit page at 1024x768). Place anew.
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None:
            layout.invalidate()

    def _fit_height(self) -> None:
        needed = self.sizeHint().height()
        if needed != self.minimumHeight():
            self.setFixedHeight(needed)
            self.heightNeeded.emit(needed)


def build_verdict(framework_id: str) -> VerdictLabel:
    label = VerdictLabel()
    label.setObjectName(f"verdict:{framework_id}")
    label.setAccessibleName("How sure the ranking is")
    label.setFont(font(0.92, bold=True))
    label.setContentsMargins(8, 3, 8, 1)
    label._fit_height()
    label.setText("")
    return label


def whole(value: float) -> str:
    """A weight for the line under a slider: the slider's own whole steps (the accessible
    description keeps one decimal)."""
    return f"{value:.0f}"


def slider_line(interval: Interval, names: dict[str, str], label=whole,
                scale: tuple[float, float] = (0.0, 100.0), what: str = "weight") -> str:
    """The short line under a slider: "stable 31-72; above 72: MOOC"."""
    lo, hi = label(interval.low), label(interval.high)
    if interval.below is None and interval.above is None \
            and interval.low <= scale[0] and interval.high >= scale[1]:
        return f"stable at any {what} above {lo}" if interval.low_open else f"stable at any {what}"
    text = f"stable {lo}\u2013{hi}" if lo != hi else f"first only at {lo}"
    if interval.low_open:
        text = f"stable above {lo} to {hi}"
    if interval.below is not None:
        text += f"; below {lo}: {names.get(interval.below, interval.below)}"
    if interval.above is not None:
        text += f"; above {hi}: {names.get(interval.above, interval.above)}"
    return text


def slider_tooltip(interval: Interval, leader: str, names: dict[str, str], label=value_text,
                   what: str = "this weight") -> str:
    text = (f"{leader} stays first while {what} is between {label(interval.low)} and "
            f"{label(interval.high)} (green band), everything else unchanged.")
    if interval.below is not None:
        text += f"\nBelow {label(interval.low)}: {names.get(interval.below, interval.below)} " \
                "comes first."
    if interval.above is not None:
        text += f"\nAbove {label(interval.high)}: {names.get(interval.above, interval.above)} " \
                "comes first."
    return text


class SensitivityPage(QWidget):
    """A criterion picker over the sensitivity chart."""

    criterionChanged = Signal(str)

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fid = framework.id
        self.chart = SensitivityChart(fid, "Fit as one weight moves")
        self.combo = QComboBox()
        self.combo.setObjectName(f"sensitivity-criterion:{fid}")
        self.combo.setAccessibleName("Weight to move on the sensitivity chart")
        for c in framework.criteria:
            self.combo.addItem(visible(c.name), c.id)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.combo.currentIndexChanged.connect(self._on_index)
        pick = QLabel("&Weight:")
        pick.setBuddy(self.combo)
        hint = small(ElidedLabel("or click a weight\u2019s name"))
        row = QHBoxLayout()
        row.setContentsMargins(6, 2, 6, 0)
        row.addWidget(pick)
        row.addWidget(self.combo)
        row.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)

    def _on_index(self, _index: int) -> None:
        self.criterionChanged.emit(self.criterion())

    def criterion(self) -> str:
        return self.combo.currentData() or ""

    def set_criterion(self, criterion_id: str) -> None:
        index = self.combo.findData(criterion_id)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)


class AcceptabilityPage(QWidget):
    """The acceptability chart over its controls: jitter, no preferences, draws, seed, ratings."""

    settingsChanged = Signal()

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fid = framework.id
        self.chart = AcceptabilityChart(fid, "Ranks across the draws")
        d = DrawSettings()
        self.jitter = self._spin(f"acceptability-jitter:{fid}", 0, 100, int(d.jitter), 5,
                                 "Each weight is drawn up to this far above or below its "
                                 "current value", prefix="\u00b1", suffix="%")
        self.uniform = QCheckBox("No preferences")
        self.uniform.setObjectName(f"acceptability-uniform:{fid}")
        self.uniform.setToolTip("Draw any weighting at all, uniformly, ignoring the sliders "
                                "(the 'no preferences' case)")
        self.draws = self._spin(f"acceptability-draws:{fid}", 100, MAX_DRAWS_IN_VIEW, d.draws,
                                1000, "How many draws are made")
        self.draws.setGroupSeparatorShown(True)
        self.seed = d.seed
        """Fixed in the window (shown under the chart); ``mcexplorer score --seed`` varies it."""
        self.fixed = QCheckBox("Fixed ratings")
        self.fixed.setObjectName(f"acceptability-fixed:{fid}")
        self.fixed.setToolTip("Keep every rating as shown. Unticked, a rating written as a range "
                              "between two levels (Table 2's LOW/MED, or the tool's own "
                              "half-step defaults such as weak/moderate) is drawn inside it")
        for box in (self.uniform, self.fixed):
            box.toggled.connect(self._changed)
        grid = QGridLayout()
        grid.setContentsMargins(6, 0, 6, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for col, (text, spin) in enumerate((("&Jitter", self.jitter), ("&Draws", self.draws))):
            lab = QLabel(text)
            lab.setBuddy(spin)
            grid.addWidget(lab, 0, 2 * col, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(spin, 0, 2 * col + 1)
        grid.addWidget(self.uniform, 1, 0, 1, 2)
        grid.addWidget(self.fixed, 1, 2, 1, 2)
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chart, 1)
        layout.addLayout(grid)

    def _spin(self, name: str, lo: int, hi: int, value: int, step: int, tip: str,
              prefix: str = "", suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(lo, hi)
        spin.setValue(value)
        spin.setSingleStep(step)
        spin.setPrefix(prefix)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        spin.setToolTip(tip)
        spin.setAccessibleDescription(tip)
        spin.valueChanged.connect(self._changed)
        return spin

    def _changed(self, *_args) -> None:
        self.jitter.setEnabled(not self.uniform.isChecked())
        self.settingsChanged.emit()

    def settings(self) -> DrawSettings:
        return DrawSettings(draws=self.draws.value(), seed=self.seed,
                            jitter=float(self.jitter.value()), uniform=self.uniform.isChecked(),
                            rating_ranges=not self.fixed.isChecked())
