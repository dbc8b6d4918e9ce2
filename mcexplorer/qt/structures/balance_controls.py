"""Controls of the Three Horizons tab: a balance row (share slider, value, lock) and the list of
tensions that wraps its lines to the panel's width."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListWidget, QWidget

from ...core.structures import balance as hz_balance, rules as hz_rules
from ...core.structures.models import HorizonsPlan
from ..framework.sliders import percent_slider
from ..gestures import GestureTracker
from ..labels import WrapLabel
from ..signals import signals_blocked
from .charts.horizons_data import HORIZON_COLOURS


class BalanceSlider(QWidget):
    """One share of the split: name, a 0-100 QSlider ``balance:<key>``, its value and a lock."""

    shareChanged = Signal(str, int, int)
    """key, new value, gesture id"""
    lockToggled = Signal(str, bool)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        n = int(key[1])
        self.name = QLabel(f"<b style='color:{HORIZON_COLOURS[n]}'>H{n}</b>")
        self.name.setToolTip(core_name(n))
        self.slider = percent_slider(f"balance:{key}", page_step=5)
        self.slider.setAccessibleName(f"Share of effort on H{n}")
        self.slider.setToolTip(f"Share of effort or budget on {core_name(n)}. The other two "
                               "shares rebalance in proportion; a locked share stays fixed.")
        self.name.setBuddy(self.slider)
        self.value = QLabel("")
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("100.0%") + 4)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.lock = QCheckBox("Lock")
        self.lock.setObjectName(f"balance-lock:{key}")
        self.lock.setAccessibleName(f"Lock the share on H{n}")
        self.lock.setToolTip(f"Keep H{n} fixed; moving another share then changes only the third.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.value)
        layout.addWidget(self.lock)
        self._gestures = GestureTracker(self.slider)
        self.slider.valueChanged.connect(self._on_value)
        self.lock.toggled.connect(self._on_lock)

    def _on_value(self, value: int) -> None:
        self.shareChanged.emit(self.key, value,
                               self._gestures.current(self.slider.isSliderDown()))

    def _on_lock(self, checked: bool) -> None:
        self.lockToggled.emit(self.key, checked)

    def show_share(self, display: int, exact: float, locked: bool) -> None:
        """Show the model's value without emitting an edit."""
        with signals_blocked(self.slider, self.lock):
            self.slider.setValue(display)
            self.lock.setChecked(locked)
        self.slider.setEnabled(not locked)
        text = pct(exact)
        self.value.setText(text)
        n = self.key[1]
        self.slider.setAccessibleDescription(
            f"H{n} share, currently {text}{' (locked)' if locked else ''}. Arrow keys move it "
            "by 1%, Page Up and Page Down by 5%; the other shares rebalance.")


def core_name(n: int) -> str:
    return {1: "H1, business as usual", 2: "H2, extending the core",
            3: "H3, a new business"}[n]


class TensionList(QListWidget):
    """A list whose items wrap to the list's width (heights follow a resize)."""

    def fit_items(self) -> None:
        width = max(120, self.viewport().width() - 2 * self.spacing() - 6)
        fm = self.fontMetrics()
        for n in range(self.count()):
            item = self.item(n)
            rect = fm.boundingRect(0, 0, width - 8, 10_000, Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, rect.height() + 10))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_items()


def pct(x: float) -> str:
    """A share in whole percent ("38%", not "38.1%": the balance is a rough intent)."""
    return f"{x:.0f}%"


TENSIONS_TIP = (
    "Computed from the settings of this tab and the business-model tab; each item names the "
    f"two settings. The rules and thresholds ({hz_rules.MIN_SUPPORT:g}%, "
    f"{hz_rules.HORIZON_GAP:g} horizons, weight {hz_rules.HIGH_WEIGHT:g}, "
    f"{hz_rules.MAX_SPLIT_GAP:g} points) are the tool's reading, not the sources'.")


def rules_note(framework_id: str) -> WrapLabel:
    """What counts as a tension, under the list: muted, small, the thresholds shown."""
    note = WrapLabel(hz_rules.thresholds_text())
    note.setObjectName(f"tension-rules:{framework_id}")
    small = note.font()
    small.setPointSizeF(small.pointSizeF() * 0.9)
    note.setFont(small)
    return note


def show_plan(plan: HorizonsPlan, sliders: dict[str, BalanceSlider], spins: dict) -> None:
    """The plan's balance and reference in the tab's controls, without emitting edits."""
    shown = hz_balance.display_percentages(plan.balance)
    for (key, row), value in zip(sliders.items(), shown):
        row.show_share(value, getattr(plan.balance, key), plan.locked == key)
    for key, spin in spins.items():
        value = getattr(plan.reference, key)
        if spin.value() != value:  # a spin box repaints even for the same value
            with signals_blocked(spin):
                spin.setValue(value)
