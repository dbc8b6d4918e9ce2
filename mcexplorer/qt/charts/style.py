"""Colours and fonts shared by every chart, following the window's light or dark palette.

One palette for options everywhere (charts, the options table, exports and the report):
Okabe & Ito's eight colours, readable with the common colour-vision deficiencies. No option is
grey: grey means "not on the radar" in the ranking. Each option colour also has a marker shape,
so a chart printed in black and white still tells the options apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

OPTION_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black (drawn in the text colour on a dark background)
    "#F0E442",  # yellow (drawn with a dark edge)
)
"""Okabe & Ito (2008), "Color Universal Design", in this order; option N of a framework takes
colour N (modulo 8)."""

OPTION_SYMBOLS = ("o", "s", "t", "d", "t1", "p", "h", "star")
"""Marker shape per option colour (pyqtgraph names): circle, square, triangle down, diamond,
triangle up, pentagon, hexagon, star."""

WEIGHTS_LABEL = "weights"
"""Written on the radar beside the dashed weights profile, so it is not read as an option."""

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


_forced: list[ChartStyle] = []


def option_colour(index: int) -> QColor:
    return QColor(OPTION_COLOURS[index % len(OPTION_COLOURS)])


def option_index(colour: str) -> int:
    """The palette position of an option colour (-1 for a colour outside the palette)."""
    try:
        return OPTION_COLOURS.index(QColor(colour).name().upper())
    except ValueError:
        return -1


def option_symbol(colour: str) -> str:
    """The marker shape that goes with an option colour ("o" outside the palette)."""
    i = option_index(colour)
    return OPTION_SYMBOLS[i] if i >= 0 else "o"


def needs_edge(colour: str) -> bool:
    """Light colours (the palette's yellow) get a dark edge so they hold up on white."""
    return QColor(colour).lightnessF() > 0.7


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(colour: str, background: QColor, ratio: float = 4.5) -> QColor:
    """An option colour as text on ``background``: the same hue, darkened (or lightened on a
    dark background) until it reads (WCAG AA for text); black and white as a last resort."""
    c = QColor(colour)
    dark_bg = background.lightnessF() < 0.5
    for _ in range(12):
        if contrast(c, background) >= ratio:
            return c
        c = c.lighter(125) if dark_bg else c.darker(125)
    return QColor("#ffffff" if dark_bg else "#000000")


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
        if _forced:
            return _forced[-1]
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else QPalette()
        bg = palette.color(QPalette.ColorRole.Base)
        fg = palette.color(QPalette.ColorRole.Text)
        dark = bg.lightness() < 128
        return cls.light() if not dark else cls(
            background=QColor("#1e1e1e"), foreground=QColor("#f0f0f0"),
            muted=QColor("#a8a8a8"), grid=QColor("#5a5a5a"), weights=QColor("#c8c8c8"),
            dark=True) if fg.isValid() else cls.light()

    @classmethod
    def light(cls) -> ChartStyle:
        return cls(background=QColor("#ffffff"), foreground=QColor("#1a1a1a"),
                   muted=QColor("#555555"), grid=QColor("#c8c8c8"), weights=QColor("#333333"),
                   dark=False)

    def ink(self, colour: str) -> QColor:
        """An option colour as drawn on this background: black becomes the text colour on a
        dark one (every other palette colour reads on both)."""
        c = QColor(colour)
        if self.dark and c.lightnessF() < 0.1:
            return QColor(self.foreground)
        return c


@contextmanager
def forced_style(style: ChartStyle) -> Iterator[None]:
    """Charts built inside the block use ``style`` whatever the window's scheme (exports are
    drawn light, for white slides and paper)."""
    _forced.append(style)
    try:
        yield
    finally:
        _forced.pop()


def font(scale: float = 1.0, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(BASE_POINT_SIZE * scale * _scale)
    f.setBold(bold)
    return f

