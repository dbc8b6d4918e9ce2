"""Markers keep their size beside the text in exports and the report (issue 25, point 4): a
structure's circle on the Three Horizons grows with the export's scale like everything else,
instead of staying at its screen size in pixels (a few tenths of a millimetre in the PDF)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from mcexplorer.qt.charts.export import ImageSpec, render_chart

ST = "structures"
VERMILLION = QColor("#D55E00")  # structure 2's colour; no curve or band is drawn in it


def _pixels(image, colour: QColor, tolerance: int = 40) -> int:
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) \
                    + abs(c.blue() - colour.blue()) < tolerance:
                count += 1
    return count


def test_a_structure_marker_scales_with_the_export(open_window):
    window = open_window(ST)
    chart = window.framework_tabs[ST].charts["horizons"]
    one = render_chart(chart, spec=ImageSpec(width=400, dpi=96))
    three = render_chart(chart, spec=ImageSpec(width=1200, dpi=288))  # as the report draws
    small, large = _pixels(one, VERMILLION), _pixels(three, VERMILLION)
    assert small > 20
    assert large >= 6 * small, (small, large)  # the area grows with the scale squared (9x)
