"""Colours and fonts shared by every chart, following the window's light or dark palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Okabe-Ito, readable by people with the common colour-vision deficiencies; yellow is swapped
# for brown so every colour holds up on a white projector screen.
OPTION_COLOURS = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F7F",
)

BASE_POINT_SIZE = 11
"""Chart text size in points: legible at 1280x720 on a projector; scales with DPI on 4K."""

_scale = 1.0
"""Presentation mode draws chart type and lines larger (set_scale(1.4)); 1.0 otherwise."""


def set_scale(factor: float) -> None:
    """Scale every chart's type and lines from now on (charts pick it up on restyle())."""
    global _scale
    _scale = max(0.5, min(3.0, float(factor)))


def scale() -> float:
    return _scale


def line(width: float) -> float:
    """A pen width in pixels at the current scale."""
    return width * _scale


def option_colour(index: int) -> QColor:
    return QColor(OPTION_COLOURS[index % len(OPTION_COLOURS)])


@dataclass(frozen=True)
class ChartStyle:
    background: QColor
    foreground: QColor
    muted: QColor
    grid: QColor
    weights: QColor
    dark: bool

    @classmethod
    def current(cls) -> ChartStyle:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else QPalette()
        bg = palette.color(QPalette.ColorRole.Base)
        fg = palette.color(QPalette.ColorRole.Text)
        dark = bg.lightness() < 128
        return cls.light() if not dark else cls(
            background=QColor("#1e1e1e"), foreground=QColor("#f0f0f0"),
            muted=QColor("#a8a8a8"), grid=QColor("#5a5a5a"), weights=QColor("#9a9a9a"),
            dark=True) if fg.isValid() else cls.light()

    @classmethod
    def light(cls) -> ChartStyle:
        return cls(background=QColor("#ffffff"), foreground=QColor("#1a1a1a"),
                   muted=QColor("#555555"), grid=QColor("#c8c8c8"), weights=QColor("#777777"),
                   dark=False)


def font(scale: float = 1.0, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(BASE_POINT_SIZE * scale * _scale)
    f.setBold(bold)
    return f
