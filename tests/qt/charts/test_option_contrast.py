"""Every option colour holds up on white and in greyscale (issue 25, point 5: the yellow OPX
line vanished on white): a line or bar in an option's colour has at least 3:1 contrast
against a white page (WCAG 2.1 non-text contrast), in colour and once printed in greyscale,
as drawn in an export; on the dark screen style too."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from mcexplorer.core.chart_data import OPTION_COLOURS, RankingData, RankingRow
from mcexplorer.qt.charts.export import ImageSpec, laid_out, render_chart
from mcexplorer.qt.charts.ranking import RankingChart
from mcexplorer.qt.charts.style import ChartStyle, contrast

WHITE = QColor("#ffffff")


def _grey(colour: QColor) -> QColor:
    """The colour as a greyscale printout has it (Qt's luma conversion)."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    image.setPixelColor(0, 0, colour)
    g = image.convertToFormat(QImage.Format.Format_Grayscale8).pixelColor(0, 0)
    return QColor(g.red(), g.red(), g.red())


def test_every_option_colour_reads_on_white_in_colour_and_in_greyscale():
    for hex_colour in OPTION_COLOURS:
        c = QColor(hex_colour)
        assert contrast(c, WHITE) >= 3.0, hex_colour
        assert contrast(_grey(c), WHITE) >= 3.0, hex_colour
    assert len({c.upper() for c in OPTION_COLOURS}) == len(OPTION_COLOURS)


def test_option_colours_read_on_the_dark_style_too():
    dark = ChartStyle(background=QColor("#1e1e1e"), foreground=QColor("#f0f0f0"),
                      muted=QColor("#a8a8a8"), grid=QColor("#5a5a5a"),
                      weights=QColor("#c8c8c8"), dark=True)
    inks = [dark.ink(c) for c in OPTION_COLOURS]
    for hex_colour, ink in zip(OPTION_COLOURS, inks):
        assert contrast(ink, dark.background) >= 3.0, (hex_colour, ink.name())
    assert len({ink.name() for ink in inks}) == len(inks)
    light = ChartStyle.light()
    assert [light.ink(c).name().upper() for c in OPTION_COLOURS] == list(OPTION_COLOURS)


def test_every_option_bar_in_an_export_reads_on_white_in_greyscale(qtbot):
    """Eight options on the radar, each bar in its colour, exported: the painted pixels."""
    rows = tuple(RankingRow(f"Option {i + 1}", 90.0 - 5 * i, i + 1, False, colour)
                 for i, colour in enumerate(OPTION_COLOURS))
    chart = RankingChart("business-models")
    qtbot.addWidget(chart)
    chart.show_data(RankingData(rows))
    width = 900
    image = render_chart(chart, spec=ImageSpec(width=width, dpi=96))
    with laid_out(chart, width, int(width * chart.export_aspect + 0.999)) as twin:
        body = twin.body
        centres = [twin.mapFromScene(body.mapToScene(body.row_centre(i)))
                   for i in range(len(rows))]
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    for colour, at in zip(OPTION_COLOURS, centres):
        painted = image.pixelColor(at.x(), at.y())
        assert painted.name().upper() == colour, (colour, painted.name())
        g = grey.pixelColor(at.x(), at.y()).red()
        assert contrast(QColor(g, g, g), WHITE) >= 3.0, (colour, g)
