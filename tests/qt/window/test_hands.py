"""Hands that change nothing by accident: the mouse wheel over a control nobody picked, and
the undo keys whatever has the focus (issue 25, point 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSlider, QSpinBox, QWidget

BM = "business-models"
LR = "leadership-risks"


def wheel(widget: QWidget, notches: int = -3) -> None:
    """The wheel turned over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def scroller(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


@pytest.fixture
def window(open_window):
    w = open_window(BM)
    w.resize(1024, 700)
    return w


def test_the_wheel_over_an_unfocused_slider_scrolls_the_panel_and_changes_nothing(window, qtbot):
    slider = window.findChild(QSlider, f"weight:{BM}:roi")
    area = scroller(slider)
    before = window.document.settings(BM).weights["roi"]
    steps = window.controller.undo_stack.count()
    window.findChild(QSlider, f"weight:{BM}:effort").setFocus()
    assert not slider.hasFocus()
    bar = area.verticalScrollBar()
    bar.setValue(0)
    wheel(slider)
    assert slider.value() == before == window.document.settings(BM).weights["roi"]
    assert window.controller.undo_stack.count() == steps
    assert not slider.hasFocus()  # the wheel does not hand it the focus either
    if bar.maximum() > 0:  # the panel under the pointer scrolled instead
        assert bar.value() > 0


def test_the_wheel_changes_a_focused_slider_and_history_names_the_values(window, qtbot):
    slider = window.findChild(QSlider, f"weight:{BM}:roi")
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    wheel(slider, notches=2)
    value = window.document.settings(BM).weights["roi"]
    assert value != 50
    stack = window.controller.undo_stack
    assert stack.text(stack.count() - 1) == f"Weight of Return on investment 50 -> {value:g}"


def test_the_wheel_over_an_unfocused_spin_box_or_combo_box_changes_nothing(open_window):
    window = open_window(LR)
    risk = window.document.scenario.risks.items[0]
    spin = window.findChild(QSpinBox, f"risk:{risk.id}:likelihood")
    combo = window.findChild(QComboBox, f"risk:{risk.id}:category")
    weight_spin = window.framework_tabs[BM].findChildren(QSpinBox)[0]
    picker = window.findChild(QComboBox, "leadership:approach")
    before = window.document.scenario.model_dump()
    steps = window.controller.undo_stack.count()
    for box in (spin, combo, weight_spin, picker):
        assert not box.hasFocus()
        wheel(box, notches=3)
        wheel(box, notches=-3)
        assert not box.hasFocus()
    assert window.document.scenario.model_dump() == before
    assert window.controller.undo_stack.count() == steps
    assert spin.value() == risk.likelihood


def test_ctrl_z_with_a_spin_box_focused_undoes(window, qtbot):
    slider = window.findChild(QSlider, f"weight:{BM}:roi")
    spin = slider.parentWidget().spin
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClicks(spin, "74")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.settings(BM).weights["roi"] == 74
    stack = window.controller.undo_stack
    assert stack.text(stack.count() - 1) == "Weight of Return on investment 50 -> 74"
    assert spin.hasFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.settings(BM).weights["roi"] == 50
    qtbot.waitUntil(lambda: spin.value() == 50 == slider.value())
    qtbot.keyClick(spin, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.settings(BM).weights["roi"] == 74


def test_history_names_a_risk_likelihood_change_with_its_values(open_window, qtbot):
    window = open_window(LR)
    risk = window.document.scenario.risks.items[0]
    spin = window.findChild(QSpinBox, f"risk:{risk.id}:likelihood")
    pages = window.framework_tabs[LR].pages
    pages.setCurrentIndex(next(i for i in range(pages.count())
                               if pages.widget(i).isAncestorOf(spin)))
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    new = 5 if risk.likelihood != 5 else 1
    spin.setValue(new)
    stack = window.controller.undo_stack
    assert stack.text(stack.count() - 1).endswith(f"likelihood {risk.likelihood} -> {new}")
