"""Issue 24 item 8: a target criterion on a wide scale (0-1e8 ... 0-1e15). The target slider
keeps a bounded number of steps and ticks (half steps where the scale is narrow, round steps
otherwise), so opening, painting and dragging cost the same on any scale."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSlider

from mcexplorer.app import create_window
from mcexplorer.qt.framework.sliders import MAX_STEPS, MAX_TICKS, scale_step
from tests.wide_scale import wide_scenario


@pytest.mark.parametrize("hi", [1e8, 1e9, 1e10, 1e15])
def test_a_target_slider_on_a_wide_scale_has_bounded_steps_and_works(qtbot, tmp_path, hi):
    w = create_window(wide_scenario(tmp_path / "wide.json", hi))  # OverflowError at 1e10
    qtbot.addWidget(w)
    slider = w.findChild(QSlider, "target:wide:budget")
    steps = QSlider.maximum(slider) - QSlider.minimum(slider)
    assert 0 < steps <= MAX_STEPS  # 2e8 steps (and ticks) at 0-1e8 before
    assert steps / slider.tickInterval() <= MAX_TICKS
    assert (slider.minimum(), slider.maximum()) == (0.0, hi)
    w.resize(1024, 768)
    w.show()
    w.tabs.setCurrentWidget(w.framework_tabs["wide"])
    qtbot.waitExposed(w)
    assert not w.grab().isNull()  # the groove, its ticks and the band are painted
    before = w.document.target("wide", "budget")
    assert abs(slider.value() - before) <= slider._step / 2  # the file's target, to a step
    slider.setFocus()
    slider.triggerAction(QSlider.SliderAction.SliderSingleStepAdd)
    after = w.document.target("wide", "budget")
    assert after == pytest.approx(slider.value()) and after > before
    assert after - before <= 1.5 * slider._step
    w.controller.undo_stack.setClean()


def test_narrow_scales_keep_their_half_steps():
    assert scale_step(1, 3) == 0.5  # the business models' horizon: H1, H1/H2, ... H3
    assert scale_step(0, 100) == 0.5
    assert scale_step(0, 1000) == 5.0
    assert scale_step(0, 1e10) == 5e7
    assert scale_step(-1e15, 1e15) == 1e13
