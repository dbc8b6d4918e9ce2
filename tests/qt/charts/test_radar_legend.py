"""The radar legend shows each option in the colour of its shape, after any change.

The legend is read as pixels from the window's backing store (``screen().grabWindow``), not
re-rendered with ``grab()``: a stale paint (an entry relabelled but its swatch not redrawn) is
only visible there.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSlider

BM = "business-models"


def _close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def legend_swatches(window, chart) -> dict[str, QColor]:
    """Each legend entry's name and the colour of its swatch as it is on screen."""
    image = window.screen().grabWindow(window.winId()).toImage()
    ratio = image.devicePixelRatio()
    found = {}
    for sample, label in chart.legend.items:
        rect = sample.sceneBoundingRect()
        # The swatch is a thick line across the middle of the sample (radar_marks.WideSample;
        # the chart may be drawn scaled, so read it at the centre, not a fixed pixel row).
        colours = []
        for fx in (0.3, 0.5, 0.7):
            scene = QPointF(rect.left() + fx * rect.width(), rect.center().y())
            p = chart.mapTo(window, chart.mapFromScene(scene))
            colours.append(image.pixelColor(int(p.x() * ratio), int(p.y() * ratio)))
        # The most saturated of the three samples (antialiasing can lighten one).
        found[label.text] = max(colours, key=lambda c: c.hsvSaturation())
    return found


def series_colours(chart) -> dict[str, QColor]:
    """Each option's name and the colour of its outline on the radar (its shape)."""
    shown = [s for s in chart.data.series]
    outlines = chart.body.outline_colours()  # as the radar's painted item draws them
    assert len(outlines) == len(shown)
    for s, outline in zip(shown, outlines):
        assert _close(outline, QColor(s.colour), 0)
    return {s.name: QColor(s.colour) for s in shown}


def check_legend(window, chart) -> None:
    swatches = legend_swatches(window, chart)
    colours = series_colours(chart)
    for name, colour in colours.items():
        assert name in swatches, (name, list(swatches))
        assert _close(swatches[name], colour), (name, swatches[name].name(), colour.name())


def drag(qtbot, slider: QSlider, value: int) -> None:
    slider.setSliderDown(True)
    for v in range(slider.value(), value + 1 if value >= slider.value() else value - 1,
                   5 if value >= slider.value() else -5):
        slider.setValue(v)
        qtbot.wait(1)
    slider.setValue(value)
    slider.setSliderDown(False)
    qtbot.wait(30)


def test_legend_swatches_follow_a_drag_that_changes_the_top_three(open_window, qtbot):
    window = open_window(BM)
    chart = window.findChild(object, f"chart:{BM}:radar")
    qtbot.wait(50)
    before = [s.name for s in chart.data.series]
    check_legend(window, chart)
    drag(qtbot, window.findChild(QSlider, f"weight:{BM}:speed-to-market"), 100)
    after = [s.name for s in chart.data.series]
    assert after != before  # the drag changed the top three (or their order)
    check_legend(window, chart)
    drag(qtbot, window.findChild(QSlider, f"weight:{BM}:risk"), 0)
    drag(qtbot, window.findChild(QSlider, f"weight:{BM}:autonomy"), 100)
    check_legend(window, chart)
    window.controller.undo_stack.undo()
    qtbot.wait(30)
    check_legend(window, chart)
