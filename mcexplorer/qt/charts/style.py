"""Colours and fonts shared by every chart, following the window's light or dark palette.

One palette for options everywhere (charts, the options table, exports and the report):
Okabe & Ito's hues, each at least 3:1 against white in colour and in greyscale (core.chart_data).
No option is grey: grey means "not on the radar" in the ranking. Each option colour also has a
marker shape, so a chart printed in black and white still tells the options apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...core.chart_data import OPTION_COLOURS

OPTION_SYMBOLS = ("o", "s", "t", "d", "t1", "p", "h", "star")
"""Marker shape per option colour (pyqtgraph names): circle, square, triangle down, diamond,
triangle up, pentagon, hexagon, star."""

WEIGHTS_LABEL = "weights"
"""Written on the radar beside the dashed weights profile, so it is not read as an option."""

LINE_CONTRAST = 3.0
"""The least contrast of an option's line against the chart's background (WCAG 2.1, 1.4.11)."""

BASE_POINT_SIZE = 11
"""Chart text size in points: legible at 1280x720 on a projector; scales with DPI on 4K."""

PRESENTING_SCALE = 1.4
"""Presenting draws chart type and lines this much larger (the charts' presenting style)."""

_drawing: list = []
"""What is being drawn now, innermost last: a chart (its ``style``) or a style. A chart
enters its own style while it builds, draws, fits or paints (charts.base), so ``font`` and
``line`` size by the style of the chart at hand: no scale shared between charts, and an
export's copy, drawn in the print style, is the same whatever the window shows."""


def _style_now():
    for holder in reversed(_drawing):
        style = getattr(holder, "style", None)
        if isinstance(style, ChartStyle):
            return style
    return None


def line(width: float) -> float:
    """A pen width in pixels in the style being drawn."""
    style = _style_now()
    return width * (style.scale if style is not None else 1.0)


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


@dataclass(frozen=True)
class ChartStyle:
    """How a chart draws: colours, and the scale of its type and lines. Three kinds:
    ``normal`` (the window's light or dark palette), ``presenting`` (the same, larger) and
    ``print`` (light, for exports, slides and paper; it never follows the window)."""

    background: QColor
    foreground: QColor
    muted: QColor
    grid: QColor
    weights: QColor
    dark: bool
    scale: float = 1.0
    kind: str = "normal"

    @property
    def style(self) -> ChartStyle:
        """A style stands for itself where a chart would (see ``drawing``)."""
        return self

    @classmethod
    def current(cls) -> ChartStyle:
        """The style of whatever is being drawn now; outside any drawing, the window's."""
        now = _style_now()
        return now if now is not None else cls.normal()

    @classmethod
    def print(cls) -> ChartStyle:
        """Exports: light, at scale 1, whatever the window shows."""
        return replace(cls.light(), kind="print")

    def presenting(self) -> ChartStyle:
        """This style for the projector: type and lines ``PRESENTING_SCALE`` larger."""
        return replace(self, scale=PRESENTING_SCALE, kind="presenting")

    def following(self) -> ChartStyle:
        """This style after a change of the window's palette (a print style stays)."""
        if self.kind == "print":
            return self
        return replace(ChartStyle.normal(), scale=self.scale, kind=self.kind)

    @classmethod
    def normal(cls) -> ChartStyle:
        """The window's light or dark palette, at scale 1."""
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
        """An option colour as drawn on this background: as it is on a light one (the palette
        holds 3:1 on white); on a dark one black becomes the text colour and a colour under
        ``LINE_CONTRAST`` against the background is lightened until it reaches it."""
        c = QColor(colour)
        if not self.dark:
            return c
        if c.lightnessF() < 0.1:
            return QColor(self.foreground)
        for _ in range(20):
            if contrast(c, self.background) >= LINE_CONTRAST:
                break
            c = QColor.fromRgbF(*(v + (1.0 - v) * 0.15 for v in (c.redF(), c.greenF(),
                                                                   c.blueF())))
        return c


@contextmanager
def drawing(holder) -> Iterator[None]:
    """Inside the block, ``font``, ``line`` and ``ChartStyle.current`` follow ``holder``: a
    chart (its style as it is at each call) or a style. Charts built inside take it as
    their style (exports build their copies inside ``drawing(ChartStyle.print())``)."""
    _drawing.append(holder)
    try:
        yield
    finally:
        _drawing.pop()




def font(scale: float = 1.0, bold: bool = False) -> QFont:
    """Chart type ``scale`` times the base size, in the style being drawn."""
    style = _style_now()
    f = QFont()
    f.setPointSizeF(BASE_POINT_SIZE * scale * (style.scale if style is not None else 1.0))
    f.setBold(bold)
    return f

